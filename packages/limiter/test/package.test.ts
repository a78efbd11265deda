import { dirname } from 'node:path';
import { describePackageContract } from '../../../scripts/package-contract.ts';

describePackageContract(dirname(import.meta.dirname));
