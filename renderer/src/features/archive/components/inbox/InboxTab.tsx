import { Alert, App, Button, Empty, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { InboxItemView } from '../../../../../../shared/contract/intake';
import { toApiError } from '../../../../api/ApiError';
import { call } from '../../../../api/client';
import { errorText } from '../../../../api/errorText';
import { useQuery } from '../../../../api/useQuery';
import { useAuth } from '../../../../app/AuthContext';
import { pick, useLanguage, useT } from '../../../../i18n';
import { InboxFolderCard } from './InboxFolderCard';
import { InboxItemCard } from './InboxItemCard';
import { InboxRulesCard } from './InboxRulesCard';
import { OldFoldersCard } from './OldFoldersCard';

/** 扫描收件箱: the watched folder, 待归档 with one-click filing, the latest filed, and the kind rules. */
export function InboxTab() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { state: auth } = useAuth();
  const canConfigure = !auth.me || auth.me.role === 'owner' || auth.me.role === 'manager';
  const inbox = useQuery('inbox.list');
  const { refresh } = inbox;
  // The folder is watched by the office; the list follows it while this tab is open.
  useEffect(() => {
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [refresh]);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const view = inbox.data;

  return (
    <div className="months-tab inbox-tab" data-testid="inbox">
      {view && <InboxFolderCard view={view} canConfigure={canConfigure} onSaved={refresh} />}
      {view?.folderProblem && <Alert type="error" showIcon message={pick(view.folderProblem, lang)} />}
      <div className="inbox-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('inbox.waiting', { n: view?.waiting.length ?? 0 })}
        </Typography.Title>
        <Button size="small" disabled={!view?.folder} onClick={() => void call('inbox.scan', {}).then(refresh, failed)}>
          {t('inbox.scanNow')}
        </Button>
      </div>
      {view && view.waiting.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.waitingEmpty')} />}
      <Space direction="vertical" style={{ width: '100%' }} data-testid="inbox-waiting">
        {view?.waiting.map((item) => (
          <InboxItemCard key={`${item.id}-${item.updatedAt}`} item={item} onChanged={refresh} />
        ))}
      </Space>
      {view && view.filed.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
            {t('inbox.filedRecent')}
          </Typography.Title>
          <Table<InboxItemView>
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="inbox-filed"
            dataSource={view.filed}
            columns={[
              { title: t('inbox.columns.file'), dataIndex: 'fileName', width: 200, ellipsis: true },
              { title: t('inbox.columns.archivedAs'), render: (_, r) => r.document?.relPath ?? '', ellipsis: true },
              { title: t('archive.date'), render: (_, r) => r.document?.docDate ?? '', width: 110 },
              { title: t('inbox.filedBy'), render: (_, r) => (r.filedBy === 'inbox' ? t('inbox.auto') : r.filedBy), width: 90 },
            ]}
          />
        </>
      )}
      <InboxRulesCard canEdit={canConfigure} />
      {canConfigure && <OldFoldersCard />}
    </div>
  );
}
