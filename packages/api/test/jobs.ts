/**
 * Driving the job queue from tests. Test APIs started with `jobs` poll rarely
 * (JOBS_POLL_INTERVAL_MS below): jobs run when a test wakes a worker, so a test sees each
 * state in between. Time moves by the test's clock: `runDueAttempts` makes the webhook
 * attempts due by that clock due now (the queue compares with the database's clock), runs
 * them, and waits until each finished.
 */
import { QUEUES } from "@shoppable/schema/shared/jobs.ts";
import { JOB_SCHEMA, type Jobs } from "../src/jobs.ts";
import type { TestApi } from "./harness.ts";

/** Settings for a test API whose workers run only when woken. */
export const MANUAL_JOBS = { JOBS_POLL_INTERVAL_MS: String(3_600_000) };

/** Resolves when every job of `ids` finished on `jobs` (done or failed), with their results. */
export function finished(jobs: Jobs[], ids: string[]): Promise<unknown[]> {
  const waiting = new Map(ids.map((id, i) => [id, i]));
  const results: unknown[] = new Array(ids.length);
  if (waiting.size === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const listener = (_queue: string, id: string, result: unknown) => {
      const index = waiting.get(id);
      if (index === undefined) return;
      results[index] = result;
      waiting.delete(id);
      if (waiting.size === 0) {
        for (const j of jobs) {
          j.events.off("done", listener);
          j.events.off("failed", listener);
        }
        resolve(results);
      }
    };
    for (const j of jobs) {
      j.events.on("done", listener);
      j.events.on("failed", listener);
    }
  });
}

/**
 * Runs the webhook attempts due by `at` on the workers of `workers` (default the API's own) and
 * returns how many attempted a delivery (jobs that found their delivery settled do nothing).
 */
export async function runDueAttempts(api: TestApi, at: Date, workers: Jobs[] = [api.jobs!]): Promise<number> {
  const due = await api.db.prisma.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE name = $1 AND state < 'active' AND start_after <= $2::timestamptz RETURNING id::text AS id`,
    QUEUES.webhookDelivery,
    at.toISOString(),
  );
  const results = finished(
    workers,
    due.map((d) => d.id),
  );
  for (const w of workers) w.wake();
  return (await results).filter((r) => r !== "stale").length;
}
