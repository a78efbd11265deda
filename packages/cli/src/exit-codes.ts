// The documented exit codes (README "Exit codes"): scripts and the skill branch on them, so they never change.
export const EXIT = {
  ok: 0,
  /** A bug or an error nothing else describes. */
  unexpected: 1,
  /** Bad flags or input, unknown task id: nothing was sent or spent. */
  badInput: 2,
  /** Missing or rejected API key. */
  auth: 3,
  insufficientCredits: 4,
  /** The task ended FAILED (credits refunded) or CANCEL. */
  taskFailed: 5,
  /** Stopped waiting before the task finished; it keeps running and can be resumed. */
  timeout: 6,
  /** Could not reach the API, or it answered with a server error or kept rate-limiting. */
  network: 7,
  /** The task costs more than `--max-credits` and was not confirmed: nothing was spent. */
  notConfirmed: 8,
  /** Interrupted with Ctrl-C. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
