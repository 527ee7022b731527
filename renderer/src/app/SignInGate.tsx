import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthState } from '../../../shared/contract/auth';
import { toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { errorText } from '../api/errorText';
import { setCsrfToken } from '../api/transport';
import { FullScreenSpin } from '../components/FullScreenSpin';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLanguage, useT } from '../i18n';
import { AuthContext } from './AuthContext';
import { homeRoute } from './permissions';
import { navigate } from './useHashPath';

/**
 * Sign-in (SPEC §6): once anyone has a password, the shell shows only after 登录, and locks itself
 * after the idle time the office set. Before that (a new office) the local owner goes straight in.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lockedOut, setLockedOut] = useState(false);
  const { lang } = useLanguage();
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
  useIdleLock(state?.signInRequired && state.me ? state.idleLockMinutes : null, () => {
    setLockedOut(true);
    signOut();
  });
  const value = useMemo(() => (state ? { state, signOut, refresh } : null), [state, signOut, refresh]);

  if (error) return <Result status="error" title={error} />;
  if (!state || !value) return <FullScreenSpin />;
  if (state.signInRequired && !state.me)
    return (
      <LoginPage
        locked={lockedOut}
        onSignedIn={(s) => {
          setLockedOut(false);
          // Start where this person works and may look (a clerk at 客户, others at 概览), never on
          // whatever page the previous person left open.
          if (s.me) navigate([homeRoute(s.me.role)], { replace: true });
          setState(s);
        }}
      />
    );
  return <AuthContext value={value}>{children}</AuthContext>;
}

function useIdleLock(minutes: number | null, lock: () => void): void {
  useEffect(() => {
    if (!minutes) return;
    let timer = setTimeout(lock, minutes * 60_000);
    const reset = (): void => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    const events = ['mousemove', 'keydown', 'click', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [minutes, lock]);
}

function LoginPage({ locked, onSignedIn }: { locked: boolean; onSignedIn: (s: AuthState) => void }) {
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
        {locked && <Typography.Paragraph type="warning">{t('auth.locked')}</Typography.Paragraph>}
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
      </Card>
    </div>
  );
}
