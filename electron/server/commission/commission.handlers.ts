import type { commissionContract } from '../../../shared/contract/commission';
import type { Handlers } from '../core/handlers';
import { runImport } from '../imports/run-import';
import { plansImporter } from './plans.import';
import { staffImporter } from './staff.import';
import { listAllowances, setAllowances } from './allowances.service';
import { exportAudit, listAudit } from '../audit/audit-log.service';
import { readCommissionSettings, updateCommissionSettings } from './commission-settings';
import { decideDismissal, listDismissalCases } from './dismissals.service';
import { closeMonth, listMonths, reopenMonth } from './month-close.service';
import { clearPlan, copyPreviousPlans, getPlans, setPlan } from './plans.service';

export const commissionHandlers: Handlers<typeof commissionContract> = {
  'plans.get': (ctx, input) => getPlans(ctx, input.month),
  'plans.set': (ctx, input) => setPlan(ctx, input.month, input.staffId, input.plan),
  'plans.clear': (ctx, input) => clearPlan(ctx, input.month, input.staffId),
  'plans.copyPrevious': (ctx, input) => copyPreviousPlans(ctx, input.month),
  'staff.import': (ctx, input) => runImport(ctx, staffImporter, input),
  'plans.import': (ctx, input) => runImport(ctx, plansImporter, input),
  'commission.settings': (ctx) => readCommissionSettings(ctx.db),
  'commission.updateSettings': (ctx, input) => updateCommissionSettings(ctx, input),
  'allowances.list': (ctx) => listAllowances(ctx),
  'allowances.set': (ctx, input) => setAllowances(ctx, input.role, input.items),
  'months.list': (ctx) => listMonths(ctx),
  'months.close': (ctx, input) => closeMonth(ctx, input.month, input.closeAnyway),
  'months.reopen': (ctx, input) => reopenMonth(ctx, input.month, input.reason),
  'dismissals.list': (ctx) => listDismissalCases(ctx),
  'dismissals.decide': (ctx, input) => decideDismissal(ctx, input),
  'audit.list': (ctx, input) => listAudit(ctx, input),
  'audit.export': (ctx, input) => exportAudit(ctx, input, input.format),
};
