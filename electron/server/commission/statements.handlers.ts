import type { statementsContract } from '../../../shared/contract/statements';
import type { Handlers } from '../core/handlers';
import { getLeaderboard, setLeaderboardHidden } from '../performance/leaderboard.service';
import { answerDispute, listConfirmations, requestConfirmations, respond } from './confirmations.service';
import { closeCheck } from './month-close.service';
import { getStanding } from './standing.service';

export const statementsHandlers: Handlers<typeof statementsContract> = {
  'confirmations.request': (ctx, input) => requestConfirmations(ctx, input.month),
  'confirmations.list': (ctx, input) => listConfirmations(ctx, input.month),
  'confirmations.confirm': (ctx, input) => respond(ctx, input.month, 'confirm', input.note),
  'confirmations.dispute': (ctx, input) => respond(ctx, input.month, 'dispute', input.note),
  'confirmations.answer': (ctx, input) => answerDispute(ctx, input),
  'months.closeCheck': (ctx, input) => closeCheck(ctx, input.month),
  'standing.get': (ctx, input) => getStanding(ctx, input),
  'leaderboard.get': (ctx, input) => getLeaderboard(ctx, input),
  'leaderboard.setHidden': (ctx, input) => setLeaderboardHidden(ctx, input.hidden),
};
