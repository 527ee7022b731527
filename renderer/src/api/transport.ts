import type { Envelope } from '../../../shared/errors';

/** How a call reaches the office core: the Electron preload bridge or HTTP. */
export type Transport = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** Chosen per call, so a bridge injected after load (or absent in tests) is still honoured. */
export function currentTransport(): Transport {
  const bridge = globalThis.officeBridge;
  return bridge ? (method, input) => bridge.call(method, input) : httpTransport;
}

/**
 * The session's CSRF token, kept in memory only (never in storage a script on another page
 * could read). auth.status / auth.login hand it over; every call then carries it.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** POST /api/{method} on the host that served this page; every answer is an envelope. */
export const httpTransport: Transport = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return unreachable();
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: response.status === 503 ? 'unavailable' : 'internal',
        message: `门店通服务返回了无法识别的响应(HTTP ${response.status})。请重试或重新启动门店通。`,
        messageEn: `门店通 answered with something unexpected (HTTP ${response.status}). Retry or restart 门店通.`,
      },
    };
  }
};

function unreachable(): Envelope<never> {
  return {
    ok: false,
    error: {
      code: 'unavailable',
      message: '无法连接门店通服务。请确认门店通仍在运行,然后重试。',
      messageEn: 'Cannot reach the 门店通 service. Check that 门店通 is still running, then retry.',
    },
  };
}
