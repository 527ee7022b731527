import { newWorkbook, type DataValidation } from './excel-workbook';
import { LEVEL_LABELS, SOURCE_LABELS } from '../../../shared/clients/classification';
import { CONTRACT_STATUS_LABELS, PAYMENT_METHOD_LABELS } from '../../../shared/contract/contract-schemas';
import type { ImportKind } from '../../../shared/contract/imports';
import type { ColumnSpec } from '../../../shared/imports/headers';
import { MIME_TYPES, type ExportFile } from '../../../shared/imports/export-file';
import { EXAMPLE_MARK } from '../../../shared/imports/import-report';
import { ROLE_LABELS, ROLES } from '../../../shared/roles';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { IMPORTERS } from './registry';
import { columnLetter } from './sheet';

type TemplateColumn = {
  field: string;
  /** What to write, shown on the notes sheet. */
  note: string;
  example: string | number | Date;
  /** A drop-down list in the sheet (a bounded range, never a whole column). */
  choices?: readonly string[];
  width?: number;
  money?: boolean;
};

type Template = { title: string; sheet: string; columns: TemplateColumn[]; notes: string[]; managersOnly?: boolean };

const DATE_NOTE = '可写 2026-03-05、2026/3/5、2026年3月5日、20260305,或 Excel 日期单元格';
const MONEY_NOTE = '单位:元,最多两位小数;可写 3000、3,000.00、¥3,000';

const TEMPLATES: Record<ImportKind, Template> = {
  clients: {
    title: '客户导入模板',
    sheet: '客户',
    columns: [
      {
        field: 'name',
        note: '公司或个人的名称;名称相同(忽略"有限公司"等后缀)视为撞单',
        example: `${EXAMPLE_MARK}深圳华联超市有限公司`,
        width: 30,
      },
      { field: 'kind', note: '公司 或 个人;不填为公司', example: '公司', choices: ['公司', '个人'] },
      { field: 'contact', note: '联系人姓名', example: '王经理' },
      {
        field: 'phone',
        note: '手机 11 位,座机带区号;多个号码用 / 分隔;号码相同视为撞单',
        example: '13800138000 / 0755-12345678',
        width: 28,
      },
      { field: 'wechat', note: '微信号', example: 'hualian_wang' },
      { field: 'region', note: '省市区写在一起也可以,如 广东省深圳市南山区', example: '广东省深圳市南山区', width: 22 },
      { field: 'address', note: '详细地址', example: '科技园路 1 号', width: 24 },
      { field: 'industry', note: '所属行业', example: '零售' },
      {
        field: 'source',
        note: `可填:${Object.values(SOURCE_LABELS)
          .map((l) => l.zh)
          .join('、')}`,
        example: '电话咨询',
        choices: Object.values(SOURCE_LABELS).map((l) => l.zh),
      },
      {
        field: 'level',
        note: '一级(已成交)、二级、三级、四级,或 1–4;不填为四级',
        example: '二级',
        choices: Object.values(LEVEL_LABELS).map((l) => l.short),
      },
      { field: 'joinedOn', note: `${DATE_NOTE};不填为导入当天`, example: new Date(Date.UTC(2026, 2, 5)) },
      { field: 'ownerCode', note: '业务员的工号(员工管理中可查);不填为未分配', example: 'S001' },
      { field: 'notes', note: '备注', example: '老客户介绍', width: 24 },
    ],
    notes: [
      '表中可以有更多列:类型、QQ、邮箱、省、市、区县、乡镇、规模、介绍人、分类、销售阶段、生日、纪念日、业务员(姓名)。',
      '文件里的其他列不会被丢弃:预览会列出它们,可在"列对应"中指定对应哪一项,选择会按表格样式记住。',
      '撞单(与已有客户电话或名称相同)时可选择:整个文件不导入(默认)、跳过撞单的行,或更新属于自己的客户。',
    ],
  },
  contracts: {
    title: '合同导入模板',
    sheet: '合同',
    columns: [
      { field: 'number', note: '合同编号,不能与已有合同重复', example: `${EXAMPLE_MARK}HT-2026-0001`, width: 20 },
      { field: 'client', note: '已登记的客户名称(先导入客户)', example: '深圳华联超市有限公司', width: 28 },
      { field: 'staffCode', note: '签约业务员的工号;不填为客户的业务员', example: 'S001' },
      { field: 'product', note: '产品或服务', example: '年度推广服务' },
      { field: 'signedOn', note: DATE_NOTE, example: new Date(Date.UTC(2026, 2, 5)) },
      { field: 'amount', note: MONEY_NOTE, example: 3600, money: true },
      { field: 'startsOn', note: DATE_NOTE, example: new Date(Date.UTC(2026, 2, 5)) },
      { field: 'endsOn', note: DATE_NOTE, example: new Date(Date.UTC(2027, 2, 4)) },
      {
        field: 'status',
        note: `可填:${Object.values(CONTRACT_STATUS_LABELS)
          .map((l) => l.zh)
          .join('、')}`,
        example: CONTRACT_STATUS_LABELS.active.zh,
        choices: Object.values(CONTRACT_STATUS_LABELS).map((l) => l.zh),
      },
      { field: 'renewalOf', note: '续费时填原合同编号', example: '' },
      { field: 'notes', note: '备注', example: '', width: 24 },
    ],
    notes: ['先导入客户,再导入合同,最后导入收款。'],
  },
  payments: {
    title: '收款导入模板',
    sheet: '收款',
    columns: [
      { field: 'contract', note: '已登记的合同编号', example: `${EXAMPLE_MARK}HT-2026-0001`, width: 20 },
      { field: 'paidOn', note: DATE_NOTE, example: new Date(Date.UTC(2026, 2, 6)) },
      { field: 'amount', note: `${MONEY_NOTE};退款写负数`, example: 1800, money: true },
      {
        field: 'method',
        note: `可填:${Object.values(PAYMENT_METHOD_LABELS)
          .map((l) => l.zh)
          .join('、')}`,
        example: PAYMENT_METHOD_LABELS.transfer.zh,
        choices: Object.values(PAYMENT_METHOD_LABELS).map((l) => l.zh),
      },
      { field: 'notes', note: '备注', example: '首期款', width: 24 },
    ],
    notes: ['收款不能超过合同未收金额;退款不能超过已收金额。'],
  },
  staff: {
    title: '员工导入模板',
    sheet: '员工',
    managersOnly: true,
    columns: [
      { field: 'code', note: '工号:字母、数字、- 和 _,不能与已有员工重复', example: `${EXAMPLE_MARK}S101` },
      { field: 'name', note: '姓名', example: '张伟' },
      {
        field: 'role',
        note: `可填:${ROLES.map((r) => ROLE_LABELS[r].zh).join('、')}`,
        example: '业务员',
        choices: ROLES.map((r) => ROLE_LABELS[r].zh),
      },
      { field: 'hiredOn', note: DATE_NOTE, example: new Date(Date.UTC(2026, 2, 1)) },
      { field: 'baseSalary', note: `底薪,${MONEY_NOTE}`, example: 3000, money: true },
      { field: 'phone', note: '手机号', example: '13900000000' },
    ],
    notes: ['只能导入新员工;已有员工请在员工页修改。'],
  },
  plans: {
    title: '月度指标导入模板',
    sheet: '月度指标',
    managersOnly: true,
    columns: [
      { field: 'month', note: '可写 2026-03 或 2026年3月;已月结的月份不能再改', example: `${EXAMPLE_MARK}2026-04` },
      { field: 'code', note: '员工工号;不填表示团队默认指标(适用于所有业务员)', example: 'S001' },
      { field: 'floor', note: `保底销售额,${MONEY_NOTE}`, example: 20000, money: true },
      { field: 'target', note: `目标销售额,${MONEY_NOTE}`, example: 50000, money: true },
      { field: 'rate', note: '提成比例:写 5% 或 5', example: '5%' },
      { field: 'multiplier', note: '超额部分的倍数:写 2 或 2倍', example: 2 },
    ],
    notes: ['只填要改的项;空着的项沿用团队默认指标。'],
  },
};

/**
 * 15.15: a template per import — the import's own column names (so it is read without any
 * mapping), one example row marked 【示例】 that imports skip, drop-down lists for the
 * choice columns on a bounded range, and a 填写说明 sheet saying what each column takes.
 */
export async function importTemplate(ctx: CallContext, kind: ImportKind): Promise<ExportFile> {
  const template = TEMPLATES[kind];
  if (template.managersOnly && ctx.actor?.role !== 'owner' && ctx.actor?.role !== 'manager')
    throw new AppError('forbidden', {
      zh: '只有店长和经理可以导入员工和月度指标。',
      en: 'Only the owner and managers may import staff and monthly plans.',
    });
  const specs = IMPORTERS[kind]!.columns as readonly ColumnSpec[];
  const spec = (field: string): ColumnSpec => specs.find((s) => s.field === field)!;
  const book = newWorkbook();
  book.creator = '门店通';
  const sheet = book.addWorksheet(template.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = template.columns.map((c) => ({
    header: `${spec(c.field).label}${spec(c.field).required ? '*' : ''}`,
    width: c.width ?? Math.max(12, spec(c.field).label.length * 2 + 4),
    ...(c.money ? { style: { numFmt: '#,##0.00' } } : c.example instanceof Date ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  template.columns.forEach((c, i) => {
    if (spec(c.field).required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const example = sheet.addRow(template.columns.map((c) => c.example));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  template.columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = columnLetter(i);
    // exceljs has the range form at run time but not in its types.
    (sheet as unknown as { dataValidations: { add: (range: string, v: DataValidation) => void } }).dataValidations.add(
      `${letter}2:${letter}1001`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.join(',')}"`],
        showErrorMessage: false,
      },
    );
  });
  const notes = book.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', width: 16 },
    { header: '必填', width: 8 },
    { header: '怎么填', width: 70 },
    { header: '示例', width: 28 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of template.columns) {
    const s = spec(c.field);
    notes.addRow([
      s.label,
      s.required ? '是' : '',
      c.note,
      c.example instanceof Date ? c.example.toISOString().slice(0, 10) : String(c.example).replace(EXAMPLE_MARK, ''),
    ]);
  }
  notes.addRow([]);
  for (const line of [
    `第 2 行是示例,以"${EXAMPLE_MARK}"开头,导入时会自动跳过;可以删除或照着填写。`,
    '表头可以用中文或英文列名,也认得常见写法(如 手机号码、联系电话、公司名称、负责人、签订日期);带 * 的列必填。',
    '支持 .xlsx、.xls、WPS .et、.ods、.xlsb、.numbers 和 CSV(UTF-8、GBK 或 UTF-16);默认全部正确才写入,也可选择只导入正确的行。',
    ...template.notes,
  ])
    notes.addRow(['', '', line]);
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${template.title}.xlsx`, mimeType: MIME_TYPES.xlsx, dataBase64: data.toString('base64'), rowCount: 1 };
}
