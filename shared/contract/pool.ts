import { z } from 'zod';
import { method } from './method';
import { clientFiltersSchema, idSchema } from './client-schemas';
import { dateSchema } from './staff';
import { LEVELS, SOURCES, type ClientLevel, type ClientSource } from '../clients/classification';
import { poolSettingsSchema, type PoolReason, type PoolSettings } from '../pool/pool-rules';
import { zhEn } from '../bilingual';

const everyone = ['owner', 'manager', 'clerk', 'salesperson'] as const;
const managers = ['owner', 'manager'] as const;
/** Who can hold clients and so claim them: not a clerk. */
const claimers = ['owner', 'manager', 'salesperson'] as const;

/**
 * One pool client as a caller may see it. A salesperson sees name, region, level, source and the
 * last follow-up date; `contacts` is absent for them unless the office opened it (a setting).
 * Enforced in the service, like the pay rules.
 */
export type PoolRow = {
  id: number;
  kind: 'company' | 'person';
  name: string;
  province: string;
  city: string;
  district: string;
  level: ClientLevel;
  source: ClientSource;
  industry: string;
  joinedOn: string;
  lastFollowUpOn: string | null;
  /** When it was put into the pool; null for a client that was never assigned. */
  poolSince: string | null;
  /** Who had it last — for managers and the owner only. */
  formerOwnerName?: string;
  contacts?: { contactName: string; phones: string[]; wechat: string; qq: string; notes: string };
};

export type PoolWarning = {
  clientId: number;
  clientName: string;
  ownerStaffId: number;
  ownerName: string;
  level: ClientLevel;
  reason: PoolReason;
  /** The last follow-up (or signed contract, or day it was owned) the clock counts from. */
  since: string;
  returnsOn: string;
  daysLeft: number;
};

export type PoolRunResult = {
  asOf: string;
  /** False when automatic return is off (nothing moved; warnings still counted). */
  autoReturn: boolean;
  returned: number;
  warned: number;
  /** The clients moved (the first 500), for the log and the CLI. */
  moves: { clientId: number; clientName: string; fromStaffId: number; fromName: string; reason: PoolReason; since: string }[];
};

export type PoolSummary = {
  asOf: string;
  poolSize: number;
  /** Clients the rules will return within the warning days: the caller's own for a salesperson. */
  returningSoon: number;
  /** The caller's claim figures; null caps mean no cap. Null when the caller holds no clients (a clerk, or no staff record). */
  mine: {
    claimedToday: number;
    dailyClaimCap: number | null;
    holding: number;
    holdingCap: number | null;
  } | null;
  lastRun: { asOf: string; at: string; returned: number; warned: number } | null;
  autoReturn: boolean;
};

export const poolListSchema = z.strictObject({
  search: z.string().trim().max(100).default(''),
  level: z.union(LEVELS.map((l) => z.literal(l))).optional(),
  source: z.enum(SOURCES).optional(),
  province: z.string().trim().max(30).optional(),
  city: z.string().trim().max(30).optional(),
  offset: z.number().int().nonnegative().max(10_000_000).default(0),
  limit: z.number().int().positive().max(500).default(50),
});

const reasonSchema = z.string().trim().max(200).default('');
const clientIdsSchema = z
  .array(idSchema)
  .min(1, { error: zhEn('请选择客户', 'Choose at least one client') })
  .max(100_000, { error: zhEn('一次最多 100000 位客户', 'At most 100000 clients at once') });

export const poolContract = {
  'pool.settings': method<PoolSettings>()({
    input: z.strictObject({}).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '公海规则', en: 'Pool rules' },
  }),
  'pool.updateSettings': method<PoolSettings>()({
    input: poolSettingsSchema,
    roles: managers,
    kind: 'write',
    summary: { zh: '修改公海规则', en: 'Change the pool rules' },
  }),
  'pool.list': method<{ rows: PoolRow[]; total: number }>()({
    input: poolListSchema.default(poolListSchema.parse({})),
    roles: everyone,
    kind: 'read',
    summary: { zh: '公海客户', en: 'Clients in the pool' },
  }),
  'pool.summary': method<PoolSummary>()({
    input: z.strictObject({ asOf: dateSchema.optional() }).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '公海概况', en: 'Pool at a glance' },
  }),
  'pool.claim': method<{ claimed: number; claimedToday: number; dailyClaimCap: number | null }>()({
    input: z.strictObject({
      clientIds: z
        .array(idSchema)
        .min(1, { error: zhEn('请选择要领取的客户', 'Choose the clients to claim') })
        .max(200, { error: zhEn('一次最多领取 200 位', 'Claim at most 200 at once') }),
    }),
    roles: claimers,
    kind: 'write',
    summary: { zh: '从公海领取客户', en: 'Claim clients from the pool' },
  }),
  'pool.assign': method<{ assigned: number }>()({
    input: z.strictObject({ clientIds: clientIdsSchema, toStaffId: idSchema, reason: reasonSchema }),
    roles: managers,
    kind: 'write',
    summary: { zh: '从公海分配客户', en: 'Assign clients from the pool' },
  }),
  'pool.putBack': method<{ returned: number }>()({
    input: z
      .strictObject({
        clientIds: clientIdsSchema.optional(),
        /** Every owned client matching the client list's filters. */
        filters: clientFiltersSchema.optional(),
        reason: z
          .string()
          .trim()
          .min(1, { error: zhEn('请填写退回原因', 'Give a reason') })
          .max(200),
      })
      .refine((v) => (v.clientIds === undefined) !== (v.filters === undefined), {
        error: zhEn('请选择客户,或给出筛选条件(二选一)', 'Choose clients, or give filters (one of the two)'),
      }),
    roles: managers,
    kind: 'write',
    summary: { zh: '退回公海', en: 'Put clients back into the pool' },
  }),
  'pool.warnings': method<PoolWarning[]>()({
    input: z
      .strictObject({
        asOf: dateSchema.optional(),
        staffId: idSchema.optional(),
        /** Soonest first; pool.summary counts them all. */
        limit: z.number().int().positive().max(5000).default(500),
      })
      .default({ limit: 500 }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '即将退回公海', en: 'Clients about to return to the pool' },
  }),
  'pool.run': method<PoolRunResult>()({
    input: z.strictObject({ asOf: dateSchema.optional() }).default({}),
    roles: managers,
    kind: 'write',
    summary: { zh: '执行公海规则', en: 'Apply the pool rules now' },
  }),
} as const;
