import { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { FieldIssue } from '../../../shared/errors';

const zhError = zhCN().localeError;
const enError = en().localeError;

/**
 * Parse input once; on failure, describe each problem in Chinese and English with the field it
 * concerns. Schemas may carry their own bilingual text ("中文 / English"); that wins.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; value: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  const first = schema.safeParse(raw, { error: zhError });
  if (first.success) return { ok: true, value: first.data };
  const english = schema.safeParse(raw, { error: enError });
  const enIssues = english.success ? [] : english.error.issues;
  const issues = first.error.issues.map((issue, index): FieldIssue => {
    const path = issue.path.map(String).join('.') || '(输入)';
    const [zhText, enFromSchema] = splitBilingual(issue.message);
    const enText = enFromSchema ?? enIssues[index]?.message ?? issue.message;
    return { path, message: zhText, messageEn: enText };
  });
  return { ok: false, issues };
}

function splitBilingual(message: string): [string, string | undefined] {
  const at = message.indexOf(' / ');
  return at < 0 ? [message, undefined] : [message.slice(0, at), message.slice(at + 3)];
}
