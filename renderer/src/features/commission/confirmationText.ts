import type { PersonalStatement } from '../../../../shared/performance/performance-types';
import type { Translate } from '../../i18n';

/** '2026-10-28T03:00:00.000Z' → local '2026-10-28 11:00', as the office reads times on paper. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The 业绩确认 line of a statement: who confirmed (or disputed) and when — printed and on screen. */
export function confirmationLine(statement: PersonalStatement, t: Translate): string | null {
  const c = statement.confirmation;
  if (!c) return null;
  const name = statement.row.name;
  if (c.state === 'confirmed' && !c.stale && c.respondedAt)
    return t('confirm.print.confirmed', { name, at: localTime(c.respondedAt) });
  if (c.state === 'disputed' && c.respondedAt)
    return t('confirm.print.disputed', { name, at: localTime(c.respondedAt), note: c.note });
  if (c.state === 'answered' && c.repliedAt) return t('confirm.print.answered', { name, at: localTime(c.repliedAt) });
  return t('confirm.print.none', { name });
}
