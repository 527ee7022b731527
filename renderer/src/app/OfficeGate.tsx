import { Button, Result } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { OfficeSettings } from '../../../shared/contract/settings';
import { errorText } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { FullScreenSpin } from '../components/FullScreenSpin';
import { useLanguage, useT } from '../i18n';
import { AppShell } from './AppShell';
import { OfficeContext } from './OfficeContext';
import { SignInGate } from './SignInGate';
import { useHashPath } from './useHashPath';

// Shown once in an office's life, so it is not part of every start's download.
const SetupPage = lazy(async () => ({ default: (await import('../features/setup/SetupPage')).SetupPage }));
// Print views (#/print/…) stand alone, without the sidebar, so paper shows only the document.
const PrintRoot = lazy(async () => ({ default: (await import('../features/performance/print/PrintRoot')).PrintRoot }));

/** Loads the office settings: first run goes to setup, otherwise to the shell. */
export function OfficeGate() {
  const t = useT();
  const { lang } = useLanguage();
  const query = useQuery('settings.get');
  const [updated, setSettings] = useState<OfficeSettings | null>(null);
  const settings = updated ?? query.data;
  const office = useMemo(() => (settings ? { settings, setSettings } : null), [settings]);
  const segments = useHashPath();

  if (!office) {
    if (query.error) {
      return (
        <div className="center-screen">
          <Result
            status="error"
            title={t('app.loadFailed')}
            subTitle={errorText(query.error, lang)}
            extra={
              <Button type="primary" onClick={query.refresh} loading={query.loading}>
                {t('app.retry')}
              </Button>
            }
          />
        </div>
      );
    }
    return <FullScreenSpin />;
  }
  if (!office.settings.setupDone) {
    return (
      <Suspense fallback={<FullScreenSpin />}>
        <SetupPage settings={office.settings} onDone={setSettings} />
      </Suspense>
    );
  }
  return (
    <OfficeContext value={office}>
      <SignInGate>
        {segments[0] === 'print' ? (
          <Suspense fallback={<FullScreenSpin />}>
            <PrintRoot segments={segments} />
          </Suspense>
        ) : (
          <AppShell />
        )}
      </SignInGate>
    </OfficeContext>
  );
}
