import type { FieldIssue } from '../../../shared/errors';
import type { Lang } from '../i18n/types';
import type { ApiError } from './ApiError';

/** The error's message in the UI language (the core always sends both). */
export function errorText(error: ApiError, lang: Lang): string {
  return lang === 'en' ? error.body.messageEn || error.body.message : error.body.message;
}

export function issueText(issue: FieldIssue, lang: Lang): string {
  return lang === 'en' ? issue.messageEn || issue.message : issue.message;
}

export type FormFieldError = { name: string; errors: string[] };

/**
 * Split an error into messages for form fields and what is left for an alert. `rename` maps a
 * contract path to the form field that collects it (e.g. baseSalaryFen → baseSalaryYuan).
 * `general` is null when every issue landed on a field, so the message is not shown twice.
 */
export function splitFormErrors(
  error: ApiError,
  lang: Lang,
  fields: readonly string[],
  rename: Readonly<Record<string, string>> = {},
): { fieldErrors: FormFieldError[]; general: string | null } {
  const byField = new Map<string, string[]>();
  let unplaced = error.issues.length === 0;
  for (const issue of error.issues) {
    const name = rename[issue.path] ?? issue.path;
    if (!fields.includes(name)) {
      unplaced = true;
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), issueText(issue, lang)]);
  }
  return {
    fieldErrors: [...byField].map(([name, errors]) => ({ name, errors })),
    general: unplaced ? errorText(error, lang) : null,
  };
}
