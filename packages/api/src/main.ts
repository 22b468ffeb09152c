/**
 * `pnpm start`: opens the database (embedded PGlite in DATA_DIR unless DATABASE_URL is set),
 * applies pending migrations on the embedded one, seeds the demo world on its first start,
 * prints development credentials outside production, and serves until SIGTERM/SIGINT.
 */
import { join } from "node:path";
import { openDatabase, publishReleased, releasePayableCommissions } from "@shoppable/schema";
import { pendingMigrations } from "@shoppable/schema/db/status.ts";
import { loadConfig } from "./config.ts";
import { devJwtSecret, ensureDevCredentials } from "./dev-credentials.ts";
import { createLogger } from "./logger.ts";
import { createServer } from "./server.ts";
import { WebhookDispatcher } from "./webhooks.ts";

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const embedded = !config.databaseUrl;
  if (!config.production && !config.jwt.secret && !config.jwt.jwksUrl) config.jwt.secret = devJwtSecret(config.dataDir);

  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.embeddedDir,
    poolSize: config.poolSize,
    migrate: embedded,
    onMigrated: (report) => {
      if (report.applied.length) logger.info({ applied: report.applied }, "applied migrations");
    },
  });
  if (!embedded) {
    const pending = await pendingMigrations(db.driver);
    if (pending.length) {
      await db.close();
      throw new Error(`The database has ${pending.length} pending migration(s) (${pending.join(", ")}). Run \`pnpm db:migrate\` first.`);
    }
  }
  logger.info({ database: db.description }, "database open");

  if (config.seedDemo && (await db.prisma.shop.count()) === 0) {
    const { seedWorld } = await import("@shoppable/schema/seed/world.ts");
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
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary.counts)}`);
  }

  let graphiqlHeaders: Record<string, string> | undefined;
  let credentials;
  if (!config.production) {
    credentials = await ensureDevCredentials(db, config.dataDir, config.jwt.secret!);
    graphiqlHeaders = { "x-shoppable-key": credentials.publishableKey };
  }

  const server = createServer({ db, config, logger, graphiqlHeaders });
  const { url } = await server.listen();
  // Commissions whose hold passed become PAYABLE (also done lazily when a creator's earnings are read or paid).
  const release = config.affiliate.releaseIntervalMs
    ? setInterval(() => {
        releasePayableCommissions(db.prisma).then(
          (released) => {
            publishReleased(server.events, released);
            if (released.length) logger.info({ count: released.length }, "affiliate commissions released");
          },
          (error: unknown) => logger.error({ err: error }, "affiliate commission release failed"),
        );
      }, config.affiliate.releaseIntervalMs)
    : null;
  release?.unref();
  const webhooks = new WebhookDispatcher({
    db,
    logger,
    intervalMs: config.webhooks.intervalMs,
    timeoutMs: config.webhooks.timeoutMs,
    blockPrivateTargets: !config.webhooks.allowPrivateTargets,
  });
  if (config.webhooks.dispatch) webhooks.start();

  if (credentials) {
    const lines = [
      "",
      `Shoppable API on ${db.description}`,
      `  GraphiQL:          ${url}`,
      "",
      "Development credentials (dev only, generated on this machine; also in " + join(config.dataDir, "dev-credentials.json") + "):",
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
    if (release) clearInterval(release);
    logger.info({ signal }, "shutting down");
    await server.close();
    await webhooks.stop();
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
