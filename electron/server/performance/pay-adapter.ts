import type { AppliedPolicy, PayFigures, SalesSourceLine, SheetStatus } from '../../../shared/performance/performance-types';
import type { Month } from '../../../shared/dates';
import type { CallContext } from '../core/context';

/** One person's money figures for a month, as the commission rules compute them (SPEC §4). */
export type PayRow = {
  staffId: number;
  code: string;
  name: string;
  role: string;
  status: SheetStatus;
  exemption: string | null;
  pay: PayFigures;
};

export type PayMonth = {
  month: Month;
  closed: boolean;
  closedAt: string | null;
  creditBasis: 'payments' | 'contracts';
  policies: AppliedPolicy[];
  rows: PayRow[];
};

// WIP: wired to the commission engine (issue 5) when it lands.
export async function payMonth(ctx: CallContext, month: Month): Promise<PayMonth> {
  void ctx;
  throw new Error(`commission engine not merged yet (${month})`);
}

export async function lastClosedMonth(ctx: CallContext): Promise<Month | null> {
  void ctx;
  return null;
}

export async function salesLines(ctx: CallContext, month: Month, staffId: number): Promise<SalesSourceLine[]> {
  void ctx;
  throw new Error(`commission engine not merged yet (${month}, ${staffId})`);
}
