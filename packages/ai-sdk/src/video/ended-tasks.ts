// End states a webhook confirmation already fetched, by task id. An end state is final, so the doStatus that
// follows a webhook answers from here without another request. Bounded: the oldest entries go first.
import type { Task } from '@aivideomaker/core';

const REMEMBERED = 500;

export class EndedTasks {
  readonly #tasks = new Map<string, Task>();

  add(task: Task): void {
    this.#tasks.delete(task.id);
    this.#tasks.set(task.id, task);
    if (this.#tasks.size > REMEMBERED) this.#tasks.delete(this.#tasks.keys().next().value as string);
  }

  get(taskId: string): Task | undefined {
    return this.#tasks.get(taskId);
  }
}
