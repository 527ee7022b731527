import { addMonthsToDate, daysBetween } from '../calendar';
import type { IsoDate } from '../dates';

/**
 * 回款计划 (悟空CRM's CrmReceivablesPlan, 芋道's CrmReceivablePlan): a contract's instalments
 * and how the money received is spread over them. Pure rules on integer fen.
 */
export type Instalment = { id: number; dueOn: IsoDate; amountFen: number };
export type PaymentLine = { id: number; paidOn: IsoDate; amountFen: number };

export const SCHEDULE_PRESETS = ['once', 'halves', 'monthly'] as const;
export type SchedulePreset = (typeof SCHEDULE_PRESETS)[number];

/**
 * Split `amountFen` into `count` parts that add up exactly; the fen that do not divide go to
 * the earliest parts (the first instalment is never smaller than a later one).
 */
export function splitEvenly(amountFen: number, count: number): number[] {
  const base = Math.floor(amountFen / count);
  const rest = amountFen - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * The instalments a preset proposes, to be edited before saving: 一次付清 (all on the first
 * date), 两期 50/50 (half now, half `everyMonths` later) or 按月 (`count` equal monthly parts).
 */
export function presetSchedule(
  preset: SchedulePreset,
  amountFen: number,
  firstDueOn: IsoDate,
  options: { count?: number; everyMonths?: number } = {},
): { dueOn: IsoDate; amountFen: number }[] {
  const count = preset === 'once' ? 1 : preset === 'halves' ? 2 : Math.max(1, Math.min(120, options.count ?? 12));
  const every = Math.max(1, options.everyMonths ?? 1);
  return splitEvenly(amountFen, count).map((part, i) => ({ dueOn: addMonthsToDate(firstDueOn, i * every), amountFen: part }));
}

/** Instalments in the order money reaches them: oldest due date first, then as entered. */
export function inDueOrder<T extends Instalment>(instalments: readonly T[]): T[] {
  return [...instalments].sort((a, b) => (a.dueOn === b.dueOn ? a.id - b.id : a.dueOn < b.dueOn ? -1 : 1));
}

export type Allocation = {
  instalmentId: number;
  paidFen: number;
  outstandingFen: number;
  /** The day the instalment became fully paid (and stayed so); null while not fully paid. */
  settledOn: IsoDate | null;
};

/**
 * Spread payments over instalments, oldest due first. Payments are taken in the order they were
 * received; a payment fills the oldest instalment not yet paid in full, and what is left over
 * goes on to the next. A refund (negative) gives back money received beyond the schedule first,
 * then takes money back from the newest instalment that has some. So the instalments paid are always a prefix in due order — the same as spreading the net
 * total — and each instalment also learns the day it was settled. Money beyond the schedule (when
 * the schedule adds up to less than the contract) is not allocated.
 */
export function allocatePayments(instalments: readonly Instalment[], payments: readonly PaymentLine[]): Allocation[] {
  const order = inDueOrder(instalments);
  const paid = order.map(() => 0);
  const settled: (IsoDate | null)[] = order.map(() => null);
  const received = [...payments].sort((a, b) => (a.paidOn === b.paidOn ? a.id - b.id : a.paidOn < b.paidOn ? -1 : 1));
  // Money beyond the schedule: a refund gives it back before touching any instalment.
  let beyond = 0;
  for (const p of received) {
    let left = p.amountFen;
    if (left < 0 && beyond > 0) {
      const take = Math.min(beyond, -left);
      beyond -= take;
      left += take;
    }
    if (left > 0) {
      for (let i = 0; i < order.length && left > 0; i++) {
        const room = order[i]!.amountFen - paid[i]!;
        if (room <= 0) continue;
        const take = Math.min(room, left);
        paid[i] = paid[i]! + take;
        left -= take;
        if (paid[i] === order[i]!.amountFen) settled[i] = p.paidOn;
      }
      beyond += left;
    } else {
      for (let i = order.length - 1; i >= 0 && left < 0; i--) {
        if (paid[i] === 0) continue;
        const take = Math.min(paid[i]!, -left);
        paid[i] = paid[i]! - take;
        left += take;
        settled[i] = null;
      }
    }
  }
  return order.map((inst, i) => ({
    instalmentId: inst.id,
    paidFen: paid[i]!,
    outstandingFen: inst.amountFen - paid[i]!,
    settledOn: settled[i]!,
  }));
}

/** The same spreading from a net total: what the database computes with a running sum. */
export function allocateNet(instalments: readonly Instalment[], netPaidFen: number): number[] {
  let left = Math.max(0, netPaidFen);
  return inDueOrder(instalments).map((inst) => {
    const take = Math.min(inst.amountFen, left);
    left -= take;
    return take;
  });
}

/** 已收 · 部分 · 未收, and how many days past due (0 when not overdue). */
export type InstalmentStatus = {
  state: 'paid' | 'partial' | 'unpaid';
  /** asOf − due date when money is still owed after the due date; else 0. */
  overdueDays: number;
  /** Days until due (0 on the day, negative once past). */
  daysToDue: number;
};

export function instalmentStatus(dueOn: IsoDate, amountFen: number, paidFen: number, asOf: IsoDate): InstalmentStatus {
  const state = paidFen >= amountFen ? 'paid' : paidFen > 0 ? 'partial' : 'unpaid';
  const daysToDue = daysBetween(asOf, dueOn);
  return { state, overdueDays: state !== 'paid' && daysToDue < 0 ? -daysToDue : 0, daysToDue };
}

/** Receivables aging (账龄): how long money owed has been due. Not yet due is its own column. */
export const AGING_BUCKETS = ['notDue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export const AGING_BUCKET_LABELS: Record<AgingBucket, { zh: string; en: string }> = {
  notDue: { zh: '未到期', en: 'Not yet due' },
  d0_30: { zh: '0–30 天', en: '0–30 days' },
  d31_60: { zh: '31–60 天', en: '31–60 days' },
  d61_90: { zh: '61–90 天', en: '61–90 days' },
  d90plus: { zh: '90 天以上', en: 'Over 90 days' },
};

/**
 * The bucket of money `daysPastDue` days past its due date: 0 (due today) to 30 is 0–30,
 * 31–60, 61–90, and 91 on is 90+. A negative count is not yet due.
 */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue < 0) return 'notDue';
  if (daysPastDue <= 30) return 'd0_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'd90plus';
}

export type ScheduleProblem = { path: string; zh: string; en: string };

/**
 * What is wrong with a schedule before it is saved: each instalment a positive amount and a date
 * not before the contract was signed, and the total no more than the contract amount (less is
 * allowed: the difference is shown as 未排期).
 */
export function scheduleProblems(
  contract: { amountFen: number; signedOn: IsoDate | null },
  rows: readonly { dueOn: IsoDate; amountFen: number }[],
  formatYuan: (fen: number) => string,
): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  rows.forEach((r, i) => {
    if (r.amountFen <= 0)
      problems.push({
        path: `instalments.${i}.amountFen`,
        zh: `第 ${i + 1} 期金额必须大于 0`,
        en: `Instalment ${i + 1} must be more than 0`,
      });
    if (contract.signedOn && r.dueOn < contract.signedOn)
      problems.push({
        path: `instalments.${i}.dueOn`,
        zh: `第 ${i + 1} 期日期 ${r.dueOn} 早于合同签订日期 ${contract.signedOn}`,
        en: `Instalment ${i + 1} is due ${r.dueOn}, before the contract was signed on ${contract.signedOn}`,
      });
  });
  const total = rows.reduce((sum, r) => sum + r.amountFen, 0);
  if (total > contract.amountFen)
    problems.push({
      path: 'instalments',
      zh: `各期合计 ${formatYuan(total)} 元超过合同金额 ${formatYuan(contract.amountFen)} 元(多 ${formatYuan(total - contract.amountFen)} 元)`,
      en: `The instalments add up to ${formatYuan(total)} yuan, more than the contract's ${formatYuan(contract.amountFen)} yuan (by ${formatYuan(total - contract.amountFen)})`,
    });
  return problems;
}
