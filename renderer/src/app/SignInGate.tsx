import { Button, Card, Collapse, Form, Input, Result, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthState } from '../../../shared/contract/auth';
import { toApiError } from '../api/ApiError';
import { call, onSessionEnded } from '../api/client';
import { errorText } from '../api/errorText';
import { setCsrfToken } from '../api/transport';
import { FullScreenSpin } from '../components/FullScreenSpin';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLanguage, useT } from '../i18n';
import { AuthContext } from './AuthContext';
import { useOffice } from './useOffice';
import { homeRoute } from './permissions';
import { navigate } from './useHashPath';

/**
 * Sign-in (docs/operations.md › 登录、权限与备份): once anyone has a password, the shell shows only after 登录, and locks itself
 * after the idle time the office set. Before that (a new office) the local owner goes straight in.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lockedOut, setLockedOut] = useState<'idle' | 'expired' | null>(null);
  const { lang } = useLanguage();
  const { setSettings } = useOffice();
  const refresh = useCallback(() => {
    call('auth.status').then(setState, (e: unknown) => setError(errorText(toApiError(e), lang)));
  }, [lang]);
  useEffect(refresh, [refresh]);
  // In memory only; set before the shell's first call.
  if (state) setCsrfToken(state.csrf);
  const signOut = useCallback(() => {
    void call('auth.logout').finally(() => {
      setCsrfToken(null);
      refresh();
    });
  }, [refresh]);
  const signedIn = Boolean(state?.signInRequired && state.me);
  useIdleLock(signedIn && state ? state.idleLockMinutes : null, () => {
    setLockedOut('idle');
    signOut();
  });
  // The server ends an idle session on its own; the first call that finds it gone brings the
  // sign-in page back instead of leaving a page full of "please sign in" errors.
  useEffect(
    () =>
      onSessionEnded(() => {
        if (!signedIn) return;
        setLockedOut('expired');
        setCsrfToken(null);
        refresh();
      }),
    [signedIn, refresh],
  );
  const value = useMemo(() => (state ? { state, signOut, refresh } : null), [state, signOut, refresh]);

  if (error) return <Result status="error" title={error} />;
  if (!state || !value) return <FullScreenSpin />;
  if (state.signInRequired && !state.me)
    return (
      <LoginPage
        locked={lockedOut}
        onSignedIn={(s) => {
          setLockedOut(null);
          // Start where this person works and may look (a clerk at 客户, others at 概览), never on
          // whatever page the previous person left open.
          if (s.me) navigate([homeRoute(s.me.role)], { replace: true });
          setState(s);
          // Read before signing in, the settings left out where the office's files are.
          void call('settings.get').then(setSettings, () => undefined);
        }}
      />
    );
  return <AuthContext value={value}>{children}</AuthContext>;
}

/**
 * Lock after `minutes` without activity. While someone is active the server session is kept
 * open too (at most one auth.me a minute): the server locks idle sessions itself, and reading a
 * long list without a single call is activity all the same.
 */
function useIdleLock(minutes: number | null, lock: () => void): void {
  useEffect(() => {
    if (!minutes) return;
    let timer = setTimeout(lock, minutes * 60_000);
    let lastTouch = Date.now();
    const reset = (): void => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
      if (Date.now() - lastTouch > 60_000) {
        lastTouch = Date.now();
        void call('auth.me').catch(() => undefined);
      }
    };
    const events = ['mousemove', 'keydown', 'click', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [minutes, lock]);
}

function LoginPage({ locked, onSignedIn }: { locked: 'idle' | 'expired' | null; onSignedIn: (s: AuthState) => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (v: { code: string; password: string }) => {
    setBusy(true);
    setError(null);
    call('auth.login', v)
      .then(onSignedIn, (e: unknown) => setError(errorText(toApiError(e), lang)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="center-screen" style={{ minHeight: '100vh' }}>
      <Card style={{ width: 380 }} data-testid="login">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('auth.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {locked && (
          <Typography.Paragraph type="warning">{t(locked === 'idle' ? 'auth.locked' : 'auth.expired')}</Typography.Paragraph>
        )}
        {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
        <Form layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
          <Form.Item name="code" label={t('auth.code')} rules={[{ required: true, message: t('auth.code') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.password') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.submit')}
          </Button>
        </Form>
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'forgot',
              label: t('auth.forgot'),
              children: (
                <div data-testid="login-forgot">
                  <Typography.Paragraph>{t('auth.forgotStaff')}</Typography.Paragraph>
                  <Typography.Paragraph>{t('auth.forgotOwner')}</Typography.Paragraph>
                </div>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
