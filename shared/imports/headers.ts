import { toHalfWidth } from '../clients/normalise';

/** One column an import understands, with every header it is known by. */
export type ColumnSpec<F extends string = string> = {
  field: F;
  /** Chinese first: the label shown in previews and error messages. */
  label: string;
  labelEn: string;
  /** Other spellings (Chinese or English); label, labelEn and field always match too. */
  aliases: readonly string[];
  required?: boolean;
  /**
   * Several columns may feed this field (手机号码 and 联系电话 → phones; two 备注 columns →
   * notes) instead of the second being refused as a duplicate: 'list' joins the values
   * ("138… / 0755…"), 'labelled' keeps each column's header with its value ("来源备注:展会").
   */
  multi?: 'list' | 'labelled';
};

/** A column of the file as header detection found it: its key and the names to match on. */
export type NamedColumn = { key: string; header: string; names: readonly string[] };

export type ColumnAssignment<F extends string> = {
  /** Columns per field, in file order (several only for `multi` fields). */
  byField: Partial<Record<F, string[]>>;
  /** Field per column key; null = not imported. */
  byColumn: Record<string, { field: F | null; match: 'auto' | 'chosen' | 'remembered' | 'ignored' | 'unknown' }>;
  missing: ColumnSpec<F>[];
  /** Two columns for a field that takes one value. */
  doubled: { field: F; keys: string[] }[];
  /** Fields named in a chosen mapping that the import does not have. */
  unknownFields: string[];
};

/**
 * Header text as compared: half width, lower case, no spaces or punctuation, no required
 * marks (*, 必填) and nothing in brackets — "金额(元)", "* 客户名称 ", "名称*",
 * "登录名（必填）", "Joined_On" all match their field.
 */
export function headerKey(header: string): string {
  let text = toHalfWidth(header).toLowerCase();
  // Innermost brackets first, so "角色(必填,必须存在(用,分割))" loses all of its note.
  for (let guard = 0; guard < 5 && /[([{【<][^()[\]{}【】<>]*[)\]}】>]/.test(text); guard++) {
    text = text.replace(/[([{【<][^()[\]{}【】<>]*[)\]}】>]/g, '');
  }
  return text.replace(/必填|选填|[()[\]{}【】<>\s*_\-:.,;·/\\'"]/g, '');
}

function nameIndex<F extends string>(specs: readonly ColumnSpec<F>[]): Map<string, ColumnSpec<F>> {
  const byKey = new Map<string, ColumnSpec<F>>();
  for (const spec of specs) {
    for (const name of [spec.field, spec.label, spec.labelEn, ...spec.aliases]) {
      const key = headerKey(name);
      if (key && !byKey.has(key)) byKey.set(key, spec);
    }
  }
  return byKey;
}

/** How many of these header texts name a known column (to find the header row and sheet). */
export function headerScore(cells: readonly string[], specs: readonly ColumnSpec[]): number {
  const index = nameIndex(specs);
  return cells.filter((c) => c.trim() && index.has(headerKey(c))).length;
}

/** The spec a header names, if any. */
export function specForHeader<F extends string>(names: readonly string[], specs: readonly ColumnSpec<F>[]): ColumnSpec<F> | null {
  const index = nameIndex(specs);
  for (const name of names) {
    const spec = index.get(headerKey(name));
    if (spec) return spec;
  }
  return null;
}

/**
 * Assign the file's columns to fields: first what the caller chose (or a remembered mapping),
 * then every other column by its header names. A column nobody recognises is kept in the
 * answer as 'unknown' — the preview lists it, and it can be mapped by hand.
 */
export function assignColumns<F extends string>(
  columns: readonly NamedColumn[],
  specs: readonly ColumnSpec<F>[],
  chosen: { map: Readonly<Record<string, string>>; source: 'chosen' | 'remembered' } | null,
): ColumnAssignment<F> {
  const index = nameIndex(specs);
  const byField: Partial<Record<F, string[]>> = {};
  const byColumn: ColumnAssignment<F>['byColumn'] = {};
  const unknownFields: string[] = [];
  const specOf = new Map(specs.map((s) => [s.field as string, s]));
  const take = (key: string, spec: ColumnSpec<F>, match: ColumnAssignment<F>['byColumn'][string]['match']): void => {
    byColumn[key] = { field: spec.field, match };
    (byField[spec.field] ??= []).push(key);
  };
  for (const column of columns) {
    const choice = chosen?.map[column.key];
    if (choice === undefined) continue;
    if (choice === '') {
      byColumn[column.key] = { field: null, match: 'ignored' };
      continue;
    }
    const spec = specOf.get(choice);
    if (spec) take(column.key, spec, chosen!.source);
    else unknownFields.push(choice);
  }
  for (const column of columns) {
    if (byColumn[column.key]) continue;
    let spec: ColumnSpec<F> | undefined;
    for (const name of column.names) {
      spec = index.get(headerKey(name));
      if (spec) break;
    }
    // A field the caller placed by hand is not taken again by the automatic match; two
    // automatic matches for a single-valued field are reported (doubled), never chosen silently.
    if (spec && !isChosenField(byColumn, spec.field)) take(column.key, spec, 'auto');
    else byColumn[column.key] = { field: null, match: spec ? 'ignored' : 'unknown' };
  }
  const missing = specs.filter((s) => s.required && !byField[s.field]?.length);
  const doubled = (Object.entries(byField) as [F, string[]][])
    .filter(([field, keys]) => keys.length > 1 && !specOf.get(field)?.multi)
    .map(([field, keys]) => ({ field, keys }));
  return { byField, byColumn, missing, doubled, unknownFields };
}

function isChosenField(byColumn: Record<string, { field: string | null; match: string }>, field: string): boolean {
  return Object.values(byColumn).some((c) => c.field === field && (c.match === 'chosen' || c.match === 'remembered'));
}
