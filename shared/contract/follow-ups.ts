import { z } from 'zod';
import { method } from './method';
import { idSchema } from './client-schemas';
import { dateSchema } from './field-schemas';
import { zhEn } from '../bilingual';

/** 电话 / 拜访 / 来访 / 微信 (docs/rules.md › 客户、合同与收款), and other. */
export const FOLLOW_UP_WAYS = ['phone', 'visit', 'inbound_visit', 'wechat', 'other'] as const;
export type FollowUpWay = (typeof FOLLOW_UP_WAYS)[number];
export const FOLLOW_UP_WAY_LABELS: Record<FollowUpWay, { zh: string; en: string }> = {
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: '拜访', en: 'Visit' },
  inbound_visit: { zh: '来访', en: 'Client visit' },
  wechat: { zh: '微信', en: 'WeChat' },
  other: { zh: '其他', en: 'Other' },
};

export type FollowUpRow = {
  id: number;
  clientId: number;
  clientName: string;
  staffId: number | null;
  staffName: string;
  happenedOn: string;
  way: FollowUpWay;
  content: string;
  nextStep: string;
  nextOn: string | null;
  done: boolean;
  createdAt: string;
};

export type DueFollowUps = {
  asOf: string;
  today: FollowUpRow[];
  overdue: FollowUpRow[];
  /** Counts per person, for a manager's overview. */
  byStaff: { staffId: number | null; staffName: string; today: number; overdue: number }[];
};

export const newFollowUpSchema = z
  .strictObject({
    clientId: idSchema,
    happenedOn: dateSchema,
    way: z.enum(FOLLOW_UP_WAYS, { error: zhEn('跟进方式无效', 'Unknown way of contact') }),
    content: z
      .string()
      .trim()
      .min(1, { error: zhEn('请写下跟进情况', 'Say what happened') })
      .max(2000),
    nextStep: z.string().trim().max(500).default(''),
    nextOn: dateSchema.nullable().default(null),
    /** Logging a follow-up settles the client's earlier open next steps (default). */
    closePrevious: z.boolean().default(true),
  })
  .refine((v) => v.nextOn === null || v.nextOn >= v.happenedOn, {
    error: zhEn('下次跟进日期不能早于本次', 'The next date cannot be before this one'),
    path: ['nextOn'],
  });

export const followUpsContract = {
  'followups.list': method<FollowUpRow[]>()({
    input: z.strictObject({ clientId: idSchema }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '跟进记录', en: 'Follow-ups of a client' },
  }),
  'followups.create': method<FollowUpRow>()({
    input: newFollowUpSchema,
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'write',
    summary: { zh: '记录跟进', en: 'Log a follow-up' },
  }),
  'followups.complete': method<FollowUpRow>()({
    input: z.strictObject({ id: idSchema, done: z.boolean().default(true) }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'write',
    summary: { zh: '完成下一步', en: 'Mark the next step done' },
  }),
  'followups.due': method<DueFollowUps>()({
    input: z.strictObject({ asOf: dateSchema.optional(), staffId: idSchema.optional() }).default({}),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '今日待跟进与逾期', en: 'Due today and overdue' },
  }),
} as const;
