import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import type { ExportFile, ExportFormat } from '../../../../shared/imports/export-file';
import { toApiError } from '../../api/ApiError';
import { errorText } from '../../api/errorText';
import { saveBase64File } from '../../features/clients/download';
import { useLanguage, useT } from '../../i18n';

/** 导出 ▾ Excel / CSV: asks the core for the file of the list as filtered, then saves it. */
export function ExportButton({ run }: { run: (format: ExportFormat) => Promise<ExportFile> }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const exportAs = async (format: ExportFormat): Promise<void> => {
    setBusy(true);
    try {
      const file = await run(format);
      saveBase64File(file);
      void message.success(t('clients.exported', { count: file.rowCount }));
    } catch (error) {
      void message.error(errorText(toApiError(error), lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    // Opened by a click, not by hovering: it works the same with a mouse, a touch screen and the
    // keyboard, and a test (or a person) whose pointer passes by does not open or close it.
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('clients.exportXlsx') },
          { key: 'csv', label: t('clients.exportCsv') },
        ],
        onClick: ({ key }) => void exportAs(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('clients.export')}
      </Button>
    </Dropdown>
  );
}
