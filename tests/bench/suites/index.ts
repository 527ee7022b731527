import type { BenchSuite } from '../harness';
import { staffListBench } from './staff-list.bench';

/** Every benchmark suite; each area appends its own. */
export const suites: BenchSuite[] = [staffListBench];
