import { App, Button, Drawer, Form, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { LEVEL_LABELS } from '../../../../shared/clients/classification';
import { POOL_LEVELS, type PoolSettings } from '../../../../shared/pool/pool-rules';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n';
import { useLabel } from '../../hooks/useLabel';

/** 公海规则 (managers): per level N days without a follow-up / M without a contract, caps, cooldown, warning. */
export function PoolRulesDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const label = useLabel();
  const { message } = App.useApp();
  const settings = useQuery('pool.settings');
  const [form] = Form.useForm<PoolSettings>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: PoolSettings): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      // An emptied number box means "no limit".
      const none = (n: number | null | undefined): number | null => (typeof n === 'number' ? n : null);
      await call('pool.updateSettings', {
        ...v,
        levels: Object.fromEntries(
          POOL_LEVELS.map((l) => [
            l,
            { noFollowUpDays: none(v.levels[l].noFollowUpDays), noContractDays: none(v.levels[l].noContractDays) },
          ]),
        ) as PoolSettings['levels'],
        dailyClaimCap: none(v.dailyClaimCap),
        holdingCap: none(v.holdingCap),
        warnDays: v.warnDays ?? 0,
        cooldownDays: v.cooldownDays ?? 0,
      });
      void message.success(t('pool.rulesSaved'));
      onClose();
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    } finally {
      setSaving(false);
    }
  };
  const dayBox = (name: (string | number)[]) => (
    <Form.Item name={name} noStyle>
      <InputNumber min={1} max={3650} placeholder={t('pool.off')} className="pool-days" />
    </Form.Item>
  );
  return (
    <Drawer
      open
      title={t('pool.rulesTitle')}
      size={620}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={settings.error} text={error} />
      {settings.data && (
        <Form<PoolSettings>
          form={form}
          layout="vertical"
          initialValues={settings.data}
          onFinish={(v) => void save(v)}
          data-testid="pool-rules"
        >
          <Typography.Paragraph type="secondary">{t('pool.rulesHint')}</Typography.Paragraph>
          <Form.Item name="autoReturn" label={t('pool.autoReturn')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Table
            size="small"
            pagination={false}
            rowKey="level"
            className="pool-levels"
            dataSource={POOL_LEVELS.map((level) => ({ level }))}
            columns={[
              { key: 'level', title: t('pool.level'), render: (_, r) => label(LEVEL_LABELS[r.level]) },
              {
                key: 'f',
                title: t('pool.noFollowUpDays'),
                width: 150,
                render: (_, r) => dayBox(['levels', r.level, 'noFollowUpDays']),
              },
              {
                key: 'c',
                title: t('pool.noContractDays'),
                width: 150,
                render: (_, r) => dayBox(['levels', r.level, 'noContractDays']),
              },
            ]}
          />
          <Form.Item name="exemptSigned" label={t('pool.exemptSigned')} valuePropName="checked" className="pool-exempt">
            <Switch />
          </Form.Item>
          <div className="form-grid pool-grid">
            <Form.Item name="warnDays" label={t('pool.warnDays')}>
              <InputNumber min={0} max={60} className="full-width" />
            </Form.Item>
            <Form.Item name="cooldownDays" label={t('pool.cooldownDays')}>
              <InputNumber min={0} max={3650} className="full-width" />
            </Form.Item>
            <Form.Item name="dailyClaimCap" label={t('pool.dailyClaimCap')}>
              <InputNumber min={1} max={100000} placeholder={t('pool.noCap')} className="full-width" />
            </Form.Item>
            <Form.Item name="holdingCap" label={t('pool.holdingCap')}>
              <InputNumber min={1} max={100000} placeholder={t('pool.noCap')} className="full-width" />
            </Form.Item>
          </div>
          <Form.Item name="showContacts" label={t('pool.showContacts')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
