import { Result } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { FullScreenSpin } from '../../../components/FullScreenSpin';
import { navigate } from '../../../app/useHashPath';
import { useLanguage } from '../../../i18n';
import { SheetPrintView } from './SheetPrintView';
import { StatementPrintView } from './StatementPrintView';
import { PrintToolbar } from './PrintToolbar';
import '../performance.css';

/**
 * #/print/sheet/2026-10 and #/print/statement/2026-10/<staffId>: a document alone on the page,
 * without the sidebar, so the browser's and Electron's print both see only the paper.
 * `data-print-ready` tells tests (and a person waiting) that data and charts are in place.
 */
export function PrintRoot({ segments }: { segments: readonly string[] }) {
  const [, kind, month = '', staffId] = segments;
  const back = () => navigate(['performance', month]);
  return (
    <div className="print-screen">
      <PrintToolbar pdfName={`${kind === 'statement' ? '个人业绩单' : '月度业绩表'}-${month}.pdf`} onBack={back} />
      {kind === 'statement' ? <StatementLoader month={month} staffId={Number(staffId)} /> : <SheetLoader month={month} />}
    </div>
  );
}

function SheetLoader({ month }: { month: string }) {
  const query = useQuery('performance.sheet', { month });
  useDocumentTitle(query.data ? `${query.data.officeName} ${month} 月度业绩表` : null);
  return <Loaded query={query}>{(sheet) => <SheetPrintView sheet={sheet} />}</Loaded>;
}

function StatementLoader({ month, staffId }: { month: string; staffId: number }) {
  const query = useQuery('performance.statement', { month, staffId });
  useDocumentTitle(query.data ? `${query.data.row.name} ${month} 个人业绩单` : null);
  return <Loaded query={query}>{(statement) => <StatementPrintView statement={statement} />}</Loaded>;
}

/** The PDF's default file name in the browser's print dialog comes from the document title. */
function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

function Loaded<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: Parameters<typeof errorText>[0] | null; loading: boolean };
  children: (data: T) => ReactNode;
}) {
  const { lang } = useLanguage();
  if (query.error) return <Result status="warning" title={errorText(query.error, lang)} />;
  if (!query.data) return <FullScreenSpin />;
  return <div data-print-ready="true">{children(query.data)}</div>;
}
