export interface RetryOptions {
  /** Reconnect attempts in a row before subscriptions fail (default Infinity). */
  attempts?: number;
  /** The first wait (default 500 ms). */
  minDelayMs?: number;
  /** The longest wait (default 30 000 ms). */
  maxDelayMs?: number;
}

/**
 * The wait before reconnect attempt `attempt` (0-based): `minDelayMs · 2^attempt`, capped at
 * `maxDelayMs`, times a jitter factor between 0.5 and 1 (`random` in [0, 1)), so that clients
 * dropped together do not reconnect together.
 */
export function backoffDelay(
  attempt: number,
  { minDelayMs = 500, maxDelayMs = 30_000 }: RetryOptions = {},
  random = Math.random(),
): number {
  return Math.round(Math.min(maxDelayMs, minDelayMs * 2 ** attempt) * (0.5 + random / 2));
}
