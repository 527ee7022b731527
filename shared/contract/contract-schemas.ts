import { z } from 'zod';
import { idSchema } from './client-schemas';
import { dateSchema } from './field-schemas';
import { zhEn } from '../bilingual';

/** 草稿 / 已签 / 履行中 / 已到期 / 已作废. */
export const CONTRACT_STATUSES = ['draft', 'signed', 'active', 'expired', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  signed: { zh: '已签', en: 'Signed' },
  active: { zh: '履行中', en: 'Active' },
  expired: { zh: '已到期', en: 'Expired' },
  cancelled: { zh: '已作废', en: 'Cancelled' },
};

export const PAYMENT_METHODS = ['cash', 'transfer', 'wechat', 'alipay', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, { zh: string; en: string }> = {
  cash: { zh: '现金', en: 'Cash' },
  transfer: { zh: '转账', en: 'Bank transfer' },
  wechat: { zh: '微信', en: 'WeChat Pay' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  card: { zh: '刷卡', en: 'Card' },
  other: { zh: '其他', en: 'Other' },
};

export const contractNumberSchema = z
  .string()
  .trim()
  .min(1, { error: zhEn('合同编号不能为空', 'Contract number is required') })
  .max(40, { error: zhEn('合同编号最多 40 个字符', 'Contract number is at most 40 characters') });

export const amountFenSchema = z
  .number({ error: zhEn('金额必须是数字', 'Amount must be a number') })
  .int({ error: zhEn('金额必须精确到分', 'Amount must be whole fen') })
  .min(0, { error: zhEn('合同金额不能为负数', 'Contract amount cannot be negative') })
  .max(100_000_000_000, { error: zhEn('金额过大', 'Amount is too large') });

const contractFields = {
  clientId: idSchema,
  staffId: idSchema.nullable(),
  product: z.string().trim().max(100),
  amountFen: amountFenSchema,
  signedOn: dateSchema.nullable(),
  startsOn: dateSchema.nullable(),
  endsOn: dateSchema.nullable(),
  status: z.enum(CONTRACT_STATUSES, { error: zhEn('合同状态无效', 'Unknown contract status') }),
  notes: z.string().trim().max(2000),
};

const datesInOrder = (v: { startsOn?: string | null | undefined; endsOn?: string | null | undefined }): boolean =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const datesError = {
  error: zhEn('服务结束日期不能早于开始日期', 'The service end cannot be before its start'),
  path: ['endsOn'],
};

export const newContractSchema = z
  .strictObject({
    ...contractFields,
    /** Omitted: the next free number HT-YYYY-NNNN. */
    number: contractNumberSchema.optional(),
    /** Omitted: the client's owner. */
    staffId: contractFields.staffId.optional(),
    product: contractFields.product.default(''),
    signedOn: contractFields.signedOn.default(null),
    startsOn: contractFields.startsOn.default(null),
    endsOn: contractFields.endsOn.default(null),
    status: contractFields.status.default('draft'),
    renewalOfId: idSchema.nullable().default(null),
    notes: contractFields.notes.default(''),
  })
  .refine(datesInOrder, datesError);
export type NewContract = z.output<typeof newContractSchema>;

export const contractPatchSchema = z
  .strictObject(contractFields)
  .omit({ clientId: true })
  .partial()
  .extend({ id: idSchema, number: contractNumberSchema.optional() })
  .refine(datesInOrder, datesError);
export type ContractPatch = z.output<typeof contractPatchSchema>;

/** Column sorts of the 合同 list; a leading '-' is descending. Newest signed first by default. */
export const CONTRACT_SORT_KEYS = ['signedOn', 'number', 'client', 'staff', 'amount', 'paid', 'balance', 'status'] as const;
export type ContractSortKey = (typeof CONTRACT_SORT_KEYS)[number];
export const CONTRACT_SORTS = CONTRACT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type ContractSort = ContractSortKey | `-${ContractSortKey}`;

export const contractFiltersSchema = z.strictObject({
  /** Contract number or client name fragment. */
  search: z.string().trim().max(100).default(''),
  status: z.enum(CONTRACT_STATUSES).optional(),
  staffId: idSchema.optional(),
  clientId: idSchema.optional(),
  signedFrom: dateSchema.optional(),
  signedTo: dateSchema.optional(),
  /** Only contracts with money still due. */
  unpaidOnly: z.boolean().default(false),
  sort: z.enum(CONTRACT_SORTS as unknown as [ContractSort, ...ContractSort[]]).optional(),
});
export type ContractFilters = z.output<typeof contractFiltersSchema>;

export type ContractRow = {
  id: number;
  number: string;
  clientId: number;
  clientName: string;
  staffId: number | null;
  staffName: string;
  product: string;
  amountFen: number;
  paidFen: number;
  /** amount − paid; negative when more was received than the contract is worth. */
  balanceFen: number;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: ContractStatus;
  /** As shown: a signed or active contract whose service has ended reads 已到期. */
  displayStatus: ContractStatus;
  renewalOfId: number | null;
  renewalOfNumber: string | null;
  renewedById: number | null;
  renewedByNumber: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
};

export type PaymentRow = {
  id: number;
  contractId: number;
  contractNumber: string;
  staffId: number | null;
  staffName: string;
  paidOn: string;
  /** The month whose sales it counts in: its own, or the next open one when its own was closed. */
  creditMonth: string | null;
  amountFen: number;
  method: PaymentMethod;
  notes: string;
  createdAt: string;
};

export type ContractDetail = ContractRow & { payments: PaymentRow[] };

export type RenewalRow = ContractRow & {
  clientJoinedOn: string;
  /** Days from the as-of date to the service end; negative once lapsed. */
  daysLeft: number;
  state: 'due' | 'lapsed';
  /** 续费 was pressed and the renewal contract is still a draft: the reminder stays until it is signed. */
  renewalDraft: { id: number; number: string } | null;
};
