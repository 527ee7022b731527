import { CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { App, Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PersonalStatement } from '../../../../shared/performance/performance-types';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useLanguage, useT } from '../../i18n';
import { confirmationLine, localTime } from './confirmationText';
import './commission.css';

/** A salesperson's own 业绩确认 for the month: confirm, or dispute with a note; the manager's reply shows here. */
export function MyConfirmationCard({ statement, onChanged }: { statement: PersonalStatement; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [disputing, setDisputing] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const c = statement.confirmation;
  if (!c) return null;
  const canAct = c.state !== 'confirmed' || c.stale;
  const act = async (method: 'confirmations.confirm' | 'confirmations.dispute', text: string) => {
    setBusy(true);
    try {
      await call(method, { month: statement.month, note: text });
      void message.success(t(method === 'confirmations.confirm' ? 'confirm.done' : 'confirm.disputed'));
      setDisputing(false);
      onChanged();
    } catch (caught) {
      void message.error(errorText(toApiError(caught), lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      className="my-confirmation"
      data-testid="my-confirmation"
      type={c.state === 'confirmed' && !c.stale ? 'success' : c.state === 'disputed' ? 'warning' : 'info'}
      showIcon
      title={t('confirm.mine', { month: statement.month })}
      description={
        <div>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {canAct && c.state === 'pending' ? t('confirm.pleaseConfirm') : confirmationLine(statement, t)}
            {c.stale && ` · ${t('confirm.stale')}`}
          </Typography.Paragraph>
          {/* Once answered, the person sees their own complaint next to the reply. */}
          {c.note && c.state === 'answered' && (
            <Typography.Paragraph type="secondary">{t('confirm.note', { note: c.note })}</Typography.Paragraph>
          )}
          {c.reply && (
            <Typography.Paragraph type="secondary">
              {t('confirm.replyText', { by: c.repliedBy ?? '', reply: c.reply })} · {c.repliedAt ? localTime(c.repliedAt) : ''}
            </Typography.Paragraph>
          )}
          {canAct && (
            <Space>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy}
                onClick={() => void act('confirmations.confirm', '')}
              >
                {t('confirm.confirmButton')}
              </Button>
              <Button icon={<ExclamationCircleOutlined />} onClick={() => (setNote(''), setDisputing(true))}>
                {t('confirm.disputeButton')}
              </Button>
            </Space>
          )}
          {disputing && (
            <Modal
              open
              title={t('confirm.disputeTitle', { month: statement.month })}
              okText={t('confirm.disputeButton')}
              cancelText={t('common.cancel')}
              okButtonProps={{ disabled: note.trim().length < 2 }}
              confirmLoading={busy}
              onCancel={() => setDisputing(false)}
              onOk={() => void act('confirmations.dispute', note)}
            >
              <Input.TextArea
                aria-label={t('confirm.disputeNote')}
                placeholder={t('confirm.disputeNote')}
                rows={3}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </Modal>
          )}
        </div>
      }
    />
  );
}
