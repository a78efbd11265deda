// validate: our own checks of the skill folder (frontmatter, slug, body quality gate, bundled script),
// from the built package. Usage: node scripts/validate.ts [skill folder]
import { SKILL_DIR } from '../bundle.config.ts';
import { built } from './built-package.ts';

const dir = process.argv[2] ?? SKILL_DIR;
const report = await built.validateSkill(dir);
if (report.ok) console.log(`validate: ${dir} passes every rule.`);
else {
  console.error(`validate: ${dir} has ${report.problems.length} problem(s):`);
  for (const problem of report.problems) console.error(`  - ${problem}`);
  process.exitCode = 1;
}
