import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildXlsx } from '../../../../electron/server/imports/testing/build-xlsx';
import { manyMergesXlsx, wholeColumnValidationsXlsx } from '../../../../electron/server/imports/testing/hostile-files';
import { round, type BenchResult, type BenchSuite } from '../../harness';

/**
 * Why the import reads .xlsx with its own scanner and everything else with SheetJS, measured
 * (issue 16.3): exceljs 4.4 (the export library) and SheetJS (@e965/xlsx 0.20.3) against the
 * scanner, each alone in a child process, on the files of 16.1, 16.2 and 16.8. exceljs gets
 * 60 s per file; a run cut off there is reported as 60 s.
 */
const CUT_OFF_MS = 60_000;

type Run = { ms: number; peakMb: number; rows: number; row2: string[]; cut?: boolean };

function run(reader: string, file: string): Run {
  const t0 = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'reader-child.ts'), reader, file],
    {
      encoding: 'utf8',
      timeout: CUT_OFF_MS,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (child.error || child.status !== 0) return { ms: performance.now() - t0, peakMb: Number.NaN, rows: 0, row2: [], cut: true };
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Run;
}

export const readersBench: BenchSuite = {
  name: 'readers',
  async run({ size, log }) {
    const rows = size === 'large' ? 100_000 : 20_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-bench-readers-'));
    const results: BenchResult[] = [];
    try {
      const write = async (name: string, data: Buffer | Promise<Buffer>): Promise<string> => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, await data);
        return file;
      };
      const big = await write(
        'big.xlsx',
        buildXlsx({
          sheets: [
            {
              name: '客户',
              rows: [
                ['客户名称', '联系人', '电话', '省', '市', '区县', '来源', '等级', '加入日期', '业务员工号'],
                ...Array.from({ length: rows }, (_, i) => [
                  `测试${i}号商贸有限公司`,
                  `联系人${i % 1000}`,
                  `13${String(100_000_000 + i).slice(-9)}`,
                  '广东省',
                  '深圳市',
                  '南山区',
                  '转介绍',
                  1 + (i % 4),
                  '2024-03-05',
                  'S001',
                ]),
              ],
            },
          ],
        }),
      );
      const formulas = await write(
        'formulas.xlsx',
        buildXlsx({
          sheets: [
            {
              name: 'S',
              rows: [
                ['客户名称', '差额', '查找', '标记'],
                ['甲', { f: 'E2-F2', v: 0 }, { f: 'IFERROR(VLOOKUP(A2,X:Y,2,0),"")', v: '' }, { f: 'A2="x"', v: false }],
              ],
            },
          ],
        }),
      );
      const files: [string, string][] = [
        [`${rows}-row .xlsx (16.8)`, big],
        ['1 whole-column drop-down (16.1)', await write('dv1.xlsx', wholeColumnValidationsXlsx(1))],
        ['12 whole-column drop-downs (16.1)', await write('dv12.xlsx', wholeColumnValidationsXlsx(12))],
        ['60k merged cells, 1.1 MB (14.9)', await write('merges.xlsx', manyMergesXlsx(60_000))],
      ];
      for (const [name, file] of files) {
        const ours = run('ours', file);
        const sheetjs = run('sheetjs', file);
        const exceljs = run('exceljs', file);
        log(
          `${name}: ours ${ours.ms.toFixed(0)} ms ${ours.peakMb.toFixed(0)} MB · SheetJS ${sheetjs.ms.toFixed(0)} ms ${sheetjs.peakMb.toFixed(0)} MB · exceljs ${exceljs.cut ? `> ${CUT_OFF_MS / 1000} s (cut off)` : `${exceljs.ms.toFixed(0)} ms ${exceljs.peakMb.toFixed(0)} MB`}`,
        );
        for (const [other, theirs] of [
          ['SheetJS', sheetjs],
          ['exceljs', exceljs],
        ] as const) {
          results.push({
            name: `read ${name}: our .xlsx scanner, ms`,
            unit: 'ms',
            value: round(ours.ms, 0),
            baselineName: `${other}${theirs.cut ? ' (cut off at 60 s)' : ''}`,
            baseline: round(theirs.ms, 0),
            ratio: round(ours.ms / theirs.ms, 2),
            goal: 'report (chooses the reader)',
            met: true,
          });
        }
        results.push({
          name: `read ${name}: peak memory of the reading process, MB`,
          unit: 'MB',
          value: round(ours.peakMb, 0),
          baselineName: 'SheetJS',
          baseline: round(sheetjs.peakMb, 0),
          ratio: round(ours.peakMb / sheetjs.peakMb, 2),
          goal: 'report',
          met: true,
        });
      }
      // 16.2: what each reader gives for formulas whose saved value is 0, "" and FALSE.
      const values = (r: Run): string => r.row2.slice(1, 4).join(' | ');
      const [ours, sheetjs, exceljs] = [run('ours', formulas), run('sheetjs', formulas), run('exceljs', formulas)];
      log(`formulas saved as 0, "", FALSE: ours [${values(ours)}] · SheetJS [${values(sheetjs)}] · exceljs [${values(exceljs)}]`);
      results.push({
        name: 'formulas saved as 0, "" and FALSE read as those values (readers that do, of 3)',
        unit: 'readers',
        value: [ours, sheetjs, exceljs].filter((r) => values(r) === '0 |  | false').length,
        baselineName: 'readers tried',
        baseline: 3,
        ratio: round([ours, sheetjs, exceljs].filter((r) => values(r) === '0 |  | false').length / 3, 2),
        goal: 'ours does',
        met: values(ours) === '0 |  | false',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return results;
  },
};
