/**
 * Words generated offices are made of: common surnames, shop-name words and trades (so
 * 2-character queries such as 超市 match thousands of clients, as in a real office), regions.
 */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const WORDS = [
  '华联',
  '金鑫',
  '东方',
  '红星',
  '恒通',
  '宏达',
  '永盛',
  '鑫源',
  '天成',
  '新世纪',
  '佳美',
  '隆基',
  '瑞丰',
  '富康',
  '嘉禾',
  '长城',
  '万家',
  '百盛',
  '安心',
  '顺发',
  '鸿运',
  '明珠',
  '国泰',
  '联合',
];
export const TRADES = [
  '超市',
  '贸易',
  '科技',
  '餐饮',
  '广告',
  '建材',
  '装饰',
  '物流',
  '酒店',
  '服饰',
  '医药',
  '电子',
  '五金',
  '家具',
  '汽修',
  '教育',
];
export const PLACES: [string, string, string][] = [
  ['广东省', '深圳市', '南山区'],
  ['广东省', '深圳市', '福田区'],
  ['广东省', '广州市', '天河区'],
  ['湖南省', '长沙市', '岳麓区'],
  ['浙江省', '杭州市', '西湖区'],
  ['江苏省', '南京市', '鼓楼区'],
  ['四川省', '成都市', '武侯区'],
  ['北京市', '北京市', '朝阳区'],
];
/** How an office's sheet writes the source column (import parses these). */
export const SOURCE_TEXTS = [
  '官网留言/在线客服',
  'QQ/微信',
  '电话咨询',
  '展会',
  '购买名录',
  '同行提供',
  '客户转介绍',
  '陌生拜访',
];

export const GIVEN_NAMES = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅鹏辉斌宇浩凯健俊帆';
export const CONTACT_TITLES = ['经理', '总', '先生', '女士', '主任', '老板'];
export const PRODUCTS = ['建站年费', '网站建设', '推广套餐', '域名与邮箱', '小程序开发', '运维服务', 'SEO 优化'];
export const FOLLOW_UP_TEXTS = [
  '电话沟通需求,客户有意向',
  '上门拜访,介绍产品方案',
  '微信发送报价单',
  '客户来访,演示后台',
  '回访使用情况,客户满意',
  '催收尾款,约定下周付清',
  '续费提醒,客户考虑中',
  '节日问候',
];
