import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = '门店通';

/**
 * The app's data folder, the same one Electron's `app.getPath('userData')` gives for our
 * productName, so the desktop app, the browser mode and the CLI share one office by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.OFFICE_DATA) return path.resolve(env.OFFICE_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
