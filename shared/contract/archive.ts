import { z } from 'zod';
import { method, streamMethod, type FileAnswer } from './method';
import { absolutePathSchema, archivePathSchema, dateSchema, idSchema } from './field-schemas';
import type { TextState } from '../archive/text-formats';
import { zhEn } from '../bilingual';

const everyone = ['owner', 'manager', 'clerk', 'salesperson'] as const;
const office = ['owner', 'manager', 'clerk'] as const;
const managers = ['owner', 'manager'] as const;
const id = idSchema;

export const DOCUMENT_SORTS = [
  'date',
  '-date',
  'title',
  '-title',
  'size',
  '-size',
  'kind',
  '-kind',
  'client',
  '-client',
] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export type KindRow = {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  autoPurge: boolean;
  draftMonths: number | null;
  documents: number;
};

export type DocumentRow = {
  id: number;
  kindId: number | null;
  kindPath: string;
  clientId: number | null;
  clientName: string;
  contractId: number | null;
  contractNumber: string;
  docDate: string;
  title: string;
  originalName: string;
  size: number;
  sha256: string;
  relPath: string;
  filedBy: string;
  filedAt: string;
  deletedAt: string | null;
  /** Whether its words are searchable, and why not (null: not read yet). */
  textState: TextState | null;
};

/** A folder of the archive (as the template lays it out) and how many documents are inside it. */
export type FolderRow = { name: string; path: string; documents: number };

/** What to do when the same content is already filed (撞档): ask first, skip, link the existing one, or keep both. */
export const DUPLICATE_CHOICES = ['ask', 'skip', 'link', 'keep'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

export const docFieldsSchema = z.strictObject({
  kindId: id.nullable().default(null),
  clientId: id.nullable().default(null),
  contractId: id.nullable().default(null),
  /** Defaults to today. */
  docDate: dateSchema.optional(),
  /** Defaults to the original file name without its extension. */
  title: z.string().trim().max(120).optional(),
});
export type DocFields = z.output<typeof docFieldsSchema>;

/**
 * An edit names only the fields it changes: no defaults here (zod applies a field's default
 * even under .partial(), which once turned a title-only edit into "kind: none" and moved the
 * file to 未分类/).
 */
export const docPatchSchema = z.strictObject({
  kindId: id.nullable().optional(),
  clientId: id.nullable().optional(),
  contractId: id.nullable().optional(),
  docDate: dateSchema.optional(),
  title: z
    .string()
    .trim()
    .min(1, { error: zhEn('标题不能为空', 'Title cannot be empty') })
    .max(120)
    .optional(),
});

export type FilingResult =
  | { outcome: 'filed'; document: DocumentRow }
  | { outcome: 'skipped'; existing: DocumentRow }
  | { outcome: 'linked'; existing: DocumentRow };

export const FINDING_KINDS = ['unrecorded', 'missing', 'modified', 'misplaced', 'empty', 'unlinked', 'staging'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * What 档案体检 may do about a finding. 'file' files a loose file (or completes an unlinked
 * record) with kind/client/contract/date; 'trash' moves it to the recycle area (recoverable —
 * nothing is ever deleted for good here); 'ignore' hides the finding until the file changes.
 */
export const FIX_ACTIONS = ['file', 'trash', 'relink', 'refile', 'accept', 'ignore', 'unignore'] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

/** The choices each kind of finding offers ('relink' only when a file of the same content was found). */
export const FIX_ACTIONS_BY_KIND: Record<FindingKind, readonly FixAction[]> = {
  unrecorded: ['file', 'trash', 'ignore'],
  empty: ['trash', 'ignore'],
  staging: ['trash', 'ignore'],
  missing: ['relink', 'trash', 'ignore'],
  modified: ['accept', 'ignore'],
  misplaced: ['refile', 'ignore'],
  unlinked: ['file', 'ignore'],
};

/**
 * Accepting changed content re-baselines a (possibly signed) file's checksum, and ignoring hides a
 * finding from everyone: a manager's or the owner's decision, not a clerk's.
 */
export const MANAGER_FIX_ACTIONS: readonly FixAction[] = ['accept', 'ignore', 'unignore'];

export type AuditFinding = {
  kind: FindingKind;
  /** Path under the archive root, as found or as recorded. */
  relPath: string;
  documentId: number | null;
  /** For a missing record: a file with the same content elsewhere (moved by hand). */
  candidatePath: string | null;
  /** The choices this finding offers (before role: see MANAGER_FIX_ACTIONS). */
  actions: FixAction[];
  /** Shown only with includeIgnored: someone chose to ignore it and the file has not changed since. */
  ignored: boolean;
  zh: string;
  en: string;
};
export type AuditReport = {
  checkedAt: string;
  files: number;
  documents: number;
  rehashed: boolean;
  findings: AuditFinding[];
  /** Findings left out because they were ignored (and their file has not changed). */
  ignored: number;
};

export const archiveContract = {
  'archive.kinds': method<KindRow[]>()({
    input: z.strictObject({}).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '档案分类', en: 'Document kinds' },
  }),
  'archive.saveKind': method<KindRow[]>()({
    input: z.strictObject({
      id: id.optional(),
      parentId: id.nullable().default(null),
      name: z
        .string()
        .trim()
        .min(1, { error: zhEn('名称不能为空', 'Name is required') })
        .max(40),
      autoPurge: z.boolean().default(true),
      draftMonths: z.number().int().positive().max(600).nullable().default(null),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '保存档案分类', en: 'Save a document kind' },
  }),
  'archive.deleteKind': method<KindRow[]>()({
    input: z.strictObject({ id }),
    roles: managers,
    kind: 'write',
    summary: { zh: '删除档案分类', en: 'Delete a document kind' },
  }),
  'archive.template': method<{ template: string; example: string }>()({
    input: z.strictObject({}).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '归档路径模板', en: 'Path template' },
  }),
  'archive.previewTemplate': method<{ example: string; problems: { zh: string; en: string }[] }>()({
    input: z.strictObject({ template: z.string().max(300) }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '预览路径模板', en: 'Preview a path template' },
  }),
  'archive.setTemplate': method<{ template: string; moved: number; unchanged: number }>()({
    input: z.strictObject({ template: z.string().trim().min(1).max(300) }),
    roles: managers,
    kind: 'write',
    summary: { zh: '修改路径模板并重新归档', en: 'Change the template and re-file' },
  }),
  'archive.fileLocal': method<FilingResult>()({
    input: z.strictObject({
      sourcePath: absolutePathSchema(4000),
      fields: docFieldsSchema.default({ kindId: null, clientId: null, contractId: null }),
      move: z.boolean().default(false),
      onDuplicate: z.enum(DUPLICATE_CHOICES).default('ask'),
    }),
    roles: office,
    kind: 'write',
    serverPaths: ['sourcePath'],
    summary: { zh: '归档本机文件(桌面与命令行)', en: 'File a local file (desktop, CLI)' },
  }),
  'archive.upload': streamMethod<FilingResult>()({
    input: z.strictObject({
      /** The file's original name (its extension decides how it is indexed). */
      name: z
        .string()
        .trim()
        .min(1, { error: zhEn('缺少文件名', 'File name is required') })
        .max(255),
      fields: docFieldsSchema.default({ kindId: null, clientId: null, contractId: null }),
      onDuplicate: z.enum(DUPLICATE_CHOICES).default('ask'),
    }),
    roles: office,
    kind: 'write',
    summary: { zh: '上传并归档文件', en: 'Upload and file a document' },
  }),
  'archive.download': method<FileAnswer>()({
    input: z.strictObject({ id }),
    roles: everyone,
    kind: 'read',
    download: true,
    summary: { zh: '下载或打开档案文件', en: 'Download or open a document' },
  }),
  'archive.list': method<{ rows: DocumentRow[]; total: number }>()({
    input: z
      .strictObject({
        kindId: id.optional(),
        clientId: id.optional(),
        contractId: id.optional(),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        /** A folder under the archive root ('/' separated): documents anywhere inside it. */
        folder: archivePathSchema().optional(),
        search: z.string().trim().max(100).default(''),
        trash: z.boolean().default(false),
        /** A column sort ('-' descending); without one, newest date first (a search: newest filed first). */
        sort: z.enum(DOCUMENT_SORTS).optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(100),
      })
      .default({ search: '', trash: false, offset: 0, limit: 100 }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '档案列表与搜索', en: 'List and search documents' },
  }),
  'archive.folders': method<FolderRow[]>()({
    input: z.strictObject({ folder: archivePathSchema().default('') }).default({ folder: '' }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '档案文件夹', en: 'Folders of the archive' },
  }),
  'archive.get': method<DocumentRow>()({
    input: z.strictObject({ id }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '一份档案', en: 'One document' },
  }),
  'archive.update': method<DocumentRow>()({
    input: z.strictObject({ id, fields: docPatchSchema }),
    roles: office,
    kind: 'write',
    summary: { zh: '修改档案信息(并移动到新位置)', en: 'Edit a document (and move it)' },
  }),
  'archive.delete': method<DocumentRow>()({
    input: z.strictObject({
      id,
      reason: z
        .string()
        .trim()
        .min(1, { error: zhEn('请写明原因', 'Give a reason') })
        .max(300),
    }),
    roles: office,
    kind: 'write',
    summary: { zh: '删除到回收站', en: 'Move to the recycle area' },
  }),
  'archive.restore': method<DocumentRow>()({
    input: z.strictObject({ id }),
    roles: office,
    kind: 'write',
    summary: { zh: '从回收站恢复', en: 'Restore from the recycle area' },
  }),
  'archive.cleanup': method<{ purgeDue: DocumentRow[]; draftsOld: DocumentRow[]; retentionDays: number }>()({
    input: z.strictObject({}).default({}),
    roles: managers,
    kind: 'read',
    summary: { zh: '定期清理建议', en: 'What cleanup proposes' },
  }),
  'archive.purge': method<{ purged: number }>()({
    input: z.strictObject({ ids: z.array(id).min(1).max(10_000) }),
    roles: ['owner'],
    kind: 'write',
    summary: { zh: '彻底删除回收站中的文件', en: 'Purge from the recycle area' },
  }),
  'archive.audit': method<AuditReport>()({
    input: z
      .strictObject({ rehash: z.boolean().default(false), includeIgnored: z.boolean().default(false) })
      .default({ rehash: false, includeIgnored: false }),
    roles: office,
    kind: 'write',
    summary: { zh: '档案体检', en: 'Check the archive' },
  }),
  'archive.fix': method<{ fixed: boolean; zh: string; en: string }>()({
    input: z.strictObject({
      kind: z.enum(FINDING_KINDS),
      relPath: archivePathSchema(4000).min(1),
      documentId: id.nullable().default(null),
      /** Left out: the finding's non-destructive fix (relink, accept, refile); the others must be chosen. */
      action: z.enum(FIX_ACTIONS).optional(),
      /** For 'file': kind, client, contract, date and title to file it with. */
      fields: docFieldsSchema.optional(),
    }),
    roles: office,
    kind: 'write',
    summary: { zh: '处理体检问题', en: 'Fix a finding' },
  }),
} as const;
