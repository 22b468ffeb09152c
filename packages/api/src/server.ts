/**
/**
 * The HTTP server: GraphQL over HTTP at /graphql (GraphiQL outside production; subscriptions
 * over SSE), GraphQL over WebSocket on the same path (websocket.ts), /health and /ready, the
 * affiliate click redirect GET /r/<code> (affiliate-redirect.ts), CORS (cors.ts), CSRF
 * prevention, the protections every operation passes whatever its transport (limits/), masked
 * errors, request logs, graceful close. The event bus (events.ts) is created here and handed to
 * every operation as `ctx.events`.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { createMediaHandler, type MediaHandler } from "@shoppable/demo-media";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import type { Cache } from "@graphql-yoga/plugin-response-cache";
import { schema, type Context, type Database, type PaymentProvider } from "@shoppable/schema";
import type { Resolver } from "@shoppable/schema/webhooks/target.ts";
import { createYoga, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { affiliateRedirect } from "./affiliate-redirect.ts";
import { createAuthenticator, type Authenticator } from "./auth.ts";
import type { Config } from "./config.ts";
import { corsPolicy } from "./cors.ts";
import { erasurePlugin } from "./erasure.ts";
import { createEventBus, type ServerEventBus } from "./events.ts";
import type { Jobs } from "./jobs.ts";
import {
  answerClientErrors,
  createBucketStore,
  createClickBucketStore,
  createProtections,
  type AdmittedRequest,
  type BucketStore,
  type LimitedContext,
  type Protections,
} from "./limits/index.ts";
import { createResponseCache, type ResponseCache } from "./response-cache.ts";
import { createSubscriptionSharing, type SubscriptionSharing } from "./subscription-sharing.ts";
import { attachWebSocket } from "./websocket.ts";

export interface ServerOptions {
  db: Database;
  config: Config;
  logger: Logger;
  /** Headers GraphiQL starts with (the demo publishable key in development). */
  graphiqlHeaders?: Record<string, string>;
  /** The payment provider checkout charges through; default the built-in test provider. */
  payments?: PaymentProvider;
  /** Rate-limit buckets; default per configuration (Redis with REDIS_URL, else in process). */
  buckets?: BucketStore;
  /** The job queue operations enqueue to (jobs.ts); without one, work waits for a sweep. */
  jobs?: Jobs;
  /** The response cache's store instead of the configured one (tests); RESPONSE_CACHE=false still turns it off. */
  responseCacheStore?: Cache;
  /** Resolves webhook endpoint host names when they are vetted at creation; default the system's resolver. */
  webhookResolver?: Resolver;
}

export interface ShoppableServer {
  yoga: ReturnType<typeof createShoppableYoga>;
  http: Server;
  /** The event bus behind subscriptions (in-process, or Redis with REDIS_URL). */
  events: ServerEventBus;
  /** Subscribers sharing one execution per event (subscription-sharing.ts). */
  subscriptions: Pick<SubscriptionSharing, "stats">;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops accepting requests, lets in-flight ones finish (up to `timeoutMs`), then returns. */
  close(timeoutMs?: number): Promise<void>;
}

function createShoppableYoga(
  { db, config, logger, graphiqlHeaders, payments, jobs, webhookResolver }: ServerOptions,
  authenticator: Authenticator,
  protections: Protections,
  events: ServerEventBus,
  clickBuckets: BucketStore,
  responseCache: ResponseCache | null,
  sharing: SubscriptionSharing,
) {
  const requestLog: Plugin = {
    onRequest({ request, serverContext }) {
      (serverContext as { startedAt?: number }).startedAt = performance.now();
      void request;
    },
    onResponse({ request, response, serverContext }) {
      const startedAt = (serverContext as { startedAt?: number }).startedAt ?? performance.now();
      const url = new URL(request.url);
      if (url.pathname === "/health") return;
      logger.info(
        {
          method: request.method,
          path: url.pathname,
          status: response.status,
          ms: Math.round((performance.now() - startedAt) * 10) / 10,
        },
        "request",
      );
    },
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/health",
    landingPage: false,
    batching: false,
    graphiql: config.graphiql
      ? {
          title: "Shoppable GraphiQL",
          headers: graphiqlHeaders ? JSON.stringify(graphiqlHeaders, null, 2) : undefined,
        }
      : false,
    maskedErrors: { isDev: false },
    logging: {
      debug: (...args: unknown[]) => logger.debug(args.map(String).join(" ")),
      info: (...args: unknown[]) => logger.info(args.map(String).join(" ")),
      warn: (...args: unknown[]) => logger.warn(args.map(String).join(" ")),
      error: (...args: unknown[]) =>
        logger.error(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")),
    },
    cors: corsPolicy(config.corsOrigins),
    // The transport's entry authenticated the caller and admitted the operation (limits/):
    // HTTP per request, the WebSocket in connection_init and per subscribe.
    context: (initial: AdmittedRequest & { request?: Request }): LimitedContext => {
      const { caller } = initial;
      if (!caller)
        throw new Error("An operation reached the context without passing the transport's admission.");
      return {
        db: db.prisma,
        key: caller.key,
        user: caller.user,
        clientAddress: initial.clientAddress ?? null,
        requestId: initial.request?.headers.get("x-request-id") ?? randomUUID(),
        publicUrl: config.publicUrl,
        ...(config.mediaBaseUrl ? { mediaBaseUrl: config.mediaBaseUrl } : {}),
        webhookTargets: {
          allowPrivate: config.webhooks.allowPrivateTargets,
          requireHttps: config.production,
          ...(webhookResolver ? { resolve: webhookResolver } : {}),
        },
        events,
        ...(payments ? { payments } : {}),
        ...(jobs ? { jobs } : {}),
      };
    },
    plugins: [
      affiliateRedirect(db, config, logger, clickBuckets),
      useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf", "x-shoppable-key", "authorization"] }),
      requestLog,
      erasurePlugin(authenticator),
      ...protections.plugins,
      // After the protections: each subscriber is authorised and charged before it shares.
      sharing.plugin,
      // After the protections: only an authenticated, admitted caller reaches the cache.
      ...(responseCache?.plugins ?? []),
    ],
  });
}

/** null when the database answers within `timeoutMs`; else why not, in one line. */
async function databaseProblem(db: Database, timeoutMs = 2_000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.prisma.$queryRaw`SELECT 1`,
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
    return null;
  } catch (error) {
    const message =
      (error as Error).message
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? "unknown error";
    return `database unreachable: ${message}`.slice(0, 200);
  } finally {
    clearTimeout(timer);
  }
}

function json(
  res: import("node:http").ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The demo world's `/media/…` (DEMO_MEDIA): product pictures of each product's type and colour,
 * post clips of the tagged products as long as their posts (rendered on first request into
 * `<DATA_DIR>/media` and kept there), shop logos and avatars.
 */
function demoMediaHandler(db: Database, dataDir: string, quality: "demo" | "tiny"): MediaHandler {
  return createMediaHandler({
    cacheDir: join(dataDir, "media"),
    quality,
    lookup: {
      post: async (id) => {
        const post = await db.prisma.post.findUnique({
          where: { id },
          select: {
            durationMs: true,
            productTags: {
              select: { productId: true, startMs: true, endMs: true },
              orderBy: { position: "asc" },
            },
          },
        });
        return post ? { durationMs: post.durationMs, tags: post.productTags } : null;
      },
      product: (id) =>
        db.prisma.product.findUnique({
          where: { id },
          select: {
            title: true,
            productType: true,
            options: { select: { name: true, values: true }, orderBy: { position: "asc" } },
          },
        }),
      shop: (id) => db.prisma.shop.findUnique({ where: { id }, select: { name: true } }),
      user: (id) => db.prisma.user.findUnique({ where: { id }, select: { displayName: true, handle: true } }),
    },
  });
}

export function createServer(options: ServerOptions): ShoppableServer {
  const { config, db, logger } = options;
  const buckets = options.buckets ?? createBucketStore(config, logger);
  const responseCache = createResponseCache({
    config,
    logger,
    buckets,
    ...(options.responseCacheStore ? { store: options.responseCacheStore } : {}),
  });
  const events = createEventBus({
    logger,
    redisUrl: config.redisUrl,
    queueLimit: config.subscriptionQueueLimit,
    ...(responseCache ? { onPublish: responseCache.onEvent } : {}),
  });
  const authenticator = createAuthenticator(db.prisma, config, events);
  const clickBuckets = createClickBucketStore(config, logger);
  const protections = createProtections({ config, store: buckets, authenticate: authenticator.authenticate });
  const sharing = createSubscriptionSharing({ queueLimit: config.subscriptionQueueLimit });
  const yoga = createShoppableYoga(
    options,
    authenticator,
    protections,
    events,
    clickBuckets,
    responseCache,
    sharing,
  );
  let closing = false;
  const media = config.demoMedia ? demoMediaHandler(db, config.dataDir, config.demoMedia) : null;

  const http = createHttpServer(async (req: IncomingMessage, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (media && path?.startsWith("/media/") && (await media(req, res))) return;
    if (path === "/ready") {
      // Says what is wrong while it is wrong: the database, Redis (events between instances), the job queue.
      const problems = {
        database: closing ? null : await databaseProblem(db),
        events: events.problem(),
        jobs: options.jobs?.problem() ?? null,
      };
      const first = closing ? "shutting down" : (problems.database ?? problems.events ?? problems.jobs);
      return json(res, first === null ? 200 : 503, {
        status: first ?? "ready",
        database: problems.database ?? "ok",
        events: problems.events ?? "ok",
        jobs: options.jobs ? (problems.jobs ?? "ok") : "not run here",
      });
    }
    if (closing) res.setHeader("connection", "close");
    return yoga(req, res);
  });

  answerClientErrors(http, logger);
  const websocket = attachWebSocket({ http, yoga, admit: protections.admit, authenticator, config, logger });

  return {
    yoga,
    http,
    events,
    subscriptions: sharing,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => {
          const address = http.address() as AddressInfo;
          const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolve({ url: `http://${shownHost}:${address.port}/graphql`, port: address.port });
        });
      });
    },
    async close(timeoutMs = 10_000) {
      closing = true;
      // No new connections; idle keep-alive ones close, busy ones after their answer.
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      // WebSockets drain: queries and mutations under way finish and answer, then every socket
      // closes with 1001 so clients reconnect to another instance.
      await websocket
        .close(timeoutMs)
        .catch((error: Error) => logger.warn({ err: error.message }, "WebSocket server close"));
      // SSE streams complete; the bus still publishes for requests under way.
      events.endSubscriptions();
      const timer = setTimeout(() => {
        logger.warn("Shutdown timeout: closing remaining connections.");
        http.closeAllConnections();
      }, timeoutMs);
      await closed;
      clearTimeout(timer);
      authenticator.close();
      await media?.close();
      await events.close();
      await responseCache?.close();
      if (!options.buckets) await buckets.close();
      await clickBuckets.close();
    },
  };
}
