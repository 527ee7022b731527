import type { PlanFields, PlanRow } from '../../../../../shared/contract/commission';
import { parseMultiplierPct, parseRateBp } from '../../../../../shared/commission/commission';
import { fenToYuanString, parseYuanToFen } from '../../../../../shared/money';
import type { MessageKey } from '../../../i18n';

/** What the plan dialog edits: amounts in yuan, the rate in percent, the multiplier in 倍, as typed. */
export type PlanFormValues = {
  floorYuan: string;
  targetYuan: string;
  ratePercent: string;
  multiplier: string;
  leaveReason: string;
};

export function planToForm(plan: PlanRow | null): PlanFormValues {
  return {
    floorYuan: plan?.floorFen == null ? '' : fenToYuanString(plan.floorFen),
    targetYuan: plan?.targetFen == null ? '' : fenToYuanString(plan.targetFen),
    ratePercent: plan?.rateBp == null ? '' : String(plan.rateBp / 100),
    multiplier: plan?.multiplierPct == null ? '' : String(plan.multiplierPct / 100),
    leaveReason: plan?.leaveReason ?? '',
  };
}

type Problem = { field: keyof PlanFormValues; message: MessageKey };

/**
 * Blank means "not set" (use the team plan); anything typed must parse. Any field may be missing
 * altogether: the team dialog has no 请假 field, and antd only returns the fields it rendered.
 */
export function formToPlan(values: Partial<PlanFormValues>): { plan: PlanFields; problems: Problem[] } {
  const v: PlanFormValues = {
    floorYuan: values.floorYuan ?? '',
    targetYuan: values.targetYuan ?? '',
    ratePercent: values.ratePercent ?? '',
    multiplier: values.multiplier ?? '',
    leaveReason: values.leaveReason ?? '',
  };
  const problems: Problem[] = [];
  const amount = (field: 'floorYuan' | 'targetYuan'): number | null => {
    if (!v[field].trim()) return null;
    const fen = parseYuanToFen(v[field]);
    if (fen === null || fen < 0) problems.push({ field, message: 'plans.amountInvalid' });
    return fen;
  };
  const floorFen = amount('floorYuan');
  const targetFen = amount('targetYuan');
  const rateBp = v.ratePercent.trim() ? parseRateBp(v.ratePercent) : null;
  if (v.ratePercent.trim() && rateBp === null) problems.push({ field: 'ratePercent', message: 'plans.rateInvalid' });
  const multiplierPct = v.multiplier.trim() ? parseMultiplierPct(v.multiplier) : null;
  if (v.multiplier.trim() && multiplierPct === null) problems.push({ field: 'multiplier', message: 'plans.multiplierInvalid' });
  return {
    plan: { floorFen, targetFen, rateBp, multiplierPct, leaveReason: v.leaveReason.trim() || null },
    problems,
  };
}
