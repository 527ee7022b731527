import type { PersonalStatement } from '../../../../../shared/performance/performance-types';
import { formatSheetCell, sheetColumns } from '../../../../../shared/performance/sheet-columns';
import { useLanguage, useT } from '../../../i18n';
import { TeamTrendChart } from '../charts/TeamTrendChart';
import { SourceLinesTable } from '../components/SourceLinesTable';
import { PageRules, PrintHeader, SignatureLines } from './PrintHeader';
import { PolicyNotes } from './PolicyNotes';
import { PayLinesTable } from '../../commission/PayLinesTable';
import { confirmationLine } from '../../commission/confirmationText';

/** 个人业绩单: one person's month as a portrait A4 the employee signs. */
export function StatementPrintView({ statement }: { statement: PersonalStatement }) {
  const t = useT();
  const { lang } = useLanguage();
  const { row } = statement;
  const columns = sheetColumns({ showsPay: row.pay !== null });
  const l = lang === 'en' ? 'en' : 'zh';
  return (
    <article className="print-doc print-portrait" data-testid="statement-print">
      <PageRules landscape={false} />
      <PrintHeader
        officeName={statement.officeName}
        title={t('perf.statement')}
        month={statement.month}
        closed={statement.closed}
      >
        <span>{t(statement.creditBasis === 'payments' ? 'perf.basis.payments' : 'perf.basis.contracts')}</span>
      </PrintHeader>
      <dl className="print-figures">
        {columns.map((c) => (
          <div key={c.key}>
            <dt>{c.group ? `${l === 'en' ? c.group.en : c.group.zh} · ${c[l]}` : c[l]}</dt>
            <dd>{formatSheetCell(c.kind, c.value(row, l))}</dd>
          </div>
        ))}
      </dl>
      <SourceLinesTable lines={statement.lines} printable />
      <PayLinesTable lines={statement.payLines} printable />
      {row.pay && (
        <figure className="print-statement-chart">
          <figcaption>{t('perf.chart.personTrend')}</figcaption>
          <TeamTrendChart data={statement.trend} width={640} height={220} />
        </figure>
      )}
      <PolicyNotes policies={statement.policies} lang={lang} />
      {statement.confirmation && (
        <p className="print-confirmation" data-testid="print-confirmation">
          {confirmationLine(statement, t)}
        </p>
      )}
      <SignatureLines roles={['employee', 'manager']} />
    </article>
  );
}
