/** How big a generated office is. `large` is issue 8's twenty-year office. */
export type OfficeSize = {
  staff: number;
  months: number;
  clients: number;
  contractsPerClient: number;
  paymentsPerContract: number;
  followUpsPerClient: number;
  documents: number;
};

export const SIZES = {
  small: {
    staff: 12,
    months: 24,
    clients: 2_000,
    contractsPerClient: 3,
    paymentsPerContract: 2,
    followUpsPerClient: 10,
    documents: 2_000,
  },
  large: {
    staff: 60,
    months: 60,
    clients: 100_000,
    contractsPerClient: 3,
    paymentsPerContract: 2,
    followUpsPerClient: 10,
    documents: 200_000,
  },
} as const satisfies Record<string, OfficeSize>;

export type SizeName = keyof typeof SIZES;

export function isSizeName(name: string): name is SizeName {
  return Object.hasOwn(SIZES, name);
}
