// Every size and time limit that keeps the emulator standing when it is fed too much: users run it in
// their CI, where one runaway test must not take it (or its other keys) down.

/** The longest delay a Node timer can hold; a longer one fires at once (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2_147_483_647;
/**
 * The slowest speed accepted. Slower, the longest timer (a 6-prompt lv task, 305 s at speed 1) comes near
 * a timer's limit; nobody needs a run a thousand times slower than real time.
 */
export const MIN_SPEED = 0.001;
/** Request body cap: a 10 MB image (core's own cap) as a base64 data URI, with room to spare. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Longest prompt: the same as core's MAX_PROMPT_CHARS (the document gives no limit). */
export const MAX_PROMPT_CHARS = 10_000;
/** Task inputs kept per API key before its oldest finished tasks are forgotten. */
export const DEFAULT_MAX_TASK_BYTES_PER_KEY = 64 * 1024 * 1024;
/** The request log keeps the newest entries within both bounds. */
export const DEFAULT_REQUEST_LOG = { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 };

/**
 * Ports that fetch() refuses to connect to (the WHATWG Fetch standard's "bad ports"): an emulator
 * listening on one works with curl but not with Node's fetch, so the client would fail with
 * "fetch failed" and nothing on the emulator's side.
 */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

export function badPortWarning(port: number): string | undefined {
  if (!FETCH_BAD_PORTS.has(port)) return undefined;
  return `port ${port} is one that fetch() refuses to connect to (a "bad port" of the Fetch standard): Node, browsers and the AI Video Maker client will fail with "fetch failed". Choose another port (or 0 for a free one).`;
}
