import type { z } from 'zod';
import { parseInput } from '../core/validation';
import type { IssueList } from './importer';

/**
 * Which column of the file each input key of the schema came from, by the issue's path
 * ('email', 'plan.floorFen'): the full path first, then its first part. A key with no column
 * (an id the importer looked up) reports on the row.
 */
export type SchemaColumns<F extends string> = Readonly<Record<string, F>>;

/**
 * Check one row with the zod schema the API method uses (clients.create, staff.create…), so a
 * row import accepts is one the form can save, and a value the form refuses is refused here with
 * the same words. The importer only turns cells into the method's input (二级 → 2, 2026/3/5 →
 * 2026-03-05, ¥3,000 → 300000); every rule (lengths, email, ranges, required) is the schema's.
 *
 * A column that already has an issue (a date that could not be read) gets no second one, and a
 * missing value (null, or a blank cell, where the schema wants one) reads "<the file's header>不能为空"
 * — named as the file names it — rather than the schema's type or length error.
 * Returns the parsed input (trimmed, defaults filled) or null when the row has issues.
 */
export function checkWithSchema<S extends z.ZodType, F extends string>(
  schema: S,
  input: Record<string, unknown>,
  columns: SchemaColumns<F>,
  issues: IssueList<F>,
): z.output<S> | null {
  const parsed = parseInput(schema, input);
  if (parsed.ok) return parsed.value;
  for (const issue of parsed.issues) {
    const path = issue.path.split('.');
    const field = columns[issue.path] ?? columns[path[0]!] ?? null;
    if (field !== null && issues.hasIssue(field)) continue;
    if (field !== null && isBlank(valueAt(input, path))) {
      const header = issues.header(field);
      issues.add(field, `${header}不能为空`, `${header} is required`);
    } else issues.add(field, issue.message, issue.messageEn);
  }
  return null;
}

function isBlank(value: unknown): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '');
}

function valueAt(input: Record<string, unknown>, path: readonly string[]): unknown {
  let at: unknown = input;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}
