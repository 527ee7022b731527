import type { performanceContract } from '../../../shared/contract/performance';
import type { Handlers } from '../core/handlers';
import { getDashboard } from './dashboard.service';
import { exportSheet } from './sheet.export';
import { computeSheet, computeStatement, defaultSheetMonth } from './sheet-view.service';

export const performanceHandlers: Handlers<typeof performanceContract> = {
  'performance.sheet': async (ctx, input) => computeSheet(ctx, input.month ?? (await defaultSheetMonth(ctx))),
  'performance.statement': (ctx, input) => computeStatement(ctx, input.month, input.staffId),
  'performance.export': async (ctx, input) => exportSheet(await computeSheet(ctx, input.month), input.format),
  'dashboard.get': (ctx, input) => getDashboard(ctx, input),
};
