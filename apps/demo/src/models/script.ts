// What the offline scripted "model" does in every agent scenario: ask for one video with a tool call, then
// answer with the video URL it reads from the tool result, like a real model would. Shared by the AI SDK,
// LangChain and Mastra scenarios so they run the same conversation.
export const AGENT_PROMPT = 'Make a 5 second 16:9 video of a paper boat sailing across a rain puddle.';

export const VIDEO_CALL = {
  toolName: 'text_to_video',
  input: {
    prompt: 'A paper boat sailing across a rain puddle, macro shot',
    model: 't2v',
    aspectRatio: '16:9',
    duration: '5',
  },
} as const;

/** The final answer, written from the text the tool gave the model. */
export function answerFrom(toolText: string): string {
  const url = toolText.match(/https?:\/\/\S+?\.mp4/)?.[0];
  return url ? `Here is your video: ${url}` : `The video tool said: ${toolText}`;
}

/** The agents' tools refuse a single video above this: a real model cannot overspend in the demo. */
export const AGENT_MAX_CREDITS_PER_CALL = 20;

export const SCRIPTED_LABEL = 'offline scripted model';
