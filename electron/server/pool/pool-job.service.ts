import type { PoolRunResult } from '../../../shared/contract/pool';
import { todayLocal } from '../../../shared/dates';
import { POOL_REASON_LABELS, type PoolReason } from '../../../shared/pool/pool-rules';
import type { CallContext } from '../core/context';
import { clientNames, judgedClients, staffNames } from './pool-facts';
import { moveIntoPool } from './pool-moves';
import { POOL_LAST_RUN_KEY, readPoolLastRun, readPoolSettings, writeJson } from './pool-settings';

/** Once per office calendar day: the first hourly tick after midnight runs it. */
export function isPoolRunDue(lastAsOf: string | null, today: string): boolean {
  return lastAsOf === null || lastAsOf < today;
}

export function ruleReason(reason: PoolReason, limitDays: number, since: string): string {
  const label = POOL_REASON_LABELS[reason];
  return reason === 'no_follow_up'
    ? `规则退回:${limitDays} 天${label.zh}(自 ${since}) / Returned by rule: no follow-up for ${limitDays} days (since ${since})`
    : `规则退回:${limitDays} 天${label.zh}(自 ${since}) / Returned by rule: no new contract for ${limitDays} days (since ${since})`;
}

/**
 * The daily pool job (app and `office serve`, like the archive audit; `office pool run`): every
 * owned client the rules say is due goes back to the pool as of `asOf`, each move in the
 * ownership history and the audit log with its reason, all in one transaction. With automatic
 * return off it only counts the warnings. Running twice for one day moves nothing the second time.
 */
export async function runPoolRules(ctx: CallContext, asOfInput?: string): Promise<PoolRunResult> {
  const asOf = asOfInput ?? todayLocal(ctx.now());
  const settings = readPoolSettings(ctx.sqlite);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async () => {
    const judged = judgedClients(ctx.sqlite, settings, asOf);
    const due = settings.autoReturn ? judged.filter((j) => j.verdict.state === 'return') : [];
    const warned = judged.filter((j) => j.verdict.state === 'warn').length;
    const staff = staffNames(ctx.sqlite);
    const audit = ctx.sqlite.prepare(
      `INSERT INTO audit_log (at, actor_code, actor_role, action, entity, entity_id, before_json, after_json)
       VALUES (?, ?, ?, 'pool.return', 'client', ?, ?, ?)`,
    );
    const moves = due.map((j) => ({
      clientId: j.id,
      fromStaffId: j.ownerStaffId,
      reason: ruleReason(j.verdict.reason, j.verdict.limitDays, j.verdict.since),
    }));
    const returned = moveIntoPool(ctx.sqlite, moves, {
      kind: 'return',
      changedBy: ctx.actor?.name ?? 'system',
      at,
      // The day the rules applied: a catch-up run for an earlier day counts cooldowns from it.
      onDate: asOf,
    });
    for (const j of due) {
      audit.run(
        at,
        ctx.actor?.code ?? 'system',
        ctx.actor?.role ?? 'system',
        String(j.id),
        JSON.stringify({ ownerStaffId: j.ownerStaffId, ownerName: staff.get(j.ownerStaffId) ?? '' }),
        JSON.stringify({
          pool: true,
          asOf,
          reason: j.verdict.reason,
          since: j.verdict.since,
          limitDays: j.verdict.limitDays,
          text: ruleReason(j.verdict.reason, j.verdict.limitDays, j.verdict.since),
        }),
      );
    }
    const last = readPoolLastRun(ctx.sqlite);
    if (!last || last.asOf <= asOf) writeJson(ctx.sqlite, POOL_LAST_RUN_KEY, { asOf, at, returned, warned });
    const shown = due.slice(0, 500);
    const names = clientNames(
      ctx.sqlite,
      shown.map((j) => j.id),
    );
    return {
      asOf,
      autoReturn: settings.autoReturn,
      returned,
      warned,
      moves: shown.map((j) => ({
        clientId: j.id,
        clientName: names.get(j.id) ?? '',
        fromStaffId: j.ownerStaffId,
        fromName: staff.get(j.ownerStaffId) ?? '',
        reason: j.verdict.reason,
        since: j.verdict.since,
      })),
    };
  });
}
