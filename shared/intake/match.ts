/**
 * 扫描收件箱 matching: from the words of a scan (OCR or text layer) and its file name, propose
 * a client, a contract, a kind and a date. Pure (runs anywhere, property-tested).
 *
 * Rules follow Paperless-ngx's matching algorithms: any word, all words, exact phrase, regex,
 * fuzzy (similar enough to survive an OCR slip). The client is found by what a paper carries:
 * a contract number (strongest), a phone number, the client's name.
 */

export const MATCH_ALGORITHMS = ['any', 'all', 'exact', 'regex', 'fuzzy'] as const;
export type MatchAlgorithm = (typeof MATCH_ALGORITHMS)[number];

export type KindRule = { id: number; kindId: number; algorithm: MatchAlgorithm; match: string; caseInsensitive: boolean };
export type ClientFacts = { id: number; name: string; phones: string[] };
export type ContractFacts = { id: number; number: string; clientId: number };

export type ClientEvidence = 'contract' | 'phone' | 'name' | 'fuzzyName';
export type Proposal = {
  clientId: number | null;
  contractId: number | null;
  kindId: number | null;
  /** 'YYYY-MM-DD' found in the text, or null (the caller falls back to the file's date). */
  docDate: string | null;
  /** Why: shown to the clerk next to the proposal. */
  reasons: { zh: string; en: string }[];
  /** Sure enough to file without a person: one client by strong evidence, and a kind by a rule. */
  confident: boolean;
};

/**
 * NFKC: full-width digits/letters → half-width (OCR's “１３８” matches 138), and the Kangxi
 * radicals some PDFs carry for common characters (⽉ U+2F49 for 月) → the ordinary ones.
 */
export function halfWidth(s: string): string {
  return s.normalize('NFKC');
}

/** Text as matching sees it: half-width, no spaces (OCR puts spaces between Chinese characters). */
export function compact(s: string): string {
  return halfWidth(s).replace(/\s+/g, '');
}

function words(match: string): string[] {
  return match.split(/[\s,,、;;]+/).filter(Boolean);
}

/** Levenshtein distance, bounded work (strings here are short: a rule or a name). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Best similarity (0–1) of `needle` to any same-length window of `hay` (Paperless's partial ratio, simply). */
export function partialRatio(needle: string, hay: string): number {
  if (!needle) return 0;
  if (hay.includes(needle)) return 1;
  let best = 0;
  const n = needle.length;
  for (let i = 0; i + n <= hay.length || i === 0; i++) {
    const window = hay.slice(i, i + n);
    best = Math.max(best, 1 - distance(needle, window) / n);
    if (best === 1 || i + n >= hay.length) break;
  }
  return best;
}

export const FUZZY_THRESHOLD = 0.8;

/** Whether a rule matches the text (`text` is already compacted). A bad regex matches nothing. */
export function ruleMatches(rule: Pick<KindRule, 'algorithm' | 'match' | 'caseInsensitive'>, text: string): boolean {
  const fold = (s: string): string => (rule.caseInsensitive ? s.toLowerCase() : s);
  const hay = fold(text);
  switch (rule.algorithm) {
    case 'any':
      return words(rule.match).some((w) => hay.includes(fold(compact(w))));
    case 'all': {
      const ws = words(rule.match);
      return ws.length > 0 && ws.every((w) => hay.includes(fold(compact(w))));
    }
    case 'exact': {
      const phrase = fold(compact(rule.match));
      return phrase.length > 0 && hay.includes(phrase);
    }
    case 'regex': {
      const re = safeRegex(rule.match, rule.caseInsensitive);
      return re !== null && re.test(text);
    }
    case 'fuzzy': {
      const phrase = fold(compact(rule.match));
      return phrase.length > 0 && partialRatio(phrase, hay) >= FUZZY_THRESHOLD;
    }
  }
}

/** A rule's regex, or null when it does not compile (the rule editor says so before saving). */
export function safeRegex(source: string, caseInsensitive: boolean): RegExp | null {
  try {
    return new RegExp(source, caseInsensitive ? 'iu' : 'u');
  } catch {
    return null;
  }
}

const DATE_PATTERNS: RegExp[] = [
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
  /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/,
  /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/,
];

/** The earliest real calendar date in the text ('YYYY-MM-DD'), or null. */
export function firstDate(rawText: string): string | null {
  const text = halfWidth(rawText);
  let best: { at: number; date: string } | null = null;
  for (const pattern of DATE_PATTERNS) {
    const re = new RegExp(pattern.source, 'g');
    for (const m of text.matchAll(re)) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1) continue;
      const probe = new Date(Date.UTC(y, mo - 1, d));
      if (probe.getUTCMonth() !== mo - 1) continue;
      if (!best || m.index < best.at)
        best = { at: m.index, date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
      break;
    }
  }
  return best?.date ?? null;
}

/** Mainland mobile numbers in the text (spaces and dashes between digits ignored). */
export function phonesIn(text: string): Set<string> {
  const digits = halfWidth(text).replace(/(?<=\d)[\s-]+(?=\d)/g, '');
  return new Set([...digits.matchAll(/(?<!\d)(1[3-9]\d{9})(?!\d)/g)].map((m) => m[1]!));
}

function phoneKey(phone: string): string {
  return halfWidth(phone)
    .replace(/\D/g, '')
    .replace(/^86(?=1\d{10}$)/, '');
}

/**
 * Propose client, contract, kind and date for one incoming document. `text` is what OCR or
 * the text layer read, `fileName` the name it arrived with (a phone app names it 张三_合同.jpg).
 */
export function propose(input: {
  text: string;
  fileName: string;
  clients: readonly ClientFacts[];
  contracts: readonly ContractFacts[];
  rules: readonly KindRule[];
}): Proposal {
  const hay = compact(`${input.fileName}\n${input.text}`);
  const hayUpper = hay.toUpperCase();
  const reasons: Proposal['reasons'] = [];
  const found = new Map<number, ClientEvidence>();
  const rank: Record<ClientEvidence, number> = { contract: 3, phone: 2, name: 1, fuzzyName: 0 };
  const note = (clientId: number, evidence: ClientEvidence): void => {
    const had = found.get(clientId);
    if (had === undefined || rank[evidence] > rank[had]) found.set(clientId, evidence);
  };

  const contracts = input.contracts.filter((k) => k.number.length >= 4 && hayUpper.includes(compact(k.number).toUpperCase()));
  for (const k of contracts) note(k.clientId, 'contract');
  const phones = phonesIn(input.text + '\n' + input.fileName);
  for (const c of input.clients) {
    if (c.phones.some((p) => phones.has(phoneKey(p)))) note(c.id, 'phone');
    const name = compact(c.name);
    if (name.length >= 2 && hay.includes(name)) note(c.id, 'name');
    else if (name.length >= 4 && partialRatio(name, hay) >= 0.85) note(c.id, 'fuzzyName');
  }

  // The strongest evidence wins; two clients at the same strength is a question for a person.
  const best = Math.max(-1, ...[...found.values()].map((e) => rank[e]));
  const top = [...found.entries()].filter(([, e]) => rank[e] === best);
  // A name that is part of another matched name (王芳 inside 王芳芳) yields to the longer one.
  const names = new Map(input.clients.map((c) => [c.id, compact(c.name)]));
  const leaders = top.filter(
    ([id]) =>
      !top.some(([other]) => other !== id && names.get(other)!.includes(names.get(id)!) && names.get(other) !== names.get(id)),
  );
  const clientId = leaders.length === 1 ? leaders[0]![0] : null;
  const evidence = clientId === null ? null : found.get(clientId)!;
  if (clientId !== null) {
    const name = input.clients.find((c) => c.id === clientId)!.name;
    const how = {
      contract: ['合同编号', 'contract number'],
      phone: ['电话', 'phone number'],
      name: ['客户名称', 'client name'],
      fuzzyName: ['相近的客户名称', 'a name close to the client’s'],
    }[evidence!];
    reasons.push({ zh: `客户「${name}」:文中有${how[0]}`, en: `Client “${name}”: its ${how[1]} is in the text` });
  } else if (leaders.length > 1) {
    reasons.push({
      zh: `文中同时出现 ${leaders.length} 个客户,请选择`,
      en: `${leaders.length} clients appear in the text; choose one`,
    });
  }
  const ownContracts = contracts.filter((k) => k.clientId === clientId);
  const contractId = ownContracts.length === 1 ? ownContracts[0]!.id : null;

  const rule = input.rules.find((r) => ruleMatches(r, hay));
  if (rule) reasons.push({ zh: `分类:规则「${rule.match}」`, en: `Kind: rule “${rule.match}”` });
  const docDate = firstDate(input.text) ?? firstDate(input.fileName);

  return {
    clientId,
    contractId,
    kindId: rule?.kindId ?? null,
    docDate,
    reasons,
    confident: clientId !== null && evidence !== 'fuzzyName' && rule !== undefined,
  };
}
