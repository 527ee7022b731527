import type { NewClient } from '../../../shared/contract/client-schemas';
import type { ColumnSpec } from '../../../shared/imports/headers';
import type { ClientRecord } from '../db/schema';

/** The client sheet's columns: what import understands and export writes (so files round-trip). */
export const CLIENT_COLUMNS = [
  {
    field: 'name',
    label: '客户名称',
    labelEn: 'name',
    aliases: [
      '客户',
      '客户名',
      '名称',
      '公司名称',
      '单位名称',
      '企业名称',
      '客户全称',
      '公司全称',
      '公司',
      '单位',
      'client',
      'company',
      'client name',
    ],
    required: true,
  },
  { field: 'kind', label: '类型', labelEn: 'kind', aliases: ['客户类型', 'type'] },
  {
    field: 'contact',
    label: '联系人',
    labelEn: 'contact',
    aliases: ['联系人姓名', '联系人名称', '对接人', 'contact_name', 'contact person'],
  },
  {
    field: 'phone',
    label: '电话',
    labelEn: 'phone',
    aliases: [
      '手机',
      '手机号',
      '手机号码',
      '联系电话',
      '电话号码',
      '联系手机',
      '移动电话',
      '座机',
      '固定电话',
      '办公电话',
      '联系方式',
      'mobile',
      'tel',
      'telephone',
      'phones',
    ],
    multi: 'list',
  },
  { field: 'wechat', label: '微信', labelEn: 'wechat', aliases: ['微信号', '微信号码'] },
  { field: 'qq', label: 'QQ', labelEn: 'qq', aliases: ['qq号'] },
  { field: 'email', label: '邮箱', labelEn: 'email', aliases: ['电子邮箱', '电子邮件', '邮件', 'e-mail', 'mail'] },
  {
    field: 'address',
    label: '地址',
    labelEn: 'address',
    aliases: ['详细地址', '联系地址', '公司地址', '单位地址', '通讯地址', '经营地址'],
  },
  { field: 'region', label: '地区', labelEn: 'region', aliases: ['所在地区', '区域', '省市区'] },
  { field: 'province', label: '省', labelEn: 'province', aliases: ['省份'] },
  { field: 'city', label: '市', labelEn: 'city', aliases: ['城市'] },
  { field: 'district', label: '区县', labelEn: 'district', aliases: ['区/县', '区', '县'] },
  { field: 'township', label: '乡镇', labelEn: 'township', aliases: ['乡镇/街道', '街道'] },
  { field: 'industry', label: '行业', labelEn: 'industry', aliases: ['所属行业', '行业类型', '行业分类'] },
  { field: 'size', label: '规模', labelEn: 'size', aliases: ['企业规模'] },
  { field: 'source', label: '来源', labelEn: 'source', aliases: ['信息来源', '客户来源', '来源渠道', '获客渠道', '渠道'] },
  { field: 'referrer', label: '介绍人', labelEn: 'referrer', aliases: ['推荐人'] },
  { field: 'level', label: '等级', labelEn: 'level', aliases: ['客户等级', '客户级别', '级别'] },
  { field: 'grade', label: '分类', labelEn: 'grade', aliases: ['abc分类', '客户分类'] },
  { field: 'stage', label: '销售阶段', labelEn: 'stage', aliases: ['阶段'] },
  { field: 'valueType', label: '价值类型', labelEn: 'value_type', aliases: ['value type'] },
  {
    field: 'joinedOn',
    label: '加入日期',
    labelEn: 'joined_on',
    aliases: [
      '加入时间',
      '登记日期',
      '登记时间',
      '录入日期',
      '录入时间',
      '创建日期',
      '创建时间',
      '入库日期',
      '建档日期',
      '建档时间',
      'join date',
      'joined',
    ],
  },
  {
    field: 'ownerCode',
    label: '业务员工号',
    labelEn: 'owner_code',
    aliases: ['业务员编号', '负责人工号', '工号', 'staff_code', 'owner'],
  },
  {
    field: 'ownerName',
    label: '业务员',
    labelEn: 'owner_name',
    aliases: ['业务员姓名', '负责人', '销售', '销售员', '跟进人', '归属人', '客户经理', '所属业务员'],
  },
  { field: 'birthday', label: '生日', labelEn: 'birthday', aliases: ['联系人生日'] },
  { field: 'anniversary', label: '纪念日', labelEn: 'anniversary', aliases: ['成立日期', '公司纪念日'] },
  { field: 'notes', label: '备注', labelEn: 'notes', aliases: ['说明', '备注说明'], multi: 'labelled' },
] as const satisfies readonly ColumnSpec[];

export type ClientField = (typeof CLIENT_COLUMNS)[number]['field'];

/**
 * The client sheet's plain text columns: the clients.create input key each one is and the
 * clients table column it is stored in. Import reads them and export writes them from this list
 * alone (a new text field is a line here, not code in clients.import.ts and clients.export.ts);
 * their rules are the schema's.
 */
export const CLIENT_TEXT_FIELDS = {
  contact: { input: 'contactName', column: 'contact_name' },
  wechat: { input: 'wechat', column: 'wechat' },
  qq: { input: 'qq', column: 'qq' },
  email: { input: 'email', column: 'email' },
  address: { input: 'address', column: 'address' },
  province: { input: 'province', column: 'province' },
  city: { input: 'city', column: 'city' },
  district: { input: 'district', column: 'district' },
  township: { input: 'township', column: 'township' },
  industry: { input: 'industry', column: 'industry' },
  size: { input: 'size', column: 'size' },
  referrer: { input: 'referrerName', column: 'referrer_name' },
  notes: { input: 'notes', column: 'notes' },
} as const satisfies Partial<Record<ClientField, { input: keyof NewClient; column: keyof ClientRecord }>>;
export type ClientTextField = keyof typeof CLIENT_TEXT_FIELDS;
/** The clients.create input keys of the plain text fields (contactName, wechat…). */
export type ClientTextInput = (typeof CLIENT_TEXT_FIELDS)[ClientTextField]['input'];
export const CLIENT_TEXT_LIST = Object.entries(CLIENT_TEXT_FIELDS) as [
  ClientTextField,
  (typeof CLIENT_TEXT_FIELDS)[ClientTextField],
][];

export function isClientTextField(field: ClientField): field is ClientTextField {
  return Object.hasOwn(CLIENT_TEXT_FIELDS, field);
}
