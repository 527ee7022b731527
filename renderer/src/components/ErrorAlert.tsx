import { Alert } from 'antd';
import type { ApiError } from '../api/ApiError';
import { errorText } from '../api/errorText';
import { useLanguage } from '../i18n';

/** An error from the core in the UI language; `text` overrides when a form already split it. */
export function ErrorAlert({ error, text }: { error?: ApiError | null; text?: string | null }) {
  const { lang } = useLanguage();
  const shown = text ?? (error ? errorText(error, lang) : null);
  if (!shown) return null;
  return <Alert type="error" showIcon title={shown} className="error-alert" />;
}
