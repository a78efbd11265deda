/** The plugin id, the auth provider id and the video-generation provider id (model refs: `aivideomaker/t2v`). */
export const PROVIDER_ID = 'aivideomaker';
export const PROVIDER_LABEL = 'AI Video Maker';
/** OpenClaw's provider auth reads the key from this variable (or an auth profile / models.providers config). */
export const API_KEY_ENV = 'AIVIDEOMAKER_API_KEY';
