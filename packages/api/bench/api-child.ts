// Bench child: the Shoppable API in production mode on DATABASE_URL, on a port given by the parent.
import { openDatabase } from "@shoppable/schema";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { createServer } from "../src/server.ts";

// Benchmarks measure throughput, not rate limits: buckets too big to matter, and a maximum cost
// above the feed bench's page (20 posts with every tagged product's variants: about 123,000 by
// the bounds, over the default 100,000).
const config = loadConfig({
  RATE_LIMIT_CAPACITY: "1000000000",
  MAX_QUERY_COST: "1000000",
  // What these benchmarks measure is execution: the response cache has its own figures (requests.ts).
  RESPONSE_CACHE: "false",
  ...process.env,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
});
const db = await openDatabase({
  databaseUrl: config.databaseUrl,
  poolSize: config.poolSize,
  preparedStatements: config.preparedStatements,
});
const server = createServer({ db, config, logger: createLogger("warn") });
const { port } = await server.listen(Number(process.env.PORT), "127.0.0.1");
process.send?.({ ready: port });
process.on(
  "message",
  (m: { memory?: boolean; subscribers?: [string, string]; sharing?: [string, string] }) => {
    // For the subscriptions bench: memory after a full GC (the child runs with --expose-gc), and subscriber counts.
    if (m.memory) {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ memory: { rss, heapUsed } });
    }
    if (m.sharing)
      process.send?.({
        sharing: {
          ...server.subscriptions.stats(),
          busSubscriptions: server.events.subscribers(m.sharing[0] as "liveSessionEvents", m.sharing[1]),
        },
      });
    if (m.subscribers)
      process.send?.({
        subscribers: server.events.subscribers(m.subscribers[0] as "liveSessionEvents", m.subscribers[1]),
      });
  },
);
// The bench's end (or its crash) ends this process too.
process.on("disconnect", () => process.exit(0));
// A stop ends the process through exit (a --cpu-prof in BENCH_API_NODE_ARGS is then written).
process.on("SIGTERM", () => process.exit(0));
