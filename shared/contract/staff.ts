import { z } from 'zod';
import { method } from './method';
import { ROLES, type Role } from '../roles';
import { dateSchema, idSchema } from './field-schemas';

// Other contract files (and other branches) import these from here; they live in field-schemas.
export { dateSchema, idSchema } from './field-schemas';
import { normalisePhone } from '../clients/normalise';
import { zhEn } from '../bilingual';

export const STAFF_STATUSES = ['active', 'warning', 'dismissal_due', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export type StaffRow = {
  id: number;
  code: string;
  name: string;
  role: Role;
  hiredOn: string;
  leftOn: string | null;
  /** Absent for a clerk, and for a salesperson looking at anyone but themself (docs/operations.md › 登录、权限与备份). */
  baseSalaryFen?: number;
  status: StaffStatus;
  phone: string;
  createdAt: string;
  updatedAt: string;
};

/** One change of a person's employment (在职记录), oldest first. */
export type StaffStatusEvent = {
  id: number;
  event: 'hired' | 'left' | 'dismissed' | 'reinstated';
  /** The day it took effect (hire date, leaving date, day back). */
  effectiveOn: string;
  fromStatus: StaffStatus | null;
  toStatus: StaffStatus;
  reason: string;
  at: string;
  byCode: string;
};

export const staffCodeSchema = z
  .string()
  .trim()
  .min(1, { error: zhEn('工号不能为空', 'Staff code is required') })
  .max(20, { error: zhEn('工号最多 20 个字符', 'Staff code is at most 20 characters') })
  .regex(/^[A-Za-z0-9_-]+$/, {
    error: zhEn('工号只能包含字母、数字、- 和 _', 'Staff code may contain only letters, digits, - and _'),
  });

/** Salary in fen: a whole, non-negative number below 10 million yuan a month. */
export const salaryFenSchema = z
  .number({ error: zhEn('底薪必须是数字', 'Base salary must be a number') })
  .int({ error: zhEn('底薪必须精确到分', 'Base salary must be whole fen') })
  .min(0, { error: zhEn('底薪不能为负数', 'Base salary cannot be negative') })
  .max(1_000_000_000, { error: zhEn('底薪过大', 'Base salary is too large') });

/** A staff member's phone: empty, or something that can be dialled (the same rule as a client's). */
export const staffPhoneSchema = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || normalisePhone(v) !== null, {
    error: zhEn(
      '电话号码无效(手机 11 位,座机请带区号,如 0755-12345678)',
      'Not a phone number (mobiles have 11 digits; landlines need the area code, e.g. 0755-12345678)',
    ),
  });

export const newStaffSchema = z.strictObject({
  code: staffCodeSchema,
  name: z
    .string()
    .trim()
    .min(1, { error: zhEn('姓名不能为空', 'Name is required') })
    .max(50),
  role: z.enum(ROLES, { error: zhEn('角色无效', 'Unknown role') }),
  hiredOn: dateSchema,
  baseSalaryFen: salaryFenSchema,
  phone: staffPhoneSchema.default(''),
});
export type NewStaff = z.output<typeof newStaffSchema>;

export const staffPatchSchema = z.strictObject({
  id: idSchema,
  code: staffCodeSchema.optional(),
  name: z.string().trim().min(1).max(50).optional(),
  role: z.enum(ROLES).optional(),
  hiredOn: dateSchema.optional(),
  baseSalaryFen: salaryFenSchema.optional(),
  phone: staffPhoneSchema.optional(),
});

export const staffContract = {
  'staff.list': method<StaffRow[]>()({
    input: z.strictObject({ includeLeft: z.boolean().default(false) }).default({ includeLeft: false }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '员工列表', en: 'List staff' },
  }),
  'staff.get': method<StaffRow>()({
    input: z.strictObject({ id: idSchema }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '员工详情', en: 'One staff member' },
  }),
  'staff.create': method<StaffRow>()({
    input: newStaffSchema,
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: { zh: '新增员工', en: 'Add a staff member' },
  }),
  'staff.update': method<StaffRow>()({
    input: staffPatchSchema,
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: { zh: '修改员工', en: 'Edit a staff member' },
  }),
  'staff.deactivate': method<StaffRow>()({
    input: z.strictObject({
      id: idSchema,
      leftOn: dateSchema,
      /** Their clients go back to the pool (公海); otherwise they stay until a manager reassigns them. */
      clientsToPool: z.boolean().default(false),
    }),
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: { zh: '员工离职', en: 'Mark a staff member as left' },
  }),
  'staff.reinstate': method<StaffRow>()({
    input: z.strictObject({
      id: idSchema,
      /** The day they are back; defaults to today. */
      on: dateSchema.optional(),
      reason: z
        .string()
        .trim()
        .min(2, { error: zhEn('请写明恢复在职的原因', 'Give the reason for reinstating') })
        .max(300),
    }),
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: { zh: '恢复在职', en: 'Reinstate a staff member who left' },
  }),
  'staff.history': method<StaffStatusEvent[]>()({
    input: z.strictObject({ id: idSchema }),
    roles: ['owner', 'manager'],
    kind: 'read',
    summary: { zh: '在职记录', en: 'Employment history' },
  }),
} as const;
