import type { BenchSuite } from '../harness';
import { staffListBench } from './staff-list.bench';
import { clientsImportBench } from './clients-import.bench';
import { clientsPageBench } from './clients-page.bench';
import { hostBench } from './host.bench';
import { sheetBench } from './sheet.bench';
import { archiveBench } from './archive.bench';
import { uiBench } from './ui.bench';
import { responsivenessBench } from './responsiveness.bench';
import { backupBench } from './backup.bench';
import { commissionBench } from './commission.bench';
import { poolReceivablesBench } from './pool-receivables.bench';
import { ocrBench } from './ocr.bench';
import { importsBench } from './imports/imports.bench';
import { readersBench } from './imports/readers.bench';
import { intakeBench } from './intake.bench';

/** Every benchmark suite; each area appends its own. */
export const suites: BenchSuite[] = [staffListBench];
suites.push(clientsImportBench, clientsPageBench);
suites.push(hostBench, sheetBench, archiveBench, uiBench, responsivenessBench);
suites.push(backupBench);
// 分成, 阶梯提成, 奖金/扣款 on the sheet (issue 19)
suites.push(commissionBench);
suites.push(poolReceivablesBench);
// 文字识别 (issue 17.1)
suites.push(ocrBench);
suites.push(importsBench, readersBench);
// 扫描收件箱 and 旧文件夹收编 (issue 17.2, 17.3)
suites.push(intakeBench);
