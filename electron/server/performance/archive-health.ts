import type { Dashboard } from '../../../shared/performance/performance-types';
import { LAST_AUDIT_SETTING } from '../archive/health-check.service';
import type { CallContext } from '../core/context';

/**
 * The dashboard's 档案体检 tile: when the archive was last checked (on demand or by the daily
 * schedule) and how many findings that check left. Both null until the first audit.
 */
export function archiveHealth(ctx: CallContext): Dashboard['archive'] {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LAST_AUDIT_SETTING) as
    string | undefined;
  if (!row) return { lastAuditAt: null, findings: null };
  const stored = JSON.parse(row) as { at?: string; findings?: number };
  return { lastAuditAt: stored.at ?? null, findings: stored.findings ?? null };
}
