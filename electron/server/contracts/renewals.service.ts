import type { ContractDetail, RenewalRow } from '../../../shared/contract/contracts';
import { addDays, addYears, daysBetween } from '../../../shared/clients/reminders';
import { DATE_RANGE, isOfficeDate, todayLocal } from '../../../shared/dates';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { assertCanSeeContract, contractScopeSql } from './contract-scope';
import { CONTRACT_SELECT, findContractJoined, toContractRow, type ContractJoined } from './contracts.repository';
import { assertRenewable, createContract } from './contracts.service';

/**
 * 续费: contracts whose service ends within `withinDays` of the as-of date, and (optionally)
 * those that already ended — "按客户加入日期排序管理,有利于续费提前接洽", so ordered by the
 * client's join date. A contract counts as renewed when a renewal links to it, or when a later
 * contract of the same client for the same product exists (offices that never linked them).
 */
export function listRenewals(
  ctx: CallContext,
  input: {
    withinDays: number;
    asOf?: string | undefined;
    includeLapsed: boolean;
    lapsedWithinDays: number;
    staffId?: number | undefined;
    order?: 'due' | 'joined' | undefined;
  },
): RenewalRow[] {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const to = addDays(asOf, input.withinDays);
  const scope = contractScopeSql(ctx.actor);
  // A range on ends_on (indexed): due ones up to `to`, lapsed ones back to the window's start.
  const from = input.includeLapsed ? addDays(asOf, -input.lapsedWithinDays) : asOf;
  const params: (string | number)[] = [...scope.params, to, from];
  let extra = '';
  if (input.staffId !== undefined) {
    extra += ' AND k.staff_id = ?';
    params.push(input.staffId);
  }
  // Renewed means a renewal that is signed: a draft renewal (续费 pressed, nothing signed yet)
  // keeps the reminder, showing the draft, until the client actually signs.
  const order = input.order === 'due' ? 'k.ends_on, k.id' : 'c.joined_on, c.id, k.ends_on, k.id';
  const rows = ctx.sqlite
    .prepare(
      `${CONTRACT_SELECT}
       WHERE ${scope.sql} AND k.status IN ('signed', 'active', 'expired') AND k.ends_on IS NOT NULL AND k.ends_on <= ? AND k.ends_on >= ? ${extra}
         AND c.archived_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM contracts n WHERE n.id != k.id AND n.status NOT IN ('cancelled', 'draft')
                         AND (n.renewal_of_id = k.id OR (n.client_id = k.client_id AND n.product = k.product AND n.ends_on > k.ends_on)))
       ORDER BY ${order}`,
    )
    .all(...params) as ContractJoined[];
  const draftOf = ctx.sqlite.prepare(
    "SELECT id, number FROM contracts WHERE renewal_of_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1",
  );
  return rows.map((r) => {
    const daysLeft = daysBetween(asOf, r.ends_on!);
    const draft = draftOf.get(r.id) as { id: number; number: string } | undefined;
    return {
      ...toContractRow(r, asOf),
      clientJoinedOn: r.client_joined_on,
      daysLeft,
      state: daysLeft < 0 ? 'lapsed' : 'due',
      renewalDraft: draft ?? null,
    };
  });
}

/**
 * One action creates the renewal: same client, salesperson and product; by default the same
 * amount for the next term, starting the day after the old one ends and lasting as long.
 */
export async function renewContract(
  ctx: CallContext,
  input: {
    id: number;
    number?: string | undefined;
    amountFen?: number | undefined;
    signedOn?: string | null | undefined;
    startsOn?: string | undefined;
    endsOn?: string | undefined;
  },
): Promise<ContractDetail> {
  const found = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, input.id), input.id);
  const previous = assertRenewable(ctx, input.id, found.client_id);
  const { startsOn, endsOn } = renewalTerm(previous, input, todayLocal(ctx.now()));
  return createContract(ctx, {
    clientId: previous.client_id,
    ...(input.number !== undefined ? { number: input.number } : {}),
    ...(previous.staff_id !== null ? { staffId: ctx.actor?.role === 'salesperson' ? ctx.actor.staffId : previous.staff_id } : {}),
    product: previous.product,
    amountFen: input.amountFen ?? previous.amount_fen,
    signedOn: input.signedOn ?? null,
    startsOn,
    endsOn,
    status: 'draft',
    renewalOfId: previous.id,
    notes: `续费自 ${previous.number}`,
  });
}

/**
 * The renewal's term: as given, else the day after the old end for as long as the old term.
 * A derived date is checked like a typed one: an old contract ending 2100-12-31 (or a bad value
 * stored before dates were range-checked) cannot yield a year 2101 — or 10000 — term.
 */
function renewalTerm(
  previous: { number: string; starts_on: string | null; ends_on: string | null },
  input: { startsOn?: string | undefined; endsOn?: string | undefined },
  today: string,
): { startsOn: string; endsOn: string } {
  const usable = (d: string | null): d is string => d !== null && isOfficeDate(d);
  const oldStart = usable(previous.starts_on) ? previous.starts_on : null;
  const oldEnd = usable(previous.ends_on) ? previous.ends_on : null;
  const startsOn = input.startsOn ?? (oldEnd ? addDays(oldEnd, 1) : previous.ends_on ? '' : today);
  const endsOn = input.endsOn ?? (isOfficeDate(startsOn) ? defaultEnd(oldStart, oldEnd, startsOn) : '');
  for (const [field, value, zh] of [
    ['startsOn', startsOn, '开始'],
    ['endsOn', endsOn, '结束'],
  ] as const) {
    if (isOfficeDate(value)) continue;
    throw new AppError(
      'invalid_input',
      {
        zh: `无法按原合同 ${previous.number}(服务至 ${previous.ends_on ?? '—'})推算续费的${zh}日期:日期须在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间。请直接填写续费的开始和结束日期。`,
        en: `The renewal's ${field === 'startsOn' ? 'start' : 'end'} date cannot be derived from contract ${previous.number} (service until ${previous.ends_on ?? '—'}): dates must lie between ${DATE_RANGE.min} and ${DATE_RANGE.max}. Enter the renewal's start and end dates.`,
      },
      {
        issues: [
          {
            path: field,
            message: `须在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间`,
            messageEn: `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`,
          },
        ],
      },
    );
  }
  if (endsOn < startsOn)
    throw new AppError(
      'invalid_input',
      { zh: '服务结束日期不能早于开始日期。', en: 'The service end cannot be before its start.' },
      {
        issues: [{ path: 'endsOn', message: '早于开始日期', messageEn: 'before the start' }],
      },
    );
  return { startsOn, endsOn };
}

/** The old term's length carried over; a one-year term when the old one had no dates. */
function defaultEnd(oldStart: string | null, oldEnd: string | null, newStart: string): string {
  if (oldStart && oldEnd) {
    const years = Number(oldEnd.slice(0, 4)) - Number(oldStart.slice(0, 4));
    if (years >= 1 && addDays(addYears(oldStart, years), -1) === oldEnd) return addDays(addYears(newStart, years), -1);
    return addDays(newStart, daysBetween(oldStart, oldEnd));
  }
  return addDays(addYears(newStart, 1), -1);
}
