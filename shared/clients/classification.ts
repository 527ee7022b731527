/**
 * The manuals' client classifications: level 一级–四级, grade A/B/C, the MAN test, sources
 * (信息来源), value types and the ten-step sales process with its funnel.
 */
export type Label = { zh: string; en: string };

export const LEVELS = [1, 2, 3, 4] as const;
export type ClientLevel = (typeof LEVELS)[number];
/** `short` is the manual's word (also what import reads and export writes); `shortEn` the English tag. */
export const LEVEL_LABELS: Record<ClientLevel, Label & { short: string; shortEn: string }> = {
  1: { short: '一级', shortEn: 'L1', zh: '一级 已成交客户', en: 'Level 1 · signed' },
  2: { short: '二级', shortEn: 'L2', zh: '二级 准客户', en: 'Level 2 · prospective' },
  3: { short: '三级', shortEn: 'L3', zh: '三级 有明确意向客户', en: 'Level 3 · clear intent' },
  4: { short: '四级', shortEn: 'L4', zh: '四级 无明确意向客户', en: 'Level 4 · no clear intent' },
};

export const GRADES = ['A', 'B', 'C'] as const;
export type ClientGrade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<ClientGrade, Label> = {
  A: { zh: 'A 最佳', en: 'A · best' },
  B: { zh: 'B 好', en: 'B · good' },
  C: { zh: 'C 较次', en: 'C · fair' },
};

export const SOURCES = [
  'website',
  'qq_wechat',
  'phone',
  'exhibition',
  'purchased_list',
  'peer',
  'referral',
  'cold_visit',
  'other',
] as const;
export type ClientSource = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<ClientSource, Label> = {
  website: { zh: '官网留言/在线客服', en: 'Website / online chat' },
  qq_wechat: { zh: 'QQ/微信', en: 'QQ / WeChat' },
  phone: { zh: '电话咨询', en: 'Phone enquiry' },
  exhibition: { zh: '展会', en: 'Trade fair' },
  purchased_list: { zh: '购买名录', en: 'Purchased list' },
  peer: { zh: '同行提供', en: 'From a peer' },
  referral: { zh: '客户转介绍', en: 'Client referral' },
  cold_visit: { zh: '陌生拜访', en: 'Cold visit' },
  other: { zh: '其他', en: 'Other' },
};

export const VALUE_TYPES = ['key', 'normal', 'potential', 'low'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const VALUE_TYPE_LABELS: Record<ValueType, Label> = {
  key: { zh: '重点客户', en: 'Key account' },
  normal: { zh: '普通客户', en: 'Regular' },
  potential: { zh: '潜力客户', en: 'Potential' },
  low: { zh: '低价值客户', en: 'Low value' },
};

/** The manual's ten steps, in order. */
export const STAGES = [
  'prepare',
  'approach',
  'engage',
  'inquire',
  'explain',
  'demo',
  'proposal',
  'close',
  'collect',
  'service',
] as const;
export type SalesStage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<SalesStage, Label> = {
  prepare: { zh: '销售准备', en: 'Preparation' },
  approach: { zh: '接近客户', en: 'Approach' },
  engage: { zh: '进入销售', en: 'Opening the sale' },
  inquire: { zh: '调查询问', en: 'Needs inquiry' },
  explain: { zh: '产品说明', en: 'Product explanation' },
  demo: { zh: '产品展示', en: 'Demonstration' },
  proposal: { zh: '建议书', en: 'Proposal' },
  close: { zh: '缔结合约', en: 'Closing' },
  collect: { zh: '收款', en: 'Collection' },
  service: { zh: '维护服务', en: 'After-sales service' },
};

/** The funnel 潜在 → 意向 → 签约 drawn from the stages: up to 调查询问, up to 建议书, the rest. */
export const FUNNEL_STEPS = ['potential', 'intent', 'signed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export const FUNNEL_LABELS: Record<FunnelStep, Label> = {
  potential: { zh: '潜在', en: 'Potential' },
  intent: { zh: '意向', en: 'Intent' },
  signed: { zh: '签约', en: 'Signed' },
};
export function funnelStepOf(stage: SalesStage): FunnelStep {
  const index = STAGES.indexOf(stage);
  if (index <= STAGES.indexOf('inquire')) return 'potential';
  if (index <= STAGES.indexOf('proposal')) return 'intent';
  return 'signed';
}

/** The MAN test: "只有同时具备 … 三要素才是合格的顾客". */
export function isQualified(man: { money: boolean; authority: boolean; need: boolean }): boolean {
  return man.money && man.authority && man.need;
}

/** Match what a spreadsheet or a person wrote ("二级", "准客户", "2", "B") to a code. */
export function parseLevel(text: string): ClientLevel | null {
  const t = text.trim().replace(/\s+/g, '');
  if (!t) return null;
  const byDigit: Record<string, ClientLevel> = { '1': 1, '2': 2, '3': 3, '4': 4, 一: 1, 二: 2, 三: 3, 四: 4 };
  const m = /^(?:level)?([1-4一二三四])(?:级)?/i.exec(t);
  if (m) return byDigit[m[1]!] ?? null;
  if (t.includes('已成交')) return 1;
  if (t.includes('准客户')) return 2;
  if (t.includes('无明确意向')) return 4;
  if (t.includes('有明确意向') || t === '意向客户') return 3;
  return null;
}

/** Match a source as written (the Chinese label, a part of it, or the code) to a code. */
export function parseSource(text: string): ClientSource | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  return SOURCE_EXACT.get(t) ?? SOURCE_ALIASES.find(([re]) => re.test(t))?.[1] ?? null;
}
const SOURCE_EXACT = new Map<string, ClientSource>(
  SOURCES.flatMap(
    (s) =>
      [
        [s, s],
        [SOURCE_LABELS[s].zh.toLowerCase(), s],
        [SOURCE_LABELS[s].en.toLowerCase(), s],
      ] as [string, ClientSource][],
  ),
);
const SOURCE_ALIASES: readonly [RegExp, ClientSource][] = [
  [/官网|网站|在线客服|留言|website|online/, 'website'],
  [/qq|微信|wechat/, 'qq_wechat'],
  [/电话|来电|phone/, 'phone'],
  [/展会|展览|exhibition|fair/, 'exhibition'],
  [/名录|名单|purchased|list/, 'purchased_list'],
  [/同行|peer/, 'peer'],
  [/介绍|推荐|referr?al/, 'referral'],
  [/陌拜|陌生|拜访|cold|visit/, 'cold_visit'],
  [/其他|其它|other/, 'other'],
];
