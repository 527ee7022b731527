import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar';
import {
  DEFAULT_POOL_SETTINGS,
  cooldownEndsOn,
  poolCutoff,
  poolSettingsSchema,
  poolVerdict,
  type PoolSettings,
} from './pool-rules';

const rules: PoolSettings = {
  ...DEFAULT_POOL_SETTINGS,
  autoReturn: true,
  warnDays: 3,
  levels: {
    1: { noFollowUpDays: 10, noContractDays: null },
    2: { noFollowUpDays: 30, noContractDays: 180 },
    3: { noFollowUpDays: 30, noContractDays: null },
    4: { noFollowUpDays: null, noContractDays: null },
  },
};

describe('poolVerdict', () => {
  const facts = { level: 3 as const, ownedSince: '2026-01-01', lastFollowUpOn: '2026-11-01', lastSignedOn: null };

  it('returns a client exactly N days after its last follow-up, not a day sooner', () => {
    expect(poolVerdict(facts, rules, '2026-11-30')).toMatchObject({ state: 'warn', daysLeft: 1, returnsOn: '2026-12-01' });
    expect(poolVerdict(facts, rules, '2026-12-01')).toMatchObject({
      state: 'return',
      reason: 'no_follow_up',
      since: '2026-11-01',
      returnsOn: '2026-12-01',
      daysLeft: 0,
    });
  });

  it('warns warnDays before, and not earlier', () => {
    expect(poolVerdict(facts, rules, '2026-11-27')).toEqual({ state: 'keep' });
    expect(poolVerdict(facts, rules, '2026-11-28')).toMatchObject({ state: 'warn', daysLeft: 3 });
    expect(poolVerdict(facts, { ...rules, warnDays: 0 }, '2026-11-30')).toEqual({ state: 'keep' });
  });

  it('starts the clock when the owner got the client, not at the former owner’s last follow-up', () => {
    const claimed = { ...facts, ownedSince: '2026-11-20' };
    expect(poolVerdict(claimed, rules, '2026-12-01')).toEqual({ state: 'keep' });
    expect(poolVerdict(claimed, rules, '2026-12-20')).toMatchObject({ state: 'return', since: '2026-11-20' });
    // Never followed up: the clock runs from the day it was owned.
    expect(poolVerdict({ ...claimed, lastFollowUpOn: null }, rules, '2026-12-20')).toMatchObject({ state: 'return' });
  });

  it('the earliest rule wins; a level without rules keeps its clients', () => {
    const level2 = { level: 2 as const, ownedSince: '2026-01-01', lastFollowUpOn: '2026-11-25', lastSignedOn: '2026-06-01' };
    expect(poolVerdict(level2, rules, '2026-11-28')).toMatchObject({
      state: 'return',
      reason: 'no_contract',
      returnsOn: '2026-11-28',
    });
    expect(poolVerdict({ ...level2, level: 4 }, rules, '2030-01-01')).toEqual({ state: 'keep' });
  });

  it('signed (一级) clients are exempt when the office says so', () => {
    const signed = { level: 1 as const, ownedSince: '2026-01-01', lastFollowUpOn: null, lastSignedOn: null };
    expect(poolVerdict(signed, rules, '2026-12-01')).toEqual({ state: 'keep' });
    expect(poolVerdict(signed, { ...rules, exemptSigned: false }, '2026-12-01')).toMatchObject({ state: 'return' });
  });

  it('a client that would be warned or returned is never after the cutoff the job filters by', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2022-01-01', n));
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 4 as const),
        day,
        fc.option(day),
        fc.option(day),
        day,
        (level, owned, follow, signed, asOf) => {
          const verdict = poolVerdict(
            { level: level as 1 | 2 | 3 | 4, ownedSince: owned, lastFollowUpOn: follow, lastSignedOn: signed },
            rules,
            asOf,
          );
          const cutoff = poolCutoff(rules, level as 1 | 2 | 3 | 4, asOf);
          if (verdict.state !== 'keep') {
            expect(cutoff).not.toBeNull();
            expect(owned <= cutoff!).toBe(true);
          }
        },
      ),
    );
  });
});

describe('settings', () => {
  it('the defaults are valid and keep automatic return off', () => {
    expect(poolSettingsSchema.parse(DEFAULT_POOL_SETTINGS)).toEqual(DEFAULT_POOL_SETTINGS);
    expect(DEFAULT_POOL_SETTINGS.autoReturn).toBe(false);
  });

  it('a cooldown ends on a calendar day', () => {
    expect(cooldownEndsOn('2026-11-26', 1)).toBe('2026-11-27');
    expect(cooldownEndsOn('2026-11-26', 0)).toBe('2026-11-26');
  });
});
