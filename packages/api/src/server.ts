/**
 * The HTTP server: GraphQL over HTTP at /graphql (GraphiQL outside production), /health and
 * /ready, body size limit, CSRF prevention, masked errors, request logs, graceful close.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { schema, type Context, type Database, type PaymentProvider } from "@shoppable/schema";
import { createYoga, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { createAuthenticator } from "./auth.ts";
import type { Config } from "./config.ts";
import { createBucketStore, limitPlugins, type BucketStore } from "./limits/index.ts";

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
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops accepting requests, lets in-flight ones finish (up to `timeoutMs`), then returns. */
  close(timeoutMs?: number): Promise<void>;
}

function createShoppableYoga({ db, config, logger, graphiqlHeaders, payments }: ServerOptions, buckets: BucketStore) {
  const authenticate = createAuthenticator(db.prisma, config);
  const isSecretKey = async (request: Request) => {
    try {
      return (await authenticate(request.headers)).key.kind === "SECRET";
    } catch {
      return false;
    }
  };
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
  const bodyLimit: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      const declared = request.headers.get("content-length");
      // A chunked body declares no length and could only be measured by reading it: refused.
      if (declared === null && /chunked/i.test(request.headers.get("transfer-encoding") ?? "")) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: "Send the body with a Content-Length header.", extensions: { code: "LENGTH_REQUIRED" } }] }),
            { status: 411, headers: { "content-type": "application/json; charset=utf-8", connection: "close" } },
          ),
        );
        return;
      }
      const length = Number(declared ?? 0);
      if (length > config.maxBodyBytes) {
        const message = `The request body is ${length} bytes; the limit is ${config.maxBodyBytes}.`;
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: "PAYLOAD_TOO_LARGE" } }] }), {
            status: 413,
            headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
          }),
        );
      }
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
    context: async ({ request }) => {
      const caller = await authenticate(request.headers);
      return {
        db: db.prisma,
        key: caller.key,
        user: caller.user,
        requestId: request.headers.get("x-request-id") ?? randomUUID(),
        ...(payments ? { payments } : {}),
      };
    },
    plugins: [
      bodyLimit,
      useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf", "x-shoppable-key", "authorization"] }),
      requestLog,
      ...limitPlugins({ config, store: buckets, isSecretKey }),
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
  const buckets = options.buckets ?? createBucketStore(config, logger);
  const yoga = createShoppableYoga(options, buckets);
  let closing = false;

  const http = createHttpServer(async (req: IncomingMessage, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/ready") {
      const ok = !closing && (await databaseReady(db));
      return json(res, ok ? 200 : 503, { status: ok ? "ready" : closing ? "shutting down" : "database unreachable", database: ok });
    }
    if (closing) res.setHeader("connection", "close");
    return yoga(req, res);
  });

  return {
    yoga,
    http,
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
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const timer = setTimeout(() => {
        logger.warn("Shutdown timeout: closing remaining connections.");
        http.closeAllConnections();
      }, timeoutMs);
      await closed;
      clearTimeout(timer);
      if (!options.buckets) await buckets.close();
    },
  };
}
