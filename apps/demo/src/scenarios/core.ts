// Scenario 1, the core client on its own: run a text-to-video, an image-to-video from a local file, a
// long video, and cancel a task while it is still SUBMITTED (refunded), with credits before and after.
import { join } from 'node:path';
import { estimateCredits } from '@aivideomaker/core';
import { imageFromPath } from '@aivideomaker/core/node';
import { DEMO_DIR, type Scenario, saveVideo, showProgress, type VideoRow } from '../scenario.ts';

const INTEGRATION = 'core';
const IMAGE = join(DEMO_DIR, 'assets', 'first-frame.png');
const T2V = {
  prompt: 'A cinematic sunset over a futuristic city skyline',
  aspectRatio: '16:9',
  duration: '5',
} as const;
const I2V = { prompt: 'The light sweeps slowly across the frame', duration: '5' } as const;
const LV = ['A calm blue morning', 'Clouds drift in from the left'];
const CANCELLED = {
  prompt: 'A video that is cancelled before it starts',
  aspectRatio: '1:1',
  duration: '5',
} as const;

export const coreScenario: Scenario = {
  name: 'core',
  title: 'core: run, image-to-video from a local file, long video, cancel',
  plannedCredits:
    estimateCredits('t2v', T2V) + estimateCredits('i2v', I2V) + estimateCredits('lv', { prompt: LV }),
  async run(context) {
    const { env, ui } = context;
    const client = env.createClient();
    const before = env.balance();
    if (before !== undefined) ui.info(`credits before: ${before}`);
    const rows: VideoRow[] = [];

    let startedAt = Date.now();
    const t2v = await client.run('t2v', T2V, { onUpdate: showProgress(ui, 't2v 16:9 5 s') });
    rows.push(
      await saveVideo(
        context,
        { integration: INTEGRATION, model: 't2v', credits: estimateCredits('t2v', T2V), startedAt },
        t2v,
      ),
    );

    startedAt = Date.now();
    const image = await imageFromPath(IMAGE);
    ui.info(`i2v from local file ${IMAGE.slice(DEMO_DIR.length + 1)} (${image.length} chars as a data URL)`);
    const i2v = await client.run('i2v', { ...I2V, image }, { onUpdate: showProgress(ui, 'i2v 5 s') });
    rows.push(
      await saveVideo(
        context,
        {
          integration: INTEGRATION,
          model: 'i2v',
          credits: estimateCredits('i2v', I2V),
          startedAt,
        },
        i2v,
      ),
    );

    startedAt = Date.now();
    const lv = await client.run(
      'lv',
      { image, prompt: LV },
      { onUpdate: showProgress(ui, `lv ${LV.length} segments`) },
    );
    rows.push(
      await saveVideo(
        context,
        {
          integration: INTEGRATION,
          model: 'lv',
          credits: estimateCredits('lv', { prompt: LV }),
          startedAt,
        },
        lv,
      ),
    );

    startedAt = Date.now();
    const submitted = await client.generate('t2v', CANCELLED);
    const cancel = await client.tasks.cancel(submitted.taskId);
    const status = await client.tasks.status(submitted.taskId);
    ui.done(
      `cancelled ${submitted.taskId} while ${submitted.status}: now ${status.status}. ${cancel.message ?? ''}`,
    );
    rows.push({
      integration: INTEGRATION,
      taskId: submitted.taskId,
      model: 't2v',
      status: status.status,
      credits: 0,
      seconds: (Date.now() - startedAt) / 1000,
      file: '-',
    });

    const after = env.balance();
    if (before !== undefined && after !== undefined)
      ui.info(`credits after: ${after} (spent ${before - after}; the cancelled task was refunded)`);
    return rows;
  },
};
