import { z } from 'zod';
import { zhEn } from '../bilingual';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: zhEn('格式应为 xlsx 或 csv', 'Format must be xlsx or csv') });

/** A generated file handed to the caller: the UI saves it, the CLI writes it to --out. */
export type ExportFile = { fileName: string; mimeType: string; dataBase64: string; rowCount: number };

export const MIME_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
