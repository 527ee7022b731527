import { z } from 'zod';
import type { BonusRuleDef } from '../commission/bonus-rules';
import { WHOLE_BP } from '../commission/shares';
import { MAX_TIER_FROM_BP, MAX_TIER_RATE_PPM, MAX_TIERS, type Tier } from '../commission/tiers';
import { ROLES, type Role } from '../roles';
import type { MonthPlans } from './commission';
import { method } from './method';
import { monthInputSchema } from './performance';
import { zhEn } from '../bilingual';

/**
 * What a person is paid by, beyond the manual's rule (issue 19): 分成 on a contract, 阶梯提成
 * per month, 奖金/扣款 items and bonus rules. Only managers and the owner change them; a clerk
 * sees none of it.
 */
const managers = ['owner', 'manager'] as const;
const id = z.number().int().positive();
const positiveFen = z
  .number({ error: zhEn('金额必须是数字', 'Amount must be a number') })
  .int({ error: zhEn('金额必须精确到分', 'Amount must be whole fen') })
  .min(1, { error: zhEn('金额须大于 0', 'Amount must be more than 0') })
  .max(100_000_000_000, { error: zhEn('金额过大', 'Amount is too large') });
const text = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${zh} / ${en}` })
    .max(max);

// ── 分成 ─────────────────────────────────────────────────────────────────────
export type SharePartView = { staffId: number; code: string; name: string; shareBp: number };
export type ShareHistoryEntry = { fromMonth: string; parts: SharePartView[]; note: string; createdAt: string; createdBy: string };
export type ShareAdjustmentView = {
  staffId: number;
  name: string;
  amountFen: number;
  basis: 'payments' | 'contracts';
  unitMonth: string;
  creditMonth: string;
  createdAt: string;
};
export type ContractShares = {
  contractId: number;
  number: string;
  /** The contract's own salesperson (credited the whole when not shared). */
  staffId: number | null;
  staffName: string | null;
  amountFen: number;
  /** The shares that apply now; empty = not shared. */
  current: SharePartView[];
  history: ShareHistoryEntry[];
  /** What changing shares moved for months already closed (managers and the owner only). */
  adjustments: ShareAdjustmentView[];
  canEdit: boolean;
};

export const sharePartsSchema = z
  .array(z.strictObject({ staffId: id, shareBp: z.number().int().min(1).max(WHOLE_BP) }))
  .max(10, { error: zhEn('分成最多 10 人', 'At most 10 people share a contract') });

// ── 阶梯提成 ─────────────────────────────────────────────────────────────────
export const tiersSchema = z
  .array(
    z.strictObject({
      fromBp: z.number().int().min(0).max(MAX_TIER_FROM_BP),
      ratePpm: z.number().int().min(0).max(MAX_TIER_RATE_PPM),
    }),
  )
  .min(1)
  .max(MAX_TIERS);
export type { Tier };

// ── 奖金/扣款 ────────────────────────────────────────────────────────────────
export const PAY_ITEM_CATEGORIES = {
  bonus: ['开单奖', '全勤奖', '季度奖', '竞赛奖', '其他奖金'],
  deduction: ['迟到', '缺勤', '违规', '其他扣款'],
} as const;

export type PayItemRow = {
  id: number;
  staffId: number;
  code: string;
  name: string;
  kind: 'bonus' | 'deduction';
  category: string;
  reason: string;
  amountFen: number;
  fromMonth: string;
  /** Null: recurring until stopped. */
  toMonth: string | null;
  /** The month a settled dispute was about. */
  forMonth: string | null;
  createdAt: string;
  createdBy: string;
  /** Counts in a closed month: it can be stopped from an open month on, not changed or deleted. */
  locked: boolean;
};

export type BonusRuleRow = {
  id: number;
  name: string;
  amountFen: number;
  roles: Role[];
  fromMonth: string;
  toMonth: string | null;
  def: BonusRuleDef;
  description: { zh: string; en: string };
  createdAt: string;
  createdBy: string;
  locked: boolean;
};

const ruleDefSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('per_contract'),
    minAmountFen: positiveFen.or(z.literal(0)),
    newOnly: z.boolean().default(true),
  }),
  z.strictObject({ kind: z.literal('top_collector') }),
  z.strictObject({ kind: z.literal('streak'), months: z.number().int().min(2).max(12) }),
]);

const untilSchema = monthInputSchema.nullable();

export const payTermsContract = {
  'shares.get': method<ContractShares>()({
    input: z.strictObject({ contractId: id }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '合同分成', en: 'Shared credit of a contract' },
  }),
  'shares.set': method<ContractShares>()({
    input: z.strictObject({
      contractId: id,
      parts: sharePartsSchema,
      note: z.string().trim().max(200).default(''),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '设置合同分成', en: 'Set a contract’s shared credit' },
  }),
  'plans.setTiers': method<MonthPlans>()({
    input: z.strictObject({ month: monthInputSchema, staffId: id.nullable(), tiers: tiersSchema.nullable() }),
    roles: managers,
    kind: 'write',
    summary: { zh: '设置阶梯提成', en: 'Set tiered commission' },
  }),
  'payitems.list': method<PayItemRow[]>()({
    input: z.strictObject({ month: monthInputSchema }),
    roles: managers,
    kind: 'read',
    summary: { zh: '奖金与扣款', en: 'Bonuses and deductions' },
  }),
  'payitems.create': method<PayItemRow>()({
    input: z.strictObject({
      staffId: id,
      kind: z.enum(['bonus', 'deduction']),
      category: text(20, '请选择类别', 'Choose a category'),
      reason: text(200, '请写明原因', 'Give the reason'),
      amountFen: positiveFen,
      fromMonth: monthInputSchema,
      /** Same as fromMonth for a one-off item; null for recurring until stopped. */
      toMonth: untilSchema,
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '添加奖金或扣款', en: 'Add a bonus or deduction' },
  }),
  'payitems.stop': method<PayItemRow>()({
    input: z.strictObject({ id, lastMonth: monthInputSchema }),
    roles: managers,
    kind: 'write',
    summary: { zh: '停止每月奖金或扣款', en: 'Stop a recurring item' },
  }),
  'payitems.delete': method<{ deleted: number }>()({
    input: z.strictObject({ id }),
    roles: managers,
    kind: 'write',
    summary: { zh: '删除奖金或扣款', en: 'Delete a bonus or deduction' },
  }),
  'bonusrules.list': method<BonusRuleRow[]>()({
    input: z.strictObject({}).default({}),
    roles: managers,
    kind: 'read',
    summary: { zh: '奖金规则', en: 'Bonus rules' },
  }),
  'bonusrules.create': method<BonusRuleRow>()({
    input: z.strictObject({
      name: text(30, '请填写规则名称', 'Name the rule'),
      amountFen: positiveFen,
      roles: z.array(z.enum(ROLES)).min(1).default(['salesperson']),
      fromMonth: monthInputSchema,
      toMonth: untilSchema,
      def: ruleDefSchema,
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '添加奖金规则', en: 'Add a bonus rule' },
  }),
  'bonusrules.stop': method<BonusRuleRow>()({
    input: z.strictObject({ id, lastMonth: monthInputSchema }),
    roles: managers,
    kind: 'write',
    summary: { zh: '停止奖金规则', en: 'Stop a bonus rule' },
  }),
  'bonusrules.delete': method<{ deleted: number }>()({
    input: z.strictObject({ id }),
    roles: managers,
    kind: 'write',
    summary: { zh: '删除奖金规则', en: 'Delete a bonus rule' },
  }),
} as const;
