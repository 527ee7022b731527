import type { CommissionSettings } from '../../../shared/contract/commission';
import type { Kysely } from 'kysely';
import type { CallContext } from '../core/context';
import type { Database } from '../db/schema';
import { writeAudit } from '../audit/audit.repository';
import { readSettingsMap, writeSetting } from '../settings/settings.repository';

/** The defaults where the manual is silent (docs/rules.md: 提成与保底). Each is a setting. */
export const COMMISSION_DEFAULTS: CommissionSettings = {
  creditBasis: 'payments',
  exemptFirstPartialMonth: true,
  commissionWhenBelowFloor: true,
};

const KEYS: { [K in keyof CommissionSettings]: string } = {
  creditBasis: 'commission.creditBasis',
  exemptFirstPartialMonth: 'commission.exemptFirstPartialMonth',
  commissionWhenBelowFloor: 'commission.commissionWhenBelowFloor',
};

export async function readCommissionSettings(db: Kysely<Database>): Promise<CommissionSettings> {
  const map = await readSettingsMap(db);
  const pick = <K extends keyof CommissionSettings>(key: K): CommissionSettings[K] =>
    (map.get(KEYS[key]) as CommissionSettings[K] | undefined) ?? COMMISSION_DEFAULTS[key];
  return {
    creditBasis: pick('creditBasis'),
    exemptFirstPartialMonth: pick('exemptFirstPartialMonth'),
    commissionWhenBelowFloor: pick('commissionWhenBelowFloor'),
  };
}

export async function updateCommissionSettings(
  ctx: CallContext,
  patch: { [K in keyof CommissionSettings]?: CommissionSettings[K] | undefined },
): Promise<CommissionSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readCommissionSettings(trx);
    for (const key of Object.keys(KEYS) as (keyof CommissionSettings)[])
      if (patch[key] !== undefined) await writeSetting(trx, KEYS[key], patch[key]);
    const after = await readCommissionSettings(trx);
    await writeAudit(trx, ctx.actor, { action: 'commission.settings', entity: 'settings', before, after }, ctx.now());
    return after;
  });
}
