import ExcelJS from 'exceljs';

/**
 * The one door to exceljs for the app's code (lint refuses `exceljs` anywhere else outside
 * tests): formatted .xlsx we WRITE — the 业绩表 export, import templates, list exports. Reading
 * never uses it (imports/read/ has its own scanner and SheetJS for old formats: exceljs hung on
 * whole-column validations and dropped formula values of 0, "" and FALSE).
 *
 * The plan for it: exceljs 4.4 is unmaintained and pulls deprecated packages (inflight, glob@7,
 * rimraf@2, fstream, unzipper@0.10) that only its streaming reader and its CSV module use — code
 * paths we never call. When it has to go, this module is the only thing to rewrite (writing a
 * styled SpreadsheetML part and zipping it with jszip, which we already ship, is a few hundred
 * lines); until then nothing else in the app can come to depend on it.
 */
export type Workbook = ExcelJS.Workbook;
export type DataValidation = ExcelJS.DataValidation;

export function newWorkbook(): Workbook {
  return new ExcelJS.Workbook();
}
