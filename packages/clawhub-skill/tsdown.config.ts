import { packageConfig } from '../../tsdown.base.ts';
import { SKILL_DIR, skillBundleConfig } from './bundle.config.ts';

// The package (the validator and the skill's constants), and the skill's committed script. In CI the
// script is left as committed, so check:bundle (part of `test`) compares the sources against the
// committed file rather than against a copy the build just rewrote.
const writeSkillScript = !process.env.CI;

export default writeSkillScript
  ? [packageConfig(), skillBundleConfig(`${SKILL_DIR}/scripts`)]
  : packageConfig();
