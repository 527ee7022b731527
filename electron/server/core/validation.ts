import { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import { readZhEn } from '../../../shared/bilingual';
import type { FieldIssue } from '../../../shared/errors';

const zhError = zhCN().localeError;
const enError = en().localeError;

/**
 * Parse input once; on failure, describe each problem in Chinese and English with the field it
 * concerns. Schemas may carry their own text in both languages (written with zhEn, shared/bilingual.ts);
 * that wins.
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
    const { zh: zhText, en: enFromSchema } = readZhEn(issue.message);
    const enText = enFromSchema ?? enIssues[index]?.message ?? issue.message;
    return { path, message: zhText, messageEn: enText };
  });
  return { ok: false, issues };
}
