import type { poolContract } from '../../../shared/contract/pool';
import type { Handlers } from '../core/handlers';
import { runPoolRules } from './pool-job.service';
import { readPoolSettings } from './pool-settings';
import { claimClients } from './pool-claims.service';
import { listPool } from './pool-list.service';
import { assignFromPool, putBackToPool } from './pool-manage.service';
import { poolSummary, poolWarnings, updatePoolSettings } from './pool.service';

export const poolHandlers: Handlers<typeof poolContract> = {
  'pool.settings': (ctx) => readPoolSettings(ctx.sqlite),
  'pool.updateSettings': (ctx, input) => updatePoolSettings(ctx, input),
  'pool.list': (ctx, input) => listPool(ctx, input),
  'pool.summary': (ctx, input) => poolSummary(ctx, input.asOf),
  'pool.claim': (ctx, input) => claimClients(ctx, input.clientIds),
  'pool.assign': (ctx, input) => assignFromPool(ctx, input),
  'pool.putBack': (ctx, input) => putBackToPool(ctx, input),
  'pool.warnings': (ctx, input) => poolWarnings(ctx, input),
  'pool.run': (ctx, input) => runPoolRules(ctx, input.asOf),
};
