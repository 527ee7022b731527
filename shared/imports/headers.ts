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
};

export type HeaderMatch<F extends string> = {
  /** Index of each recognised field's column. */
  columns: Partial<Record<F, number>>;
  /** Original header text per recognised field. */
  headers: Partial<Record<F, string>>;
  ignored: string[];
  missing: ColumnSpec<F>[];
  /** Two headers in the file meaning the same field. */
  doubled: { field: F; headers: string[] }[];
};

/**
 * Header text as compared: half width, lower case, no spaces, no required-marks (*), and no
 * unit in brackets — "金额(元)", "* 客户名称 ", "Joined_On" all match their field.
 */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/[([{【].*?[)\]}】]/g, '')
    .replace(/[\s*_\-:.]/g, '');
}

export function matchHeaders<F extends string>(headers: readonly string[], specs: readonly ColumnSpec<F>[]): HeaderMatch<F> {
  const byKey = new Map<string, ColumnSpec<F>>();
  for (const spec of specs) {
    for (const name of [spec.field, spec.label, spec.labelEn, ...spec.aliases]) byKey.set(headerKey(name), spec);
  }
  const columns: Partial<Record<F, number>> = {};
  const found: Partial<Record<F, string>> = {};
  const seen = new Map<F, string[]>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    if (!header.trim()) return;
    const spec = byKey.get(headerKey(header));
    if (!spec) {
      ignored.push(header);
      return;
    }
    seen.set(spec.field, [...(seen.get(spec.field) ?? []), header]);
    if (columns[spec.field] === undefined) {
      columns[spec.field] = index;
      found[spec.field] = header;
    }
  });
  const missing = specs.filter((s) => s.required && columns[s.field] === undefined);
  const doubled = [...seen].filter(([, hs]) => hs.length > 1).map(([field, hs]) => ({ field, headers: hs }));
  return { columns, headers: found, ignored, missing, doubled };
}
