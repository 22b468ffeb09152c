/**
 * `pnpm start`: opens the database (embedded PGlite in DATA_DIR unless DATABASE_URL is set),
 * applies pending migrations on the embedded one, seeds the demo world on its first start,
 * prints development credentials outside production, and serves until SIGTERM/SIGINT.
 */
import { join } from "node:path";
import { openDatabase } from "@shoppable/schema";
import { pendingMigrations } from "@shoppable/db/status";
import { loadConfig } from "./config.ts";
import { devJwtSecret, ensureDevCredentials } from "./dev-credentials.ts";
import { createLogger } from "./logger.ts";
import { createJobs } from "./jobs.ts";
import { createServer } from "./server.ts";
import { WebhookSender } from "./webhooks.ts";

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // A library's promise that rejects unobserved (a job queue's bookkeeping while the database is
  // unreachable, say) must not end the process: every such failure is also seen where it
  // matters (a request's error, /ready). Logged, and the process serves on.
  process.on("unhandledRejection", (reason) =>
    logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, "unhandled rejection"),
  );
  const embedded = !config.databaseUrl;
  if (!config.production && !config.jwt.secret && !config.jwt.jwksUrl)
    config.jwt.secret = devJwtSecret(config.dataDir);

  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.embeddedDir,
    poolSize: config.poolSize,
    preparedStatements: config.preparedStatements,
    migrate: embedded,
    // A restart or failover of PostgreSQL closes the pool's connections: logged, the pool opens new ones.
    onConnectionError: (error) =>
      logger.warn({ err: error.message }, "database connection lost; the pool reconnects"),
    onMigrated: (report) => {
      if (report.applied.length) logger.info({ applied: report.applied }, "applied migrations");
    },
  });
  if (!embedded) {
    const pending = await pendingMigrations(db.driver);
    if (pending.length) {
      await db.close();
      throw new Error(
        `The database has ${pending.length} pending migration(s) (${pending.join(", ")}). Run \`pnpm db:migrate\` first.`,
      );
    }
  }
  logger.info({ database: db.description }, "database open");

  if (config.seedDemo && (await db.prisma.shop.count()) === 0) {
    const { seedWorld } = await import("@shoppable/db/seed");
    console.log("First start: seeding the demo world (once)…");
    const started = Date.now();
    let lastPhase = "";
    const summary = await seedWorld(db.prisma, {
      seed: config.seed,
      scale: "demo",
      // As of the start of this hour: the posts' engagement is recent, so TRENDING has posts.
      baseDate: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000),
      onProgress: ({ phase, done, total }) => {
        if (phase !== lastPhase || done === total) {
          if (done === total) console.log(`  ${phase}: ${total}`);
          lastPhase = phase;
        }
      },
    });
    console.log(
      `Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary.counts)}`,
    );
  }

  let graphiqlHeaders: Record<string, string> | undefined;
  let credentials;
  if (!config.production) {
    credentials = await ensureDevCredentials(db, config.dataDir, config.jwt.secret!);
    graphiqlHeaders = { "x-shoppable-key": credentials.publishableKey };
  }

  const webhooks = new WebhookSender({
    timeoutMs: config.webhooks.timeoutMs,
    blockPrivateTargets: !config.webhooks.allowPrivateTargets,
  });
  const jobs = createJobs({ db, config, logger, webhooks });
  const server = createServer({ db, config, logger, graphiqlHeaders, jobs });
  await jobs.start(server.events);
  const { url } = await server.listen();

  if (credentials) {
    const lines = [
      "",
      `Shoppable API on ${db.description}`,
      `  GraphiQL:          ${url}`,
      "",
      "Development credentials (dev only, generated on this machine; also in " +
        join(config.dataDir, "dev-credentials.json") +
        "):",
      `  publishable key:   ${credentials.publishableKey}   (header x-shoppable-key; GraphiQL already sends it)`,
      `  secret key:        ${credentials.secretKey}`,
      ...Object.entries(credentials.users).map(([name, u]) => `  ${`${name} token:`.padEnd(19)}${u.token}`),
      "  (user tokens go in the x-shoppable-user header)",
      "",
    ];
    console.log(lines.join("\n"));
  } else {
    logger.info({ url }, "listening");
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await server.close();
    await jobs.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
