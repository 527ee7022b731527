import type { FileText } from './engine/recognise-file';

export type WorkerRequest =
  { type: 'recognise'; id: number; path: string; ext: string; threads: number } | { type: 'cancel'; id: number };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'page'; id: number; page: number; pages: number }
  | { type: 'done'; id: number; result: FileText; maxRssBytes: number }
  | { type: 'failed'; id: number; message: string; cancelled: boolean; maxRssBytes: number };
