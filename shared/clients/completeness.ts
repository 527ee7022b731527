/**
 * Profile completeness (客户资料卡): how much of a client's card is filled in, 0–100. The manual
 * counts it as a measure of a salesperson's work, so every weight is visible here.
 */
export type CompletenessInput = {
  name: string;
  contactName: string;
  phoneCount: number;
  wechat: string;
  qq: string;
  email: string;
  address: string;
  province: string;
  city: string;
  district: string;
  industry: string;
  source: string;
  grade: string;
  manMoney: boolean;
  manAuthority: boolean;
  manNeed: boolean;
  birthday: string | null;
  anniversary: string | null;
  notes: string;
};

const filled = (text: string | null | undefined): boolean => (text ?? '').trim().length > 0;

/** Each item of the card and its weight; they add up to 100. */
export const COMPLETENESS_ITEMS: readonly {
  key: string;
  zh: string;
  en: string;
  weight: number;
  done: (c: CompletenessInput) => boolean;
}[] = [
  { key: 'name', zh: '客户名称', en: 'Name', weight: 10, done: (c) => filled(c.name) },
  { key: 'contact', zh: '联系人', en: 'Contact person', weight: 10, done: (c) => filled(c.contactName) },
  { key: 'phone', zh: '电话', en: 'Phone', weight: 15, done: (c) => c.phoneCount > 0 },
  { key: 'im', zh: '微信/QQ', en: 'WeChat / QQ', weight: 10, done: (c) => filled(c.wechat) || filled(c.qq) },
  { key: 'email', zh: '邮箱', en: 'Email', weight: 5, done: (c) => filled(c.email) },
  { key: 'address', zh: '地址', en: 'Address', weight: 10, done: (c) => filled(c.address) },
  {
    key: 'region',
    zh: '地区(省市区)',
    en: 'Region',
    weight: 10,
    done: (c) => filled(c.province) && filled(c.city) && filled(c.district),
  },
  { key: 'industry', zh: '行业', en: 'Industry', weight: 5, done: (c) => filled(c.industry) },
  { key: 'source', zh: '信息来源', en: 'Source', weight: 5, done: (c) => filled(c.source) && c.source !== 'other' },
  { key: 'grade', zh: 'A/B/C 分类', en: 'Grade', weight: 5, done: (c) => filled(c.grade) },
  { key: 'man', zh: 'MAN 评估', en: 'MAN assessment', weight: 5, done: (c) => c.manMoney || c.manAuthority || c.manNeed },
  {
    key: 'dates',
    zh: '生日/纪念日',
    en: 'Birthday / anniversary',
    weight: 5,
    done: (c) => filled(c.birthday) || filled(c.anniversary),
  },
  { key: 'notes', zh: '备注', en: 'Notes', weight: 5, done: (c) => filled(c.notes) },
];

export function completenessScore(client: CompletenessInput): number {
  return COMPLETENESS_ITEMS.reduce((sum, item) => sum + (item.done(client) ? item.weight : 0), 0);
}

/** What is still missing, for the card's "请补充" hint. */
export function missingItems(client: CompletenessInput): { key: string; zh: string; en: string }[] {
  return COMPLETENESS_ITEMS.filter((item) => !item.done(client)).map(({ key, zh, en }) => ({ key, zh, en }));
}
