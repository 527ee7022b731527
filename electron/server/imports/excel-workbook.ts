import ExcelJS from 'exceljs';

/**
 * The one door to exceljs for the app's code (lint refuses `exceljs` anywhere else outside
 * tests): formatted .xlsx we WRITE — the 业绩表 export, import templates, list exports. Reading
 * never uses it (imports/read/ has its own scanner and SheetJS for old formats: exceljs hung on
 * whole-column validations and dropped formula values of 0, "" and FALSE).
 *
 * The plan for it: exceljs 4.4 is unmaintained. Its deprecated packages come through two
 * dependencies that only its STREAMING classes load: stream.xlsx.WorkbookReader → unzipper,
 * WorkbookWriter → archiver. Our Workbook.xlsx.writeBuffer/load use jszip and reach neither.
 * - unzipper: package.json "overrides" (scoped to exceljs) pins 0.12.5 instead of 0.10 — same
 *   Parse({ forceStream }) exceljs calls; drops fstream, rimraf@2 and binary/chainsaw/traverse
 *   with its es-abstract tree (87 packages). Checked after `npm ci`: the streaming reader reads
 *   1,000 rows back from both writers, and this module's tests pass.
 * - archiver (glob@7 + inflight, via archiver-utils 2/3): NOT overridden. archiver 7 (glob 10)
 *   breaks exceljs's streaming writer — it pipes every entry through a PassThrough, and
 *   exceljs's StreamBuf.pipe returns nothing ("input source must be valid Stream or Buffer");
 *   archiver 6's archiver-utils 4 still has glob 8 with inflight. glob@7 is only used there
 *   for archiver's glob()/directory(), which exceljs never calls; it stays until exceljs goes.
 * When exceljs has to go (a Node release it breaks on, a vulnerability without a fix, or when
 * we touch the exports anyway), this module is the only thing to rewrite: a styled
 * SpreadsheetML part zipped with jszip, which we already ship, is a few hundred lines; until
 * then nothing else can come to depend on it (lint).
 */
export type Workbook = ExcelJS.Workbook;
export type DataValidation = ExcelJS.DataValidation;

export function newWorkbook(): Workbook {
  return new ExcelJS.Workbook();
}
