/**
 * CSV as Excel in China writes it: comma (or semicolon / tab) separated, fields quoted with
 * double quotes when they hold separators, quotes or line breaks, CRLF or LF line ends.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** Parse CSV text into rows of fields. A quote left open is reported with its line. */
export function parseCsv(
  text: string,
  delimiter: string = detectDelimiter(text),
): { rows: string[][]; unterminatedQuoteAtLine: number | null } {
  const rows: string[][] = [];
  for (const row of csvRows(text, delimiter)) {
    if ('unterminatedQuoteAtLine' in row) return { rows, unterminatedQuoteAtLine: row.unterminatedQuoteAtLine };
    rows.push(row.fields);
  }
  return { rows, unterminatedQuoteAtLine: null };
}

export type CsvRow = { fields: string[]; line: number } | { unterminatedQuoteAtLine: number };

/**
 * The rows one at a time (with the line each starts on), so a 300k-row file is checked
 * without holding every row; a quote left open ends the walk with the line it opened on.
 */
export function* csvRows(text: string, delimiter: string = detectDelimiter(text)): Generator<CsvRow> {
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  // Fields are sliced, not built a character at a time: a 100k-row file parses in milliseconds.
  while (i <= n) {
    if (text[i] === '"') {
      const startLine = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          yield { unterminatedQuoteAtLine: startLine };
          return;
        }
        value += text.slice(from, q);
        line += countNewlines(text, from, q);
        if (text[q + 1] === '"') {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept, as Excel does.
      const end = nextBreak(text, i, delimiter);
      value += text.slice(i, end);
      row.push(value);
      i = end;
    } else {
      const end = nextBreak(text, i, delimiter);
      row.push(text.slice(i, end));
      i = end;
    }
    const ch = text[i];
    if (ch === delimiter) {
      i++;
      continue;
    }
    yield { fields: row, line: rowLine };
    row = [];
    if (ch === undefined) break;
    line++;
    rowLine = line;
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (i >= n) break;
  }
}

function nextBreak(text: string, from: number, delimiter: string): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13 || text[j] === delimiter) return j;
  }
  return text.length;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j++) if (text.charCodeAt(j) === 10) count++;
  return count;
}

/** Quote a field when it needs it; a leading =,+,-,@ is prefixed with ' so Excel never runs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function stringifyCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
