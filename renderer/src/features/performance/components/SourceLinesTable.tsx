import type { SalesSourceLine } from '../../../../../shared/performance/performance-types';
import { formatFen } from '../../../../../shared/money';
import { useLanguage, useT } from '../../../i18n';
import '../../commission/commission.css';

/**
 * The payments (or signed contracts) behind a sales figure — the answer to “where does this
 * number come from”. A plain table so it prints the same as it shows.
 */
export function SourceLinesTable({ lines, printable = false }: { lines: readonly SalesSourceLine[]; printable?: boolean }) {
  const t = useT();
  const { lang } = useLanguage();
  if (lines.length === 0) return <p className="source-empty">{t('perf.sourceEmpty')}</p>;
  const total = lines.reduce((sum, l) => sum + l.amountFen, 0);
  const lateRefund = lines.some((l) => l.lateFrom && l.refund);
  return (
    <>
      <table className={printable ? 'print-table source-table' : 'source-table'} data-testid="source-lines">
        <thead>
          <tr>
            <th>{t('perf.col.date')}</th>
            <th>{t('perf.col.kind')}</th>
            <th>{t('perf.col.contract')}</th>
            <th>{t('perf.col.client')}</th>
            <th className="cell-money">{t('perf.col.amount')}</th>
            <th>{t('perf.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={`${l.kind}-${l.contractId}-${l.date}-${i}`} className={l.amountFen < 0 ? 'negative' : undefined}>
              <td className="cell-nowrap">{l.date}</td>
              <td className="cell-nowrap">{t(`perf.line.${l.kind}`)}</td>
              <td>{l.contractNumber}</td>
              <td>{l.clientName}</td>
              <td className="cell-money">{formatFen(l.amountFen)}</td>
              <td>
                {sharedNote(l)
                  ? lang === 'en'
                    ? (l.noteEn ?? l.note)
                    : l.note
                  : [l.lateFrom ? t('perf.note.late', { month: l.lateFrom }) : '', l.refund ? t('perf.note.refund') : '']
                      .filter(Boolean)
                      .join(t('perf.noteSeparator'))}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="print-total">
            <td colSpan={4}>{t('perf.total')}</td>
            <td className="cell-money">{formatFen(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {/* Why a month can end with negative commission: say it where the refund is listed. */}
      {lateRefund && (
        <p className="source-hint" data-testid="negative-hint">
          {t('perf.negativeHint')}
        </p>
      )}
    </>
  );
}

/** A 分成 line (or a re-split adjustment): the server's note says the share and the whole, in each language. */
function sharedNote(l: SalesSourceLine): boolean {
  return l.shareBp !== null || (l.kind === 'adjustment' && !l.lateFrom);
}
