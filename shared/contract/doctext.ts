import { z } from 'zod';
import { TEXT_CAP_BYTES, type TextSource, type TextState } from '../archive/text-formats';
import { method } from './method';
import { zhEn } from '../bilingual';

const everyone = ['owner', 'manager', 'clerk', 'salesperson'] as const;
const office = ['owner', 'manager', 'clerk'] as const;
const id = z.number().int().positive();

export type TextJobView = {
  kind: 'extract' | 'ocr';
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  page: number;
  pages: number;
  error: string | null;
};

/** A document's words as search knows them, and where they came from. */
export type DocumentTextView = {
  documentId: number;
  /** null: not read yet (queued). */
  state: TextState | null;
  source: TextSource | null;
  text: string;
  /** Characters kept (the text is cut at 2 MB). */
  chars: number;
  truncated: boolean;
  /** OCR's mean per-character confidence, 0–1. */
  confidence: number | null;
  pages: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The latest OCR job of this document. */
  ocr: TextJobView | null;
  /** Whether OCR can read this file (an image or a PDF). */
  canOcr: boolean;
};

export type OcrQueueView = {
  queued: number;
  running: { documentId: number; title: string; page: number; pages: number } | null;
  failed: number;
  /** Scans and image-only PDFs that have no words yet and no OCR queued: what 识别全部扫描件 would add. */
  waiting: number;
};

export const doctextContract = {
  'archive.text': method<DocumentTextView>()({
    input: z.strictObject({ id }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '档案的全文与识别结果', en: 'A document’s text and OCR result' },
  }),
  'archive.correctText': method<DocumentTextView>()({
    input: z.strictObject({
      id,
      text: z
        .string()
        .max(TEXT_CAP_BYTES, { error: zhEn('文字太长(上限 2 MB)', 'Text too long (2 MB at most)') })
        .refine((t) => t.length * 3 <= TEXT_CAP_BYTES || new TextEncoder().encode(t).length <= TEXT_CAP_BYTES, {
          error: zhEn('文字太长(上限 2 MB)', 'Text too long (2 MB at most)'),
        }),
    }),
    roles: office,
    kind: 'write',
    summary: { zh: '手工更正识别文字', en: 'Correct the recognised text by hand' },
  }),
  'ocr.status': method<OcrQueueView>()({
    input: z.strictObject({}).default({}),
    roles: office,
    kind: 'read',
    summary: { zh: '文字识别队列', en: 'The OCR queue' },
  }),
  'ocr.enqueue': method<DocumentTextView>()({
    input: z.strictObject({ id }),
    roles: office,
    kind: 'write',
    summary: { zh: '识别(或重新识别)一份档案', en: 'OCR one document (again)' },
  }),
  'ocr.enqueueAll': method<{ queued: number }>()({
    input: z.strictObject({}).default({}),
    roles: office,
    kind: 'write',
    summary: { zh: '识别全部扫描件', en: 'OCR every scan without text' },
  }),
  'ocr.cancel': method<{ cancelled: number }>()({
    input: z.strictObject({ id: id.optional() }).default({}),
    roles: office,
    kind: 'write',
    summary: { zh: '取消文字识别', en: 'Cancel OCR' },
  }),
} as const;
