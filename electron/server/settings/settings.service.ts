import path from 'node:path';
import type { Kysely } from 'kysely';
import type { OfficeSettings } from '../../../shared/contract/settings';
import { AppError } from '../core/app-error';
import type { CallContext, OfficeContext } from '../core/context';
import { writeAudit } from '../audit/audit.repository';
import { readSettingsMap, writeSetting } from './settings.repository';
import { checkedPasswordHash } from '../auth/auth.service';
import type { Database } from '../db/schema';
import { findStaffByCode, insertStaff, toStaffRow } from '../staff/staff.repository';
import { todayLocal } from '../../../shared/dates';
import { assertAbsoluteHere } from '../core/user-path';
import { recordStatusEvent } from '../staff/staff-history.repository';

export const DEFAULT_ARCHIVE_FOLDER = '档案';

export async function getSettings(ctx: OfficeContext): Promise<OfficeSettings> {
  const map = await readSettingsMap(ctx.db);
  return {
    officeName: (map.get('office.name') as string | undefined) ?? '',
    officeAddress: (map.get('office.address') as string | undefined) ?? '',
    archiveRoot: ctx.archiveRoot(),
    dataDir: ctx.dataDir,
    setupDone: map.get('office.setupDone') === true,
  };
}

/** The archive folder: the office's choice, else `<data folder>/档案`. */
export function resolveArchiveRoot(dataDir: string, stored: unknown): string {
  return typeof stored === 'string' && stored.length > 0 ? stored : path.join(dataDir, DEFAULT_ARCHIVE_FOLDER);
}

export async function updateSettings(
  ctx: CallContext,
  patch: { officeName?: string | undefined; officeAddress?: string | undefined },
): Promise<OfficeSettings> {
  const before = await getSettings(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (patch.officeName !== undefined) await writeSetting(trx, 'office.name', patch.officeName);
    if (patch.officeAddress !== undefined) await writeSetting(trx, 'office.address', patch.officeAddress);
    await writeAudit(trx, ctx.actor, { action: 'settings.update', entity: 'settings', before, after: patch }, ctx.now());
  });
  return getSettings(ctx);
}

export async function completeSetup(
  ctx: CallContext,
  input: {
    officeName: string;
    officeAddress: string;
    archiveRoot?: string | undefined;
    owner?: { code: string; name: string; password?: string | undefined } | undefined;
  },
): Promise<OfficeSettings> {
  if ((await getSettings(ctx)).setupDone) throw alreadySetUp();
  if (input.archiveRoot !== undefined) assertAbsoluteHere(input.archiveRoot, 'archiveRoot');
  // Hashed before the transaction (scrypt takes a moment); an empty password means none yet.
  const password = input.owner?.password ? await checkedPasswordHash(input.owner.password, 'owner.password') : null;
  await ctx.db.transaction().execute(async (trx) => {
    // Once, atomically: a second call that passed the check above while the first was hashing
    // finds it done here (transactions are serialized) and creates nothing.
    if ((await readSettingsMap(trx)).get('office.setupDone') === true) throw alreadySetUp();
    if (input.owner) await createOwner(trx, ctx, input.owner, password);
    await writeSetting(trx, 'office.name', input.officeName);
    await writeSetting(trx, 'office.address', input.officeAddress);
    if (input.archiveRoot) await writeSetting(trx, 'archive.root', input.archiveRoot);
    await writeSetting(trx, 'office.setupDone', true);
    const { owner, ...office } = input;
    const after = { ...office, ...(owner ? { owner: { code: owner.code, name: owner.name, signIn: password !== null } } : {}) };
    await writeAudit(trx, ctx.actor, { action: 'settings.setup', entity: 'settings', after }, ctx.now());
  });
  return getSettings(ctx);
}

function alreadySetUp(): AppError {
  return new AppError('conflict', {
    zh: '门店已完成首次设置。如需修改名称或地址,请到"设置"页面。',
    en: 'This office is already set up. Change its name or address on the Settings page.',
  });
}

/**
 * 首次设置 creates the owner (店长) — hired today, base salary to be set later in 员工 — and,
 * with a password, their sign-in; all in the setup's own transaction.
 */
async function createOwner(
  trx: Kysely<Database>,
  ctx: CallContext,
  owner: { code: string; name: string },
  passwordHash: string | null,
): Promise<void> {
  if (await findStaffByCode(trx, owner.code))
    throw new AppError(
      'conflict',
      { zh: `工号 ${owner.code} 已被使用。`, en: `Staff code ${owner.code} is already taken.` },
      {
        issues: [{ path: 'owner.code', message: '工号已被使用', messageEn: 'Code already taken' }],
      },
    );
  const stamp = ctx.now().toISOString();
  const record = await insertStaff(trx, {
    code: owner.code,
    name: owner.name,
    role: 'owner',
    hired_on: todayLocal(ctx.now()),
    left_on: null,
    base_salary_fen: 0,
    status: 'active',
    phone: '',
    created_at: stamp,
    updated_at: stamp,
  });
  recordStatusEvent(ctx, { staffId: record.id, event: 'hired', effectiveOn: record.hired_on, from: null, to: 'active' });
  await writeAudit(
    trx,
    ctx.actor,
    { action: 'staff.create', entity: 'staff', entityId: record.id, after: toStaffRow(record) },
    ctx.now(),
  );
  if (passwordHash)
    ctx.sqlite
      .prepare('INSERT INTO staff_passwords (staff_id, hash, updated_at) VALUES (?, ?, ?)')
      .run(record.id, passwordHash, stamp);
}
