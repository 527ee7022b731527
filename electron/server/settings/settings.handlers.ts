import type { settingsContract } from '../../../shared/contract/settings';
import type { Handlers } from '../core/handlers';
import { completeSetup, getSettings, updateSettings } from './settings.service';

export const settingsHandlers: Handlers<typeof settingsContract> = {
  // Public (the login and setup pages need the office's name), but where its files live on
  // disk is nobody's business before they have signed in.
  'settings.get': async (ctx) => {
    const settings = await getSettings(ctx);
    return ctx.actor ? settings : { ...settings, archiveRoot: '', dataDir: '' };
  },
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'settings.completeSetup': (ctx, input) => completeSetup(ctx, input),
};
