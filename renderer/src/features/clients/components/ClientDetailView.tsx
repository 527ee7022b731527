import { ArrowLeftOutlined, EditOutlined, InboxOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Result, Space, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { LEVEL_LABELS } from '../../../../../shared/clients/classification';
import { call } from '../../../api/client';
import { useQuery } from '../../../api/useQuery';
import { useCan } from '../../../app/permissions';
import { navigate } from '../../../app/useHashPath';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { useT } from '../../../i18n';
import { LinkedDocumentsPanel } from '../../archive/components/LinkedDocumentsPanel';
import { ClientContractsPanel } from '../../contracts/components/ClientContractsPanel';
import { useLabel } from '../../../hooks/useLabel';
import { ClientFormModal } from './ClientFormModal';
import { ClientProfile } from './ClientProfile';
import { FollowUpsPanel } from './FollowUpsPanel';
import { OwnerHistoryPanel } from './OwnerHistoryPanel';
import { ReassignModal } from './ReassignModal';

/** One client's file: the card, follow-ups, contracts and ownership history. */
export function ClientDetailView({ id }: { id: number }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const client = useQuery('clients.get', { id });
  const [dialog, setDialog] = useState<'edit' | 'reassign' | null>(null);
  const [version, setVersion] = useState(0);
  const canReassign = useCan('clients.reassign');
  const canArchive = useCan('clients.archive');
  const reload = (): void => {
    client.refresh();
    setVersion((v) => v + 1);
  };
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(['clients'])}>
      {t('clients.backToList')}
    </Button>
  );

  if (!client.data) {
    return (
      <Page title={t('clients.title')} extra={back}>
        {client.error ? (
          <Result status="404" title={t('clients.notFound')} subTitle={<ErrorAlert error={client.error} />} />
        ) : (
          <Spin />
        )}
      </Page>
    );
  }
  const c = client.data;
  const archive = async (): Promise<void> => {
    await call('clients.archive', { id, archived: !c.archivedAt });
    void message.success(t(c.archivedAt ? 'clients.restored' : 'clients.archivedDone'));
    reload();
  };
  return (
    <Page
      title={c.name}
      extra={
        <Space>
          {back}
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
            {t('common.edit')}
          </Button>
          {canReassign && (
            <Button icon={<SwapOutlined />} onClick={() => setDialog('reassign')}>
              {t('clients.reassign')}
            </Button>
          )}
          {canArchive && (
            <Popconfirm
              title={t(c.archivedAt ? 'clients.restoreConfirm' : 'clients.archiveConfirm')}
              onConfirm={() => void archive()}
              okText={t(c.archivedAt ? 'clients.restore' : 'clients.archive')}
              cancelText={t('common.cancel')}
            >
              <Button icon={<InboxOutlined />}>{t(c.archivedAt ? 'clients.restore' : 'clients.archive')}</Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <div className="client-tags">
        <Tag color={c.level === 1 ? 'green' : c.level === 2 ? 'blue' : 'default'}>{label(LEVEL_LABELS[c.level])}</Tag>
        {c.grade && <Tag>{c.grade}</Tag>}
        <Tag>{t(c.kind === 'person' ? 'clients.kind.person' : 'clients.kind.company')}</Tag>
        {c.archivedAt && <Tag color="orange">{t('clients.archived')}</Tag>}
      </div>
      <Card className="detail-card">
        <ClientProfile client={c} />
      </Card>
      <Card className="tabs-card detail-card">
        <Tabs
          items={[
            {
              key: 'followups',
              label: t('clients.tab.followups'),
              children: <FollowUpsPanel clientId={id} onLogged={client.refresh} />,
            },
            {
              key: 'contracts',
              label: t('clients.tab.contracts'),
              children: <ClientContractsPanel clientId={id} clientName={c.name} />,
            },
            {
              key: 'documents',
              label: t('clients.tab.documents'),
              children: <LinkedDocumentsPanel client={{ id, name: c.name }} />,
            },
            {
              key: 'owners',
              label: t('clients.tab.owners'),
              children: <OwnerHistoryPanel key={version} clientId={id} createdAt={c.createdAt} />,
            },
          ]}
        />
      </Card>
      {dialog === 'edit' && (
        <ClientFormModal
          client={c}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
      {dialog === 'reassign' && (
        <ReassignModal
          clientIds={[id]}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
    </Page>
  );
}
