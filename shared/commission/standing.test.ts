import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionFor } from './commission';
import { projectStanding, type StandingTerms } from './standing';

const base: StandingTerms = {
  floorFen: 1_000_000,
  targetFen: 3_000_000,
  rateBp: 500,
  multiplierPct: 200,
  tiers: null,
  commissionWhenBelowFloor: true,
  exempt: false,
  previousRun: 0,
};

describe('what-if: where do I stand', () => {
  it('shows gaps to floor and target, commission and the status a close would bring', () => {
    const now = projectStanding(base, 800_000);
    expect(now).toMatchObject({ gapToFloorFen: 200_000, gapToTargetFen: 2_200_000, belowFloor: true, status: 'warning' });
    expect(now.commission.totalFen).toBe(40_000);
    const more = projectStanding(base, 800_000 + 3_200_000);
    expect(more).toMatchObject({ gapToFloorFen: 0, gapToTargetFen: 0, belowFloor: false, status: 'ok' });
    expect(more.commission).toEqual(commissionFor(4_000_000, base));
  });

  it('a second month below the floor in a row would mean 待辞退', () => {
    expect(projectStanding({ ...base, previousRun: 1 }, 0).status).toBe('dismissal_due');
    expect(projectStanding({ ...base, previousRun: 1 }, 1_000_000).status).toBe('ok');
    // Exempt (e.g. leave): the run neither grows nor breaks.
    expect(projectStanding({ ...base, previousRun: 1, exempt: true }, 0).status).toBe('warning');
  });

  it('honours “no commission below the floor” and months without a floor or target', () => {
    expect(projectStanding({ ...base, commissionWhenBelowFloor: false }, 900_000).commission.totalFen).toBe(0);
    const none = projectStanding({ ...base, floorFen: null, targetFen: null }, 900_000);
    expect(none).toMatchObject({ gapToFloorFen: null, gapToTargetFen: null, belowFloor: false, attainmentBp: null });
  });

  it('uses tiers when set: the projection is the sheet’s own rule', () => {
    const tiered = {
      ...base,
      tiers: [
        { fromBp: 0, ratePpm: 50_000 },
        { fromBp: 10_000, ratePpm: 80_000 },
      ],
    };
    expect(projectStanding(tiered, 4_000_000).commission.totalFen).toBe(150_000 + 80_000);
  });

  it('more collected never lowers commission nor worsens the status', () => {
    const rank = { ok: 0, warning: 1, dismissal_due: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (sales, extra, run) => {
          const terms = { ...base, previousRun: run };
          const a = projectStanding(terms, sales);
          const b = projectStanding(terms, sales + extra);
          expect(b.commission.totalFen).toBeGreaterThanOrEqual(a.commission.totalFen);
          expect(rank[b.status]).toBeLessThanOrEqual(rank[a.status]);
        },
      ),
    );
  });
});
