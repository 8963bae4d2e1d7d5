const MINUTE = 60_000;
const FIRST_RETRY_MS = 5 * MINUTE;
const LAST_RETRY_MS = 6 * 60 * MINUTE;

/** When the sweep next retries a release that has failed `attempts` times: 5 min, doubling, at most 6 h apart. */
export function releaseRetryAt(attempts: number, now: Date): Date {
  const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
  return new Date(now.getTime() + delay);
}
