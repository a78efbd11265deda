// What the skill is: its slug (= folder name = frontmatter name), its one script, and the only
// environment variables it may read. Everything else in this package checks the folder against these.
export const SKILL_SLUG = 'aivideomaker-video';
export const SKILL_DISPLAY_NAME = 'AI Video Maker (aivideomaker.ai)';
export const SKILL_SCRIPT = 'scripts/aivideomaker.mjs';
export const REQUIRED_ENV = 'AIVIDEOMAKER_API_KEY';
export const OPTIONAL_ENV = 'AIVIDEOMAKER_BASE_URL';
export const DECLARED_ENV: readonly string[] = [REQUIRED_ENV, OPTIONAL_ENV];
/** The files ClawHub receives, exactly (sorted). */
export const PUBLISHED_FILES: readonly string[] = ['SKILL.md', SKILL_SCRIPT];
/** ClawHub catalog metadata for `clawhub skill publish` (§2.6 of the ClawHub notes). */
export const CATEGORIES: readonly string[] = ['creative', 'integrations'];
export const TOPICS: readonly string[] = [
  'video',
  'text-to-video',
  'image-to-video',
  'ai-video',
  'video-generation',
];
