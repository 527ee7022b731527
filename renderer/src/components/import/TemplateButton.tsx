import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import type { ImportKind } from '../../../../shared/contract/imports';
import { call } from '../../api/client';
import { toApiError } from '../../api/ApiError';
import { errorText } from '../../api/errorText';
import { saveBase64File } from '../../features/clients/download';
import { useLanguage, useT } from '../../i18n';

/** 下载导入模板: the .xlsx the import reads without any column mapping. */
export function TemplateButton({ kind }: { kind: ImportKind }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async (): Promise<void> => {
    setBusy(true);
    try {
      saveBase64File(await call('imports.template', { kind }));
    } catch (error) {
      void message.error(errorText(toApiError(error), lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t('imports.templateHint')}>
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void download()} className="import-template">
        {t('imports.template')}
      </Button>
    </Tooltip>
  );
}
