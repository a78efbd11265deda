// The MCP task store of one key: the SDK's in-memory store plus two things it cannot know about.
// - tasks/cancel must cancel the video task behind the MCP task, and fail (leaving the MCP task running)
//   when the API refuses, e.g. once rendering started. The SDK answers tasks/cancel by setting the status
//   to 'cancelled' in the store, so that is where the cancel hook runs.
// - With taskSupport 'optional' the SDK serves a plain tools/call through a task too. Those inline tasks
//   are an implementation detail: hidden from tasks/list and dropped soon after they end.
import { InMemoryTaskStore } from '@modelcontextprotocol/sdk/experimental/tasks/stores/in-memory.js';
import type { Request, RequestId, Result, Task } from '@modelcontextprotocol/sdk/types.js';

type CreateTaskOptions = Parameters<InMemoryTaskStore['createTask']>[0];

const INLINE_TTL_MS = 60_000;
const TERMINAL = new Set<Task['status']>(['completed', 'failed', 'cancelled']);

export class VideoTaskStore extends InMemoryTaskStore {
  readonly #inline = new Set<string>();
  readonly #cancellers = new Map<string, () => Promise<void>>();

  override async createTask(
    params: CreateTaskOptions,
    requestId: RequestId,
    request: Request,
    sessionId?: string,
  ): Promise<Task> {
    const augmented =
      typeof request.params === 'object' && request.params !== null && 'task' in request.params;
    const task = await super.createTask(
      augmented ? params : { ...params, ttl: INLINE_TTL_MS },
      requestId,
      request,
      sessionId,
    );
    if (!augmented) this.#inline.add(task.taskId);
    return task;
  }

  /** True for a task the SDK made for a plain (not task-augmented) tools/call. */
  isInline(taskId: string): boolean {
    return this.#inline.has(taskId);
  }

  /** What tasks/cancel runs before the task is marked cancelled; it throws to refuse. */
  onCancel(taskId: string, cancel: () => Promise<void>): void {
    this.#cancellers.set(taskId, cancel);
  }

  override async updateTaskStatus(
    taskId: string,
    status: Task['status'],
    statusMessage?: string,
    sessionId?: string,
  ): Promise<void> {
    const current = await this.getTask(taskId, sessionId);
    // The work behind a task may end after a cancel: the first terminal status stays.
    if (current && TERMINAL.has(current.status)) return;
    const cancel = this.#cancellers.get(taskId);
    if (status === 'cancelled' && cancel) await cancel();
    if (TERMINAL.has(status)) this.#cancellers.delete(taskId);
    await super.updateTaskStatus(taskId, status, statusMessage, sessionId);
  }

  override async storeTaskResult(
    taskId: string,
    status: 'completed' | 'failed',
    result: Result,
    sessionId?: string,
  ): Promise<void> {
    const current = await this.getTask(taskId, sessionId);
    if (!current || TERMINAL.has(current.status)) return;
    this.#cancellers.delete(taskId);
    if (this.#inline.has(taskId)) setTimeout(() => this.#inline.delete(taskId), INLINE_TTL_MS).unref();
    await super.storeTaskResult(taskId, status, result, sessionId);
  }

  override async listTasks(cursor?: string, sessionId?: string) {
    const page = await super.listTasks(cursor, sessionId);
    return { ...page, tasks: page.tasks.filter((task) => !this.#inline.has(task.taskId)) };
  }
}
