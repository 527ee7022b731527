import type { followUpsContract } from '../../../shared/contract/follow-ups';
import type { Handlers } from '../core/handlers';
import { completeFollowUp, createFollowUp, dueFollowUps, listFollowUps } from './follow-ups.service';

export const followUpsHandlers: Handlers<typeof followUpsContract> = {
  'followups.list': (ctx, input) => listFollowUps(ctx, input.clientId),
  'followups.create': (ctx, input) => createFollowUp(ctx, input),
  'followups.complete': (ctx, input) => completeFollowUp(ctx, input.id, input.done),
  'followups.due': (ctx, input) => dueFollowUps(ctx, input),
};
