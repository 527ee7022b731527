import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { OfficeSettings } from '../../../../shared/contract/settings';
import { toApiError } from '../../api/ApiError';
import { useFormApiError } from '../../api/useFormApiError';
import { useMutation } from '../../api/useMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';

type SetupValues = {
  officeName: string;
  officeAddress: string;
  archiveRoot: string;
  ownerName: string;
  ownerCode: string;
  ownerPassword?: string;
};

const FIELDS = ['officeName', 'officeAddress', 'archiveRoot', 'ownerName', 'ownerCode', 'ownerPassword'] as const;
const RENAME = { 'owner.name': 'ownerName', 'owner.code': 'ownerCode', 'owner.password': 'ownerPassword' } as const;

/** First run: name the office, confirm where the archive lives, and create the owner's (店长) account. */
export function SetupPage({ settings, onDone }: { settings: OfficeSettings; onDone: (settings: OfficeSettings) => void }) {
  const t = useT();
  const [form] = Form.useForm<SetupValues>();
  const setup = useMutation('settings.completeSetup');
  const errors = useFormApiError(form, FIELDS, RENAME);
  // Nobody but the local owner (desktop app, loopback browser) may set an office up.
  const [notHere, setNotHere] = useState(false);

  const submit = async (values: SetupValues): Promise<void> => {
    const archiveRoot = values.archiveRoot.trim();
    try {
      const done = await setup.run({
        officeName: values.officeName,
        officeAddress: values.officeAddress,
        // Only an explicit choice is stored; the default follows the data folder if it moves.
        ...(archiveRoot && archiveRoot !== settings.archiveRoot ? { archiveRoot } : {}),
        owner: {
          code: values.ownerCode,
          name: values.ownerName,
          ...(values.ownerPassword ? { password: values.ownerPassword } : {}),
        },
      });
      onDone(done);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'unauthenticated') setNotHere(true);
      else errors.show(apiError);
    }
  };

  return (
    <main className="setup">
      <Card className="setup-card">
        <div className="setup-head">
          <Typography.Title level={2} className="setup-title">
            {t('setup.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('setup.subtitle')}</Typography.Paragraph>
        <ErrorAlert text={notHere ? t('setup.localOnly') : errors.general} />
        <Form<SetupValues>
          form={form}
          layout="vertical"
          initialValues={{
            officeName: settings.officeName,
            officeAddress: settings.officeAddress,
            archiveRoot: settings.archiveRoot,
          }}
          onFinish={(v) => void submit(v)}
          onValuesChange={errors.clear}
        >
          <Form.Item
            name="officeName"
            label={t('office.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('office.name') }) }]}
          >
            <Input placeholder={t('office.namePlaceholder')} maxLength={100} autoFocus />
          </Form.Item>
          <Form.Item name="officeAddress" label={t('office.address')}>
            <Input placeholder={t('office.addressPlaceholder')} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="archiveRoot"
            label={t('office.archiveRoot')}
            extra={t('setup.archiveRootHelp')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('office.archiveRoot') }) }]}
          >
            <Input maxLength={1000} spellCheck={false} />
          </Form.Item>
          <Form.Item label={t('office.dataDir')} extra={t('setup.dataDirHelp')}>
            {/* Shown, not typed in: Tab goes past it to the next field a person fills. */}
            <Input value={settings.dataDir} readOnly tabIndex={-1} variant="filled" aria-label={t('office.dataDir')} />
          </Form.Item>
          <Typography.Title level={5}>{t('setup.owner')}</Typography.Title>
          <div className="setup-owner">
            <Form.Item
              name="ownerName"
              label={t('setup.ownerName')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('setup.ownerName') }) }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="ownerCode"
              label={t('setup.ownerCode')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { label: t('setup.ownerCode') }) },
                { pattern: /^[A-Za-z0-9_-]+$/, message: t('setup.ownerCodeRule') },
              ]}
            >
              <Input maxLength={20} placeholder="001" spellCheck={false} />
            </Form.Item>
          </div>
          <Form.Item name="ownerPassword" label={t('setup.ownerPassword')} extra={t('setup.ownerPasswordHelp')}>
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={setup.running}>
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
