import { Button, Card, Descriptions, Flex, Form, Input, Typography, App } from 'antd';
import { toApiError } from '../../api/ApiError';
import { useFormApiError } from '../../api/useFormApiError';
import { useMutation } from '../../api/useMutation';
import { useCan } from '../../app/permissions';
import { useOffice } from '../../app/useOffice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { AccountCard } from './components/AccountCard';
import { BackupCard } from './components/BackupCard';

type OfficeValues = { officeName: string; officeAddress: string };

const FIELDS = ['officeName', 'officeAddress'] as const;

/** 设置: office name and address, where the data and archive live, the UI language. */
export function SettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { settings, setSettings } = useOffice();
  const [form] = Form.useForm<OfficeValues>();
  const update = useMutation('settings.update');
  const errors = useFormApiError(form, FIELDS);
  const canEditOffice = useCan('settings.update');
  const canBackup = useCan('backup.settings');

  const save = async (values: OfficeValues): Promise<void> => {
    try {
      setSettings(await update.run(values));
      void message.success(t('common.saved'));
    } catch (error) {
      errors.show(toApiError(error));
    }
  };

  return (
    <Page title={t('settings.title')}>
      <Flex vertical gap={16}>
        <Card title={t('settings.office')}>
          <ErrorAlert text={errors.general} />
          <Form<OfficeValues>
            form={form}
            layout="vertical"
            className="settings-form"
            initialValues={{ officeName: settings.officeName, officeAddress: settings.officeAddress }}
            onFinish={(v) => void save(v)}
            onValuesChange={errors.clear}
            disabled={!canEditOffice}
          >
            <Form.Item
              name="officeName"
              label={t('office.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('office.name') }) }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="officeAddress" label={t('office.address')}>
              <Input maxLength={200} placeholder={t('office.addressPlaceholder')} />
            </Form.Item>
            {canEditOffice && (
              <Button type="primary" htmlType="submit" loading={update.running}>
                {t('common.save')}
              </Button>
            )}
          </Form>
        </Card>
        <Card title={t('settings.folders')}>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'dataDir',
                label: t('office.dataDir'),
                children: <Typography.Text copyable>{settings.dataDir}</Typography.Text>,
              },
              {
                key: 'archiveRoot',
                label: t('office.archiveRoot'),
                children: <Typography.Text copyable>{settings.archiveRoot}</Typography.Text>,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" className="settings-hint">
            {t('settings.foldersHint')}
          </Typography.Paragraph>
        </Card>
        <Card title={t('lang.label')}>
          <LanguageSwitch />
        </Card>
        <AccountCard />
        {canBackup && <BackupCard />}
      </Flex>
    </Page>
  );
}
