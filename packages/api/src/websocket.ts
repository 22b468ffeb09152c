/**
 * GraphQL over WebSocket (graphql-ws protocol, `graphql-transport-ws`) on the HTTP server's
 * `/graphql` path, executed through the same Yoga envelope as HTTP (schema, plugins, masked
 * errors, context).
 *
 * The connection authenticates once, in `connection_init`: its payload carries the same
 * credentials as HTTP headers (`x-shoppable-key` or `authorization: Bearer <key>`, and
 * optionally `x-shoppable-user`). Close codes:
 * - 4401 Unauthorized: no API key in `connection_init` (or a subscribe before it, graphql-ws);
 * - 4403 Forbidden: the key or user token was refused (unknown, revoked, expired, bad signature),
 *   or, later, the user was erased (on any instance: the connection is closed at once);
 * - 1013 Try Again Later: a slow consumer, whose unsent data passed WS_MAX_BUFFERED_BYTES
 *   (clients reconnect and refetch).
 * Each subscription is then authorised by its field, as the query reading the same data is.
 */
import type { Server } from "node:http";
import { GraphQLError, type ExecutionArgs } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer, type WebSocket } from "ws";
import { ACCOUNT_ERASED, type Authenticator, type Caller } from "./auth.ts";
import type { Config } from "./config.ts";

export const SLOW_CONSUMER_CLOSE_CODE = 1013;

/** What the connection keeps beside graphql-ws's `socket` and `request`. */
type Extra = { caller?: Caller };

/** The Yoga instance's envelope, enough to run operations over the socket. */
interface Envelope {
  getEnveloped(initial: Record<string, unknown>): {
    schema: ExecutionArgs["schema"];
    execute: (args: ExecutionArgs) => unknown;
    subscribe: (args: ExecutionArgs) => unknown;
    contextFactory: () => Promise<unknown> | unknown;
    parse: (source: string) => ExecutionArgs["document"];
    validate: (schema: ExecutionArgs["schema"], document: ExecutionArgs["document"]) => readonly GraphQLError[];
  };
}

/** connection_init params as request headers (names case-insensitive, string values only). */
function headersOf(params: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === "string" && /^[a-z0-9-]+$/i.test(name)) headers.set(name, value);
  }
  return headers;
}

export function attachWebSocket(options: {
  http: Server;
  yoga: Envelope;
  authenticator: Pick<Authenticator, "authenticate" | "onUserErased">;
  config: Pick<Config, "wsMaxBufferedBytes" | "wsMaxSubscriptions" | "maxBodyBytes" | "production">;
  logger: Logger;
}) {
  const { http, yoga, authenticator, config, logger } = options;
  const wss = new WebSocketServer({ server: http, path: "/graphql", maxPayload: config.maxBodyBytes });
  // The open connections of each user, closed when the user is erased.
  const byUser = new Map<string, Set<WebSocket>>();
  const stopListening = authenticator.onUserErased((userId) => {
    for (const socket of byUser.get(userId) ?? []) socket.close(4403, `Forbidden: ${ACCOUNT_ERASED}`);
  });
  const track = (socket: WebSocket, userId: string) => {
    let sockets = byUser.get(userId);
    if (!sockets) byUser.set(userId, (sockets = new Set()));
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0 && byUser.get(userId) === sockets) byUser.delete(userId);
    });
  };
  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      isProd: config.production,
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onConnect: async (ctx) => {
        const headers = headersOf(ctx.connectionParams);
        if (!headers.has("x-shoppable-key") && !headers.has("authorization")) {
          ctx.extra.socket.close(4401, "Unauthorized: send the API key in connection_init");
          return false;
        }
        try {
          ctx.extra.caller = await authenticator.authenticate(headers);
          if (ctx.extra.caller.user) track(ctx.extra.socket, ctx.extra.caller.user.id);
          return true;
        } catch (error) {
          if (!(error instanceof GraphQLError) || error.extensions.code !== "UNAUTHENTICATED") throw error;
          ctx.extra.socket.close(4403, `Forbidden: ${error.message}`.slice(0, 120));
          return false;
        }
      },
      onSubscribe: async (ctx, _id, params) => {
        if (Object.keys(ctx.subscriptions).length > config.wsMaxSubscriptions) {
          return [new GraphQLError(`A connection holds at most ${config.wsMaxSubscriptions} subscriptions.`, { extensions: { code: "RATE_LIMITED" } })];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          params,
          socket: ctx.extra.socket,
          caller: ctx.extra.caller,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError("The query is not valid GraphQL.")];
        }
        const errors = validate(schema, document);
        if (errors.length) return [...errors];
        return {
          schema,
          document,
          operationName: params.operationName ?? null,
          variableValues: params.variables ?? null,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
      onNext: (ctx) => {
        const socket = ctx.extra.socket;
        if (socket.bufferedAmount > config.wsMaxBufferedBytes) {
          logger.warn({ buffered: socket.bufferedAmount }, "closing a slow WebSocket consumer");
          socket.close(SLOW_CONSUMER_CLOSE_CODE, "Slow consumer: reconnect and refetch");
        }
      },
    },
    wss,
  );
  return {
    wss,
    /** Closes every socket (1001 Going away) and stops accepting new ones. */
    close: () => {
      stopListening();
      return server.dispose();
    },
  };
}
