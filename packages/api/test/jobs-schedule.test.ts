/**
 * Scheduled jobs run once per period however many instances run them: two instances on one
 * PostgreSQL database both evaluate the schedules every second across two minute boundaries,
 * and every scheduled queue gets exactly one job per minute (the minutely ones one in each
 * minute seen), each run once, by one instance or the other.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@shoppable/db/testing";
import { loadConfig } from "../src/config.ts";
import { createEventBus } from "../src/events.ts";
import { createJobs, JOB_SCHEMA, SCHEDULES, type Jobs } from "../src/jobs.ts";
import { createLogger } from "../src/logger.ts";
import { WebhookSender } from "../src/webhooks.ts";

let db: TestDatabase | undefined;
const instances: Jobs[] = [];
afterAll(async () => {
  for (const jobs of instances) await jobs.stop(1000);
  await db?.close();
});

describe("scheduled jobs", () => {
  it("run once per period with two instances", async (ctx) => {
    if (!process.env.DATABASE_URL)
      ctx.skip("a concurrency guarantee: runs with the PostgreSQL suite (set DATABASE_URL)");
    db = await openTestDatabase();
    const config = loadConfig({ NODE_ENV: "test" });
    const runs = new Map<string, { queue: string; instance: number }[]>();
    for (const instance of [0, 1]) {
      const jobs = createJobs({
        db,
        config,
        logger: createLogger("silent"),
        webhooks: new WebhookSender(),
        cronCheckSeconds: 1,
      });
      jobs.events.on("done", (queue: string, id: string) =>
        runs.set(id, [...(runs.get(id) ?? []), { queue, instance }]),
      );
      await jobs.start(createEventBus({ logger: createLogger("silent") }));
      instances.push(jobs);
    }
    const minutely = Object.entries(SCHEDULES)
      .filter(([, cron]) => cron === "* * * * *")
      .map(([name]) => name);
    const slots = () =>
      db!.prisma.$queryRawUnsafe<{ name: string; minute: Date; jobs: number; completed: number }[]>(
        `SELECT name, date_trunc('minute', created_on) AS minute, count(*)::int AS jobs, count(*) FILTER (WHERE state = 'completed')::int AS completed
         FROM ${JOB_SCHEMA}.job WHERE name = ANY($1::text[]) GROUP BY 1, 2 ORDER BY 2, 1`,
        Object.keys(SCHEDULES),
      );
    // Until each minutely queue has completed jobs in two different minutes (a period boundary crossed).
    for (;;) {
      const seen = await slots();
      if (minutely.every((name) => seen.filter((s) => s.name === name && s.completed > 0).length >= 2)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const seen = await slots();
    for (const slot of seen) expect(slot.jobs, `${slot.name} at ${slot.minute.toISOString()}`).toBe(1);
    for (const [id, ran] of runs) expect(ran, `job ${id}`).toHaveLength(1);
    const byInstance = [0, 1].map((i) => [...runs.values()].filter((r) => r[0]!.instance === i).length);
    console.log(
      `scheduled jobs: ${seen.length} (queue, minute) slots, one job each; runs by instance ${byInstance.join("/")}`,
    );
  }, 300_000);
});
