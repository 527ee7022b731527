import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './ApiError';
import { errorText, splitFormErrors } from './errorText';

const duplicateCode = new ApiError({
  code: 'conflict',
  message: '工号 S001 已被 张伟 使用,请换一个工号。',
  messageEn: 'Staff code S001 is already used by 张伟; choose another code.',
  details: { issues: [{ path: 'code', message: '已被 张伟 使用', messageEn: 'already used by 张伟' }] },
});

describe('errorText', () => {
  it('speaks the UI language', () => {
    expect(errorText(duplicateCode, 'zh-CN')).toMatch(/^工号 S001/);
    expect(errorText(duplicateCode, 'en')).toMatch(/^Staff code S001/);
  });

  it('wraps anything thrown as an internal ApiError', () => {
    const wrapped = toApiError(new TypeError('boom'));
    expect(wrapped.code).toBe('internal');
    expect(wrapped.body.message).toContain('boom');
  });
});

describe('splitFormErrors', () => {
  it('puts an issue on its field and shows no alert', () => {
    expect(splitFormErrors(duplicateCode, 'zh-CN', ['code', 'name'])).toEqual({
      fieldErrors: [{ name: 'code', errors: ['已被 张伟 使用'] }],
      general: null,
    });
  });

  it('renames contract paths onto form fields', () => {
    const err = new ApiError({
      code: 'invalid_input',
      message: '输入有误',
      messageEn: 'Invalid input',
      details: { issues: [{ path: 'baseSalaryFen', message: '底薪不能为负数', messageEn: 'Base salary cannot be negative' }] },
    });
    expect(splitFormErrors(err, 'en', ['baseSalaryYuan'], { baseSalaryFen: 'baseSalaryYuan' }).fieldErrors).toEqual([
      { name: 'baseSalaryYuan', errors: ['Base salary cannot be negative'] },
    ]);
  });

  it('keeps the message for an alert when an issue has no field or there are no issues', () => {
    expect(splitFormErrors(duplicateCode, 'zh-CN', ['name']).general).toMatch(/^工号 S001/);
    const plain = new ApiError({ code: 'unavailable', message: '数据库正忙', messageEn: 'Busy' });
    expect(splitFormErrors(plain, 'en', ['name'])).toEqual({ fieldErrors: [], general: 'Busy' });
  });
});
