// ClawHub's slug rules for new skills (server `skillSlugValidator.ts`, §1.5 of the ClawHub notes) and
// OpenClaw's name rules, plus the slugs already taken by unrelated skills.
const SLUG_PATTERN = /^[a-z0-9](?:(?!--)[a-z0-9-])*[a-z0-9]$/;
const RESERVED = new Set([
  'api',
  'auth',
  'skills',
  'plugins',
  'openclaw',
  'clawhub',
  'official',
  'admin',
  'new',
  'delete',
  'null',
  'true',
  'false',
  'undefined',
]);
const PROTECTED_AFFIXES = [
  'openclaw',
  'clawhub',
  'clawd',
  'clawdbot',
  'onlycrabs',
  'soulhub',
  'official',
  'verified',
  'staff',
  'admin',
  'moderator',
];
/** Used on ClawHub by other publishers (§3.1): `husu/ai-video-maker` and a NemoVideo skill. */
const TAKEN = new Set(['ai-video-maker', 'aivideomakerai']);

export function slugProblems(slug: string): string[] {
  const problems: string[] = [];
  if (slug.length < 3 || slug.length > 64) problems.push(`slug "${slug}" must be 3 to 64 characters`);
  if (!SLUG_PATTERN.test(slug)) {
    problems.push(`slug "${slug}" must be lowercase letters, digits and single hyphens, not at either end`);
  }
  if (RESERVED.has(slug)) problems.push(`slug "${slug}" is reserved on ClawHub`);
  if (TAKEN.has(slug)) problems.push(`slug "${slug}" is already taken on ClawHub by an unrelated skill`);
  for (const affix of PROTECTED_AFFIXES) {
    if (slug.startsWith(`${affix}-`) || slug.endsWith(`-${affix}`)) {
      problems.push(`slug "${slug}" uses the protected affix "${affix}"`);
    }
  }
  return problems;
}
