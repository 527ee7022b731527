// Every test process — vitest workers, the Playwright runner, the e2e host it starts and the browser —
// runs in the offices' time zone. Here UTC+8 makes local and UTC calendar days differ between 00:00
// and 08:00, so a date computed in UTC where a local one is meant shows up as a failing test instead
// of a customer's report (CI machines are usually on UTC, where the two never differ).
export const OFFICE_TIMEZONE = 'Asia/Shanghai';

/** Set TZ for this process and the ones it starts; call at the top of a test config. */
export function useOfficeTimezone(): void {
  process.env.TZ = OFFICE_TIMEZONE;
}
