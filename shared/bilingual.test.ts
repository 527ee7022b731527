import { describe, expect, it } from 'vitest';
import { bothLanguages, readZhEn, zhEn } from './bilingual';

describe('the one encoding of a { zh, en } pair in a single string', () => {
  it('reads back what it wrote, with " / " or a full-width bracket in either language', () => {
    for (const [zh, en] of [
      ['没有这一天(例如 2 月 30 日)', 'There is no such day (e.g. 30 February)'],
      ['请填写完整路径(例如 D:\\门店通备份)', 'Give a full path (e.g. D:\\Backups)'],
      ['金额不能为负数', 'Amount cannot be negative / below zero'],
    ] as const)
      expect(readZhEn(zhEn(zh, en))).toEqual({ zh, en });
    expect(bothLanguages({ zh: '合计', en: 'Total' })).toBe('合计 / Total');
  });

  it('takes text that never went through it as Chinese only', () => {
    expect(readZhEn('请先登录。')).toEqual({ zh: '请先登录。', en: null });
  });
});
