import { attainmentBp, commissionFor, type CommissionSplit } from './commission';
import { floorStatus, type FloorStatus } from './floor-rule';
import { tieredCommission, type Tier } from './tiers';

/**
 * The terms one person's month is paid by: the manual's rule (rate, multiplier) unless the
 * office set tiers for them or their team. The sheet and the what-if both go through
 * `commissionUnder`, so a projection can never disagree with the sheet it predicts.
 */
export type PayTerms = {
  floorFen: number | null;
  targetFen: number | null;
  rateBp: number;
  multiplierPct: number;
  /** 阶梯提成 when set; null is the manual's rule. */
  tiers: readonly Tier[] | null;
};

export function commissionUnder(terms: PayTerms, salesFen: number): CommissionSplit {
  return terms.tiers ? tieredCommission(salesFen, terms.targetFen, terms.tiers) : commissionFor(salesFen, terms);
}

export type StandingTerms = PayTerms & {
  /** Default true (a setting): commission is paid in a below-floor month. */
  commissionWhenBelowFloor: boolean;
  /** Not judged by the floor this month (first partial month, leave, no floor…). */
  exempt: boolean;
  /**
   * Below-floor closed months in a row just before this month. (An owner's 暂不辞退 is for the
   * month decided on; a further month below the floor is a new 待辞退, so it plays no part here.)
   */
  previousRun: number;
};

export type Projection = {
  salesFen: number;
  attainmentBp: number | null;
  /** How much more reaches the floor / the target (0 once reached; null when none is set). */
  gapToFloorFen: number | null;
  gapToTargetFen: number | null;
  belowFloor: boolean;
  commission: CommissionSplit;
  /** 状态 if the month were closed at these sales. */
  status: FloorStatus;
};

/** "If the month closed with `salesFen` credited": commission, gaps and the 状态 it would bring. */
export function projectStanding(terms: StandingTerms, salesFen: number): Projection {
  const belowFloor = !terms.exempt && terms.floorFen !== null && terms.floorFen > 0 && salesFen < terms.floorFen;
  const commission =
    belowFloor && !terms.commissionWhenBelowFloor
      ? { withinTargetFen: 0, aboveTargetFen: 0, totalFen: 0 }
      : commissionUnder(terms, salesFen);
  // An exempt month neither counts nor breaks a run; a month at or above the floor ends it.
  const run = terms.exempt ? terms.previousRun : belowFloor ? terms.previousRun + 1 : 0;
  const gap = (to: number | null) => (to === null || to <= 0 ? null : Math.max(0, to - salesFen));
  return {
    salesFen,
    attainmentBp: attainmentBp(salesFen, terms.targetFen),
    gapToFloorFen: gap(terms.floorFen),
    gapToTargetFen: gap(terms.targetFen),
    belowFloor,
    commission,
    status: floorStatus(run, false),
  };
}
