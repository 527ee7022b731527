import type { PerformanceSheet } from '../../../../../shared/performance/performance-types';
import { sellsThisMonth } from '../../../../../shared/performance/sellers';
import { useLanguage, useT } from '../../../i18n';
import { TargetVsActualChart } from '../charts/TargetVsActualChart';
import { TeamTrendChart } from '../charts/TeamTrendChart';
import { PageRules, PrintHeader, SignatureLines } from './PrintHeader';
import { PolicyNotes } from './PolicyNotes';
import { PrintSheetTable } from './PrintSheetTable';

/** Two charts side by side on landscape A4 (277 mm printable ≈ 1040 CSS px). */
const CHART_WIDTH = 500;

/**
 * 月度业绩表 on paper: the full table (header repeated on every page) ending in the totals and
 * the three signature lines (kept on one page with the last rows), the rules that applied, then
 * the two charts. Landscape whenever the pay columns are shown —
 * nineteen columns do not fit portrait A4 at a readable size.
 */
export function SheetPrintView({ sheet }: { sheet: PerformanceSheet }) {
  const t = useT();
  const { lang } = useLanguage();
  const people = sheet.rows
    .filter(sellsThisMonth)
    .map((r) => ({ name: r.name, salesFen: r.pay!.salesFen, targetFen: r.pay!.targetFen, floorFen: r.pay!.floorFen }));
  return (
    <article className={`print-doc ${sheet.showsPay ? 'print-landscape' : 'print-portrait'}`} data-testid="sheet-print">
      <PageRules landscape={sheet.showsPay} />
      <PrintHeader officeName={sheet.officeName} title={t('perf.title')} month={sheet.month} closed={sheet.closed}>
        <span>{t(sheet.creditBasis === 'payments' ? 'perf.basis.payments' : 'perf.basis.contracts')}</span>
      </PrintHeader>
      <PrintSheetTable sheet={sheet} footer={<SignatureLines roles={['preparer', 'reviewer', 'manager']} />} />
      <PolicyNotes policies={sheet.policies} lang={lang} />
      {sheet.showsPay && (
        <section className="print-charts" data-testid="print-charts">
          <figure>
            <figcaption>{t('perf.chart.targetVsActual')}</figcaption>
            <TargetVsActualChart data={people} width={CHART_WIDTH} height={200} />
          </figure>
          <figure>
            <figcaption>{t('perf.chart.trend')}</figcaption>
            <TeamTrendChart data={sheet.trend} width={CHART_WIDTH} height={200} />
          </figure>
        </section>
      )}
    </article>
  );
}
