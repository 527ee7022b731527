import { IMPORT_LIMITS, formatBytes, type ImportLimit } from '../../../../shared/imports/limits';
import { AppError } from '../../core/app-error';

/** The file cannot be read as it is: say why and what to do, in both languages. */
export function unreadable(fileName: string, zh: string, en: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(
    'invalid_input',
    { zh: `无法导入"${fileName}":${zh}。`, en: `Cannot import "${fileName}": ${en}.` },
    {
      fileName,
      ...details,
    },
  );
}

const LIMIT_NAMES: Record<ImportLimit, { zh: string; en: string }> = {
  maxBytes: { zh: '文件大小', en: 'file size' },
  maxRows: { zh: '行数', en: 'rows' },
  maxColumns: { zh: '列数', en: 'columns' },
  maxMerges: { zh: '合并单元格数', en: 'merged ranges' },
  maxUnzippedBytes: { zh: '解压后大小', en: 'unzipped size' },
  maxZipRatio: { zh: '压缩比', en: 'compression ratio' },
  maxZipEntries: { zh: '压缩包部件数', en: 'parts in the zip' },
  workerHeapMb: { zh: '读取时的内存', en: 'memory while reading' },
  failedRowsFileMax: { zh: '失败行文件行数', en: 'rows in the failed-rows file' },
};

export function limitValue(limit: ImportLimit): string {
  const value = IMPORT_LIMITS[limit];
  if (limit === 'maxBytes' || limit === 'maxUnzippedBytes') return formatBytes(value);
  if (limit === 'workerHeapMb') return `${value} MB`;
  if (limit === 'maxZipRatio') return `${value}:1`;
  return value.toLocaleString('en-US');
}

/**
 * A limit of issue 14.9 was reached before the work: `too_large`, naming the limit, the
 * figure found and what to do (split the file, or save it again without the extra content).
 */
export function limitError(fileName: string, limit: ImportLimit, foundZh: string, foundEn: string): AppError {
  const name = LIMIT_NAMES[limit];
  return new AppError(
    'too_large',
    {
      zh: `无法导入"${fileName}":${foundZh}。超出导入上限(${name.zh} ${limitValue(limit)}),未读取任何数据。请把表格拆分成几个文件,或删除多余的内容后另存再导入。`,
      en: `Cannot import "${fileName}": ${foundEn}. That is over the import limit (${name.en} ${limitValue(limit)}); nothing was read. Split the sheet into several files, or remove the extra content and save it again.`,
    },
    { fileName, limit, limitValue: IMPORT_LIMITS[limit] },
  );
}
