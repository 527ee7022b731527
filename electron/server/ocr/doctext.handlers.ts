import type { doctextContract } from '../../../shared/contract/doctext';
import type { Handlers } from '../core/handlers';
import { cancelOcr, correctText, documentTextView, enqueueAllScans, enqueueOcr, ocrQueue } from './doctext.service';

export const doctextHandlers: Handlers<typeof doctextContract> = {
  'archive.text': (ctx, input) => documentTextView(ctx, input.id),
  'archive.correctText': (ctx, input) => correctText(ctx, input.id, input.text),
  'ocr.status': (ctx) => ocrQueue(ctx),
  'ocr.enqueue': (ctx, input) => enqueueOcr(ctx, input.id),
  'ocr.enqueueAll': (ctx) => enqueueAllScans(ctx),
  'ocr.cancel': (ctx, input) => cancelOcr(ctx, input.id),
};
