import { z } from 'zod';
import { MATCH_ALGORITHMS, type MatchAlgorithm } from '../intake/match';
import { docFieldsSchema, type DocumentRow } from './archive';
import { method } from './method';
import { zhEn } from '../bilingual';

const office = ['owner', 'manager', 'clerk'] as const;
const managers = ['owner', 'manager'] as const;
const id = z.number().int().positive();

export const INBOX_STATES = ['settling', 'queued', 'reading', 'proposed', 'filed', 'failed'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

/** One file in the scan inbox, with what the office proposes for it. */
export type InboxItemView = {
  id: number;
  fileName: string;
  size: number;
  state: InboxState;
  textSource: 'file' | 'ocr' | null;
  /** OCR's mean confidence (0–1) when the words came from OCR. */
  confidence: number | null;
  pages: number | null;
  /** The first words read, as the review list's preview. */
  textPreview: string;
  clientId: number | null;
  clientName: string;
  contractId: number | null;
  contractNumber: string;
  kindId: number | null;
  kindPath: string;
  docDate: string | null;
  /** Sure enough to be filed without a person (one client by strong evidence and a kind rule). */
  confident: boolean;
  reasons: { zh: string; en: string }[];
  error: { zh: string; en: string } | null;
  /** Once filed: the archive's document (or the same content already filed). */
  document: DocumentRow | null;
  filedBy: string | null;
  updatedAt: string;
};

export type InboxView = {
  folder: string | null;
  autoFile: boolean;
  /** The folder is set but cannot be read (unplugged drive, removed folder). */
  folderProblem: { zh: string; en: string } | null;
  /** Everything not filed yet: 待归档. */
  waiting: InboxItemView[];
  /** The latest filed, newest first (at most 20). */
  filed: InboxItemView[];
};

export type InboxRuleRow = {
  id: number;
  kindId: number;
  kindPath: string;
  algorithm: MatchAlgorithm;
  match: string;
  caseInsensitive: boolean;
  sort: number;
};

export const intakeContract = {
  'inbox.list': method<InboxView>()({
    input: z.strictObject({}).default({}),
    roles: office,
    kind: 'read',
    summary: { zh: '扫描收件箱', en: 'The scan inbox' },
  }),
  'inbox.configure': method<InboxView>()({
    input: z.strictObject({
      /** A folder on the office computer; null turns the inbox off. */
      folder: z.string().trim().min(1).max(1000).nullable(),
      autoFile: z.boolean().default(true),
    }),
    roles: managers,
    kind: 'write',
    serverPaths: ['folder'],
    summary: { zh: '设置扫描收件箱文件夹', en: 'Set the scan inbox folder' },
  }),
  'inbox.scan': method<{ seen: number; settling: number; queued: number }>()({
    input: z.strictObject({}).default({}),
    roles: office,
    kind: 'write',
    summary: { zh: '检查扫描收件箱', en: 'Check the scan inbox now' },
  }),
  'inbox.file': method<InboxItemView>()({
    input: z.strictObject({ id, fields: docFieldsSchema }),
    roles: office,
    kind: 'write',
    summary: { zh: '归档收件箱中的文件', en: 'File a document from the inbox' },
  }),
  'inbox.retry': method<InboxItemView>()({
    input: z.strictObject({ id }),
    roles: office,
    kind: 'write',
    summary: { zh: '重新读取收件箱中的文件', en: 'Read an inbox file again' },
  }),
  'inbox.rules': method<InboxRuleRow[]>()({
    input: z.strictObject({}).default({}),
    roles: office,
    kind: 'read',
    summary: { zh: '收件箱分类规则', en: 'Inbox kind rules' },
  }),
  'inbox.saveRule': method<InboxRuleRow[]>()({
    input: z.strictObject({
      id: id.optional(),
      kindId: id,
      algorithm: z.enum(MATCH_ALGORITHMS),
      match: z
        .string()
        .trim()
        .min(1, { error: zhEn('请填写匹配内容', 'Enter what to match') })
        .max(300),
      caseInsensitive: z.boolean().default(true),
      sort: z.number().int().min(0).max(10_000).optional(),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '保存收件箱分类规则', en: 'Save an inbox kind rule' },
  }),
  'inbox.deleteRule': method<InboxRuleRow[]>()({
    input: z.strictObject({ id }),
    roles: managers,
    kind: 'write',
    summary: { zh: '删除收件箱分类规则', en: 'Delete an inbox kind rule' },
  }),
} as const;

/** What 旧文件夹收编 would do with one file (the dry run). */
export type OldFileProposal = {
  relPath: string;
  size: number;
  clientId: number | null;
  clientName: string;
  kindId: number | null;
  kindPath: string;
  docDate: string;
};

export type OldFolderPreview = {
  root: string;
  files: number;
  bytes: number;
  withClient: number;
  withKind: number;
  /** Files per client found, most first. */
  clients: { clientId: number; clientName: string; files: number }[];
  /** Folders whose files matched no client (most files first, at most 50): what to look at. */
  unmatchedFolders: { folder: string; files: number }[];
  /** The first rows of the proposal (at most 300). */
  rows: OldFileProposal[];
  tookMs: number;
};

export type OldFolderJob = {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  root: string | null;
  move: boolean;
  total: number;
  done: number;
  filed: number;
  duplicates: number;
  failed: number;
  /** Files filed without a client (the report of what was not matched). */
  withoutClient: number;
  duplicateList: { relPath: string; existingPath: string }[];
  failedList: { relPath: string; zh: string; en: string }[];
  startedAt: string | null;
  finishedAt: string | null;
};

const oldRoot = z
  .string()
  .trim()
  .min(1, { error: zhEn('请填写文件夹路径', 'Enter the folder path') })
  .max(1000);

export const oldFoldersContract = {
  'intake.preview': method<OldFolderPreview>()({
    input: z.strictObject({ root: oldRoot }),
    roles: managers,
    kind: 'read',
    serverPaths: ['root'],
    summary: { zh: '旧文件夹收编预览(不归档)', en: 'Preview bringing an old folder in (dry run)' },
  }),
  'intake.import': method<OldFolderJob>()({
    input: z.strictObject({ root: oldRoot, move: z.boolean().default(false) }),
    roles: managers,
    kind: 'write',
    serverPaths: ['root'],
    summary: { zh: '收编旧文件夹(后台)', en: 'Bring an old folder in (background)' },
  }),
  'intake.status': method<OldFolderJob>()({
    input: z.strictObject({}).default({}),
    roles: managers,
    kind: 'read',
    summary: { zh: '旧文件夹收编进度', en: 'Progress of bringing an old folder in' },
  }),
  'intake.cancel': method<OldFolderJob>()({
    input: z.strictObject({}).default({}),
    roles: managers,
    kind: 'write',
    summary: { zh: '取消旧文件夹收编', en: 'Cancel bringing an old folder in' },
  }),
} as const;
