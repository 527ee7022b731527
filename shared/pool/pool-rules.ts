import { z } from 'zod';
import { addDays, dateOfDay, dayNumber } from '../calendar';
import type { IsoDate } from '../dates';
import type { ClientLevel } from '../clients/classification';
import { zhEn } from '../bilingual';

/**
 * 公海池 rules (docs/rules.md › 公海池、回款计划、发票与合并; 悟空CRM's CrmCustomerPool/CrmCustomerPoolRule and 芋道's pool config are
 * the model): per client level, a client goes back to the pool after N days without a follow-up
 * and/or M days without a signed contract; 一级 (signed) clients may be exempt; the owner is
 * warned some days before. Salespeople claim within a daily cap and a holding cap, and a former
 * owner waits a cooldown before taking the same client back.
 */
export const POOL_LEVELS = [1, 2, 3, 4] as const satisfies readonly ClientLevel[];

const days = (max: number) =>
  z
    .number({ error: zhEn('天数必须是数字', 'Days must be a number') })
    .int({ error: zhEn('天数必须是整数', 'Days must be whole days') })
    .min(1, { error: zhEn('天数至少为 1', 'Days must be at least 1') })
    .max(max, { error: zhEn(`天数最多 ${max}`, `Days are at most ${max}`) });

export const levelRuleSchema = z.strictObject({
  /** Days without a follow-up before the client returns; null = this rule is off. */
  noFollowUpDays: days(3650).nullable(),
  /** Days without a newly signed contract before the client returns; null = off. */
  noContractDays: days(3650).nullable(),
});

const cap = z
  .number({ error: zhEn('上限必须是数字', 'A cap must be a number') })
  .int({ error: zhEn('上限必须是整数', 'A cap must be a whole number') })
  .min(1, { error: zhEn('上限至少为 1', 'A cap is at least 1') })
  .max(100_000, { error: zhEn('上限过大', 'The cap is too large') });

export const poolSettingsSchema = z.strictObject({
  /** The daily job returns clients by the rules only when this is on (an office turns it on). */
  autoReturn: z.boolean(),
  levels: z.strictObject({ 1: levelRuleSchema, 2: levelRuleSchema, 3: levelRuleSchema, 4: levelRuleSchema }),
  /** 一级 已成交客户 never return by the rules. */
  exemptSigned: z.boolean(),
  /** Warn the owner this many days before a client returns (0 = no warning). */
  warnDays: z
    .number()
    .int()
    .min(0, { error: zhEn('提前提醒天数不能为负', 'Warning days cannot be negative') })
    .max(60, { error: zhEn('提前提醒最多 60 天', 'Warn at most 60 days ahead') }),
  /** Clients one salesperson may claim per calendar day; null = no cap. */
  dailyClaimCap: cap.nullable(),
  /** Clients a salesperson may hold (一级 signed clients do not count); null = no cap. */
  holdingCap: cap.nullable(),
  /** Calendar days before a former owner may claim the same client again (0 = none). */
  cooldownDays: z
    .number()
    .int()
    .min(0, { error: zhEn('冷却天数不能为负', 'Cooldown days cannot be negative') })
    .max(3650, { error: zhEn('冷却天数最多 3650', 'Cooldown is at most 3650 days') }),
  /** Salespeople also see phones, WeChat, contact and notes of pool clients before claiming. */
  showContacts: z.boolean(),
});
export type PoolSettings = z.output<typeof poolSettingsSchema>;

/** Off until the office turns it on: a new version must not empty anyone's client list overnight. */
export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  autoReturn: false,
  levels: {
    1: { noFollowUpDays: null, noContractDays: null },
    2: { noFollowUpDays: 30, noContractDays: 180 },
    3: { noFollowUpDays: 30, noContractDays: 120 },
    4: { noFollowUpDays: 15, noContractDays: 90 },
  },
  exemptSigned: true,
  warnDays: 3,
  dailyClaimCap: 10,
  holdingCap: 300,
  cooldownDays: 15,
  showContacts: false,
};

export type PoolReason = 'no_follow_up' | 'no_contract';
export const POOL_REASON_LABELS: Record<PoolReason, { zh: string; en: string }> = {
  no_follow_up: { zh: '未跟进', en: 'No follow-up' },
  no_contract: { zh: '未成交', en: 'No new contract' },
};

/** What the rules look at for one owned client. Dates are office calendar dates. */
export type PoolFacts = {
  level: ClientLevel;
  /** The day the current owner got the client (joined, claimed, assigned): every clock starts there at the latest. */
  ownedSince: IsoDate;
  lastFollowUpOn: IsoDate | null;
  lastSignedOn: IsoDate | null;
};

export type PoolVerdict =
  | { state: 'keep' }
  | { state: 'warn' | 'return'; reason: PoolReason; since: IsoDate; limitDays: number; returnsOn: IsoDate; daysLeft: number };

/**
 * When does this client go back, and is that today? The clock of each rule starts at the later
 * of the last event (follow-up, signed contract) and the day the owner got the client — a
 * client just claimed is not returned at once for a follow-up its former owner never made. The
 * client returns on the day `since + limit` (so exactly N days after the last follow-up); the
 * earliest rule wins; a warning starts `warnDays` before.
 */
export function poolVerdict(facts: PoolFacts, settings: PoolSettings, asOf: IsoDate): PoolVerdict {
  if (facts.level === 1 && settings.exemptSigned) return KEEP;
  const rule = settings.levels[facts.level];
  // Day numbers, not date strings: the daily job judges every candidate of a 100k-client office.
  const today = dayNumber(asOf);
  let reason: PoolReason | null = null;
  let since = '';
  let limitDays = 0;
  let returnsDay = Infinity;
  if (rule.noFollowUpDays !== null) {
    const start = later(facts.ownedSince, facts.lastFollowUpOn);
    const day = dayNumber(start) + rule.noFollowUpDays;
    if (day < returnsDay) [reason, since, limitDays, returnsDay] = ['no_follow_up', start, rule.noFollowUpDays, day];
  }
  if (rule.noContractDays !== null) {
    const start = later(facts.ownedSince, facts.lastSignedOn);
    const day = dayNumber(start) + rule.noContractDays;
    if (day < returnsDay) [reason, since, limitDays, returnsDay] = ['no_contract', start, rule.noContractDays, day];
  }
  if (reason === null) return KEEP;
  const daysLeft = returnsDay - today;
  if (daysLeft > settings.warnDays) return KEEP;
  return {
    state: daysLeft <= 0 ? 'return' : 'warn',
    reason,
    since,
    limitDays,
    returnsOn: dateOfDay(returnsDay),
    daysLeft: Math.max(0, daysLeft),
  };
}

const KEEP: PoolVerdict = { state: 'keep' };

function later(a: IsoDate, b: IsoDate | null): IsoDate {
  return b !== null && b > a ? b : a;
}

/**
 * The earliest `since` each rule would need for a client of this level to be warned or returned
 * by `asOf`: a client whose clocks all started after these dates cannot be due. Lets the daily
 * job ask the database only for candidates.
 */
export function poolCutoff(settings: PoolSettings, level: ClientLevel, asOf: IsoDate): IsoDate | null {
  if (level === 1 && settings.exemptSigned) return null;
  const rule = settings.levels[level];
  const limits = [rule.noFollowUpDays, rule.noContractDays].filter((d): d is number => d !== null);
  if (limits.length === 0) return null;
  return addDays(asOf, settings.warnDays - Math.min(...limits));
}

/** The first calendar day a former owner may claim a client back. */
export function cooldownEndsOn(returnedOn: IsoDate, cooldownDays: number): IsoDate {
  return addDays(returnedOn, cooldownDays);
}
