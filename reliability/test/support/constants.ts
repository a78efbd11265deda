// One sentinel API key for the whole suite (vitest.config.ts puts it in AIVIDEOMAKER_API_KEY too): it must
// never show up in anything printed, thrown, logged, inspected or returned to a model.
export const KEY = 'fake-key-RELIABILITY-SENTINEL-4f9a1c7e';

/** Emulator time compression: a 5 s t2v task (43 s at real speed) takes 215 ms. */
export const SPEED = 200;
