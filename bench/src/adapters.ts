// The three framework adapters, which framework each one wraps, and whether its build is there yet
// (they are built by other work in progress: a missing or empty dist is skipped with a note, not an error).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface AdapterInfo {
  name: 'ai-sdk' | 'langchain' | 'mastra';
  entry: string;
  /** The framework's own tool entry: the baseline an adapter is compared with. */
  framework: string;
}

export const ADAPTERS: AdapterInfo[] = [
  { name: 'ai-sdk', entry: '@aivideomaker/ai-sdk', framework: 'ai' },
  { name: 'langchain', entry: '@aivideomaker/langchain', framework: '@langchain/core/tools' },
  { name: 'mastra', entry: '@aivideomaker/mastra', framework: '@mastra/core/tools' },
];

/** Why an adapter cannot be measured yet, or undefined when its dist is there and exports something. */
export async function notBuiltReason(entry: string): Promise<string | undefined> {
  let file: string;
  try {
    file = fileURLToPath(import.meta.resolve(entry));
  } catch {
    return `not built (${entry} does not resolve)`;
  }
  if (!existsSync(file)) return `not built (no ${entry} dist)`;
  let module: Record<string, unknown>;
  try {
    module = (await import(entry)) as Record<string, unknown>;
  } catch (error) {
    return `cannot be loaded: ${(error as Error).message.split('\n')[0]}`;
  }
  if (Object.keys(module).length === 0) return `not built (${entry} exports nothing yet)`;
  if (typeof module.createAIVideoMakerTools !== 'function') {
    return `not built (${entry} has no createAIVideoMakerTools export yet)`;
  }
  return undefined;
}
