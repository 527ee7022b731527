import { describe, expect, it } from 'vitest';
import { STAGES, funnelStepOf, isQualified, parseLevel, parseSource } from './classification';
import { COMPLETENESS_ITEMS, completenessScore, missingItems, type CompletenessInput } from './completeness';
import { formatRegion, parseRegion } from './region';

describe('classification', () => {
  it('reads levels and sources as offices write them', () => {
    expect(['一级', '1', '已成交客户', 'Level 1'].map(parseLevel)).toEqual([1, 1, 1, 1]);
    expect(['二级 准客户', '准客户', '3级', '四', '无明确意向客户'].map(parseLevel)).toEqual([2, 2, 3, 4, 4]);
    expect(parseLevel('五级')).toBeNull();
    expect(parseSource('微信')).toBe('qq_wechat');
    expect(parseSource('官网留言/在线客服')).toBe('website');
    expect(parseSource('客户转介绍')).toBe('referral');
    expect(parseSource('陌拜')).toBe('cold_visit');
    expect(parseSource('火星')).toBeNull();
  });

  it('draws the funnel from the ten stages in order', () => {
    expect(STAGES.map(funnelStepOf)).toEqual([
      'potential',
      'potential',
      'potential',
      'potential',
      'intent',
      'intent',
      'intent',
      'signed',
      'signed',
      'signed',
    ]);
  });

  it('qualifies a client only with Money, Authority and Need together', () => {
    expect(isQualified({ money: true, authority: true, need: true })).toBe(true);
    expect(isQualified({ money: true, authority: false, need: true })).toBe(false);
  });
});

describe('completeness', () => {
  const empty: CompletenessInput = {
    name: '华联',
    contactName: '',
    phoneCount: 0,
    wechat: '',
    qq: '',
    email: '',
    address: '',
    province: '',
    city: '',
    district: '',
    industry: '',
    source: 'other',
    grade: '',
    manMoney: false,
    manAuthority: false,
    manNeed: false,
    birthday: null,
    anniversary: null,
    notes: '',
  };
  it('weighs items to 100 and says what is missing', () => {
    expect(COMPLETENESS_ITEMS.reduce((a, i) => a + i.weight, 0)).toBe(100);
    expect(completenessScore(empty)).toBe(10);
    expect(missingItems(empty).map((m) => m.key)).toContain('phone');
    const full: CompletenessInput = {
      ...empty,
      contactName: '王',
      phoneCount: 1,
      wechat: 'w',
      email: 'a@b.c',
      address: '路',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      industry: '零售',
      source: 'phone',
      grade: 'A',
      manNeed: true,
      birthday: '05-01',
      notes: 'n',
    };
    expect(completenessScore(full)).toBe(100);
  });
});

describe('region', () => {
  it.each([
    ['广东省深圳市南山区粤海街道', '广东省', '深圳市', '南山区', '粤海街道'],
    ['广东 深圳 南山', '广东', '深圳', '南山', ''],
    ['北京市朝阳区', '北京市', '北京市', '朝阳区', ''],
    ['上海 浦东新区', '上海市', '上海市', '浦东新区', ''],
    ['广西壮族自治区南宁市青秀区', '广西壮族自治区', '南宁市', '青秀区', ''],
    ['浙江省杭州市余杭区良渚镇', '浙江省', '杭州市', '余杭区', '良渚镇'],
  ])('%s', (raw, province, city, district, township) => {
    expect(parseRegion(raw)).toEqual({ province, city, district, township });
  });
  it('formats without repeating a municipality', () => {
    expect(formatRegion(parseRegion('北京市朝阳区'))).toBe('北京市 朝阳区');
  });
});
