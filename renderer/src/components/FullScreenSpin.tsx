import { Spin } from 'antd';
import { useT } from '../i18n';

export function FullScreenSpin() {
  const t = useT();
  return (
    <div className="center-screen" data-testid="app-loading">
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}
