export { parseSkillMarkdown, type SkillMarkdown } from './frontmatter';
export { type BodyQuality, bodyQuality, MIN_SCORE } from './rules/body-quality';
export { frontmatterProblems } from './rules/frontmatter-rules';
export { scriptProblems } from './rules/script';
export { slugProblems } from './rules/slug';
export {
  CATEGORIES,
  DECLARED_ENV,
  OPTIONAL_ENV,
  PUBLISHED_FILES,
  REQUIRED_ENV,
  SKILL_DISPLAY_NAME,
  SKILL_SCRIPT,
  SKILL_SLUG,
  TOPICS,
} from './skill';
export { type SkillReport, validateSkill } from './validate';
