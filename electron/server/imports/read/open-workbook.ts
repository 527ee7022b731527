import path from 'node:path';
import { IMPORT_LIMITS, formatBytes } from '../../../../shared/imports/limits';
import { readCsv } from './csv';
import { readOoxml } from './ooxml';
import { limitError, unreadable } from './read-errors';
import { odsHiddenTables } from './ods-hidden';
import { readWithSheetjs, sheetjs } from './sheetjs';
import type { Workbook } from './types';
import { inflateEntry, isZip, readZipDirectory, verifyAllEntries } from './zip';

const CLAIMED_KINDS: Record<string, { zh: string; en: string }> = {
  '.xlsx': { zh: ' Excel 工作簿', en: 'an Excel workbook' },
  '.xlsm': { zh: ' Excel 工作簿', en: 'an Excel workbook' },
  '.xlsb': { zh: ' Excel 二进制工作簿', en: 'an Excel binary workbook' },
  '.xls': { zh: ' Excel 97-2003 工作簿', en: 'an Excel 97-2003 workbook' },
  '.et': { zh: ' WPS 表格', en: 'a WPS spreadsheet' },
  '.ods': { zh: ' OpenDocument 表格', en: 'an OpenDocument spreadsheet' },
  '.numbers': { zh: ' Numbers 表格', en: 'a Numbers spreadsheet' },
};

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Any file a person may pick to import, recognised by its content (not its name): .xlsx/.xlsm
 * by our OOXML scanner; .xls (BIFF8/BIFF5, WPS .et), .ods/.fods, .xlsb, .numbers and the
 * HTML/XML tables some systems save as ".xls" by SheetJS; everything else as CSV text. Limits
 * are checked here, before any of them reads a cell.
 */
export function openWorkbook(bytes: Buffer, fileName: string): Workbook {
  if (bytes.length === 0) throw unreadable(fileName, '文件是空的', 'the file is empty');
  if (bytes.length > IMPORT_LIMITS.maxBytes)
    throw limitError(fileName, 'maxBytes', `文件有 ${formatBytes(bytes.length)}`, `the file is ${formatBytes(bytes.length)}`);
  const ext = path.extname(fileName).toLowerCase();
  if (isZip(bytes)) return openZip(bytes, fileName, ext);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) return openOle(bytes, fileName, ext);
  if (isBareBiff(bytes)) return readWithSheetjs(bytes, fileName, 'xls');
  const head = bytes
    .subarray(0, 2048)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<')) {
    if (/<office:document\b/.test(head)) return readWithSheetjs(bytes, fileName, 'fods');
    if (/<\?mso-application|<workbook\b|<html\b|<table\b|<!doctype html/.test(head))
      return readWithSheetjs(bytes, fileName, 'xls');
  }
  const claimed = CLAIMED_KINDS[ext];
  if (claimed && (!['.xls', '.et'].includes(ext) || bytes.includes(0)))
    throw unreadable(
      fileName,
      `扩展名是 ${ext},但内容不是${claimed.zh}(文件可能已损坏、没下载完整,或被改了扩展名)`,
      `it is named ${ext} but is not ${claimed.en} (it may be damaged, partly downloaded, or renamed)`,
    );
  return readCsv(bytes, fileName);
}

function openZip(bytes: Buffer, fileName: string, ext: string): Workbook {
  const entries = readZipDirectory(bytes, fileName);
  const has = (name: string): boolean => entries.has(name);
  const names = [...entries.keys()];
  const indexZip = names.find((n) => /(^|\/)Index\.zip$/.test(n));
  if (indexZip || names.some((n) => /(^|\/)Index\/.*\.iwa$/.test(n))) {
    verifyAllEntries(bytes, entries, fileName);
    // A Numbers package zipped on a Mac holds its tables in another zip: check that one too.
    if (indexZip) {
      const inner = inflateEntry(bytes, entries.get(indexZip)!, fileName);
      verifyAllEntries(inner, readZipDirectory(inner, fileName), fileName);
    }
    return readWithSheetjs(bytes, fileName, 'numbers');
  }
  if (has('META-INF/manifest.xml') || has('mimetype') || has('content.xml')) {
    const mimetype = entries.get('mimetype');
    if (mimetype && mimetype.size < 200) {
      const kind = bytes.toString('latin1', mimetype.localHeaderOffset + 30, mimetype.localHeaderOffset + 130);
      if (/opendocument\.(text|presentation|graphics)/.test(kind))
        throw unreadable(
          fileName,
          '这是 OpenDocument 文档或演示文稿,不是表格',
          'it is an OpenDocument text or presentation, not a spreadsheet',
        );
    }
    verifyAllEntries(bytes, entries, fileName);
    return readWithSheetjs(bytes, fileName, 'ods', odsHiddenTables(bytes, entries, fileName));
  }
  if (names.some((n) => /(^|\/)workbook\.bin$/i.test(n))) {
    verifyAllEntries(bytes, entries, fileName);
    return readWithSheetjs(bytes, fileName, 'xlsb');
  }
  if (names.some((n) => n.startsWith('word/')))
    throw unreadable(fileName, '这是 Word 文档(.docx),不是表格', 'it is a Word document (.docx), not a spreadsheet');
  if (names.some((n) => n.startsWith('ppt/')))
    throw unreadable(fileName, '这是 PowerPoint 演示文稿,不是表格', 'it is a PowerPoint presentation, not a spreadsheet');
  if (has('[Content_Types].xml') || has('_rels/.rels') || names.some((n) => /(^|\/)workbook\.xml$/i.test(n)))
    return readOoxml(bytes, entries, fileName, 'xlsx');
  throw unreadable(
    fileName,
    `这是一个 ZIP 压缩包,里面不是表格${ext === '.zip' ? '' : `(扩展名 ${ext || '无'})`}。请解压后导入其中的表格文件`,
    `it is a zip archive without a spreadsheet inside${ext === '.zip' ? '' : ` (named ${ext || 'without extension'})`}. Unzip it and import the sheet inside`,
  );
}

function openOle(bytes: Buffer, fileName: string, ext: string): Workbook {
  let paths: string[];
  try {
    // The root storage's name varies ("Root Entry", "R"): compare the streams' own names.
    paths = sheetjs()
      .CFB.read(bytes, { type: 'buffer' })
      .FullPaths.map((p: string) => p.replace(/\/$/, '').split('/').slice(1).join('/'));
  } catch {
    throw unreadable(
      fileName,
      '文件已损坏(旧版 Office 文件结构无法读取)',
      'the file is damaged (its old Office structure cannot be read)',
    );
  }
  const has = (name: string): boolean => paths.some((p) => p.toLowerCase() === name.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo'))
    throw unreadable(
      fileName,
      '文件设有打开密码(加密的 Excel 工作簿),门店通无法读取。请在 Excel/WPS 中输入密码打开,"另存为"一份不加密的文件后再导入',
      'it is password-protected (an encrypted Excel workbook). Open it in Excel/WPS with the password, "Save As" a copy without a password, and import that',
      { reason: 'password' },
    );
  if (has('Workbook') || has('Book')) return readWithSheetjs(bytes, fileName, ext === '.et' ? 'et' : 'xls');
  if (has('WordDocument'))
    throw unreadable(fileName, '这是 Word 文档(.doc),不是表格', 'it is a Word document (.doc), not a spreadsheet');
  if (has('PowerPoint Document'))
    throw unreadable(fileName, '这是 PowerPoint 演示文稿,不是表格', 'it is a PowerPoint presentation, not a spreadsheet');
  throw unreadable(fileName, '这是旧版 Office 文件,但里面没有工作簿', 'it is an old Office file without a workbook inside');
}

/** BIFF2–4 worksheets are bare records, not wrapped in an OLE container. */
function isBareBiff(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x09 && [0x00, 0x02, 0x04].includes(bytes[1]!) && bytes[3] === 0x00;
}
