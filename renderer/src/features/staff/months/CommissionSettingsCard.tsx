import { App, Card, Form, Radio, Switch } from 'antd';
import type { CommissionSettings } from '../../../../../shared/contract/commission';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useMutation } from '../../../api/useMutation';
import { useCan } from '../../../app/permissions';
import { useQuery } from '../../../api/useQuery';
import { useLanguage, useT } from '../../../i18n';

/** The documented defaults where the manual is silent, each a switch (changes are audited). */
export function CommissionSettingsCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const settings = useQuery('commission.settings', {});
  const update = useMutation('commission.updateSettings');
  // Everyone may read the rules that apply to their pay; only the owner changes them.
  const canChange = useCan('commission.updateSettings');
  const change = (patch: Partial<CommissionSettings>) =>
    update.run(patch).then(
      () => {
        void message.success(t('common.saved'));
        settings.refresh();
      },
      (caught: unknown) => void message.error(errorText(toApiError(caught), lang)),
    );
  const s = settings.data;
  return (
    <Card size="small" title={t('settings.commission')} className="detail-card" loading={!s}>
      {s && (
        <Form layout="vertical" disabled={!canChange}>
          <Form.Item label={t('settings.creditBasis')}>
            <Radio.Group
              value={s.creditBasis}
              onChange={(e) => void change({ creditBasis: e.target.value as CommissionSettings['creditBasis'] })}
              options={[
                { value: 'payments', label: t('settings.basis.payments') },
                { value: 'contracts', label: t('settings.basis.contracts') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.exemptFirst')}>
            <Switch checked={s.exemptFirstPartialMonth} onChange={(v) => void change({ exemptFirstPartialMonth: v })} />
          </Form.Item>
          <Form.Item label={t('settings.commissionBelowFloor')}>
            <Switch checked={s.commissionWhenBelowFloor} onChange={(v) => void change({ commissionWhenBelowFloor: v })} />
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
