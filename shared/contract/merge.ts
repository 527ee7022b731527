import { z } from 'zod';
import { method } from './method';
import { idSchema, type ClientDetail } from './client-schemas';
import { COMBINABLE_FIELDS, MERGE_FIELDS, type MergeField } from '../clients/merge-fields';
import { zhEn } from '../bilingual';

const managers = ['owner', 'manager'] as const;

export type DuplicateReason = 'phone' | 'name' | 'similar';

/** One client in a group of possible duplicates: enough to tell them apart at a glance. */
export type CandidateClient = {
  id: number;
  name: string;
  kind: 'company' | 'person';
  phones: string[];
  province: string;
  city: string;
  district: string;
  ownerName: string;
  joinedOn: string;
  contracts: number;
};

export type DuplicateGroup = {
  reason: DuplicateReason;
  /** The shared phone or name, or the region the similar names are in. */
  key: string;
  clients: CandidateClient[];
};

/** What moves to the kept client. */
export type MergeCounts = {
  contracts: number;
  payments: number;
  followUps: number;
  openFollowUps: number;
  documents: number;
  history: number;
  invoices: number;
};

export type MergePreview = { clients: ClientDetail[]; moves: MergeCounts };

export type MergeResult = {
  keptId: number;
  mergedIds: number[];
  kept: ClientDetail;
  moved: MergeCounts;
  /** Documents re-filed under the kept client's folders; problems leave a file where it was (档案体检 finds it). */
  refiled: number;
  refileProblems: { documentId: number; message: string }[];
};

const choice = z.union([idSchema, z.literal('all')]);

export const mergeContract = {
  'merge.candidates': method<DuplicateGroup[]>()({
    input: z
      .strictObject({
        reasons: z
          .array(z.enum(['phone', 'name', 'similar']))
          .min(1)
          .default(['phone', 'name', 'similar']),
        limit: z.number().int().positive().max(2000).default(300),
      })
      .default({ reasons: ['phone', 'name', 'similar'], limit: 300 }),
    roles: managers,
    kind: 'read',
    summary: { zh: '疑似重复客户', en: 'Possible duplicate clients' },
  }),
  'merge.preview': method<MergePreview>()({
    input: z.strictObject({ keepId: idSchema, mergeIds: z.array(idSchema).min(1).max(9) }),
    roles: managers,
    kind: 'read',
    summary: { zh: '合并预览', en: 'Preview a merge' },
  }),
  'merge.apply': method<MergeResult>()({
    input: z
      .strictObject({
        keepId: idSchema,
        mergeIds: z
          .array(idSchema)
          .min(1, { error: zhEn('请选择要并入的客户', 'Choose the clients to merge in') })
          .max(9, { error: zhEn('一次最多合并 10 位客户', 'Merge at most 10 clients at once') }),
        /** Per field, the client whose value is kept (default: the kept client); phones and notes may be 'all'. */
        choose: z.partialRecord(z.enum(MERGE_FIELDS), choice).default({}),
      })
      .refine((v) => !v.mergeIds.includes(v.keepId), {
        error: zhEn('保留的客户不能同时被并入', 'The kept client cannot also be merged in'),
        path: ['mergeIds'],
      })
      .refine(
        (v) =>
          Object.entries(v.choose).every(
            ([field, c]) => c !== 'all' || (COMBINABLE_FIELDS as readonly string[]).includes(field as MergeField),
          ),
        { error: zhEn('只有电话和备注可以全部保留', 'Only phones and notes can be kept from every client'), path: ['choose'] },
      ),
    roles: managers,
    kind: 'write',
    summary: { zh: '合并重复客户', en: 'Merge duplicate clients' },
  }),
} as const;
