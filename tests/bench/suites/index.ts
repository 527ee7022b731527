import type { BenchSuite } from '../harness';
import { staffListBench } from './staff-list.bench';
import { clientsImportBench } from './clients-import.bench';
import { clientsPageBench } from './clients-page.bench';
import { hostBench } from './host.bench';
import { sheetBench } from './sheet.bench';
import { archiveBench } from './archive.bench';
import { uiBench } from './ui.bench';
import { responsivenessBench } from './responsiveness.bench';
import { importsBench } from './imports/imports.bench';
import { readersBench } from './imports/readers.bench';

/** Every benchmark suite; each area appends its own. */
export const suites: BenchSuite[] = [staffListBench];
suites.push(clientsImportBench, clientsPageBench);
suites.push(hostBench, sheetBench, archiveBench, uiBench, responsivenessBench);
suites.push(importsBench, readersBench);
