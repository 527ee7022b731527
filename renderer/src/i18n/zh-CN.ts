import { authZh } from './auth.zh-CN';
import { auditZh } from './audit.zh-CN';
import { doctextZh } from './doctext.zh-CN';
import { intakeZh } from './intake.zh-CN';
import { archiveZh } from './archive.zh-CN';
import { commissionZh } from './commission.zh-CN';
import { performanceZh } from './performance.zh-CN';
import { clientsZh } from './clients.zh-CN';
import { backupZh } from './backup.zh-CN';
import { commonZh } from './common.zh-CN';
import { payZh } from './pay.zh-CN';
import { poolZh } from './pool.zh-CN';
import { receivablesZh } from './receivables.zh-CN';
import { importsZh } from './imports.zh-CN';

/**
 * The Chinese dictionary is the source of truth: every key the UI uses is declared here, and
 * en.ts must provide exactly the same keys (checked by its `Dictionary` type). Terms follow the
 * operations manuals (客户档案, 协议合同, 稿件, 保底销售额, 目标销售额, 提成, 月结, 待辞退).
 * `{name}` placeholders are filled by `t(key, { name })`.
 */
export const zhCN = {
  ...authZh,
  ...archiveZh,
  ...auditZh,
  ...doctextZh,
  ...intakeZh,
  ...commissionZh,
  ...performanceZh,
  ...clientsZh,
  ...backupZh,
  ...commonZh,
  ...payZh,
  ...poolZh,
  ...receivablesZh,
  ...importsZh,
  'app.name': '门店通',
  'app.loading': '正在加载…',
  'app.loadFailed': '无法连接门店通',
  'app.retry': '重试',
  'app.unexpected': '程序出错:{message}',

  'lang.label': '界面语言',

  'nav.clients': '客户',
  'nav.contracts': '合同',
  'nav.archive': '档案',
  'nav.staff': '员工与指标',
  'nav.performance': '业绩表',
  'nav.settings': '设置',
  'nav.menu': '主菜单',


  'common.save': '保存',
  'common.cancel': '取消',
  'common.edit': '编辑',
  'common.actions': '操作',
  'common.required': '请填写{label}',
  'common.saved': '已保存',
  'common.refresh': '刷新',

  'setup.title': '欢迎使用门店通',
  'setup.subtitle': '首次使用,请填写门店信息。名称和地址以后可以在“设置”中修改。',
  'setup.submit': '完成设置',
  'setup.owner': '店长账户',
  'setup.ownerName': '店长姓名',
  'setup.ownerCode': '店长工号',
  'setup.ownerCodeRule': '工号只能包含字母、数字、- 和 _',
  'setup.ownerPassword': '登录密码(可留空)',
  'setup.ownerPasswordHelp':
    '设置密码后,打开门店通需要用工号和密码登录(至少 8 位,含字母和数字)。留空则暂不需要登录,以后可在“设置”中开启。',
  'setup.archiveRootHelp':
    '客户档案、协议合同、稿件按目录保存在这里,也可以在资源管理器中直接浏览。请填写完整路径,例如 D:\\门店档案。',
  'setup.dataDirHelp': '数据库 office.db 保存在这个文件夹。如需换位置,请用 --data 参数启动门店通。',

  'office.name': '门店名称',
  'office.namePlaceholder': '例如:阳光加盟店',
  'office.address': '地址',
  'office.addressPlaceholder': '例如:XX 市 XX 区 XX 路 88 号',
  'office.archiveRoot': '档案文件夹',
  'office.dataDir': '数据文件夹',

  'settings.title': '设置',
  'settings.office': '门店信息',
  'settings.folders': '文件夹',
  'settings.foldersHint': '档案文件夹在首次设置时选定;更换位置并安全迁移已归档文件将在档案功能中提供。',

  'staff.title': '员工与指标',
  'staff.tab.list': '员工名单',
  'staff.tab.targets': '月度指标',
  'staff.tab.commission': '提成',
  'staff.add': '新增员工',
  'staff.showLeft': '显示已离职',
  'staff.count': '共 {count} 人',
  'staff.empty': '还没有员工。点击“新增员工”开始。',
  'staff.code': '工号',
  'staff.name': '姓名',
  'staff.role': '角色',
  'staff.hiredOn': '入职日期',
  'staff.baseSalary': '底薪',
  'staff.phone': '电话',
  'staff.phoneInvalid': '电话号码无效:手机 11 位,座机请带区号,如 0755-12345678',
  'staff.phonePlaceholder': '例如 13800138000',
  'staff.status': '状态',
  'staff.status.active': '在职',
  'staff.status.warning': '预警',
  'staff.status.dismissal_due': '待辞退',
  'staff.status.left': '已离职',
  'staff.leftOnShort': '{date} 离职',
  'staff.createTitle': '新增员工',
  'staff.editTitle': '编辑员工:{name}',
  'staff.codePlaceholder': '例如 S001',
  'staff.salaryPlaceholder': '例如 3,000.50',
  'staff.yuan': '元',
  'staff.salaryHelp': '每月固定工资,单位:元,可精确到分',
  'staff.salaryInvalid': '底薪格式不正确,请输入金额,例如 3000 或 3,000.50',
  'staff.salaryNegative': '底薪不能为负数',
  'staff.salaryTooLarge': '底薪过大,请检查(上限 10,000,000 元)',
  'staff.created': '已新增员工 {name}',
  'staff.updated': '已保存 {name} 的修改',
  'staff.deactivate': '离职',
  'staff.deactivateTitle': '办理离职:{name}({code})',
  'staff.deactivateHint': '离职后记录和历史业绩会保留;其名下客户需要重新分配,不会丢失。此操作不能撤销。',
  'staff.leftOn': '离职日期',
  'staff.deactivateOk': '确认离职',
  'staff.deactivated': '{name} 已办理离职',
} as const;
