import { describeRule, type BonusRule } from '../../../shared/commission/bonus-rules';
import { describeTiers, type Tier } from '../../../shared/commission/tiers';
import type { CommissionSettings } from '../../../shared/contract/commission';
import type { AppliedPolicy } from '../../../shared/performance/performance-types';
import { ROLE_LABELS } from '../../../shared/roles';
import type { TiersSource } from './plan-tiers.repository';

/**
 * The defaults chosen where the manual is silent, as printed under the sheet (docs/rules.md › 指标、提成与月结: "a
 * clear, documented default and a setting — never a silent guess").
 */
export function policiesFor(settings: CommissionSettings): AppliedPolicy[] {
  const list: AppliedPolicy[] = [
    settings.creditBasis === 'payments'
      ? {
          key: 'basis',
          zh: '业绩按到账收款计入收款月份;退款计为负数,计入退款月份。',
          en: 'Sales are payments received, in the month received; refunds count negative in their month.',
        }
      : {
          key: 'basis',
          zh: '业绩按签约合同金额计入签约月份(草稿与作废合同不计)。',
          en: 'Sales are signed contract amounts, in the month signed (drafts and cancelled contracts excluded).',
        },
    {
      key: 'late',
      zh: '已月结月份之后补录的收款或退款,计入下一个未月结的月份,并标为“调整”。',
      en: 'Payments or refunds recorded for a month after it was closed count in the next open month, marked as adjustments.',
    },
    settings.exemptFirstPartialMonth
      ? {
          key: 'newHire',
          zh: '月中入职者,入职当月不考核保底。',
          en: 'Someone hired after the 1st is not judged against the floor that month.',
        }
      : {
          key: 'newHire',
          zh: '月中入职者,入职当月也考核保底。',
          en: 'Someone hired mid-month is judged against the floor from the first month.',
        },
    {
      key: 'noFloor',
      zh: '当月未设保底销售额者不考核;请假月份不考核,也不中断连续计数。',
      en: 'No floor set means not judged; a month on leave is not judged and does not break a run.',
    },
    settings.commissionWhenBelowFloor
      ? { key: 'belowFloorPay', zh: '低于保底的月份照常计算提成。', en: 'Commission is paid in a below-floor month as usual.' }
      : { key: 'belowFloorPay', zh: '低于保底的月份不发提成。', en: 'No commission in a below-floor month.' },
    {
      key: 'teamDefault',
      zh: '团队指标适用于业务员;其他岗位只按个人指标。底薪按月全额,不按天折算。',
      en: 'The team plan applies to salespeople; other roles only by a personal plan. Base salary is monthly, not prorated.',
    },
  ];
  return list;
}

type TieredRow = { staffId: number; name: string; tiers: Tier[] | null; tiersSource: TiersSource };

/**
 * The sheet's rules note for what issue 19 added: tiers in words (the team's and each person's
 * own), the bonus rules of the month, and how shared credit is split.
 */
export function tierAndRulePolicies(
  rows: readonly TieredRow[],
  rules: readonly BonusRule[],
  sharesInUse: boolean,
): AppliedPolicy[] {
  const list: AppliedPolicy[] = [];
  const team = rows.find((r) => r.tiersSource === 'team')?.tiers;
  if (team) {
    const words = describeTiers(team);
    list.push({
      key: 'tiers-team',
      zh: `阶梯提成(团队,业务员):${words.zh}。`,
      en: `Tiered commission (team, salespeople): ${words.en}.`,
    });
  }
  for (const r of rows.filter((x) => x.tiersSource === 'person' && x.tiers)) {
    const words = describeTiers(r.tiers!);
    list.push({
      key: `tiers-${r.staffId}`,
      zh: `阶梯提成(${r.name}):${words.zh}。`,
      en: `Tiered commission (${r.name}): ${words.en}.`,
    });
  }
  for (const rule of rules) {
    const words = describeRule(rule.def, rule.amountFen);
    const who = rule.roles.map((role) => ROLE_LABELS[role]);
    list.push({
      key: `rule-${rule.id}`,
      zh: `奖金规则「${rule.name}」:${words.zh}(${who.map((w) => w.zh).join('、')})。`,
      en: `Bonus rule “${rule.name}”: ${words.en} (${who.map((w) => w.en).join(', ')}).`,
    });
  }
  if (sharesInUse)
    list.push({
      key: 'shares',
      zh: '分成合同按各人比例计入业绩,按最大余数法精确到分(各人之和等于全额);月结后修改比例,差额计入下一个未月结月份并标为“调整”。',
      en: 'Shared contracts credit each person their percentage, rounded to the fen by largest remainder (the parts add up to the whole); shares changed after a close move the difference into the next open month as an adjustment.',
    });
  return list;
}
