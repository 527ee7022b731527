import type { ErrorBody } from '../../../shared/errors';

/** The JSON input of an upload or download, from `?input=` (absent: `{}`). */
export function inputOfQuery(url: URL): { ok: true; value: unknown } | { ok: false; error: ErrorBody } {
  const raw = url.searchParams.get('input');
  if (raw === null) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `地址中的 input 不是有效的 JSON:${(error as Error).message}`,
        messageEn: `The input in the address is not valid JSON: ${(error as Error).message}`,
      },
    };
  }
}
