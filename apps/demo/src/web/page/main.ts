// The page: an AI SDK chat (DefaultChatTransport to /api/chat) rendered without a UI framework, approvals
// sent back with addToolApprovalResponse (the chat resubmits once every approval has an answer), and a
// side list of the account's tasks from /api/tasks.
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses } from 'ai';
import type { ChatMessage } from '../agent.ts';
import { PageChat } from './chat.ts';
import { isToolPart, renderTextPart, renderToolPart, StatusLog } from './render.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = $<HTMLOListElement>('messages');
const form = $<HTMLFormElement>('composer');
const input = $<HTMLInputElement>('prompt');
const send = $<HTMLButtonElement>('send');
const chatError = $<HTMLParagraphElement>('chat-error');
const tasks = $<HTMLOListElement>('tasks');

const log = new StatusLog();
let scheduled = false;

const chat = new PageChat<ChatMessage>(
  {
    transport: new DefaultChatTransport({ api: '/api/chat' }),
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    onFinish: () => void refreshTasks(),
  },
  changed,
);

/** Called on every chunk: statuses are recorded at once (none is missed), the DOM is updated per frame. */
function changed(): void {
  for (const message of chat.messages) {
    for (const part of message.parts) if (isToolPart(part)) log.record(part);
  }
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render();
    });
  }
}

/** Sets an element's HTML only when it changed, so videos keep playing and buttons keep focus. */
function update(parent: HTMLElement, key: string, tag: string, className: string, html: string): void {
  let element = parent.querySelector<HTMLElement>(`:scope > [data-key="${CSS.escape(key)}"]`);
  if (!element) {
    element = document.createElement(tag);
    element.dataset.key = key;
    parent.append(element);
  }
  element.className = className;
  if (element.dataset.html !== html) {
    element.dataset.html = html;
    element.innerHTML = html;
  }
}

function render(): void {
  const now = Date.now();
  for (const message of chat.messages) {
    update(
      list,
      message.id,
      'li',
      message.role,
      `<div class="role">${message.role}</div><div class="parts"></div>`,
    );
    const parts = list.querySelector<HTMLElement>(`[data-key="${CSS.escape(message.id)}"] .parts`);
    if (!parts) continue;
    message.parts.forEach((part, index) => {
      if (part.type === 'text') update(parts, String(index), 'div', 'text', renderTextPart(part.text));
      else if (isToolPart(part))
        update(parts, part.toolCallId, 'div', 'tool', renderToolPart(part, log, now));
    });
  }
  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  send.disabled = busy;
  document.body.dataset.status = chat.status;
  chatError.hidden = !chat.error;
  chatError.textContent = chat.error ? `The chat failed: ${chat.error.message}` : '';
}

async function refreshTasks(): Promise<void> {
  try {
    const response = await fetch('/api/tasks');
    if (!response.ok) throw new Error(await response.text());
    const { tasks: items } = (await response.json()) as {
      tasks: { taskId: string; status: string; model?: string; createdAt?: string; videoUrls: string[] }[];
    };
    tasks.replaceChildren(
      ...items.map((task) => {
        const item = document.createElement('li');
        item.dataset.taskId = task.taskId;
        const url = task.videoUrls[0];
        if (task.status === 'COMPLETED' && url && /^https?:\/\//.test(url)) {
          const video = document.createElement('video');
          video.src = `${url}#t=0.1`; // the first frame as a thumbnail; controls play it
          video.controls = true;
          video.muted = true;
          video.preload = 'metadata';
          item.append(video);
        }
        item.append(`${task.status} · ${task.model ?? ''} · ${task.taskId}`);
        return item;
      }),
    );
    if (items.length === 0) tasks.innerHTML = '<li class="muted">No tasks yet.</li>';
  } catch (error) {
    tasks.innerHTML = '';
    tasks.append(`Could not list tasks: ${error instanceof Error ? error.message : String(error)}`);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  void chat.sendMessage({ text });
});

list.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest('button');
  const id = button?.dataset.approve ?? button?.dataset.deny;
  if (!button || !id) return;
  for (const other of button.parentElement?.querySelectorAll('button') ?? []) other.disabled = true;
  void chat.addToolApprovalResponse({ id, approved: button.dataset.approve !== undefined });
});

// The running clocks tick while a task runs (preliminary results arrive only on status changes).
setInterval(() => {
  if (chat.status === 'streaming') render();
}, 500);

void refreshTasks();
