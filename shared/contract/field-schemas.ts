import { z } from 'zod';
import { DATE_RANGE, ISO_DATE_PATTERN, isRealDate, MONTH_PATTERN, MONTH_RANGE, YEARLY_DATE_RANGE } from '../dates';
import { zhEn } from '../bilingual';

/**
 * The field schemas every contract file builds on, so a date, a month, an id or a path means the
 * same thing in every method. Each refuses at the door what would otherwise break deep inside a
 * service ("Invalid time value", a year 10000, a NUL in a file name, a backup written relative
 * to the process's folder) and says so in Chinese and English ("中文 / English", split by
 * validation). `meta({ format })` tells the contract fuzz test (tests/fuzz) what to generate.
 */

/** A row id: a positive whole number JavaScript can hold exactly. */
export const idSchema = z
  .number({ error: zhEn('编号必须是数字', 'An id must be a number') })
  .int({ error: zhEn('编号必须是正整数', 'An id must be a positive whole number') })
  .positive({ error: zhEn('编号必须是正整数', 'An id must be a positive whole number') });

/** 'YYYY-MM-DD', a real calendar date between 1990-01-01 and 2100-12-31. */
export const dateSchema = z
  .string({ error: zhEn('日期应为 YYYY-MM-DD 格式的文字', 'A date must be text like YYYY-MM-DD') })
  .regex(ISO_DATE_PATTERN, { error: zhEn('日期格式应为 YYYY-MM-DD,例如 2026-03-05', 'Date must be YYYY-MM-DD, e.g. 2026-03-05') })
  .refine(isRealDate, { error: zhEn('没有这一天(例如 2 月 30 日)', 'There is no such day (e.g. 30 February)') })
  .refine((v) => v >= DATE_RANGE.min && v <= DATE_RANGE.max, {
    error: zhEn(
      `日期应在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间`,
      `A date must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`,
    ),
  })
  .meta({ format: 'date' });

/** 'YYYY-MM' between 1990-01 and 2100-12. */
export const monthSchema = z
  .string({ error: zhEn('月份应为 YYYY-MM,例如 2026-10', 'Month must be YYYY-MM, e.g. 2026-10') })
  .regex(MONTH_PATTERN, { error: zhEn('月份应为 YYYY-MM,例如 2026-10', 'Month must be YYYY-MM, e.g. 2026-10') })
  .refine((v) => v >= MONTH_RANGE.min && v <= MONTH_RANGE.max, {
    error: zhEn(
      `月份应在 ${MONTH_RANGE.min} 至 ${MONTH_RANGE.max} 之间`,
      `A month must be between ${MONTH_RANGE.min} and ${MONTH_RANGE.max}`,
    ),
  })
  .meta({ format: 'month' });

const YEARLY_PATTERN = /^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A birthday or anniversary: 'YYYY-MM-DD' (1900–2100), or 'MM-DD' when the year is not known.
 * 'MM-DD' is checked against a leap year, so 02-29 is a real birthday.
 */
export const yearlyDateSchema = z
  .string({ error: zhEn('日期应为 YYYY-MM-DD 或 MM-DD', 'Date must be YYYY-MM-DD or MM-DD') })
  .regex(YEARLY_PATTERN, { error: zhEn('日期格式应为 YYYY-MM-DD 或 MM-DD', 'Date must be YYYY-MM-DD or MM-DD') })
  .refine((v) => isRealDate(v.length === 5 ? `2000-${v}` : v), {
    error: zhEn('没有这一天(例如 2 月 30 日)', 'There is no such day (e.g. 30 February)'),
  })
  .refine((v) => v.length === 5 || (v >= YEARLY_DATE_RANGE.min && v <= YEARLY_DATE_RANGE.max), {
    error: zhEn(
      `日期应在 ${YEARLY_DATE_RANGE.min} 至 ${YEARLY_DATE_RANGE.max} 之间`,
      `The date must be between ${YEARLY_DATE_RANGE.min} and ${YEARLY_DATE_RANGE.max}`,
    ),
  })
  .meta({ format: 'yearly-date' });

/** NUL and the other C0 controls (and DEL) never belong in a path; file systems and Node refuse them. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/** '/…' (macOS, Linux), 'D:\…' or 'D:/…' (Windows), '\\server\share\…' (a Windows share). */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;

const pathText = (max: number) =>
  z
    .string({ error: zhEn('路径必须是文字', 'A path must be text') })
    .max(max, { error: zhEn(`路径最多 ${max} 个字符`, `A path is at most ${max} characters`) })
    .refine((v) => !CONTROL_CHARS.test(v), {
      error: zhEn('路径里不能有控制字符(如 NUL)', 'A path cannot contain control characters (such as NUL)'),
    });

/**
 * A folder or file on this computer, written in full (D:\门店备份, /home/office/备份). A relative
 * path would land wherever the program happened to start, so it is refused. The server checks
 * again for its own platform (a Windows path means nothing on Linux).
 */
export const absolutePathSchema = (max = 1000) =>
  pathText(max)
    .trim()
    .min(1, { error: zhEn('请填写完整路径', 'Give the full path') })
    .refine((v) => ABSOLUTE_PATH.test(v), {
      error: zhEn('必须是完整路径,例如 D:\\门店备份', 'Must be a full path, e.g. D:\\Backups'),
    })
    .meta({ format: 'abs-path' });

/**
 * A path inside the archive folder, '/'-separated, as the archive lists it: never absolute,
 * never through '..'. Empty means the archive root where a method allows it.
 */
export const archivePathSchema = (max = 1000) =>
  pathText(max)
    .refine((v) => !ABSOLUTE_PATH.test(v) && !/^[\\/]/.test(v), {
      error: zhEn('应为档案文件夹内的相对路径', 'Must be a path inside the archive folder'),
    })
    .refine((v) => !v.split(/[\\/]/).includes('..'), {
      error: zhEn('路径不能包含 ".."', 'A path cannot contain ".."'),
    })
    .meta({ format: 'archive-path' });
