import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { ApiError, toApiError } from '../../../api/ApiError';
import { errorText } from '../../../api/errorText';
import { useLanguage, useT } from '../../../i18n';

/**
 * Buttons above a print view, hidden on paper. In the desktop app printing and PDF go through
 * the shell (the system dialog, webContents.printToPDF); in a browser, the browser's own print
 * dialog does both (“另存为 PDF”).
 */
export function PrintToolbar({ pdfName, onBack }: { pdfName: string; onBack: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const bridge = globalThis.officeBridge;

  const print = async () => {
    if (!bridge?.print) {
      window.print();
      return;
    }
    try {
      const answer = await bridge.print();
      if (!answer.ok) message.error(errorText(new ApiError(answer.error), lang));
    } catch (caught) {
      // The bridge itself failed (the shell went away mid-call): say so rather than nothing.
      message.error(errorText(toApiError(caught), lang));
    }
  };

  const savePdf = async () => {
    if (!bridge?.printToPdf) return;
    setBusy(true);
    try {
      const answer = await bridge.printToPdf(pdfName);
      if (!answer.ok) message.error(errorText(new ApiError(answer.error), lang));
      else if (answer.value.saved && answer.value.path) message.success(answer.value.path);
    } catch (caught) {
      message.error(errorText(toApiError(caught), lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="print-toolbar no-print">
      <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
        {t('perf.back')}
      </Button>
      <Space>
        {bridge?.printToPdf && (
          <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void savePdf()}>
            {t('perf.exportPdf')}
          </Button>
        )}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()}>
          {t('perf.print')}
        </Button>
      </Space>
    </div>
  );
}
