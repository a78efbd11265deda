// The frontmatter rules OpenClaw, its author lint (`quick_validate.py`) and ClawHub apply (§1.2-1.4 and
// §1.9 of the ClawHub notes), plus ours: the key gate, `node`, and the optional base URL in `envVars`.
import { DECLARED_ENV, REQUIRED_ENV } from '../skill';

const ALLOWED_TOP_LEVEL = new Set([
  'name',
  'description',
  'homepage',
  'license',
  'allowed-tools',
  'user-invocable',
  'disable-model-invocation',
  'command-dispatch',
  'command-tool',
  'command-arg-mode',
  'metadata',
]);
const MAX_DESCRIPTION = 160;

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function frontmatterProblems(frontmatter: Record_, folderName: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(frontmatter)) {
    if (!ALLOWED_TOP_LEVEL.has(key)) {
      const why = key === 'version' ? ' (pass --version to clawhub skill publish instead)' : '';
      problems.push(`unexpected top-level key "${key}"${why}`);
    }
  }
  const { name, description } = frontmatter;
  if (name !== folderName)
    problems.push(`name must equal the folder name "${folderName}" (got ${JSON.stringify(name)})`);
  if (typeof description !== 'string' || description.trim() === '') problems.push('description is required');
  else {
    if (description.length > MAX_DESCRIPTION) {
      problems.push(`description is ${description.length} characters; keep it under ${MAX_DESCRIPTION}`);
    }
    if (/[<>]/.test(description)) problems.push('description must not contain < or >');
    if (!/\bUse when\b/.test(description))
      problems.push('description must say when to use the skill ("Use when ...")');
    if (description.includes('\n')) problems.push('description must be one line');
  }
  if (!isRecord(frontmatter.metadata) || !isRecord(frontmatter.metadata.openclaw)) {
    return [...problems, 'metadata.openclaw is required'];
  }
  const extraBlocks = Object.keys(frontmatter.metadata).filter((key) => key !== 'openclaw');
  if (extraBlocks.length > 0)
    problems.push(`metadata must hold only "openclaw" (got ${extraBlocks.join(', ')})`);
  return [...problems, ...openclawProblems(frontmatter.metadata.openclaw)];
}

function openclawProblems(openclaw: Record_): string[] {
  const problems: string[] = [];
  const requires = isRecord(openclaw.requires) ? openclaw.requires : {};
  if (!isStringList(requires.env)) problems.push('metadata.openclaw.requires.env must be a list of strings');
  else if (requires.env.join() !== REQUIRED_ENV) {
    problems.push(
      `metadata.openclaw.requires.env must be exactly [${REQUIRED_ENV}] (optional variables go in envVars)`,
    );
  }
  if (!isStringList(requires.bins) || !requires.bins.includes('node')) {
    problems.push('metadata.openclaw.requires.bins must list node');
  }
  if (openclaw.primaryEnv !== REQUIRED_ENV)
    problems.push(`metadata.openclaw.primaryEnv must be ${REQUIRED_ENV}`);
  if (typeof openclaw.emoji !== 'string' || openclaw.emoji === '')
    problems.push('metadata.openclaw.emoji is required');
  if (typeof openclaw.homepage !== 'string' || !openclaw.homepage.startsWith('https://')) {
    problems.push('metadata.openclaw.homepage must be an https URL');
  }
  if (openclaw.always === true)
    problems.push('metadata.openclaw.always must not be set (it bypasses the gates)');
  return [...problems, ...envVarProblems(openclaw.envVars)];
}

function envVarProblems(envVars: unknown): string[] {
  if (!Array.isArray(envVars) || !envVars.every(isRecord))
    return ['metadata.openclaw.envVars must be a list'];
  const problems: string[] = [];
  const names = envVars.map((entry) => entry.name);
  if (names.join() !== DECLARED_ENV.join()) {
    problems.push(
      `metadata.openclaw.envVars must declare exactly ${DECLARED_ENV.join(', ')} (got ${names.join(', ')})`,
    );
  }
  for (const entry of envVars) {
    if (typeof entry.description !== 'string' || entry.description.length < 20) {
      problems.push(`envVars entry ${String(entry.name)} needs a description`);
    }
    const required = entry.name === REQUIRED_ENV;
    if (entry.required !== required)
      problems.push(`envVars entry ${String(entry.name)} must have required: ${required}`);
  }
  return problems;
}
