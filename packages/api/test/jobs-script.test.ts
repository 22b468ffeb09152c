// `pnpm jobs` as a process: the queue's states, the schedules with their last run, failures.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "@shoppable/schema";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createEventBus } from "../src/events.ts";
import { createJobs } from "../src/jobs.ts";
import { createLogger } from "../src/logger.ts";
import { WebhookSender } from "../src/webhooks.ts";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "shoppable-jobs-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const jobsScript = () =>
  promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/jobs.ts"], {
    cwd: apiDir,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
  });

describe("pnpm jobs", () => {
  it("says there is no queue yet, then shows each queue's jobs by state and each schedule's last run", async () => {
    const db = await openDatabase({ dataDir: join(dataDir, "pglite"), migrate: true });
    await db.close();
    expect((await jobsScript()).stdout).toContain("No job queue yet");

    const reopened = await openDatabase({ dataDir: join(dataDir, "pglite") });
    const config = loadConfig({ NODE_ENV: "test", JOBS_POLL_INTERVAL_MS: "3600000" });
    const jobs = createJobs({
      db: reopened,
      config,
      logger: createLogger("silent"),
      webhooks: new WebhookSender(),
    });
    await jobs.start(createEventBus({ logger: createLogger("silent") }));
    await jobs.runNow("idempotency-purge");
    await jobs.stop(1000);
    await reopened.close();

    const { stdout } = await jobsScript();
    expect(stdout).toMatch(/idempotency-purge\s+completed [1-9]/); // (its schedule may add one of its own at :17)
    expect(stdout).toMatch(/idempotency-purge\s+17 \* \* \* \*\s+last completed \d{4}-/);
    expect(stdout).toMatch(/checkout-release\s+\* \* \* \* \*/);
    expect(stdout).toContain("No failed jobs.");
  });
});
