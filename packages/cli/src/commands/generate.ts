import { assertWebhookUrl, toWireInput } from '@aivideomaker/core/internal';
import { expectPositionals, numberFlag } from '../args';
import type { Command } from '../command';
import { confirmSpend, DEFAULT_MAX_CREDITS } from '../confirm';
import { UsageError } from '../errors';
import { MODEL_FLAGS, modelFieldHelp } from '../model-fields';
import { modelInput, parseModel } from '../model-input';
import { checkOut, FORCE_FLAG, waitForTask } from '../task-flow';
import { finishedTask, saveTarget, TIMEOUT_FLAG, timeoutSeconds } from './finish';

export const generate: Command = {
  name: 'generate',
  args: '<model>',
  summary: 'Submit a video task; --wait to wait for it, --out to download the MP4',
  flags: {
    ...MODEL_FLAGS,
    wait: { type: 'boolean', description: 'Wait until the task finishes, showing progress' },
    out: {
      type: 'string',
      value: '<file|dir>',
      description: 'Download the video there when done (implies --wait)',
    },
    force: FORCE_FLAG,
    timeout: TIMEOUT_FLAG,
    'max-credits': {
      type: 'string',
      value: '<n>',
      description: `Spend up to n credits without asking (default ${DEFAULT_MAX_CREDITS}); above it, confirm or pass --yes`,
    },
    yes: { type: 'boolean', short: 'y', description: 'Spend the credits without asking' },
    'webhook-url': {
      type: 'string',
      value: '<url>',
      description: 'Have the API POST status changes to this URL',
    },
  },
  examples: [
    'aivideomaker generate t2v --prompt "A paper boat on a rainy street" --aspect-ratio 16:9 --duration 5 --wait --out videos/',
    'aivideomaker generate i2v --image ./cat.png --prompt "The cat turns its head" --duration 8 --out cat.mp4',
    'aivideomaker generate lv --image https://example.com/first.jpg --prompt "Dawn" --prompt "Noon" --yes --json',
  ],
  details: () => [
    ...modelFieldHelp(),
    "The price is asked first (the server's quote where it offers one, else the list price) and shown; above",
    '--max-credits it needs a yes. The approved spend is sent as X-Max-Credits, so the server cannot charge more.',
    'The task id is printed as soon as the task is submitted; `aivideomaker estimate` shows the cost.',
  ],
  async run(context, { values, positionals }) {
    const [name] = expectPositionals({ values, positionals }, ['model'], 'generate');
    const model = parseModel(name, 'generate');
    const wait = values.wait === true || values.out !== undefined;
    const timeout = timeoutSeconds(values, 'generate');
    const maxCredits = numberFlag(values, 'max-credits', 'generate') ?? DEFAULT_MAX_CREDITS;
    const input = toWireInput(
      model,
      await modelInput(model, values, { command: 'generate', cwd: context.io.cwd, readImages: true }),
    );
    const webhookUrl = values['webhook-url'] as string | undefined;
    // Checked here, before the spending question, so a typo is reported as this flag and costs nothing.
    if (webhookUrl !== undefined) {
      try {
        assertWebhookUrl(webhookUrl);
      } catch {
        throw new UsageError(
          `--webhook-url must be an absolute http(s) URL (got "${webhookUrl}")`,
          'generate',
        );
      }
    }
    const out = saveTarget(values);
    // Before any credit is spent: a destination that cannot work fails now, not after paying.
    if (out) await checkOut(context, out);
    const client = context.client();
    const signal = context.io.signal ? { signal: context.io.signal } : {};
    // The price first (a free request): the server's quote, or the list price where it has none.
    const quote = await client.quote(model, input, signal);
    const approved = await confirmSpend(context.io, {
      model,
      credits: quote.credits,
      source: quote.source,
      maxCredits,
      yes: values.yes === true,
    });
    const submitted = await client.generate(model, input, {
      ...(webhookUrl ? { webhookUrl } : {}),
      ...signal,
      maxCredits: approved,
    });
    const { taskId } = submitted;
    const credits = submitted.creditsSource === 'server' ? submitted.creditsCharged : quote.credits;
    const source = submitted.creditsSource === 'server' ? 'server' : quote.source;
    const summary = { taskId, model, status: submitted.status, credits, creditsSource: source };
    const cost = `${credits} credits${source === 'server' ? '' : ', list price'}`;
    if (!wait) {
      context.print({ ...summary, statusUrl: submitted.statusUrl, responseUrl: submitted.responseUrl }, [
        `Submitted ${model} task ${taskId} (${cost}).`,
        `  check:    aivideomaker status ${taskId}`,
        `  download: aivideomaker wait ${taskId} --out videos/`,
      ]);
      return;
    }
    if (!context.json) context.io.stdout.write(`Submitted ${model} task ${taskId} (${cost}).\n`);
    const started = Date.now();
    const task = await waitForTask(context, client, taskId, timeout);
    await finishedTask(context, taskId, task, { out, credits, started });
  },
};
