import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import type { AllowanceRow } from '../../../../../shared/contract/commission';
import { fenToYuanString, formatFen, parseYuanToFen } from '../../../../../shared/money';
import { ROLES, type Role } from '../../../../../shared/roles';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useMutation } from '../../../api/useMutation';
import { useQuery } from '../../../api/useQuery';
import { useLanguage, useT } from '../../../i18n';
import { useRoleLabel } from '../hooks/useRoleLabel';

type Draft = { role: Role; items: { name: string; yuan: string }[] };

/** 岗位补贴: 交通/通讯/出勤… per role; they are added to each pay sheet of that role. */
export function AllowancesCard() {
  const t = useT();
  const { lang } = useLanguage();
  const roleLabel = useRoleLabel();
  const { message } = App.useApp();
  const list = useQuery('allowances.list', {});
  const save = useMutation('allowances.set');
  const [draft, setDraft] = useState<Draft | null>(null);
  const byRole = (role: Role): AllowanceRow[] => (list.data ?? []).filter((a) => a.role === role);

  const submit = () => {
    if (!draft) return;
    const items = draft.items
      .filter((i) => i.name.trim())
      .map((i) => ({ name: i.name.trim(), amountFen: parseYuanToFen(i.yuan) ?? -1 }));
    if (items.some((i) => i.amountFen < 0)) return void message.error(t('plans.amountInvalid'));
    void save.run({ role: draft.role, items }).then(
      () => {
        void message.success(t('allowances.saved'));
        setDraft(null);
        list.refresh();
      },
      (caught: unknown) => void message.error(errorText(toApiError(caught), lang)),
    );
  };

  return (
    <Card size="small" title={t('allowances.title')} className="detail-card" loading={!list.data}>
      <Table
        size="small"
        rowKey={(r) => r}
        pagination={false}
        dataSource={[...ROLES]}
        columns={[
          { title: t('perf.col.role'), width: 100, render: (_, role) => roleLabel(role) },
          {
            title: t('allowances.title'),
            render: (_, role) =>
              draft?.role === role ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {draft.items.map((item, i) => (
                    <Space key={i}>
                      <Input
                        aria-label={t('allowances.name')}
                        placeholder={t('allowances.name')}
                        value={item.name}
                        onChange={(e) =>
                          setDraft({ ...draft, items: draft.items.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })
                        }
                        style={{ width: 140 }}
                      />
                      <Input
                        aria-label={t('allowances.amount')}
                        placeholder={t('allowances.amount')}
                        value={item.yuan}
                        onChange={(e) =>
                          setDraft({ ...draft, items: draft.items.map((x, j) => (j === i ? { ...x, yuan: e.target.value } : x)) })
                        }
                        style={{ width: 120 }}
                      />
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => setDraft({ ...draft, items: draft.items.filter((_, j) => j !== i) })}
                      />
                    </Space>
                  ))}
                  <Space>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => setDraft({ ...draft, items: [...draft.items, { name: '', yuan: '' }] })}
                    >
                      {t('allowances.add')}
                    </Button>
                    <Button type="primary" loading={save.running} onClick={submit}>
                      {t('common.save')}
                    </Button>
                    <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
                  </Space>
                </Space>
              ) : (
                byRole(role)
                  .map((a) => `${a.name} ${formatFen(a.amountFen)}`)
                  .join(' · ') || '—'
              ),
          },
          {
            title: t('common.actions'),
            width: 80,
            render: (_, role) => (
              <Button
                type="link"
                size="small"
                disabled={draft !== null}
                onClick={() =>
                  setDraft({ role, items: byRole(role).map((a) => ({ name: a.name, yuan: fenToYuanString(a.amountFen) })) })
                }
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
