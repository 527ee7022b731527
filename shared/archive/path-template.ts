import type { IsoDate } from '../dates';
import { safeComponent, safeFileName } from './safe-path';

/** The manual: 不同类文件按母、子目录区分,同类文件按日期区分. */
export const DEFAULT_TEMPLATE = '{母目录}/{子目录}/{YYYY}/{YYYY-MM}/{YYYY-MM-DD}_{客户}_{标题}.{ext}';

export const TEMPLATE_FIELDS = [
  '母目录',
  '子目录',
  'YYYY',
  'YYYY-MM',
  'YYYY-MM-DD',
  '客户',
  '合同编号',
  '标题',
  '原文件名',
  'ext',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export type TemplateValues = {
  master: string;
  sub: string;
  date: IsoDate;
  client: string;
  contract: string;
  title: string;
  originalStem: string;
  ext: string;
};

export type TemplateProblem = { zh: string; en: string };

/** What is wrong with a template a person typed, if anything. */
export function templateProblems(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const fields = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  const unknown = fields.filter((f) => !(TEMPLATE_FIELDS as readonly string[]).includes(f));
  if (unknown.length)
    problems.push({
      zh: `不认识的字段:${unknown.map((u) => `{${u}}`).join('、')}`,
      en: `Unknown fields: ${unknown.map((u) => `{${u}}`).join(', ')}`,
    });
  if (!template.trim().endsWith('.{ext}'))
    problems.push({
      zh: '模板必须以 .{ext} 结尾,保留文件类型。',
      en: 'The template must end with .{ext} to keep the file type.',
    });
  if (/^[\\/]|^[a-zA-Z]:|(^|[\\/])\.\.([\\/]|$)/.test(template))
    problems.push({ zh: '模板不能是绝对路径,也不能含有 ..', en: 'The template cannot be an absolute path or contain ..' });
  const name = template.split(/[\\/]/).pop() ?? '';
  if (!/\{(标题|原文件名|YYYY-MM-DD|客户|合同编号)\}/.test(name))
    problems.push({
      zh: '文件名部分至少要包含标题、原文件名、日期、客户或合同编号之一。',
      en: 'The file name part needs a title, original name, date, client or contract.',
    });
  return problems;
}

/**
 * The relative path for a document: each folder level and the file name become one safe
 * component (a value can never add a level or go up); empty folder levels are dropped and
 * empty parts of the name collapse ("2026-03-05__报价" → "2026-03-05_报价").
 */
export function renderTemplate(template: string, v: TemplateValues): string[] {
  const values: Record<TemplateField, string> = {
    母目录: v.master,
    子目录: v.sub,
    YYYY: v.date.slice(0, 4),
    'YYYY-MM': v.date.slice(0, 7),
    'YYYY-MM-DD': v.date,
    客户: v.client,
    合同编号: v.contract,
    标题: v.title,
    原文件名: v.originalStem,
    ext: v.ext,
  };
  const fill = (part: string): string =>
    part.replace(/\{([^{}]*)\}/g, (_, f: string) => (values[f as TemplateField] ?? '').replace(/[\\/]/g, '_'));
  const levels = template.split(/[\\/]/);
  const fileTemplate = levels.pop()!;
  const folders = levels
    .map(fill)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => safeComponent(s));
  const stemTemplate = fileTemplate.replace(/\.\{ext\}$/, '');
  const stem =
    fill(stemTemplate)
      .replace(/_{2,}/g, '_')
      .replace(/^_+|_+$/g, '') ||
    v.originalStem ||
    '文件';
  return [...folders, safeFileName(stem, v.ext)];
}
