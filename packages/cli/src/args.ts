// Flag parsing on node:util parseArgs, with messages that name the flag and say what is wrong,
// instead of parseArgs' generic ones (and without its habit of taking the next flag as a value).
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in the usage, e.g. `<seconds>`. */
  value?: string;
  description: string;
  /** Listed elsewhere in the help (the model fields, per model). */
  hidden?: boolean;
}

export type FlagSpecs = Record<string, FlagSpec>;
export type FlagValues = Record<string, string | string[] | boolean | undefined>;

export interface ParsedArgs {
  values: FlagValues;
  positionals: string[];
}

const LOOKS_LIKE_FLAG = /^--?[a-zA-Z]/;

export function parseFlags(args: string[], specs: FlagSpecs, command: string): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: FlagValues = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (!spec) throw new UsageError(unknownFlagMessage(token.rawName, specs), command);
    const flag = `--${token.name}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(`${flag} takes no value (got "${token.value}")`, command);
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && LOOKS_LIKE_FLAG.test(token.value))) {
      const got = token.value === undefined ? 'nothing' : `the flag ${token.value}`;
      throw new UsageError(
        `${flag} needs a value${spec.value ? ` ${spec.value}` : ''} (got ${got})`,
        command,
      );
    }
    if (spec.multiple)
      values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    else if (values[token.name] !== undefined)
      throw new UsageError(`${flag} was given more than once`, command);
    else values[token.name] = token.value;
  }
  return { values, positionals };
}

function unknownFlagMessage(rawName: string, specs: FlagSpecs): string {
  const name = rawName.replace(/^-+/, '');
  const closest = Object.keys(specs)
    .map((known) => ({ known, distance: editDistance(name, known) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint =
    closest && closest.distance <= Math.max(2, name.length / 3) ? ` (did you mean --${closest.known}?)` : '';
  return `unknown flag ${rawName}${hint}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A number flag, e.g. `--timeout 90` or `--max-credits 50`: zero or more, or more than zero if `positive`. */
export function numberFlag(
  values: FlagValues,
  name: string,
  command: string,
  { integer = false, positive = false }: { integer?: boolean; positive?: boolean } = {},
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const kind = `${positive ? 'a positive' : 'a non-negative'} ${integer ? 'whole number' : 'number'}`;
  const valid = typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(value);
  if (!valid || (integer && !Number.isInteger(value)) || value < 0 || (positive && value === 0)) {
    throw new UsageError(`--${name} must be ${kind} (got "${String(raw)}")`, command);
  }
  return value;
}

/** Exactly the positionals a command takes, named in the message when one is missing or extra. */
export function expectPositionals(parsed: ParsedArgs, names: string[], command: string): string[] {
  const missing = names.slice(parsed.positionals.length);
  if (missing.length > 0) throw new UsageError(`missing <${missing[0]}>`, command);
  const extra = parsed.positionals.slice(names.length);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, command);
  return parsed.positionals;
}
