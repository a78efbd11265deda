// The public runtime names of `@aivideomaker/core` and `@aivideomaker/core/tools`, pinned: every name here
// is API that semver covers, so adding one is a decision made in this file, not a side effect of a
// re-export. Helpers only the sibling packages need go to `@aivideomaker/core/internal` instead.
import { describe, expect, it } from 'vitest';
import * as main from '../src/index';
import * as internal from '../src/internal';
import * as node from '../src/node/index';
import * as tools from '../src/tools/index';

const MAIN = [
  'AIVideoMaker',
  // Errors: what an app catches or tests with instanceof / isAIVideoMakerError.
  'AIVideoMakerError',
  'APIError',
  'AuthenticationError',
  'BadRequestError',
  'BudgetExceededError',
  'ConflictError',
  'ConnectionError',
  'IdempotencyConflictError',
  'InputValidationError',
  'InsufficientCreditsError',
  'MalformedResponseError',
  'MissingApiKeyError',
  'NotFoundError',
  'NotOfferedError',
  'RateLimitError',
  'RedirectError',
  'RequestTimeoutError',
  'ServerError',
  'SubmitAbortedError',
  'TaskCancelledError',
  'TaskFailedError',
  'TaskMayExistError',
  'WaitTimeoutError',
  'isAIVideoMakerError',
  'isAbortError',
  // Models, prices, results, images, webhooks.
  'MODEL_INPUT_SCHEMAS',
  'MODEL_NAMES',
  'estimateCredits',
  'isTerminalStatus',
  'getVideoUrls',
  'outputMessage',
  'toImageInput',
  'createWebhookHandler',
  'withWebhookToken',
  // The one default wait of the client, the tools, the adapters and the CLI: apps read it to set their own.
  'DEFAULT_WAIT_TIMEOUT_MS',
];

const TOOLS = [
  'TOOL_NAMES',
  'createVideoToolSpecs',
  'formatToolError',
  // What every adapter hands the app (issue 22): the failed call's error, and the progress payload.
  'AIVideoMakerToolError',
  'VIDEO_PROGRESS_EVENT',
  'isVideoProgressEvent',
];

const names = (module: object) => Object.keys(module).sort();
const GROWTH =
  'A public name changed: list it here only if apps need it (semver then covers it); a helper only the sibling packages use goes to src/internal.ts';

describe('public exports', () => {
  it('the main entry exports exactly the pinned names', () => {
    expect(names(main), GROWTH).toEqual([...MAIN].sort());
  });

  it('the tools entry exports exactly the pinned names', () => {
    expect(names(tools), GROWTH).toEqual([...TOOLS].sort());
  });

  it('a name is public or internal, never both', () => {
    const publicNames = new Set([...names(main), ...names(tools), ...names(node)]);
    expect(names(internal).filter((name) => publicNames.has(name))).toEqual([]);
  });
});
