import type { ReactNode } from 'react';
import { useLanguage, useT } from '../../../i18n';
import { monthTitle, printedAtText } from '../monthTitle';

type Props = { officeName: string; title: string; month: string; closed: boolean; children?: ReactNode };

/** Office name, document title, month and printed-at time at the top of every printed document. */
export function PrintHeader({ officeName, title, month, closed, children }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  return (
    <header className="print-header">
      <div className="print-office" data-testid="print-office">
        {officeName}
      </div>
      <h1 className="print-title">
        {monthTitle(month, lang)} {title}
      </h1>
      <div className="print-meta">
        <span className={closed ? 'print-closed' : 'print-open'}>{closed ? t('perf.closed') : t('perf.unclosedStamp')}</span>
        {children}
        <span>{t('perf.printedAt', { at: printedAtText(new Date()) })}</span>
      </div>
    </header>
  );
}

/** 制表 / 审核 / 店长 (or the employee's own signature on a statement) with a date line each. */
export function SignatureLines({ roles }: { roles: readonly ('preparer' | 'reviewer' | 'manager' | 'employee')[] }) {
  const t = useT();
  return (
    <footer className="print-signatures">
      {roles.map((role) => (
        <div key={role} className="print-signature">
          <span>{t(`perf.sign.${role}`)}:</span>
          <span className="print-signature-line" />
          <span className="print-signature-date">{t('perf.sign.dateLine')}</span>
        </div>
      ))}
    </footer>
  );
}

/** Page numbers through CSS @page margin boxes: the same in window.print(), page.pdf() and printToPDF. */
export function PageRules({ landscape }: { landscape: boolean }) {
  const { lang } = useLanguage();
  const pageText =
    lang === 'en' ? '"Page " counter(page) " of " counter(pages)' : '"第 " counter(page) " 页 / 共 " counter(pages) " 页"';
  return (
    <style>{`@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm 10mm 14mm; @bottom-center { content: ${pageText}; font-size: 9pt; color: #555; } }`}</style>
  );
}
