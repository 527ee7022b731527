import JSZip from 'jszip';

/**
 * A small .xlsx writer from raw SpreadsheetML, for tests and benchmarks that need files no
 * library writes on purpose: whole-column data validations, tens of thousands of merges,
 * formulas with cached 0/""/FALSE, `x:`-prefixed elements, 1904 dates, hidden sheets.
 * Cells are written as Excel writes them (shared strings unless `inlineStrings`).
 */
export type XCell =
  | string
  | number
  | boolean
  | null
  | { f: string; v?: string | number | boolean; t?: 'str' | 'b' | 'n' | 'e' }
  | { n: number; s: number };

export type XSheet = {
  name: string;
  rows: readonly (readonly XCell[])[];
  hidden?: boolean;
  merges?: readonly string[];
  /** Raw XML placed after the merges (e.g. `<dataValidations>…</dataValidations>`). */
  extraXml?: string;
  /** 1-based row number of rows[0] (default 1). */
  firstRow?: number;
};

export type XBook = {
  sheets: readonly XSheet[];
  date1904?: boolean;
  /** Extra number formats for styles, index = style id − 1 (style 0 is General). */
  numFmts?: readonly { id: number; code?: string }[];
  /** Prefix every SpreadsheetML element with `x:` as some WPS/.NET exports do. */
  prefix?: string;
  inlineStrings?: boolean;
  /** Compression level; 0 stores the parts uncompressed. */
  level?: number;
  /**
   * How some non-Excel writers (online sheets, .NET exporters) differ: part targets written as
   * absolute paths, rows and cells without their `r` reference, no styles part.
   */
  absoluteTargets?: boolean;
  noRefs?: boolean;
  noStyles?: boolean;
};

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

export function colName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function buildXlsx(book: XBook): Promise<Buffer> {
  const p = book.prefix ? `${book.prefix}:` : '';
  const xmlns = book.prefix ? `xmlns:${book.prefix}="${NS}"` : `xmlns="${NS}"`;
  const strings = new Map<string, number>();
  const sst = (text: string): number => {
    let i = strings.get(text);
    if (i === undefined) strings.set(text, (i = strings.size));
    return i;
  };
  const zip = new JSZip();
  const sheetXml = book.sheets.map((sheet) => {
    const parts: string[] = [];
    const first = sheet.firstRow ?? 1;
    sheet.rows.forEach((row, r) => {
      const rn = first + r;
      const cells: string[] = [];
      row.forEach((cell, c) => {
        if (cell === null) return;
        const ref = `${colName(c)}${rn}`;
        const r = book.noRefs ? '' : ` r="${ref}"`;
        if (typeof cell === 'string') {
          if (book.inlineStrings)
            cells.push(`<${p}c${r} t="inlineStr"><${p}is><${p}t>${escapeXml(cell)}</${p}t></${p}is></${p}c>`);
          else cells.push(`<${p}c${r} t="s"><${p}v>${sst(cell)}</${p}v></${p}c>`);
        } else if (typeof cell === 'number') cells.push(`<${p}c${r}><${p}v>${cell}</${p}v></${p}c>`);
        else if (typeof cell === 'boolean') cells.push(`<${p}c${r} t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`);
        else if ('f' in cell) {
          const t = cell.t
            ? ` t="${cell.t}"`
            : typeof cell.v === 'string'
              ? ' t="str"'
              : typeof cell.v === 'boolean'
                ? ' t="b"'
                : '';
          const v =
            cell.v === undefined
              ? ''
              : `<${p}v>${typeof cell.v === 'boolean' ? (cell.v ? 1 : 0) : escapeXml(String(cell.v))}</${p}v>`;
          cells.push(`<${p}c${r}${t}><${p}f>${escapeXml(cell.f)}</${p}f>${v}</${p}c>`);
        } else cells.push(`<${p}c${r} s="${cell.s}"><${p}v>${cell.n}</${p}v></${p}c>`);
      });
      parts.push(`<${p}row${book.noRefs ? '' : ` r="${rn}"`}>${cells.join('')}</${p}row>`);
    });
    const merges = sheet.merges?.length
      ? `<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>`
      : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="${REL_NS}"><${p}sheetData>${parts.join('')}</${p}sheetData>${merges}${sheet.extraXml ?? ''}</${p}worksheet>`;
  });
  sheetXml.forEach((xml, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, xml));
  const sheetsXml = book.sheets
    .map(
      (s, i) =>
        `<${p}sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${xmlns} xmlns:r="${REL_NS}"><${p}workbookPr${book.date1904 ? ' date1904="1"' : ''}/><${p}sheets>${sheetsXml}</${p}sheets></${p}workbook>`,
  );
  const fmts = book.numFmts ?? [];
  const customFmts = fmts.filter((f) => f.code !== undefined);
  if (!book.noStyles)
    zip.file(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${xmlns}>` +
        (customFmts.length
          ? `<${p}numFmts count="${customFmts.length}">${customFmts.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code!)}"/>`).join('')}</${p}numFmts>`
          : '') +
        `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
        `<${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
        `<${p}borders count="1"><${p}border/></${p}borders>` +
        `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
        `<${p}cellXfs count="${fmts.length + 1}"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        fmts
          .map((f) => `<${p}xf numFmtId="${f.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
          .join('') +
        `</${p}cellXfs></${p}styleSheet>`,
    );
  if (!book.inlineStrings) {
    const items = [...strings.keys()].map((s) => `<${p}si><${p}t xml:space="preserve">${escapeXml(s)}</${p}t></${p}si>`).join('');
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${xmlns} count="${strings.size}" uniqueCount="${strings.size}">${items}</${p}sst>`,
    );
  }
  const rels = book.sheets
    .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const n = book.sheets.length;
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
      (book.noStyles ? '' : `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`) +
      (book.inlineStrings ? '' : `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`) +
      `</Relationships>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="${book.absoluteTargets ? '/' : ''}xl/workbook.xml"/></Relationships>`,
  );
  const overrides = book.sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      (book.inlineStrings
        ? ''
        : `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`) +
      `</Types>`,
  );
  const level = book.level ?? 6;
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: level === 0 ? 'STORE' : 'DEFLATE',
    ...(level === 0 ? {} : { compressionOptions: { level } }),
  });
}
