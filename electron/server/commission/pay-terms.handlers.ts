import type { payTermsContract } from '../../../shared/contract/pay-terms';
import type { Handlers } from '../core/handlers';
import {
  createPayItem,
  createRule,
  deletePayItem,
  deleteRule,
  listPayItems,
  listRules,
  stopPayItem,
  stopRule,
} from './pay-items.service';
import { setTiers } from './plans.service';
import { getShares, setShares } from './shares.service';

export const payTermsHandlers: Handlers<typeof payTermsContract> = {
  'shares.get': (ctx, input) => getShares(ctx, input.contractId),
  'shares.set': (ctx, input) => setShares(ctx, input.contractId, input.parts, input.note),
  'plans.setTiers': (ctx, input) => setTiers(ctx, input.month, input.staffId, input.tiers),
  'payitems.list': (ctx, input) => listPayItems(ctx, input.month),
  'payitems.create': (ctx, input) => createPayItem(ctx, input),
  'payitems.stop': (ctx, input) => stopPayItem(ctx, input.id, input.lastMonth),
  'payitems.delete': (ctx, input) => deletePayItem(ctx, input.id),
  'bonusrules.list': (ctx) => listRules(ctx),
  'bonusrules.create': (ctx, input) => createRule(ctx, input),
  'bonusrules.stop': (ctx, input) => stopRule(ctx, input.id, input.lastMonth),
  'bonusrules.delete': (ctx, input) => deleteRule(ctx, input.id),
};
