import { z } from 'zod';
import { method } from './method';
import { absolutePathSchema } from './field-schemas';
import { staffCodeSchema } from './staff';
import { zhEn } from '../bilingual';

export type OfficeSettings = {
  officeName: string;
  officeAddress: string;
  /** Absolute path of the archive folder (档案根目录); '' for a caller who is not signed in. */
  archiveRoot: string;
  /** Absolute path of the folder holding office.db; '' for a caller who is not signed in. */
  dataDir: string;
  setupDone: boolean;
};

const officeNameSchema = z
  .string()
  .trim()
  .min(1, { error: zhEn('门店名称不能为空', 'Office name is required') })
  .max(100, { error: zhEn('门店名称最多 100 个字', 'Office name is at most 100 characters') });

export const settingsContract = {
  'settings.get': method<OfficeSettings>()({
    input: z.strictObject({}).default({}),
    roles: 'public',
    kind: 'read',
    summary: { zh: '门店设置', en: 'Office settings' },
  }),
  'settings.update': method<OfficeSettings>()({
    input: z.strictObject({
      officeName: officeNameSchema.optional(),
      officeAddress: z.string().trim().max(200).optional(),
    }),
    roles: ['owner', 'manager'],
    kind: 'write',
    summary: { zh: '修改门店设置', en: 'Change office settings' },
  }),
  'settings.completeSetup': method<OfficeSettings>()({
    input: z.strictObject({
      officeName: officeNameSchema,
      officeAddress: z.string().trim().max(200).default(''),
      archiveRoot: absolutePathSchema().optional(),
      /**
       * The owner's own account (店长), created with the office. A password turns sign-in on
       * at once; without one the office opens without sign-in until a password is set in 设置.
       */
      owner: z
        .strictObject({
          code: staffCodeSchema,
          name: z
            .string()
            .trim()
            .min(1, { error: zhEn('姓名不能为空', 'Name is required') })
            .max(50),
          password: z.string().max(200).optional(),
        })
        .optional(),
    }),
    // First run happens before anyone can sign in: the caller is then the local owner, which
    // only the desktop app and a loopback browser are (a LAN peer is nobody until sign-in is
    // on). The service refuses once set up, atomically. The archive folder is on this machine.
    roles: ['owner'],
    kind: 'write',
    serverPaths: ['archiveRoot'],
    summary: { zh: '首次设置', en: 'First-run setup' },
  }),
} as const;
