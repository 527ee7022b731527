/**
 * Which files the archive can search by their words, and how. One list for the service (what
 * it extracts), the UI (what it tells the office) and the tests.
 */

/** Formats whose own text is read when they are filed. */
export const TEXT_FORMATS = {
  pdf: 'PDF',
  docx: 'Word (.docx)',
  doc: 'Word 97–2003 (.doc)',
  odt: 'OpenDocument 文本 (.odt)',
  rtf: 'RTF',
  xlsx: 'Excel (.xlsx)',
  pptx: 'PowerPoint (.pptx)',
  ods: 'OpenDocument 表格 (.ods)',
  txt: '文本 (.txt)',
  csv: 'CSV',
  md: 'Markdown',
  json: 'JSON',
  xml: 'XML',
  html: 'HTML',
  htm: 'HTML',
} as const;

/** Scans and photos: no text of their own; OCR reads them (PDFs without a text layer too). */
export const OCR_IMAGE_FORMATS = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp', 'bmp'] as const;

/** Per document, the text kept and indexed is cut at this many bytes of UTF-8 (2 MB). */
export const TEXT_CAP_BYTES = 2 * 1024 * 1024;

/** Why a document has the words it has (or has none). */
export const TEXT_STATES = ['text', 'none', 'encrypted', 'unsupported', 'failed'] as const;
export type TextState = (typeof TEXT_STATES)[number];
export type TextSource = 'file' | 'ocr' | 'manual';

export function isTextFormat(ext: string): boolean {
  return Object.hasOwn(TEXT_FORMATS, ext.toLowerCase());
}

export function isOcrImage(ext: string): boolean {
  return (OCR_IMAGE_FORMATS as readonly string[]).includes(ext.toLowerCase());
}

/** The searchable formats as one line for the UI ("PDF、Word (.docx)、…"). */
export function searchableFormatsLine(): string {
  const names = [...new Set(Object.values(TEXT_FORMATS))];
  return names.join('、');
}
