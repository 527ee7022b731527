import { addMonths, type IsoDate, type Month } from '../dates';

/**
 * 保底 (docs/rules.md › 指标、提成与月结): "连续两个月低于销售额底线的员工予以辞退". A closed month whose credited sales
 * are under the floor is a below-floor month; one puts the person on 预警, two in a row on
 * 待辞退 for the owner to decide. Nothing here dismisses anyone.
 */

/** Why the floor rule did not judge a month (shown on the sheet, never a silent guess). */
export type FloorExemption = 'first_partial_month' | 'last_partial_month' | 'no_floor' | 'leave';

export const EXEMPTION_LABELS: Record<FloorExemption, { zh: string; en: string }> = {
  first_partial_month: { zh: '入职首月不满月,免考核', en: 'First partial month after joining: exempt' },
  last_partial_month: { zh: '离职当月不满月,免考核', en: 'Partial month of leaving: exempt' },
  no_floor: { zh: '本月未设保底销售额', en: 'No floor set this month' },
  leave: { zh: '请假,本月免考核', en: 'On leave: exempt this month' },
};

export type FloorSettings = {
  /** Default true: a person hired after the 1st is not judged in that first month. */
  exemptFirstPartialMonth: boolean;
};

export type MonthFacts = {
  month: Month;
  hiredOn: IsoDate;
  leftOn: IsoDate | null;
  floorFen: number | null;
  /** Set by a manager on the person's plan, e.g. 请假 (leave). */
  leaveReason: string | null;
};

export function floorExemption(facts: MonthFacts, settings: FloorSettings): FloorExemption | null {
  if (facts.leaveReason) return 'leave';
  if (settings.exemptFirstPartialMonth && facts.hiredOn.slice(0, 7) === facts.month && !facts.hiredOn.endsWith('-01'))
    return 'first_partial_month';
  if (facts.leftOn && facts.leftOn.slice(0, 7) === facts.month) return 'last_partial_month';
  if (facts.floorFen === null || facts.floorFen <= 0) return 'no_floor';
  return null;
}

/** Below the floor: strictly under it (exactly at the floor is met), zero sales included. */
export function isBelowFloor(salesFen: number, floorFen: number | null, exemption: FloorExemption | null): boolean {
  return exemption === null && floorFen !== null && salesFen < floorFen;
}

export type JudgedMonth = { belowFloor: boolean; exempt: boolean };

/**
 * Below-floor closed months in a row ending at `month`. An exempt month (leave, first partial
 * month) neither counts nor breaks the run; a month that is not closed, or one at or above the
 * floor, ends it. `closed` holds only closed months.
 */
export function monthsBelowFloorInRow(closed: ReadonlyMap<Month, JudgedMonth>, month: Month): number {
  let count = 0;
  for (let m = month; ; m = addMonths(m, -1)) {
    const judged = closed.get(m);
    if (!judged) return count;
    if (judged.exempt) continue;
    if (!judged.belowFloor) return count;
    count++;
  }
}

export type FloorStatus = 'ok' | 'warning' | 'dismissal_due';

/**
 * 预警 after one below-floor month, 待辞退 after two — unless the owner already decided to keep
 * the person for this run, which leaves them on 预警.
 */
export function floorStatus(inRow: number, keptByOwner: boolean): FloorStatus {
  if (inRow >= 2) return keptByOwner ? 'warning' : 'dismissal_due';
  return inRow === 1 ? 'warning' : 'ok';
}
