import type { ColumnSpec } from '../../../shared/imports/headers';
import {
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  type ContractStatus,
  type PaymentMethod,
} from '../../../shared/contract/contracts';

export const CONTRACT_COLUMNS = [
  {
    field: 'number',
    label: '合同编号',
    labelEn: 'number',
    aliases: ['合同号', '合同编码', '编号', 'contract number', 'contract no'],
    required: true,
  },
  {
    field: 'client',
    label: '客户名称',
    labelEn: 'client',
    aliases: ['客户', '客户名', '公司名称', '单位名称', '客户全称', '甲方', 'client name'],
    required: true,
  },
  { field: 'staffCode', label: '业务员工号', labelEn: 'staff_code', aliases: ['工号', '业务员编号', '负责人工号', 'owner_code'] },
  { field: 'staffName', label: '业务员', labelEn: 'staff_name', aliases: ['业务员姓名', '负责人', '签约人', '销售', '销售员'] },
  { field: 'product', label: '产品/服务', labelEn: 'product', aliases: ['产品', '服务', '服务项目', '项目', 'service'] },
  {
    field: 'signedOn',
    label: '签约日期',
    labelEn: 'signed_on',
    aliases: ['签订日期', '签署日期', '签约时间', '签订时间', '合同日期', 'signed'],
  },
  {
    field: 'amount',
    label: '金额',
    labelEn: 'amount',
    aliases: ['合同金额', '总金额', '合同总额', '合同总金额', '签约金额', 'amount_yuan'],
    required: true,
  },
  {
    field: 'startsOn',
    label: '开始日期',
    labelEn: 'starts_on',
    aliases: ['服务开始', '服务开始日期', '起始日期', '生效日期', 'start'],
  },
  {
    field: 'endsOn',
    label: '结束日期',
    labelEn: 'ends_on',
    aliases: ['服务结束', '服务结束日期', '到期日期', '到期日', '截止日期', '终止日期', 'end'],
  },
  { field: 'status', label: '状态', labelEn: 'status', aliases: ['合同状态'] },
  { field: 'renewalOf', label: '续费自合同', labelEn: 'renewal_of', aliases: ['原合同编号', '续费原合同'] },
  { field: 'paid', label: '已收款', labelEn: 'paid', aliases: [] },
  { field: 'balance', label: '未收款', labelEn: 'balance', aliases: ['欠款'] },
  { field: 'notes', label: '备注', labelEn: 'notes', aliases: ['说明'], multi: 'labelled' },
] as const satisfies readonly ColumnSpec[];
export type ContractField = (typeof CONTRACT_COLUMNS)[number]['field'];

export const PAYMENT_COLUMNS = [
  {
    field: 'contract',
    label: '合同编号',
    labelEn: 'contract',
    aliases: ['合同号', '合同编码', '编号', 'contract number', 'number'],
    required: true,
  },
  {
    field: 'paidOn',
    label: '收款日期',
    labelEn: 'paid_on',
    aliases: ['回款日期', '到账日期', '付款日期', '日期', 'date'],
    required: true,
  },
  {
    field: 'amount',
    label: '金额',
    labelEn: 'amount',
    aliases: ['收款金额', '回款金额', '到账金额', '付款金额'],
    required: true,
  },
  { field: 'method', label: '收款方式', labelEn: 'method', aliases: ['方式', '付款方式', '回款方式', '支付方式'] },
  { field: 'notes', label: '备注', labelEn: 'notes', aliases: ['说明'] },
] as const satisfies readonly ColumnSpec[];
export type PaymentField = (typeof PAYMENT_COLUMNS)[number]['field'];

const STATUS_SYNONYMS: Record<string, ContractStatus> = {
  执行中: 'active',
  生效: 'active',
  进行中: 'active',
  服务中: 'active',
  签约: 'signed',
  已签约: 'signed',
  已签订: 'signed',
  过期: 'expired',
  到期: 'expired',
  作废: 'cancelled',
  取消: 'cancelled',
  已取消: 'cancelled',
  终止: 'cancelled',
  canceled: 'cancelled',
};

export function parseContractStatus(text: string): ContractStatus | null {
  const t = text.trim().toLowerCase();
  return (
    CONTRACT_STATUSES.find(
      (s) => s === t || CONTRACT_STATUS_LABELS[s].zh === text.trim() || CONTRACT_STATUS_LABELS[s].en.toLowerCase() === t,
    ) ??
    STATUS_SYNONYMS[t] ??
    null
  );
}

export function parsePaymentMethod(text: string): PaymentMethod | null {
  const t = text.trim().toLowerCase();
  const synonyms: [RegExp, PaymentMethod][] = [
    [/现金|cash/, 'cash'],
    [/转账|银行|汇款|对公|transfer|bank/, 'transfer'],
    [/微信|wechat/, 'wechat'],
    [/支付宝|alipay/, 'alipay'],
    [/刷卡|pos|card/, 'card'],
    [/其他|其它|other/, 'other'],
  ];
  return (
    PAYMENT_METHODS.find((m) => m === t || PAYMENT_METHOD_LABELS[m].zh === text.trim()) ??
    synonyms.find(([re]) => re.test(t))?.[1] ??
    null
  );
}
