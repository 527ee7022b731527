import { LockOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Input, List, Modal, Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MonthState } from '../../../../../shared/contract/commission';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useMutation } from '../../../api/useMutation';
import { useQuery } from '../../../api/useQuery';
import { useCan } from '../../../app/permissions';
import { pick, useLanguage, useT } from '../../../i18n';
import { call } from '../../../api/client';
import { useMyRole } from '../../commission/useMyRole';

/** 月结: close a month (freeze its figures) and, for the owner, reopen one with a reason. */
export function MonthCloseCard({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const months = useQuery('months.list');
  const close = useMutation('months.close');
  const reopen = useMutation('months.reopen');
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [reopening, setReopening] = useState<MonthState | null>(null);
  const [reason, setReason] = useState('');
  const canClose = useCan('months.close');
  const canReopen = useCan('months.reopen');
  // A month already closed cannot be closed again: the button says so instead of failing.
  const alreadyClosed = months.data?.some((m) => m.month === month && m.closed) ?? false;
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const done = (text: string) => {
    void message.success(text);
    months.refresh();
    onChanged();
  };

  const me = useMyRole();
  // 业绩确认 first (issue 19): unconfirmed or disputed statements stop a close; the owner may close anyway (logged).
  const confirmClose = async () => {
    const check = await call('months.closeCheck', { month }).catch((caught: unknown) => (failed(caught), null));
    if (!check) return;
    const names = (people: readonly { name: string }[]) => people.map((p) => p.name).join('、');
    if (check.unconfirmed.length + check.disputed.length === 0)
      return void modal.confirm({
        title: t('months.closeMonth', { month }),
        content: t('months.closeConfirm', { month }),
        okText: t('months.closeMonth', { month }),
        cancelText: t('common.cancel'),
        onOk: () => close.run({ month }).then(() => done(t('months.closed', { month })), failed),
      });
    const owner = me.role === 'owner';
    const content = (
      <div data-testid="close-check">
        {check.unconfirmed.length > 0 && <p>{t('months.checkUnconfirmed', { names: names(check.unconfirmed) })}</p>}
        {check.disputed.length > 0 && <p>{t('months.checkDisputed', { names: names(check.disputed) })}</p>}
        <p>{owner ? t('months.closeAnywayHint') : t('months.ownerOnly')}</p>
      </div>
    );
    if (!owner) return void modal.warning({ title: t('months.checkTitle', { month }), content });
    modal.confirm({
      title: t('months.checkTitle', { month }),
      content,
      okText: t('months.closeAnyway'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => close.run({ month, closeAnyway: true }).then(() => done(t('months.closed', { month })), failed),
    });
  };

  return (
    <Card
      size="small"
      title={t('months.list')}
      className="detail-card"
      extra={
        canClose && (
          <Space>
            <DatePicker
              picker="month"
              allowClear={false}
              aria-label={t('perf.month')}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            />
            <Tooltip title={alreadyClosed ? t('months.alreadyClosed', { month }) : undefined}>
              <Button
                type="primary"
                icon={<LockOutlined />}
                loading={close.running}
                disabled={alreadyClosed}
                onClick={() => void confirmClose()}
              >
                {alreadyClosed ? t('months.closedButton', { month }) : t('months.closeMonth', { month })}
              </Button>
            </Tooltip>
          </Space>
        )
      }
    >
      <List
        size="small"
        locale={{ emptyText: t('months.none') }}
        dataSource={months.data ?? []}
        renderItem={(m) => (
          <List.Item
            actions={
              m.closed && canReopen
                ? [
                    <Button key="reopen" type="link" size="small" onClick={() => (setReason(''), setReopening(m))}>
                      {t('months.reopen')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space>
              <strong>{m.month}</strong>
              <Tag color={m.closed ? 'green' : 'default'}>{m.closed ? t('perf.closed') : t('perf.open')}</Tag>
              {m.closed && m.closedAt && (
                <span className="muted">
                  {t('months.closedBy', {
                    by: (m.closedByName ? pick(m.closedByName, lang) : null) ?? m.closedBy ?? '',
                    at: dayjs(m.closedAt).format('YYYY-MM-DD HH:mm'),
                  })}
                </span>
              )}
            </Space>
          </List.Item>
        )}
      />
      {reopening && (
        <Modal
          open
          title={t('months.reopenTitle', { month: reopening.month })}
          okText={t('months.reopen')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: reason.trim().length < 2, danger: true }}
          confirmLoading={reopen.running}
          onCancel={() => setReopening(null)}
          onOk={() =>
            void reopen.run({ month: reopening.month, reason }).then(() => {
              setReopening(null);
              done(t('months.reopened', { month: reopening.month }));
            }, failed)
          }
        >
          <Input.TextArea
            aria-label={t('months.reopenReason')}
            placeholder={t('months.reopenReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={500}
          />
        </Modal>
      )}
    </Card>
  );
}
