import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { useT, type MessageKey } from '../i18n';

/** Placeholder for a section another part of the team is still building. */
export function ComingSoon({ description }: { description?: MessageKey | undefined }) {
  const t = useT();
  return (
    <Card variant="outlined">
      <Result icon={<ClockCircleOutlined />} title={t('soon.title')} subTitle={description ? t(description) : undefined} />
    </Card>
  );
}
