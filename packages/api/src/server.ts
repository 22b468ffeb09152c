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
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { schema, type Context, type Database, type PaymentProvider } from "@shoppable/schema";
import { createYoga, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { affiliateRedirect } from "./affiliate-redirect.ts";
import { createAuthenticator } from "./auth.ts";
import type { Config } from "./config.ts";
import { corsPolicy } from "./cors.ts";
import { createEventBus, type ServerEventBus } from "./events.ts";
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
}

export interface ShoppableServer {
  yoga: ReturnType<typeof createShoppableYoga>;
  http: Server;
  /** The event bus behind subscriptions (in-process, or Redis with REDIS_URL). */
  events: ServerEventBus;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops accepting requests, lets in-flight ones finish (up to `timeoutMs`), then returns. */
  close(timeoutMs?: number): Promise<void>;
}

function createShoppableYoga(
  { db, config, logger, graphiqlHeaders, payments }: ServerOptions,
  protections: Protections,
  events: ServerEventBus,
  clickBuckets: BucketStore,
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
        { method: request.method, path: url.pathname, status: response.status, ms: Math.round((performance.now() - startedAt) * 10) / 10 },
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
      ? { title: "Shoppable GraphiQL", headers: graphiqlHeaders ? JSON.stringify(graphiqlHeaders, null, 2) : undefined }
      : false,
    maskedErrors: { isDev: false },
    logging: {
      debug: (...args: unknown[]) => logger.debug(args.map(String).join(" ")),
      info: (...args: unknown[]) => logger.info(args.map(String).join(" ")),
      warn: (...args: unknown[]) => logger.warn(args.map(String).join(" ")),
      error: (...args: unknown[]) => logger.error(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")),
    },
    cors: corsPolicy(config.corsOrigins),
    // The transport's entry authenticated the caller and admitted the operation (limits/):
    // HTTP per request, the WebSocket in connection_init and per subscribe.
    context: (initial: AdmittedRequest & { request?: Request }): LimitedContext => {
      const { caller } = initial;
      if (!caller) throw new Error("An operation reached the context without passing the transport's admission.");
      return {
        db: db.prisma,
        key: caller.key,
        user: caller.user,
        clientAddress: initial.clientAddress ?? null,
        requestId: initial.request?.headers.get("x-request-id") ?? randomUUID(),
        publicUrl: config.publicUrl,
        events,
        ...(payments ? { payments } : {}),
      };
    },
    plugins: [
      affiliateRedirect(db, config, logger, clickBuckets),
      useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf", "x-shoppable-key", "authorization"] }),
      requestLog,
      ...protections.plugins,
    ],
  });
}

async function databaseReady(db: Database): Promise<boolean> {
  try {
    await db.prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

function json(res: import("node:http").ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export function createServer(options: ServerOptions): ShoppableServer {
  const { config, db, logger } = options;
  const authenticate = createAuthenticator(db.prisma, config);
  const events = createEventBus({ logger, redisUrl: config.redisUrl, queueLimit: config.subscriptionQueueLimit });
  const buckets = options.buckets ?? createBucketStore(config, logger);
  const clickBuckets = createClickBucketStore(config, logger);
  const protections = createProtections({ config, store: buckets, authenticate });
  const yoga = createShoppableYoga(options, protections, events, clickBuckets);
  let closing = false;

  const http = createHttpServer(async (req: IncomingMessage, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/ready") {
      const database = !closing && (await databaseReady(db));
      const eventProblem = events.problem();
      const ok = database && eventProblem === null;
      const status = ok ? "ready" : closing ? "shutting down" : !database ? "database unreachable" : eventProblem;
      return json(res, ok ? 200 : 503, { status, database, events: eventProblem === null ? "ok" : eventProblem });
    }
    if (closing) res.setHeader("connection", "close");
    return yoga(req, res);
  });

  answerClientErrors(http, logger);
  const websocket = attachWebSocket({ http, yoga, admit: protections.admit, authenticate, config, logger });

  return {
    yoga,
    http,
    events,
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
      // Subscriptions end first (WebSockets close with 1001, SSE streams complete).
      await Promise.resolve(websocket.close()).catch((error: Error) => logger.warn({ err: error.message }, "WebSocket server close"));
      await events.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const timer = setTimeout(() => {
        logger.warn("Shutdown timeout: closing remaining connections.");
        http.closeAllConnections();
      }, timeoutMs);
      await closed;
      clearTimeout(timer);
      if (!options.buckets) await buckets.close();
      await clickBuckets.close();
    },
  };
}
