import type { staffContract } from '../../../shared/contract/staff';
import type { Handlers } from '../core/handlers';
import { createStaff, deactivateStaff, getStaff, listStaff, reinstateStaff, staffHistory, updateStaff } from './staff.service';

export const staffHandlers: Handlers<typeof staffContract> = {
  'staff.list': (ctx, input) => listStaff(ctx, input.includeLeft),
  'staff.get': (ctx, input) => getStaff(ctx, input.id),
  'staff.create': (ctx, input) => createStaff(ctx, input),
  'staff.update': (ctx, input) => updateStaff(ctx, input),
  'staff.deactivate': (ctx, input) => deactivateStaff(ctx, input.id, input.leftOn, input.clientsToPool),
  'staff.reinstate': (ctx, input) => reinstateStaff(ctx, input),
  'staff.history': (ctx, input) => staffHistory(ctx, input.id),
};
