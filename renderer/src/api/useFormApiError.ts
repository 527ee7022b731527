import type { FormInstance } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLanguage } from '../i18n';
import type { ApiError } from './ApiError';
import { splitFormErrors } from './errorText';

/**
 * Show a failed call on an antd Form: field issues under their fields, the rest as `general`
 * for an alert. Re-applied when the language changes, so the messages follow the switch.
 * `fields` and `rename` should be module constants (they are compared by identity).
 */
export function useFormApiError(
  form: FormInstance,
  fields: readonly string[],
  rename?: Readonly<Record<string, string>>,
): { general: string | null; show: (error: ApiError) => void; clear: () => void } {
  const { lang } = useLanguage();
  const [error, setError] = useState<ApiError | null>(null);
  const split = useMemo(() => (error ? splitFormErrors(error, lang, fields, rename) : null), [error, lang, fields, rename]);
  useEffect(() => {
    if (split && split.fieldErrors.length > 0) form.setFields(split.fieldErrors);
  }, [split, form]);
  const clear = useCallback(() => setError(null), []);
  return { general: split?.general ?? null, show: setError, clear };
}
