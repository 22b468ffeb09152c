/**
 * `pnpm jobs`: the state of the background job queue — per queue, how many jobs wait, run,
 * are retried, completed and failed; the schedules and when each last ran; the latest
 * failures with their error. Uses DATABASE_URL, else the embedded database in DATA_DIR (stop
 * the server first: one process at a time opens it).
 */
import { join } from "node:path";
import { openDatabase } from "@shoppable/schema";
import { loadConfig } from "../src/config.ts";
import { JOB_SCHEMA } from "../src/jobs.ts";

const config = loadConfig();
const db = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: join(config.dataDir, "pglite"),
  migrate: false,
});
try {
  const q = <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);
  const exists = await q<{ found: boolean }>(`SELECT to_regclass('${JOB_SCHEMA}.job') IS NOT NULL AS found`);
  if (!exists[0]?.found) {
    console.log("No job queue yet: it is created when the API first starts.");
  } else {
    const counts = await q<{ name: string; state: string; n: number }>(
      `SELECT name, state::text, count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name NOT LIKE '\\_\\_pgboss%' GROUP BY 1, 2
       UNION ALL SELECT name, state::text || ' (archived)', count(*)::int FROM ${JOB_SCHEMA}.archive WHERE name NOT LIKE '\\_\\_pgboss%' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const queues = new Map<string, string[]>();
    for (const c of counts) queues.set(c.name, [...(queues.get(c.name) ?? []), `${c.state} ${c.n}`]);
    console.log("Queues:");
    for (const [name, states] of queues) console.log(`  ${name.padEnd(20)} ${states.join(", ")}`);
    const schedules = await q<{ name: string; cron: string; last: Date | null }>(
      `SELECT s.name, s.cron, (SELECT max(completed_on) FROM (SELECT completed_on FROM ${JOB_SCHEMA}.job j WHERE j.name = s.name
         UNION ALL SELECT completed_on FROM ${JOB_SCHEMA}.archive a WHERE a.name = s.name) x) AS last FROM ${JOB_SCHEMA}.schedule s ORDER BY 1`,
    );
    console.log("Schedules (UTC):");
    for (const s of schedules)
      console.log(
        `  ${s.name.padEnd(20)} ${s.cron.padEnd(12)} last completed ${s.last?.toISOString() ?? "never"}`,
      );
    const failures = await q<{ name: string; id: string; completed_on: Date; output: unknown }>(
      `SELECT name, id::text, completed_on, output FROM ${JOB_SCHEMA}.job WHERE state = 'failed' ORDER BY completed_on DESC LIMIT 10`,
    );
    console.log(failures.length ? "Latest failures:" : "No failed jobs.");
    for (const f of failures)
      console.log(
        `  ${f.completed_on.toISOString()} ${f.name} ${f.id}: ${JSON.stringify(f.output).slice(0, 200)}`,
      );
  }
} finally {
  await db.close();
}
