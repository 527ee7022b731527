import type { importsContract } from '../../../shared/contract/imports';
import { notFound } from '../core/app-error';
import type { Handlers } from '../core/handlers';
import { cancelJob, jobProgress } from './import-jobs';
import { importTemplate } from './templates';

export const importsHandlers: Handlers<typeof importsContract> = {
  'imports.progress': (ctx, input) => jobProgress(input.jobId, ctx.actor),
  'imports.cancel': (ctx, input) => {
    const cancelled = cancelJob(input.jobId, ctx.actor);
    if (!cancelled && jobProgress(input.jobId, ctx.actor) === null)
      throw notFound({ zh: '导入任务', en: 'Import job' }, input.jobId);
    return { cancelled };
  },
  'imports.template': (ctx, input) => importTemplate(ctx, input.kind),
};
