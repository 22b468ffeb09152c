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

/**
 * Records every job that finishes (done or failed) on `jobs` from now on, so a test can wait for
 * jobs it learns the ids of later: a worker may finish one before the test knows its id.
 */
export function watchJobs(jobs: Jobs[]) {
  const results = new Map<string, unknown>();
  const waiters = new Set<() => void>();
  const listener = (_queue: string, id: string, result: unknown) => {
    results.set(id, result);
    for (const wake of waiters) wake();
  };
  for (const j of jobs) {
    j.events.on("done", listener);
    j.events.on("failed", listener);
  }
  return {
    /** Resolves with the results of `ids` once each has finished (at once for those already seen). */
    finished(ids: string[]): Promise<unknown[]> {
      return new Promise((resolve) => {
        const check = () => {
          if (!ids.every((id) => results.has(id))) return;
          waiters.delete(check);
          resolve(ids.map((id) => results.get(id)));
        };
        waiters.add(check);
        check();
      });
    },
    stop() {
      for (const j of jobs) {
        j.events.off("done", listener);
        j.events.off("failed", listener);
      }
    },
  };
}

/**
 * Runs the webhook attempts due by `at` on the workers of `workers` (default the API's own) and
 * returns how many attempted a delivery (jobs that found their delivery settled do nothing).
 */
export async function runDueAttempts(api: TestApi, at: Date, workers: Jobs[] = [api.jobs!]): Promise<number> {
  // Watching before the jobs become due: a worker still busy from the last wake may take one at once.
  const watch = watchJobs(workers);
  const due = await api.db.prisma.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE name = $1 AND state < 'active' AND start_after <= $2::timestamptz RETURNING id::text AS id`,
    QUEUES.webhookDelivery,
    at.toISOString(),
  );
  const results = watch.finished(due.map((d) => d.id));
  for (const w of workers) w.wake();
  // Waking again until they finished: a wake that reaches a worker in the middle of a fetch
  // begun before the jobs were due can leave them to the next poll (an hour in tests).
  const again = setInterval(() => {
    for (const w of workers) w.wake();
  }, 250);
  try {
    return (await results).filter((r) => r !== "stale").length;
  } finally {
    clearInterval(again);
    watch.stop();
  }
}
