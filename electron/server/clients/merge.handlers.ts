import type { mergeContract } from '../../../shared/contract/merge';
import type { Handlers } from '../core/handlers';
import { duplicateCandidates } from './duplicate-candidates';
import { mergeClients, previewMerge } from './merge.service';

export const mergeHandlers: Handlers<typeof mergeContract> = {
  'merge.candidates': (ctx, input) => duplicateCandidates(ctx, input),
  'merge.preview': (ctx, input) => previewMerge(ctx, input.keepId, input.mergeIds),
  'merge.apply': (ctx, input) => mergeClients(ctx, input),
};
