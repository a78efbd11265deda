// Valid inputs for every model, each carrying a prompt unique to its call, and small real images.
import type { ModelInput, ModelName } from '@aivideomaker/core';

export const IMAGE_URL = 'https://example.com/cat.png';

/** A 1x1 PNG, as bytes and as a data URL. */
export const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (char) => char.charCodeAt(0),
);
export const PNG_DATA_URL = `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`;

export const MODELS = ['t2v', 'i2v', 'lv', 't2v_v3', 'i2v_v3'] as const satisfies readonly ModelName[];

/** The cheapest valid input of `model` with `prompt` in it. */
export function inputFor<M extends ModelName>(model: M, prompt: string): ModelInput<M> {
  const inputs = {
    t2v: { prompt, aspectRatio: '16:9', duration: '5' },
    t2v_v3: { prompt, aspectRatio: '9:16', duration: '5' },
    i2v: { image: IMAGE_URL, prompt, duration: '5' },
    i2v_v3: { image: PNG_DATA_URL, prompt, duration: '5' },
    lv: { image: IMAGE_URL, prompt: [prompt] },
    minimax: { content: prompt },
  } as const;
  return inputs[model] as unknown as ModelInput<M>;
}
