// Prompt text rules shared by every model: bounded length, no control characters, well-formed Unicode.
import { z } from 'zod';

/**
 * Longest prompt accepted locally. The API documents no limit; a prompt this long is a mistake (a pasted
 * file, a runaway agent loop), refused before it costs anything.
 */
export const MAX_PROMPT_CHARS = 10_000;
// Control characters other than tab and line breaks (a NUL byte, an escape sequence) never belong in a prompt.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Something other than whitespace and invisible format characters (zero-width spaces, direction marks).
const VISIBLE = /[^\s\p{Cf}]/u;
// Read code point by code point, only a surrogate half without its pair is in category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Prompt text, required or not: bounded length, no control characters, well-formed Unicode. */
export const promptText = z
  .string()
  .max(MAX_PROMPT_CHARS, `must be at most ${MAX_PROMPT_CHARS} characters`)
  .refine((text) => !CONTROL_CHARS.test(text), 'must not contain control characters (such as a NUL byte)')
  .refine(
    (text) => !LONE_SURROGATE.test(text),
    'must be well-formed Unicode (it holds a lone surrogate half)',
  );

/** A required prompt: prompt text with something visible in it. */
export const requiredPrompt = promptText.refine(
  (text) => VISIBLE.test(text),
  'must be a non-empty string (visible text, not only spaces)',
);
