import { z } from 'zod';
import { method } from './method';
import { ROLES, type Role } from '../roles';
import { isRealDate } from '../dates';

export const STAFF_STATUSES = ['active', 'warning', 'dismissal_due', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export type StaffRow = {
  id: number;
  code: string;
  name: string;
  role: Role;
  hiredOn: string;
  leftOn: string | null;
  /** Absent for a clerk, and for a salesperson looking at anyone but themself (SPEC §6). */
  baseSalaryFen?: number;
  status: StaffStatus;
  phone: string;
  createdAt: string;
  updatedAt: string;
};

export const staffCodeSchema = z
  .string()
  .trim()
  .min(1, { error: '工号不能为空 / Staff code is required' })
  .max(20, { error: '工号最多 20 个字符 / Staff code is at most 20 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, {
    error: '工号只能包含字母、数字、- 和 _ / Staff code may contain only letters, digits, - and _',
  });

export const dateSchema = z.string().refine(isRealDate, {
  error: '日期格式应为 YYYY-MM-DD / Date must be YYYY-MM-DD',
});

/** Salary in fen: a whole, non-negative number below 10 million yuan a month. */
export const salaryFenSchema = z
  .number({ error: '底薪必须是数字 / Base salary must be a number' })
  .int({ error: '底薪必须精确到分 / Base salary must be whole fen' })
  .min(0, { error: '底薪不能为负数 / Base salary cannot be negative' })
  .max(1_000_000_000, { error: '底薪过大 / Base salary is too large' });

export const newStaffSchema = z.strictObject({
  code: staffCodeSchema,
  name: z.string().trim().min(1, { error: '姓名不能为空 / Name is required' }).max(50),
  role: z.enum(ROLES, { error: '角色无效 / Unknown role' }),
  hiredOn: dateSchema,
  baseSalaryFen: salaryFenSchema,
  phone: z.string().trim().max(40).default(''),
});
export type NewStaff = z.output<typeof newStaffSchema>;

export const staffPatchSchema = z.strictObject({
  id: z.number().int().positive(),
  code: staffCodeSchema.optional(),
  name: z.string().trim().min(1).max(50).optional(),
  role: z.enum(ROLES).optional(),
  hiredOn: dateSchema.optional(),
  baseSalaryFen: salaryFenSchema.optional(),
  phone: z.string().trim().max(40).optional(),
});

export const staffContract = {
  'staff.list': method<StaffRow[]>()({
    input: z.strictObject({ includeLeft: z.boolean().default(false) }).default({ includeLeft: false }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: '员工列表 / List staff',
  }),
  'staff.get': method<StaffRow>()({
    input: z.strictObject({ id: z.number().int().positive() }),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: '员工详情 / One staff member',
  }),
  'staff.create': method<StaffRow>()({
    input: newStaffSchema,
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: '新增员工 / Add a staff member',
  }),
  'staff.update': method<StaffRow>()({
    input: staffPatchSchema,
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: '修改员工 / Edit a staff member',
  }),
  'staff.deactivate': method<StaffRow>()({
    input: z.strictObject({
      id: z.number().int().positive(),
      leftOn: dateSchema,
      /** Their clients go back to the pool (公海); otherwise they stay until a manager reassigns them. */
      clientsToPool: z.boolean().default(false),
    }),
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: '员工离职 / Mark a staff member as left',
  }),
} as const;
