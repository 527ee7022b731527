import type { PayLine } from '../../../../shared/commission/bonus-rules';
import { formatFen } from '../../../../shared/money';
import { useLanguage, useT } from '../../i18n';
import './commission.css';

/** 奖金 and 扣款 behind a person's month: each line, where it came from and why. A plain table so it prints as shown. */
export function PayLinesTable({ lines, printable = false }: { lines: readonly PayLine[]; printable?: boolean }) {
  const t = useT();
  const { lang } = useLanguage();
  if (lines.length === 0) return null;
  const total = lines.reduce((sum, l) => sum + (l.kind === 'bonus' ? l.amountFen : -l.amountFen), 0);
  return (
    <table className={printable ? 'print-table source-table' : 'source-table'} data-testid="pay-lines">
      <caption>{t('perf.payLines')}</caption>
      <thead>
        <tr>
          <th>{t('payitems.kind')}</th>
          <th>{t('payitems.category')}</th>
          <th>{t('payitems.reason')}</th>
          <th className="cell-money">{t('perf.col.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.source}-${l.refId}`} className={l.kind === 'deduction' ? 'negative' : undefined}>
            <td>{t(`payitems.kind.${l.kind}`)}</td>
            <td>
              {l.category}
              {l.source === 'rule' && <small> · {t('perf.payLine.rule')}</small>}
            </td>
            <td>{lang === 'en' ? l.reasonEn : l.reason}</td>
            <td className="cell-money">{formatFen(l.kind === 'bonus' ? l.amountFen : -l.amountFen)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="print-total">
          <td colSpan={3}>{t('perf.total')}</td>
          <td className="cell-money">{formatFen(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
