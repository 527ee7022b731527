import type { PerformanceSheet, SheetStatus } from './performance-types';

export type SheetJsonRow = {
  code: string;
  name: string;
  baseSalaryFen: number;
  floorFen: number | null;
  targetFen: number | null;
  salesFen: number;
  commissionWithinTargetFen: number;
  commissionAboveTargetFen: number;
  commissionFen: number;
  allowancesFen: number;
  bonusFen: number;
  deductionFen: number;
  totalPayFen: number;
  belowFloor: boolean;
  monthsBelowFloorInRow: number;
  status: SheetStatus;
};

export type SheetJson = {
  month: string;
  closed: boolean;
  creditBasis: PerformanceSheet['creditBasis'];
  rows: SheetJsonRow[];
  totals: NonNullable<PerformanceSheet['totals']['pay']> & { headcount: number };
};

/** `office sheet … --format json`: the pay sheet in the shape issue 5 documents. */
export function sheetJson(sheet: PerformanceSheet): SheetJson {
  if (!sheet.totals.pay) throw new Error('sheetJson needs a sheet with pay figures');
  return {
    month: sheet.month,
    closed: sheet.closed,
    creditBasis: sheet.creditBasis,
    rows: sheet.rows.map((r) => {
      const p = r.pay!;
      return {
        code: r.code,
        name: r.name,
        baseSalaryFen: p.baseSalaryFen,
        floorFen: p.floorFen,
        targetFen: p.targetFen,
        salesFen: p.salesFen,
        commissionWithinTargetFen: p.commissionWithinTargetFen,
        commissionAboveTargetFen: p.commissionAboveTargetFen,
        commissionFen: p.commissionFen,
        allowancesFen: p.allowancesFen,
        bonusFen: p.bonusFen,
        deductionFen: p.deductionFen,
        totalPayFen: p.totalPayFen,
        belowFloor: p.belowFloor,
        monthsBelowFloorInRow: p.monthsBelowFloorInRow,
        status: r.status,
      };
    }),
    totals: { ...sheet.totals.pay, headcount: sheet.totals.headcount },
  };
}
