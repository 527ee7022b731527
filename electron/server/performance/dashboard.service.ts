import type { Dashboard } from '../../../shared/performance/performance-types';
import { addMonths, monthOf, todayLocal } from '../../../shared/dates';
import type { CallContext } from '../core/context';
import { clientFunnel } from '../clients/insights.service';
import { dueFollowUps } from '../clients/follow-ups.service';
import { listRenewals } from '../contracts/renewals.service';
import { sellsThisMonth } from '../../../shared/performance/sellers';
import { archiveHealth } from './archive-health';
import { computeSheet, trendFor } from './sheet-view.service';

/**
 * 概览: this month so far against target, the twelve-month trend, the funnel, renewals due in
 * 30 days, follow-ups due, and who is on 预警/待辞退. Each part reuses the service that owns it,
 * so the dashboard can never disagree with the page a click opens.
 */
export async function getDashboard(ctx: CallContext, input: { asOf?: string | undefined }): Promise<Dashboard> {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const month = monthOf(asOf);
  const sheet = await computeSheet(ctx, month);
  const renewals = listRenewals(ctx, { withinDays: 30, asOf, includeLapsed: true, lapsedWithinDays: 90 });
  const due = await dueFollowUps(ctx, { asOf });
  // 本月个人进度 is about selling: who sells, not every employee (see sellsThisMonth).
  const people = sheet.rows.filter(sellsThisMonth).map((r) => ({
    staffId: r.staffId,
    name: r.name,
    salesFen: r.pay!.salesFen,
    targetFen: r.pay!.targetFen,
    floorFen: r.pay!.floorFen,
  }));
  const teamPay = sheet.totals.pay;
  return {
    asOf,
    month,
    sales:
      sheet.showsPay && teamPay
        ? {
            // A salesperson's sheet holds only their own row: the figures are theirs, not the team's.
            scope: ctx.actor?.role === 'salesperson' ? 'own' : 'team',
            team: {
              staffId: 0,
              name: '团队',
              salesFen: teamPay.salesFen,
              targetFen: teamPay.targetFen,
              floorFen: teamPay.floorFen,
            },
            people,
            trend: await trendFor(ctx, addMonths(month, -11), month),
          }
        : null,
    funnel: clientFunnel(ctx, {}),
    renewalsDue: {
      count: renewals.filter((r) => r.state === 'due').length,
      amountFen: renewals.filter((r) => r.state === 'due').reduce((sum, r) => sum + r.amountFen, 0),
      lapsed: renewals.filter((r) => r.state === 'lapsed').length,
    },
    followUps: { today: due.today.length, overdue: due.overdue.length },
    flagged: sheet.rows
      .filter((r) => r.status === 'warning' || r.status === 'dismissal_due')
      .map((r) => ({
        staffId: r.staffId,
        name: r.name,
        status: r.status,
        monthsBelowFloorInRow: r.pay?.monthsBelowFloorInRow ?? 0,
      })),
    archive: archiveHealth(ctx),
  };
}
