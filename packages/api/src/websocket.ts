/**
 * GraphQL over WebSocket (graphql-ws protocol, `graphql-transport-ws`) on the HTTP server's
 * `/graphql` path. Every operation passes the same protections as over HTTP (limits/): the
 * connection authenticates once, each subscribe message is admitted (parameters, persisted
 * operations, NUL) and then runs through the Yoga envelope (document limits, schema exposure,
 * cost and rate limits keyed by the client's address, masked errors, context).
 *
 * The connection authenticates in `connection_init`: its payload carries the same credentials
 * as HTTP headers (`x-shoppable-key` or `authorization: Bearer <key>`, and optionally
 * `x-shoppable-user`). The upgrade itself is refused (403) for a browser origin that may not
 * call the API (CORS_ORIGINS). Close codes:
 * - 4401 Unauthorized: no API key in `connection_init` (or a subscribe before it, graphql-ws);
 * - 4403 Forbidden: the key or user token was refused (unknown, revoked, expired, bad signature),
 *   or, later, the user was erased (on any instance: the connection is closed at once);
 * - 4400 Bad Request: a message that is not valid graphql-ws from a client;
 * - 1009 Message Too Big: a message over MAX_BODY_BYTES;
 * - 1013 Try Again Later: a slow consumer, whose unsent data passed WS_MAX_BUFFERED_BYTES
 *   (clients reconnect and refetch).
 * Each subscription is then authorised by its field, as the query reading the same data is.
 */
import type { Server } from "node:http";
import {
  getOperationAST,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
} from "graphql";
import {
  CloseCode,
  handleProtocols,
  makeServer,
  MessageType,
  validateMessage,
  type ServerOptions,
} from "graphql-ws";
import type { Logger } from "pino";
import { WebSocketServer, type WebSocket } from "ws";
import { ACCOUNT_ERASED, type Authenticator, type Caller } from "./auth.ts";
import { clientAddress } from "./client-address.ts";
import type { Config } from "./config.ts";
import { upgradeAllowed } from "./cors.ts";
import type { Admission, AdmittedRequest } from "./limits/index.ts";
import { deliverDirectly, sharedJson } from "./subscription-sharing.ts";

export const SLOW_CONSUMER_CLOSE_CODE = 1013;
/** `ws` send options of a text frame given as a Buffer. */
const TEXT = { binary: false };

/**
 * What the connection keeps: graphql-ws's `socket`, the client's address, the authenticated
 * caller, the JSON of shared results about to be sent (see `SHARED`), and the ids of its
 * queries and mutations under way (a drain waits for them).
 */
type Extra = {
  socket: WebSocket;
  caller?: Caller;
  clientAddress: string | null;
  shared: Map<number, string>;
  executing: Set<string>;
};

/**
 * A result executed once for many subscribers (subscription-sharing.ts) is serialised once:
 * graphql-ws is handed `{"extensions":{"<SHARED>":n}}` as the payload, and the connection's
 * `send` puts the shared JSON (held under n) in its place. The key has a NUL, which no GraphQL
 * name has.
 */
const SHARED = "\u0000shared";
const SHARED_PREFIX = JSON.stringify({ extensions: { [SHARED]: 0 } }).slice(0, -3);
let nextShared = 0;

/** The frame with the shared JSON in place of its stand-in, or as it is. */
function withSharedPayload(frame: string, shared: Map<number, string>): string {
  if (shared.size === 0 || !frame.endsWith("}}}")) return frame;
  const at = frame.lastIndexOf(SHARED_PREFIX);
  if (at < 0) return frame;
  const n = Number(frame.slice(at + SHARED_PREFIX.length, -3));
  const json = shared.get(n);
  if (json === undefined) return frame;
  shared.delete(n);
  return `${frame.slice(0, at)}${json}}`;
}

/**
 * The end of a `next` frame of a shared result without errors: its JSON and the frame's closing
 * brace, encoded once for every socket (the start, `{"id":…,"type":"next","payload":`, is each
 * subscription's own). Undefined for any other result.
 */
const frameEnds = new WeakMap<object, Buffer>();
function sharedFrameEnd(result: ExecutionResult): Buffer | undefined {
  if (result.errors) return undefined;
  let end = frameEnds.get(result);
  if (end === undefined) {
    const json = sharedJson(result);
    if (json === undefined) return undefined;
    frameEnds.set(result, (end = Buffer.from(`${json}}`)));
  }
  return end;
}

/** The Yoga instance's envelope, enough to run operations over the socket. */
interface Envelope {
  getEnveloped(initial: AdmittedRequest & Record<string, unknown>): {
    schema: ExecutionArgs["schema"];
    execute: (args: ExecutionArgs) => unknown;
    subscribe: (args: ExecutionArgs) => unknown;
    contextFactory: () => Promise<unknown> | unknown;
    parse: (source: string) => ExecutionArgs["document"];
    validate: (
      schema: ExecutionArgs["schema"],
      document: ExecutionArgs["document"],
    ) => readonly GraphQLError[];
  };
}

/** The messages a client may send; graphql-ws treats any other as a server error. */
const CLIENT_MESSAGES = new Set<string>([
  MessageType.ConnectionInit,
  MessageType.Ping,
  MessageType.Pong,
  MessageType.Subscribe,
  MessageType.Complete,
]);

/** connection_init params as request headers (names case-insensitive, valid header values only). */
function headersOf(params: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value !== "string" || !/^[a-z0-9-]+$/i.test(name)) continue;
    try {
      headers.set(name, value);
    } catch {
      // Not a valid header value (a control character): not a credential.
    }
  }
  return headers;
}

/** Errors as sent to the client: without Yoga's `extensions.http`, which means nothing here. */
function formatted(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  return errors.map((error) => {
    if (!error.extensions || !("http" in error.extensions)) return error;
    const { http: _http, ...extensions } = error.extensions;
    return { ...error, extensions };
  });
}

export function attachWebSocket(options: {
  http: Server;
  yoga: Envelope;
  /** The admission every operation passes before the envelope (limits/params.ts). */
  admit: Admission;
  authenticator: Pick<Authenticator, "authenticate" | "onUserErased">;
  config: Pick<
    Config,
    | "wsMaxBufferedBytes"
    | "wsMaxSubscriptions"
    | "wsMaxConnections"
    | "wsMaxConnectionsPerAddress"
    | "maxBodyBytes"
    | "production"
    | "corsOrigins"
    | "trustProxy"
  >;
  logger: Logger;
}) {
  const { http, yoga, admit, authenticator, config, logger } = options;
  const wss = new WebSocketServer({
    server: http,
    path: "/graphql",
    maxPayload: config.maxBodyBytes,
    handleProtocols,
    verifyClient: ({ req }, done) =>
      upgradeAllowed(config.corsOrigins, req) ? done(true) : done(false, 403, "Origin not allowed"),
  });

  // Draining (shutting down): what is under way finishes, nothing new starts.
  let draining = false;
  let executing = 0;
  let drained: (() => void) | null = null;
  const finished = (extra: Extra, id: string) => {
    if (!extra.executing.delete(id)) return;
    executing--;
    // After the frames this operation is sending now.
    if (executing === 0 && drained) setImmediate(drained);
  };

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

  // The http server's own errors (a port in use) reach its `listen`; ws repeats them here.
  wss.on("error", (error) => logger.debug({ err: error.message }, "WebSocket server error"));

  const hooks: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
    subscribe: (args) =>
      (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
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
    onSubscribe: async (ctx, id, payload) => {
      const { caller, clientAddress } = ctx.extra;
      if (!caller) return [new GraphQLError("Unauthorized.", { extensions: { code: "UNAUTHENTICATED" } })];
      if (draining)
        return [
          new GraphQLError("This instance is shutting down: reconnect (to another instance) and retry.", {
            extensions: { code: "SHUTTING_DOWN" },
          }),
        ];
      if (Object.keys(ctx.subscriptions).length > config.wsMaxSubscriptions) {
        return [
          new GraphQLError(`A connection holds at most ${config.wsMaxSubscriptions} subscriptions.`, {
            extensions: { code: "RATE_LIMITED" },
          }),
        ];
      }
      let params;
      try {
        params = admit(payload, caller.key);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        params,
        caller,
        clientAddress,
        socket: ctx.extra.socket,
      });
      // Parse and validation refuse by throwing too (GraphQL Armor's limits), as over HTTP.
      let document;
      let errors: readonly GraphQLError[];
      try {
        document = parse(params.query);
        errors = validate(schema, document);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      if (errors.length) return [...errors];
      // A query or mutation under way: a drain lets it finish and answer (onComplete ends it).
      if (getOperationAST(document, params.operationName)?.operation !== "subscription") {
        ctx.extra.executing.add(id);
        executing++;
      }
      return {
        schema,
        document,
        operationName: params.operationName ?? null,
        variableValues: params.variables ?? null,
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe },
      };
    },
    // A subscriber of a shared execution gets the group's results written into its socket
    // directly (one Buffer copy and a write each), the frame's end encoded once for all.
    onOperation: (ctx, id, _payload, args) => {
      const socket = ctx.extra.socket;
      let start: Buffer | undefined;
      deliverDirectly(args.contextValue, (result) => {
        const end = sharedFrameEnd(result);
        if (end === undefined) return false;
        if (socket.readyState !== socket.OPEN || tooSlow(socket)) return true;
        start ??= Buffer.from(`{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`);
        socket.send(Buffer.concat([start, end], start.length + end.length), TEXT, onSendError);
        return true;
      });
    },
    onNext: (ctx, _id, _payload, _args, result) => {
      tooSlow(ctx.extra.socket);
      if (result.errors)
        return { ...result, errors: formatted(result.errors.map((error) => error.toJSON())) };
      const json = sharedJson(result);
      if (json === undefined) return;
      const n = ++nextShared;
      ctx.extra.shared.set(n, json);
      return { extensions: { [SHARED]: n } };
    },
    onError: (ctx, id, _payload, errors) => {
      finished(ctx.extra, id);
      return formatted(errors);
    },
    onComplete: (ctx, id) => finished(ctx.extra, id),
  };
  const server = makeServer(hooks);

  // graphql-ws's own binding for `ws` (graphql-ws/use/ws), except that a client's protocol
  // errors close with 4400 instead of 4500, and problems are logged through our logger.
  const byAddress = new Map<string, number>();
  wss.on("connection", (socket, request) => {
    const address = clientAddress(request.headers, request.socket.remoteAddress, config.trustProxy);
    // Caps: this instance's connections (1013: try again later, another instance may take it)
    // and one address's (1008: policy). `wss.clients` already holds this one.
    if (draining) return socket.close(1001, "Going away: this instance is shutting down");
    if (wss.clients.size > config.wsMaxConnections)
      return socket.close(1013, "Try again later: this instance holds its most connections");
    const key = address ?? "unknown";
    const fromAddress = (byAddress.get(key) ?? 0) + 1;
    if (fromAddress > config.wsMaxConnectionsPerAddress)
      return socket.close(1008, "Too many connections from this address");
    byAddress.set(key, fromAddress);
    const extra: Extra = { socket, shared: new Map(), executing: new Set(), clientAddress: address };
    alive.add(socket);
    socket.on("pong", () => alive.add(socket));
    // ws closes the socket itself on a frame it cannot take (too big 1009, not UTF-8 1007, …).
    socket.on("error", (error) => logger.debug({ err: error.message }, "WebSocket protocol error"));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        // Not awaited: frames queue in ws, and the queue's size (bufferedAmount) is the slow-
        // consumer signal (onNext closes with 1013 past WS_MAX_BUFFERED_BYTES). A failed write
        // ends the socket, which its close handler cleans up.
        send: (data) => {
          const frame = withSharedPayload(data, extra.shared);
          if (socket.readyState === socket.OPEN) socket.send(frame, onSendError);
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on("message", (data) => {
            const text = String(data);
            let type: unknown;
            try {
              type = validateMessage(JSON.parse(text)).type;
            } catch {
              type = null;
            }
            if (typeof type !== "string" || !CLIENT_MESSAGES.has(type))
              return socket.close(CloseCode.BadRequest, "Invalid message received");
            // Not awaited here: a subscribe's handling lasts as long as the subscription, and an
            // awaiting frame would keep the message (its Buffer and text) alive as long.
            handle(text).catch(onMessageError(socket));
          }),
      },
      extra,
    );
    socket.once("close", (code, reason) => {
      const left = (byAddress.get(key) ?? 1) - 1;
      if (left > 0) byAddress.set(key, left);
      else byAddress.delete(key);
      for (const id of extra.executing) finished(extra, id);
      void closed(code, String(reason));
    });
  });

  /** Closes a socket whose unsent frames passed WS_MAX_BUFFERED_BYTES (1013); whether it did. */
  const tooSlow = (socket: WebSocket): boolean => {
    if (socket.bufferedAmount <= config.wsMaxBufferedBytes) return false;
    logger.warn({ buffered: socket.bufferedAmount }, "closing a slow WebSocket consumer");
    socket.close(SLOW_CONSUMER_CLOSE_CODE, "Slow consumer: reconnect and refetch");
    return true;
  };

  const onMessageError = (socket: WebSocket) => (error: unknown) => {
    logger.error({ err: error }, "WebSocket message failed");
    socket.close(CloseCode.InternalServerError, "Internal server error");
  };

  const onSendError = (error?: Error) => {
    if (error) logger.debug({ err: error.message }, "WebSocket send failed");
  };

  // Keep-alive: every 12 s each socket that answered the last ping is pinged again; one that
  // did not is terminated (a peer gone without closing).
  const alive = new WeakSet<WebSocket>();
  const keepAlive = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, 12_000);
  keepAlive.unref();

  return {
    wss,
    /** Queries and mutations under way over WebSockets. */
    executing: () => executing,
    /**
     * Drains, then closes: new connections and operations are refused, the queries and
     * mutations under way finish and answer (for at most `timeoutMs`), then every socket closes
     * with 1001 Going Away, so clients reconnect (to another instance behind the balancer).
     */
    close: async (timeoutMs = 10_000) => {
      draining = true;
      clearInterval(keepAlive);
      stopListening();
      if (executing > 0)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      for (const client of wss.clients) client.close(1001, "Going away");
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
