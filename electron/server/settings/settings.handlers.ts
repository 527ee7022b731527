import type { settingsContract } from '../../../shared/contract/settings';
import type { Handlers } from '../core/handlers';
import { completeSetup, getSettings, updateSettings } from './settings.service';

export const settingsHandlers: Handlers<typeof settingsContract> = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'settings.completeSetup': (ctx, input) => completeSetup(ctx, input),
};
