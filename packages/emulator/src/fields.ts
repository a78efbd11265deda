// Field rules for request bodies, exactly the API document's types. Each check returns an error message
// naming the field and what is allowed, or undefined when the value is valid.
import { MAX_PROMPT_CHARS } from './limits';

export interface FieldRule {
  required: boolean;
  /** What a valid value looks like, for "is required" messages. */
  expects: string;
  check(value: unknown, field: string): string | undefined;
}

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

// Prompt text follows core's rules (the document sets none), so a prompt core refuses is refused here too
// and a client tested against the emulator cannot lean on it accepting what core never sends: at most
// MAX_PROMPT_CHARS characters, no control characters but tab and line breaks, well-formed Unicode.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(text: string, field: string): string | undefined {
  if (text.length > MAX_PROMPT_CHARS) {
    return `${field} must be at most ${MAX_PROMPT_CHARS} characters (got ${text.length})`;
  }
  const control = CONTROL_CHARS.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `${field} must not contain control characters other than tab and line breaks (got U+${code} at index ${control.index})`;
  }
  if (LONE_SURROGATE.test(text))
    return `${field} must be well-formed Unicode (it holds a lone surrogate half)`;
  return undefined;
}

/** A required prompt: a non-empty string within the prompt rules above. */
export function nonEmptyString(): FieldRule {
  return {
    required: true,
    expects: 'a non-empty string',
    check: (value, field) =>
      typeof value === 'string' && value.trim() !== ''
        ? textProblem(value, field)
        : `${field} must be a non-empty string (got ${describeValue(value)})`,
  };
}

export function optionalStringOrNull(): FieldRule {
  return {
    required: false,
    expects: 'a string or null',
    check: (value, field) => {
      if (value === null) return undefined;
      return typeof value === 'string'
        ? textProblem(value, field)
        : `${field} must be a string or null (got ${describeValue(value)})`;
    },
  };
}

export function oneOf(values: readonly string[]): FieldRule {
  return {
    required: true,
    expects: `a string, one of ${quoted(values)}`,
    check: (value, field) =>
      typeof value === 'string' && values.includes(value)
        ? undefined
        : `${field} must be a string, one of ${quoted(values)} (got ${describeValue(value)})`,
  };
}

const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]+={0,2}$/i;

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
}

export function isHttpsUrl(value: string): boolean {
  return isHttpUrl(value) && value.slice(0, 6).toLowerCase() === 'https:';
}

/** The same rule, not required (a default applies or the field is simply left out). */
export function optional(rule: FieldRule): FieldRule {
  return { ...rule, required: false };
}

export function integerRange(min: number, max: number): FieldRule {
  const expects = `an integer from ${min} to ${max} (a number, not a string)`;
  return {
    required: true,
    expects,
    check: (value, field) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? undefined
        : `${field} must be ${expects} (got ${describeValue(value)})`,
  };
}

/** minimax: an https URL, or also a data:image URI when `dataImages` (frames and reference images). */
export function httpsField(dataImages: boolean): FieldRule {
  const expects = dataImages
    ? 'an https image URL or a data:image/<type>;base64,<data> URL'
    : 'an https URL (data URIs are not accepted here)';
  return {
    required: true,
    expects,
    check: (value, field) =>
      typeof value === 'string' && (isHttpsUrl(value) || (dataImages && DATA_IMAGE.test(value)))
        ? undefined
        : `${field} must be ${expects} (got ${describeValue(value)})`,
  };
}

/** An array of at most `max` items, each checked by `item` (an empty array is allowed and means none). */
export function listOf(item: FieldRule, max: number): FieldRule {
  const expects = `an array of at most ${max} items, each ${item.expects}`;
  return {
    required: true,
    expects,
    check: (value, field) => {
      if (!Array.isArray(value) || value.length > max) {
        const got = Array.isArray(value) ? `${value.length} items` : describeValue(value);
        return `${field} must be ${expects} (got ${got})`;
      }
      for (const [index, entry] of value.entries()) {
        const problem = item.check(entry, `${field}[${index}]`);
        if (problem) return problem;
      }
      return undefined;
    },
  };
}

export function imageField(): FieldRule {
  const expects = 'a public http(s) image URL or a data:image/<type>;base64,<data> URL';
  return {
    required: true,
    expects,
    check: (value, field) =>
      typeof value === 'string' && (isHttpUrl(value) || DATA_IMAGE.test(value))
        ? undefined
        : `${field} must be ${expects} (got ${describeValue(value)})`,
  };
}

export function promptList(max: number): FieldRule {
  const expects = `an array of 1 to ${max} non-empty strings`;
  return {
    required: true,
    expects,
    check: (value, field) => {
      if (!Array.isArray(value) || value.length === 0 || value.length > max) {
        const got = Array.isArray(value) ? `${value.length} items` : describeValue(value);
        return `${field} must be ${expects} (got ${got})`;
      }
      const bad = value.findIndex((item) => typeof item !== 'string' || item.trim() === '');
      if (bad !== -1) return `${field}[${bad}] must be a non-empty string (got ${describeValue(value[bad])})`;
      for (const [index, item] of (value as string[]).entries()) {
        const problem = textProblem(item, `${field}[${index}]`);
        if (problem) return problem;
      }
      return undefined;
    },
  };
}
