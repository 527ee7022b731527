import type { Label } from './classification';

/**
 * The fields a manager chooses between when merging duplicate clients, in the order the form
 * shows them. Some are several columns that only make sense together (a region, the MAN test).
 * phones and notes may also be kept from every client at once.
 */
export const MERGE_FIELDS = [
  'name',
  'kind',
  'contactName',
  'phones',
  'wechat',
  'qq',
  'email',
  'address',
  'region',
  'industry',
  'size',
  'source',
  'referrer',
  'joinedOn',
  'owner',
  'level',
  'grade',
  'man',
  'valueType',
  'stage',
  'birthday',
  'anniversary',
  'notes',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Fields whose values can be combined from every client instead of picked from one. */
export const COMBINABLE_FIELDS = ['phones', 'notes'] as const satisfies readonly MergeField[];

export const MERGE_FIELD_LABELS: Record<MergeField, Label> = {
  name: { zh: '客户名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  contactName: { zh: '联系人', en: 'Contact' },
  phones: { zh: '电话', en: 'Phones' },
  wechat: { zh: '微信', en: 'WeChat' },
  qq: { zh: 'QQ', en: 'QQ' },
  email: { zh: '邮箱', en: 'Email' },
  address: { zh: '地址', en: 'Address' },
  region: { zh: '地区', en: 'Region' },
  industry: { zh: '行业', en: 'Industry' },
  size: { zh: '规模', en: 'Size' },
  source: { zh: '信息来源', en: 'Source' },
  referrer: { zh: '介绍人', en: 'Referrer' },
  joinedOn: { zh: '加入日期', en: 'Joined' },
  owner: { zh: '业务员', en: 'Salesperson' },
  level: { zh: '等级', en: 'Level' },
  grade: { zh: '分类', en: 'Grade' },
  man: { zh: 'MAN 判断', en: 'MAN test' },
  valueType: { zh: '价值类型', en: 'Value type' },
  stage: { zh: '销售阶段', en: 'Stage' },
  birthday: { zh: '生日', en: 'Birthday' },
  anniversary: { zh: '纪念日', en: 'Anniversary' },
  notes: { zh: '备注', en: 'Notes' },
};
