import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ConfirmationRow, MonthConfirmations } from '../../../../shared/contract/statements';
import { parseYuanToFen } from '../../../../shared/money';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n';
import { localTime } from './confirmationText';
import './commission.css';

const STATE_COLOR = { pending: 'default', confirmed: 'green', disputed: 'red', answered: 'blue' } as const;

/** 业绩确认 for managers: put the month up for confirmation, see who confirmed, answer disputes. */
export function ConfirmationsCard({ month, onChanged }: { month: string; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const query = useQuery('confirmations.list', { month });
  const [shown, setShown] = useState<MonthConfirmations | null>(null);
  const data = shown?.month === month ? shown : query.data;
  const [answering, setAnswering] = useState<ConfirmationRow | null>(null);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const update = (next: MonthConfirmations) => {
    setShown(next);
    onChanged();
  };
  if (!data) return query.error ? <ErrorAlert error={query.error} /> : null;
  const count = (s: ConfirmationRow['state']) => data.rows.filter((r) => r.state === s && !(s === 'confirmed' && r.stale)).length;
  return (
    <Card
      size="small"
      title={t('confirm.card')}
      className="detail-card confirmations-card"
      data-testid="confirmations-card"
      extra={
        data.requestedAt ? (
          <Typography.Text type="secondary">
            {t('confirm.counts', { confirmed: count('confirmed'), total: data.rows.length, disputed: count('disputed') })} ·{' '}
            {t('confirm.requested', { by: data.requestedBy ?? '', at: localTime(data.requestedAt) })}
          </Typography.Text>
        ) : (
          <Button
            type="primary"
            size="small"
            icon={<SendOutlined />}
            onClick={() => void call('confirmations.request', { month }).then(update, failed)}
          >
            {t('confirm.request')}
          </Button>
        )
      }
    >
      {!data.requestedAt ? (
        <Typography.Text type="secondary">{t('confirm.notRequested')}</Typography.Text>
      ) : (
        <Table<ConfirmationRow>
          size="small"
          rowKey="staffId"
          pagination={false}
          dataSource={data.rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'who', title: t('confirm.who'), render: (_, r) => `${r.name}(${r.code})` },
            {
              key: 'state',
              title: t('confirm.stateCol'),
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={STATE_COLOR[r.state]}>{t(`confirm.state.${r.state}`)}</Tag>
                  {r.stale && <Tag color="orange">{t('confirm.stale')}</Tag>}
                </Space>
              ),
            },
            { key: 'when', title: t('confirm.when'), render: (_, r) => (r.respondedAt ? localTime(r.respondedAt) : '—') },
            {
              key: 'detail',
              title: t('confirm.detail'),
              render: (_, r) => (
                <div className="confirmation-detail">
                  {r.note && <div>{r.note}</div>}
                  {r.reply && (
                    <Typography.Text type="secondary">
                      {t('confirm.replyText', { by: r.repliedBy ?? '', reply: r.reply })}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, r) =>
                r.state === 'disputed' ? (
                  <Button type="link" size="small" onClick={() => setAnswering(r)}>
                    {t('confirm.answer')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {answering && (
        <AnswerDialog
          month={month}
          row={answering}
          onClose={() => setAnswering(null)}
          onDone={(next) => {
            setAnswering(null);
            void message.success(t('confirm.answered', { name: answering.name }));
            update(next);
          }}
        />
      )}
    </Card>
  );
}

function AnswerDialog({
  month,
  row,
  onClose,
  onDone,
}: {
  month: string;
  row: ConfirmationRow;
  onClose: () => void;
  onDone: (next: MonthConfirmations) => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const [reply, setReply] = useState('');
  const [adjust, setAdjust] = useState(false);
  const [kind, setKind] = useState<'bonus' | 'deduction'>('bonus');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const amountFen = adjust ? parseYuanToFen(amount) : null;
    if (adjust && (amountFen === null || amountFen <= 0)) return setError(t('payitems.amountInvalid'));
    setBusy(true);
    try {
      onDone(
        await call('confirmations.answer', {
          month,
          staffId: row.staffId,
          reply,
          ...(adjust && amountFen ? { adjustment: { kind, amountFen } } : {}),
        }),
      );
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('confirm.answerTitle', { name: row.name })}
      okText={t('confirm.answer')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reply.trim().length < 2 }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      <ErrorAlert text={error} />
      <Typography.Paragraph>{t('confirm.note', { note: row.note })}</Typography.Paragraph>
      {/* A visible label: the placeholder disappears as soon as the reply is typed. */}
      <Typography.Text strong>{t('confirm.reply')}</Typography.Text>
      <Input.TextArea
        style={{ marginTop: 4 }}
        aria-label={t('confirm.reply')}
        placeholder={t('confirm.reply')}
        rows={3}
        maxLength={500}
        value={reply}
        onChange={(e) => setReply(e.target.value)}
      />
      <Checkbox style={{ marginTop: 12 }} checked={adjust} onChange={(e) => setAdjust(e.target.checked)}>
        {t('confirm.adjust')}
      </Checkbox>
      {adjust && (
        <Space style={{ display: 'flex', marginTop: 8 }} wrap>
          <Radio.Group
            optionType="button"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'bonus' | 'deduction')}
            options={[
              { value: 'bonus', label: t('payitems.kind.bonus') },
              { value: 'deduction', label: t('payitems.kind.deduction') },
            ]}
          />
          <Input
            aria-label={t('payitems.amount')}
            placeholder={t('payitems.amount')}
            inputMode="decimal"
            prefix="¥"
            style={{ width: 160 }}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <Typography.Text type="secondary">{t('confirm.adjustHint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
