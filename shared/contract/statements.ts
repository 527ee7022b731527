import { z } from 'zod';
import type { ConfirmationState, ConfirmedFigures } from '../commission/confirmation';
import type { StandingTerms } from '../commission/standing';
import { dateSchema } from './staff';
import { method } from './method';
import { monthInputSchema } from './performance';
import type { Bilingual } from '../bilingual';

/**
 * 业绩确认 (each salesperson confirms or disputes their 个人业绩单), the what-if page ("where do
 * I stand") and the 排行榜 (issue 19). A clerk sees no pay figure in any of them.
 */
const managers = ['owner', 'manager'] as const;
const note = (min: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(min, { error: `${zh} / ${en}` })
    .max(500);

export type ConfirmationRow = {
  staffId: number;
  code: string;
  name: string;
  state: ConfirmationState;
  stale: boolean;
  note: string;
  respondedAt: string | null;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
};

export type MonthConfirmations = {
  month: string;
  closed: boolean;
  requestedAt: string | null;
  requestedBy: string | null;
  rows: ConfirmationRow[];
};

export type ClosePerson = { staffId: number; code: string; name: string };
/** What 月结 should know first: statements not (or no longer) confirmed, and open disputes. */
export type CloseCheck = {
  month: string;
  requested: boolean;
  unconfirmed: ClosePerson[];
  disputed: ClosePerson[];
};

/** A payment expected this month from a 回款计划, as the what-if counts it. */
export type ScheduledPayment = {
  contractId: number;
  contractNumber: string;
  clientName: string;
  dueOn: string;
  amountFen: number;
  /** This person's credit from it (their share when the contract is shared). */
  creditFen: number;
};

/** "Where do I stand": this month so far, and the terms to project "if ¥X more is collected". */
export type Standing = {
  month: string;
  asOf: string;
  staffId: number;
  name: string;
  terms: StandingTerms;
  /** Why the floor does not judge this month, or null. */
  exemption: Bilingual | null;
  salesFen: number;
  bonusFen: number;
  deductionFen: number;
  /** 底薪 + 补贴: the fixed part of pay. */
  fixedPayFen: number;
  /** The month's instalments of 回款计划 still due that would credit this person (分成 applied). */
  scheduled: ScheduledPayment[];
};

export type LeaderboardEntry = {
  rank: number;
  staffId: number;
  name: string;
  /** Null where the caller may not see it (another person's figure for a salesperson; money for a clerk). */
  value: number | null;
  me: boolean;
};
export type LeaderboardMetric = 'collected' | 'newContracts' | 'newClients';
export type Leaderboard = {
  period: 'month' | 'year';
  from: string;
  to: string;
  hidden: boolean;
  /** The caller may hide or show it (the owner). */
  canHide: boolean;
  boards: Record<LeaderboardMetric, LeaderboardEntry[]>;
};

export const statementsContract = {
  'confirmations.request': method<MonthConfirmations>()({
    input: z.strictObject({ month: monthInputSchema }),
    roles: managers,
    kind: 'write',
    summary: { zh: '发起业绩确认', en: 'Ask staff to confirm their statements' },
  }),
  'confirmations.list': method<MonthConfirmations>()({
    input: z.strictObject({ month: monthInputSchema }),
    roles: managers,
    kind: 'read',
    summary: { zh: '业绩确认情况', en: 'Who has confirmed' },
  }),
  'confirmations.confirm': method<MonthConfirmations>()({
    input: z.strictObject({ month: monthInputSchema, note: z.string().trim().max(500).default('') }),
    roles: ['salesperson'],
    kind: 'write',
    summary: { zh: '确认个人业绩单', en: 'Confirm my statement' },
  }),
  'confirmations.dispute': method<MonthConfirmations>()({
    input: z.strictObject({
      month: monthInputSchema,
      note: note(2, '请写明哪里不对', 'Say what is wrong'),
    }),
    roles: ['salesperson'],
    kind: 'write',
    summary: { zh: '对个人业绩单提出异议', en: 'Dispute my statement' },
  }),
  'confirmations.answer': method<MonthConfirmations>()({
    input: z.strictObject({
      month: monthInputSchema,
      staffId: z.number().int().positive(),
      reply: note(2, '请写明处理意见', 'Write the reply'),
      /** Settle with a bonus (or deduction) in this month, or the first open month after it. */
      adjustment: z
        .strictObject({
          kind: z.enum(['bonus', 'deduction']),
          amountFen: z.number().int().min(1).max(100_000_000_000),
        })
        .optional(),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '处理业绩单异议', en: 'Answer a disputed statement' },
  }),
  'months.closeCheck': method<CloseCheck>()({
    input: z.strictObject({ month: monthInputSchema }),
    roles: managers,
    kind: 'read',
    summary: { zh: '月结前检查', en: 'Check before closing a month' },
  }),
  'standing.get': method<Standing>()({
    input: z.strictObject({ staffId: z.number().int().positive().optional(), asOf: dateSchema.optional() }).default({}),
    roles: ['owner', 'manager', 'salesperson'],
    kind: 'read',
    summary: { zh: '本月业绩测算', en: 'Where do I stand this month' },
  }),
  'leaderboard.get': method<Leaderboard>()({
    input: z
      .strictObject({ period: z.enum(['month', 'year']).default('month'), asOf: dateSchema.optional() })
      .default({ period: 'month' }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '排行榜', en: 'Leaderboard' },
  }),
  'leaderboard.setHidden': method<{ hidden: boolean }>()({
    input: z.strictObject({ hidden: z.boolean() }),
    roles: ['owner'],
    kind: 'write',
    summary: { zh: '隐藏或显示排行榜', en: 'Hide or show the leaderboard' },
  }),
} as const;

export type { ConfirmedFigures };
