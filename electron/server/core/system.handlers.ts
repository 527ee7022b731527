import type { systemContract } from '../../../shared/contract/system';
import { schemaVersion } from '../db/open-database';
import { APP_VERSION } from '../version';
import type { Handlers } from './handlers';

export const systemHandlers: Handlers<typeof systemContract> = {
  'system.info': (ctx) => ({ appVersion: APP_VERSION, schemaVersion: schemaVersion(ctx.sqlite), actor: ctx.actor }),
};
