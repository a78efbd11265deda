// How the page shows a chat message: text as text, and each video tool call through its states (approval
// asked, approved or denied, every status the task went through with the time since it started, the
// finished video with its credits and a download link, or the error). Returns HTML strings; the caller
// only replaces what changed, so a playing <video> is left alone.
import type { UIMessage } from 'ai';

/** The tool output fields the page reads (VideoTaskOutput-shaped; anything else is shown as a message). */
interface TaskOutput {
  taskId?: string;
  status?: string;
  videoUrls?: string[];
  creditsCharged?: number;
  message?: string;
}

interface ToolPart {
  type: string;
  toolCallId: string;
  state: string;
  input?: Record<string, unknown>;
  output?: unknown;
  errorText?: string;
  preliminary?: boolean;
  approval?: { id: string; approved?: boolean; requestReason?: string; reason?: string };
}

interface Seen {
  startedAt: number;
  statuses: { status: string; at: number; message: string }[];
}

const esc = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const safeUrl = (url: unknown) => (typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function isToolPart(part: UIMessage['parts'][number]): part is UIMessage['parts'][number] & ToolPart {
  return part.type.startsWith('tool-') || part.type === 'dynamic-tool';
}

/** Remembers each tool call's statuses as they stream: a UI part only holds the latest one. */
export class StatusLog {
  readonly #seen = new Map<string, Seen>();

  record(part: ToolPart, now = Date.now()): void {
    const started = part.state === 'approval-responded' || part.state.startsWith('output');
    if (!started) return;
    let seen = this.#seen.get(part.toolCallId);
    if (!seen) {
      seen = { startedAt: now, statuses: [] };
      this.#seen.set(part.toolCallId, seen);
    }
    const output = part.output as TaskOutput | undefined;
    const status = part.state === 'output-available' ? output?.status : undefined;
    if (status && seen.statuses.at(-1)?.status !== status) {
      seen.statuses.push({ status, at: now, message: output?.message ?? '' });
    }
  }

  get(toolCallId: string): Seen | undefined {
    return this.#seen.get(toolCallId);
  }
}

function describeInput(input: Record<string, unknown> | undefined): string {
  if (!input) return '';
  const { prompt, prompts, ...rest } = input;
  const settings = Object.entries(rest)
    .filter(([key]) => key !== 'image')
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  const text = typeof prompt === 'string' ? prompt : Array.isArray(prompts) ? prompts.join(' / ') : '';
  return `${text ? `“${esc(text)}”` : ''}${settings ? ` <span class="muted">(${esc(settings)})</span>` : ''}`;
}

function statusList(seen: Seen | undefined, running: boolean, now: number): string {
  if (!seen) return '';
  const rows = seen.statuses.map(
    (s) =>
      `<li data-status="${esc(s.status)}">${esc(s.status)} <span class="muted">at ${seconds(s.at - seen.startedAt)}</span></li>`,
  );
  const clock = running ? `<p class="muted elapsed">Running for ${seconds(now - seen.startedAt)}…</p>` : '';
  return `<ol class="statuses">${rows.join('')}</ol>${clock}`;
}

function finished(output: TaskOutput): string {
  const url = safeUrl(output.videoUrls?.[0]);
  const credits = output.creditsCharged === undefined ? '' : `${output.creditsCharged} credits · `;
  if (output.status === 'COMPLETED' && url) {
    return (
      `<video src="${esc(url)}" controls autoplay muted loop playsinline preload="auto"></video>` +
      `<p class="done">${esc(credits)}task ${esc(output.taskId)} · ` +
      // Same-origin, so the browser saves it (the server fetches the video; see server.ts).
      `<a href="${output.taskId ? `/api/download/${encodeURIComponent(output.taskId)}` : esc(url)}" download="${esc(output.taskId ?? 'video')}.mp4">Download MP4</a></p>`
    );
  }
  return `<p class="${output.status === 'FAILED' ? 'error' : 'muted'}">${esc(output.message ?? output.status)}</p>`;
}

export function renderToolPart(part: ToolPart, log: StatusLog, now = Date.now()): string {
  const name = part.type === 'dynamic-tool' ? 'tool' : part.type.slice('tool-'.length);
  const head = `<div class="name">${esc(name)} ${describeInput(part.input)}</div>`;
  const output = (part.output ?? {}) as TaskOutput;
  const seen = log.get(part.toolCallId);
  switch (part.state) {
    case 'input-streaming':
    case 'input-available':
      return `${head}<p class="muted">Preparing the call…</p>`;
    case 'approval-requested':
      return (
        `<div class="approval" data-approval="${esc(part.approval?.id)}">${head}` +
        `<p>This call spends credits. ${esc(part.approval?.requestReason ?? '')}</p>` +
        `<button type="button" data-approve="${esc(part.approval?.id)}">Approve</button>` +
        `<button type="button" data-deny="${esc(part.approval?.id)}">Deny</button></div>`
      );
    case 'approval-responded':
      return part.approval?.approved
        ? `${head}<p class="muted">Approved: submitting…</p>`
        : `${head}<p class="muted">Denied.</p>`;
    case 'output-denied':
      return `${head}<p class="denied">Denied: nothing was sent to AI Video Maker.</p>`;
    case 'output-error':
      return `${head}${statusList(seen, false, now)}<p class="error">${esc(part.errorText)}</p>`;
    case 'output-available': {
      if (output.status === undefined) return `${head}<p class="muted">${esc(output.message ?? 'Done.')}</p>`;
      const running = part.preliminary === true;
      return `${head}${statusList(seen, running, now)}${running ? '' : finished(output)}`;
    }
    default:
      return head;
  }
}

export function renderTextPart(text: string): string {
  // Links in the answer become clickable; everything else stays text.
  return `<p>${esc(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" target="_blank" rel="noopener">${url}</a>`)}</p>`;
}
