import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_POOL_SETTINGS, poolSettingsSchema, type PoolSettings } from '../../../shared/pool/pool-rules';

export const POOL_SETTINGS_KEY = 'pool.settings';
export const POOL_LAST_RUN_KEY = 'pool.lastRun';

export type PoolLastRun = { asOf: string; at: string; returned: number; warned: number };

function readJson(sqlite: BetterSqlite3.Database, key: string): unknown {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function writeJson(sqlite: BetterSqlite3.Database, key: string, value: unknown): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}

/** The office's pool rules; the defaults until a manager saved some (a stored value that no longer parses falls back too). */
export function readPoolSettings(sqlite: BetterSqlite3.Database): PoolSettings {
  const parsed = poolSettingsSchema.safeParse(readJson(sqlite, POOL_SETTINGS_KEY));
  return parsed.success ? parsed.data : DEFAULT_POOL_SETTINGS;
}

export function readPoolLastRun(sqlite: BetterSqlite3.Database): PoolLastRun | null {
  return (readJson(sqlite, POOL_LAST_RUN_KEY) as PoolLastRun | undefined) ?? null;
}
