/**
 * The text of an RTF file (WordPad, Word, WPS "另存为 RTF"). Chinese RTF carries its text as
 * code-page bytes (\'c4\'e3 in \ansicpg936, or a font whose \fcharset134 says GBK) or as \uN
 * Unicode escapes followed by a fallback that must be skipped (\ucN). Font tables, styles,
 * pictures, field instructions and every \* destination are not text.
 */
const SKIP_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'fldinst',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'filetbl',
  'revtbl',
  'pgdsctbl',
  'xmlopen',
  'background',
  'shppict',
  'nonshppict',
  'bkmkstart',
  'bkmkend',
  'template',
  'operator',
  'author',
  'title',
  'subject',
  'keywords',
  'comment',
  'doccomm',
  'company',
  'category',
  'falt',
  'panose',
]);

/** Windows font charsets → code pages (GB2312/GBK, Big5, Shift-JIS, Korean, Western). */
const CHARSET_CODEPAGE: Record<number, number> = {
  0: 1252,
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  204: 1251,
  238: 1250,
};

const SYMBOLS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  page: '\n',
  row: '\n',
  cell: ' ',
  tab: ' ',
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

type State = { skip: boolean; uc: number; codepage: number; inFontTable: boolean };

export function rtfText(bytes: Buffer): string {
  const src = bytes.toString('latin1');
  let ansiCodepage = 1252;
  const fontCodepage = new Map<number, number>();
  let fontBeingDefined: number | null = null;
  let state: State = { skip: false, uc: 1, codepage: 1252, inFontTable: false };
  const stack: State[] = [];
  const out: string[] = [];
  let pending: number[] = []; // code-page bytes waiting to be decoded together (a GBK character is two)
  let skipFallback = 0;

  const flush = (): void => {
    if (pending.length) out.push(decodeCodepage(Buffer.from(pending), state.codepage));
    pending = [];
  };
  const emit = (s: string): void => {
    if (state.skip || state.inFontTable) return;
    flush();
    out.push(s);
  };

  let i = 0;
  let groupStart = false;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '{') {
      flush();
      stack.push(state);
      state = { ...state };
      groupStart = true;
      i++;
      continue;
    }
    if (ch === '}') {
      flush();
      state = stack.pop() ?? state;
      groupStart = false;
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if (next === "'") {
        const byte = parseInt(src.slice(i + 2, i + 4), 16);
        i += 4;
        if (skipFallback > 0) {
          skipFallback--;
          continue;
        }
        if (!state.skip && !state.inFontTable && !Number.isNaN(byte)) pending.push(byte);
        groupStart = false;
        continue;
      }
      if (/[a-zA-Z]/.test(next)) {
        const m = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(src.slice(i, i + 40))!;
        i += m[0].length;
        const word = m[1]!;
        const param = m[2] === undefined ? null : Number(m[2]);
        const wasGroupStart = groupStart;
        groupStart = false;
        if (word === 'bin' && param) {
          i += param; // raw binary data
          continue;
        }
        if (wasGroupStart && SKIP_DESTINATIONS.has(word)) {
          flush();
          if (word === 'fonttbl') state.inFontTable = true;
          else state.skip = true;
          continue;
        }
        if (state.inFontTable) {
          if (word === 'f' && param !== null) fontBeingDefined = param;
          else if (word === 'fcharset' && param !== null && fontBeingDefined !== null) {
            const cp = CHARSET_CODEPAGE[param];
            if (cp) fontCodepage.set(fontBeingDefined, cp);
          }
          continue;
        }
        if (word === 'ansicpg' && param) {
          ansiCodepage = param;
          state.codepage = param;
        } else if (word === 'f' && param !== null) {
          flush();
          state.codepage = fontCodepage.get(param) ?? ansiCodepage;
        } else if (word === 'uc' && param !== null) state.uc = param;
        else if (word === 'u' && param !== null) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          skipFallback = state.uc;
        } else if (SYMBOLS[word] !== undefined) emit(SYMBOLS[word]!);
        continue;
      }
      // Control symbols.
      i += 2;
      groupStart = false;
      if (next === '*') {
        flush();
        state.skip = true;
      } else if (next === '\\' || next === '{' || next === '}') {
        if (skipFallback > 0) skipFallback--;
        else if (!state.skip && !state.inFontTable) emit(next);
      } else if (next === '~') emit(' ');
      else if (next === '_') emit('-');
      else if (next === '\n' || next === '\r') emit('\n');
      continue;
    }
    i++;
    if (ch === '\r' || ch === '\n') continue;
    groupStart = false;
    if (skipFallback > 0) {
      skipFallback--;
      continue;
    }
    if (state.skip || state.inFontTable) continue;
    flush();
    out.push(ch);
  }
  flush();
  return out.join('');
}

/** Windows code pages RTF names (\ansicpg, \fcharset) → the platform's WHATWG decoder labels. */
const CODEPAGE_LABELS: Record<number, string> = {
  936: 'gb18030',
  950: 'big5',
  932: 'shift_jis',
  949: 'euc-kr',
  874: 'windows-874',
};

function decodeCodepage(bytes: Buffer, codepage: number): string {
  const label = CODEPAGE_LABELS[codepage] ?? (codepage >= 1250 && codepage <= 1258 ? `windows-${codepage}` : null);
  if (label === null) return bytes.toString('latin1');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
