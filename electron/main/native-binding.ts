import fs from 'node:fs';
import path from 'node:path';

/**
 * The better-sqlite3 addon that `npm run rebuild:electron-native` put aside for packaging
 * (shipped by electron-builder as resources/native/better_sqlite3.node). Unpackaged runs, and a
 * package built without that step, return undefined and use better-sqlite3's own prebuild,
 * which is the same N-API binary (see docs/architecture.md, "Native module").
 */
export function packagedNativeBinding(isPackaged: boolean, resourcesPath: string): string | undefined {
  if (!isPackaged) return undefined;
  const candidate = path.join(resourcesPath, 'native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
