import type { FunnelCounts, Reminder } from '../../../shared/contract/clients';
import { FUNNEL_STEPS, STAGES, funnelStepOf, type SalesStage } from '../../../shared/clients/classification';
import { festivalsBetween } from '../../../shared/clients/festivals';
import { addDays, nextOccurrence, yearsSince } from '../../../shared/clients/reminders';
import { todayLocal } from '../../../shared/dates';
import type { CallContext } from '../core/context';
import { scopedOwnerId } from './client-scope';

/** Clients per sales stage and the funnel 潜在 → 意向 → 签约, for the caller's clients. */
export function clientFunnel(ctx: CallContext, input: { ownerStaffId?: number | undefined }): FunnelCounts {
  const owner = scopedOwnerId(ctx.actor) ?? input.ownerStaffId;
  const rows = ctx.sqlite
    .prepare(
      `SELECT stage, count(*) AS n FROM clients WHERE archived_at IS NULL ${owner !== undefined ? 'AND owner_staff_id = ?' : ''} GROUP BY stage`,
    )
    .all(...(owner !== undefined ? [owner] : [])) as { stage: string; n: number }[];
  const byStage = new Map(rows.map((r) => [r.stage, r.n]));
  const stages = STAGES.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 }));
  const stepCount = (step: string): number =>
    stages.filter((s) => funnelStepOf(s.stage as SalesStage) === step).reduce((a, s) => a + s.count, 0);
  const steps = FUNNEL_STEPS.map((step, i) => ({
    step,
    count: stepCount(step),
    reached: FUNNEL_STEPS.slice(i).reduce((a, s) => a + stepCount(s), 0),
  }));
  return { stages, steps, total: stages.reduce((a, s) => a + s.count, 0) };
}

/**
 * After-sales care: birthdays and company anniversaries in the next `days`, and the festivals
 * (春节/端午/中秋) with how many of the caller's clients to greet.
 */
export function clientReminders(ctx: CallContext, input: { from?: string | undefined; days: number }): Reminder[] {
  const from = input.from ?? todayLocal(ctx.now());
  const to = addDays(from, input.days - 1);
  const owner = scopedOwnerId(ctx.actor);
  const monthDays = new Set<string>();
  for (let d = from; d <= to; d = addDays(d, 1)) monthDays.add(d.slice(5));
  // 29 February birthdays are greeted on the 28th in common years.
  if (monthDays.has('02-28')) monthDays.add('02-29');
  const list = JSON.stringify([...monthDays]);
  const scope = owner !== null ? 'AND c.owner_staff_id = @owner' : '';
  const rows = ctx.sqlite
    .prepare(
      `SELECT c.id, c.name, c.contact_name, c.birthday, c.anniversary, s.name AS owner_name
       FROM clients c LEFT JOIN staff s ON s.id = c.owner_staff_id
       WHERE c.archived_at IS NULL ${scope}
         AND (substr(c.birthday, -5) IN (SELECT value FROM json_each(@list)) OR substr(c.anniversary, -5) IN (SELECT value FROM json_each(@list)))`,
    )
    .all(owner !== null ? { owner, list } : { list }) as {
    id: number;
    name: string;
    contact_name: string;
    birthday: string | null;
    anniversary: string | null;
    owner_name: string | null;
  }[];
  const reminders: Reminder[] = [];
  for (const r of rows) {
    for (const kind of ['birthday', 'anniversary'] as const) {
      const yearly = r[kind];
      if (!yearly) continue;
      const date = nextOccurrence(yearly, from);
      if (date > to) continue;
      reminders.push({
        kind,
        date,
        clientId: r.id,
        clientName: r.name,
        contactName: r.contact_name,
        ownerName: r.owner_name ?? '',
        years: yearsSince(yearly, date),
      });
    }
  }
  const clientCount = ctx.sqlite
    .prepare(`SELECT count(*) FROM clients c WHERE c.archived_at IS NULL ${scope}`)
    .pluck()
    .get(...(owner !== null ? [{ owner }] : [])) as number;
  for (const f of festivalsBetween(from, to))
    reminders.push({ kind: 'festival', date: f.date, festival: f.festival, clientCount });
  return reminders.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** Provinces and cities the caller's clients are in, for the region filter. */
export function clientRegions(ctx: CallContext): { province: string; city: string; count: number }[] {
  const owner = scopedOwnerId(ctx.actor);
  return ctx.sqlite
    .prepare(
      `SELECT province, city, count(*) AS count FROM clients WHERE archived_at IS NULL AND province != '' ${owner !== null ? 'AND owner_staff_id = ?' : ''}
       GROUP BY province, city ORDER BY count(*) DESC LIMIT 500`,
    )
    .all(...(owner !== null ? [owner] : [])) as { province: string; city: string; count: number }[];
}
