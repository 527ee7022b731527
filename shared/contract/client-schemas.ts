import { z } from 'zod';
import { GRADES, LEVELS, SOURCES, STAGES, VALUE_TYPES, FUNNEL_STEPS } from '../clients/classification';
import type { ClientGrade, ClientLevel, ClientSource, SalesStage, ValueType } from '../clients/classification';
import type { PhoneKind } from '../clients/normalise';
import { dateSchema, idSchema, yearlyDateSchema } from './field-schemas';
import { zhEn } from '../bilingual';

export { idSchema, yearlyDateSchema } from './field-schemas';

const text = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .max(max, { error: zhEn(`${zh}最多 ${max} 个字`, `${en} is at most ${max} characters`) });

export const CLIENT_KINDS = ['company', 'person'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

const clientFields = {
  kind: z.enum(CLIENT_KINDS, { error: zhEn('类型应为公司或个人', 'Kind must be company or person') }),
  name: z
    .string()
    .trim()
    .min(1, { error: zhEn('客户名称不能为空', 'Client name is required') })
    .max(100, { error: zhEn('客户名称最多 100 个字', 'Client name is at most 100 characters') }),
  contactName: text(50, '联系人', 'Contact person'),
  phones: z.array(z.string().trim().min(1).max(40)).max(6, { error: zhEn('最多 6 个电话', 'At most 6 phones') }),
  wechat: text(60, '微信', 'WeChat'),
  qq: text(20, 'QQ', 'QQ'),
  email: z.union([
    z.literal(''),
    z
      .email({ error: zhEn('邮箱格式不对,应写成 wang@163.com 这样', 'Email is not valid; write it like wang@163.com') })
      .max(100, { error: zhEn('邮箱最多 100 个字符', 'Email is at most 100 characters') }),
  ]),
  address: text(200, '地址', 'Address'),
  province: text(30, '省', 'Province'),
  city: text(30, '市', 'City'),
  district: text(30, '区县', 'District'),
  township: text(30, '乡镇', 'Township'),
  industry: text(40, '行业', 'Industry'),
  size: text(40, '规模', 'Size'),
  source: z.enum(SOURCES, { error: zhEn('信息来源无效', 'Unknown source') }),
  referrerClientId: idSchema.nullable(),
  referrerName: text(100, '介绍人', 'Referrer'),
  joinedOn: dateSchema,
  ownerStaffId: idSchema.nullable(),
  level: z.union(
    LEVELS.map((l) => z.literal(l)),
    { error: zhEn('等级应为 1–4(一级–四级)', 'Level must be 1–4') },
  ),
  grade: z.enum(['', ...GRADES], { error: zhEn('分类应为 A、B 或 C', 'Grade must be A, B or C') }),
  manMoney: z.boolean(),
  manAuthority: z.boolean(),
  manNeed: z.boolean(),
  valueType: z.enum(['', ...VALUE_TYPES], { error: zhEn('价值类型无效', 'Unknown value type') }),
  stage: z.enum(STAGES, { error: zhEn('销售阶段无效', 'Unknown sales stage') }),
  birthday: yearlyDateSchema.nullable(),
  anniversary: yearlyDateSchema.nullable(),
  notes: text(2000, '备注', 'Notes'),
};

export const newClientSchema = z.strictObject({
  ...clientFields,
  kind: clientFields.kind.default('company'),
  contactName: clientFields.contactName.default(''),
  phones: clientFields.phones.default([]),
  wechat: clientFields.wechat.default(''),
  qq: clientFields.qq.default(''),
  email: clientFields.email.default(''),
  address: clientFields.address.default(''),
  province: clientFields.province.default(''),
  city: clientFields.city.default(''),
  district: clientFields.district.default(''),
  township: clientFields.township.default(''),
  industry: clientFields.industry.default(''),
  size: clientFields.size.default(''),
  source: clientFields.source.default('other'),
  referrerClientId: clientFields.referrerClientId.default(null),
  referrerName: clientFields.referrerName.default(''),
  /** Omitted: today. */
  joinedOn: dateSchema.optional(),
  /** Omitted: the caller when a salesperson, else unassigned. */
  ownerStaffId: clientFields.ownerStaffId.optional(),
  level: clientFields.level.default(4),
  grade: clientFields.grade.default(''),
  manMoney: z.boolean().default(false),
  manAuthority: z.boolean().default(false),
  manNeed: z.boolean().default(false),
  valueType: clientFields.valueType.default(''),
  stage: clientFields.stage.default('prepare'),
  birthday: clientFields.birthday.default(null),
  anniversary: clientFields.anniversary.default(null),
  notes: clientFields.notes.default(''),
});
export type NewClient = z.output<typeof newClientSchema>;

/** Change some fields; owner changes go through clients.reassign so history is kept. */
export const clientPatchSchema = z.strictObject(clientFields).omit({ ownerStaffId: true }).partial().extend({ id: idSchema });
export type ClientPatch = z.output<typeof clientPatchSchema>;

/**
 * Column sorts of the 客户 list (a leading '-' is descending). 'joinedOn' is the manual's
 * order ("按客户加入日期排序管理"); the list opens newest first ('-joinedOn').
 */
export const CLIENT_SORTS = [
  'joinedOn',
  '-joinedOn',
  'name',
  '-name',
  'level',
  '-level',
  'completeness',
  '-completeness',
] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

/** The list's filters; also what an export of "the filtered list" takes. */
export const clientFiltersSchema = z.strictObject({
  search: z.string().trim().max(100).default(''),
  level: z.union(LEVELS.map((l) => z.literal(l))).optional(),
  grade: z.enum(GRADES).optional(),
  /** A staff id, or 0 for clients with no owner (公海). */
  ownerStaffId: z.number().int().nonnegative().optional(),
  source: z.enum(SOURCES).optional(),
  stage: z.enum(STAGES).optional(),
  funnel: z.enum(FUNNEL_STEPS).optional(),
  province: z.string().trim().max(30).optional(),
  city: z.string().trim().max(30).optional(),
  district: z.string().trim().max(30).optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(CLIENT_SORTS).default('joinedOn'),
});
export type ClientFilters = z.output<typeof clientFiltersSchema>;

export const clientListSchema = clientFiltersSchema.extend({
  offset: z.number().int().nonnegative().max(10_000_000).default(0),
  limit: z.number().int().positive().max(500).default(100),
});
export type ClientListInput = z.output<typeof clientListSchema>;

export type ClientPhone = { phone: string; key: string; kind: PhoneKind };

export type ClientListRow = {
  id: number;
  kind: ClientKind;
  name: string;
  contactName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  source: ClientSource;
  level: ClientLevel;
  grade: ClientGrade | '';
  stage: SalesStage;
  ownerStaffId: number | null;
  ownerName: string;
  joinedOn: string;
  completeness: number;
  archived: boolean;
};

export type ClientDetail = Omit<ClientListRow, 'phone'> & {
  phones: ClientPhone[];
  wechat: string;
  qq: string;
  email: string;
  address: string;
  township: string;
  industry: string;
  size: string;
  referrerClientId: number | null;
  referrerClientName: string;
  referrerName: string;
  manMoney: boolean;
  manAuthority: boolean;
  manNeed: boolean;
  qualified: boolean;
  valueType: ValueType | '';
  birthday: string | null;
  anniversary: string | null;
  notes: string;
  missing: { key: string; zh: string; en: string }[];
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export type OwnerHistoryRow = {
  id: number;
  changedAt: string;
  fromStaffId: number | null;
  fromName: string;
  toStaffId: number | null;
  toName: string;
  changedBy: string;
  changedByName: { zh: string; en: string };
  reason: string;
};

/**
 * A 撞单 hit. The client's name and id are present when the caller may see that client, and for
 * a client in the pool (公海), which anyone may claim.
 */
export type DuplicateHit = {
  field: 'phone' | 'name';
  value: string;
  ownerName: string;
  clientId: number | null;
  clientName: string | null;
  /** Nobody owns it: say 在公海中 and offer to claim it. */
  inPool: boolean;
};
