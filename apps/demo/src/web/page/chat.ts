// The AI SDK's framework-agnostic chat (AbstractChat from `ai`) made concrete for a page without a UI
// framework, the way @ai-sdk/react's Chat does it for React: a state object that calls back on each change.
import { AbstractChat, type ChatInit, type ChatState, type ChatStatus, type UIMessage } from 'ai';

class PageChatState<M extends UIMessage> implements ChatState<M> {
  #status: ChatStatus = 'ready';
  #error: Error | undefined;
  #messages: M[] = [];

  constructor(private readonly changed: () => void) {}

  get status() {
    return this.#status;
  }
  set status(status: ChatStatus) {
    this.#status = status;
    this.changed();
  }
  get error() {
    return this.#error;
  }
  set error(error: Error | undefined) {
    this.#error = error;
    this.changed();
  }
  get messages() {
    return this.#messages;
  }
  set messages(messages: M[]) {
    this.#messages = [...messages];
    this.changed();
  }
  pushMessage = (message: M) => {
    this.#messages = [...this.#messages, message];
    this.changed();
  };
  popMessage = () => {
    this.#messages = this.#messages.slice(0, -1);
    this.changed();
  };
  replaceMessage = (index: number, message: M) => {
    // The chat keeps writing into the message it streams: copy it, so each update is a new snapshot.
    this.#messages = this.#messages.map((m, i) => (i === index ? this.snapshot(message) : m));
    this.changed();
  };
  snapshot = <T>(thing: T): T => structuredClone(thing);
}

/** A chat whose every state change (status, error, each streamed chunk) calls `onChange`. */
export class PageChat<M extends UIMessage> extends AbstractChat<M> {
  constructor(init: Omit<ChatInit<M>, 'messages'>, onChange: () => void) {
    super({ ...init, state: new PageChatState<M>(onChange) });
  }
}
