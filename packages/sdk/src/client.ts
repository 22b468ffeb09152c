import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
import type { Client as WebSocketClient } from "graphql-ws/client";
import { backoffDelay, type RetryOptions } from "./backoff.ts";
import {
  graphQLError,
  ShoppableAuthError,
  ShoppableError,
  ShoppableNetworkError,
  type GraphQLErrorEntry,
} from "./errors.ts";
import { documentHash, operationDocument } from "./documents.ts";
import { fragmentSource, operationTable, type ShoppableOperations } from "./generated/operations.ts";
import type { RequestOptions, ShoppableSubscription, ThrottleStatus } from "./types.ts";

/** A parsed GraphQL document (graphql's DocumentNode), typed or not. */
export interface DocumentLike {
  readonly kind: string;
  readonly definitions: readonly unknown[];
}

/** A typed document (codegen's TypedDocumentString, gql.tada's TypedDocumentNode), a DocumentNode or a plain string. */
export type AnyDocument<Result = any, Variables = any> =
  | DocumentTypeDecoration<Result, Variables>
  | DocumentLike
  | string;

/** A WebSocket class: the global one, `ws`'s, or one constructed the same way. */
export type WebSocketClass = abstract new (url: string, protocols?: string | string[]) => object;

/**
 * The variables argument of a document: required when the document has required variables,
 * optional when it has none, or none required, or is untyped.
 */
export type VariablesArgument<Variables> = {} extends Variables
  ? [variables?: Variables]
  : [variables: Variables];

export interface ShoppableClientOptions {
  /** The GraphQL endpoint over HTTP, such as `https://api.example.com/graphql`. */
  url: string;
  /** The GraphQL endpoint over WebSocket (graphql-ws); default `url` with `ws:`/`wss:`. */
  wsUrl?: string;
  /** The app's API key: publishable (`shp_pk_…`) in browsers, secret (`shp_sk_…`) on servers only. */
  apiKey: string;
  /**
   * The host platform's signed token for the signed-in user (sent as `x-shoppable-user`), or a
   * function returning it (called before every request and every WebSocket connection, so a
   * refreshed token is picked up). Omit for anonymous callers.
   */
  userToken?: string | null | (() => string | null | undefined | Promise<string | null | undefined>);
  /** The fetch to use; default the global `fetch` (Node 20, browsers, edge runtimes). */
  fetch?: typeof fetch;
  /**
   * The WebSocket class for subscriptions; default the global `WebSocket`. On Node 20 pass
   * `WebSocket` from the `ws` package (a class with the `CONNECTING`…`CLOSED` constants).
   */
  webSocketImpl?: WebSocketClass;
  /** Headers sent with every HTTP request. */
  headers?: Record<string, string>;
  /**
   * Subscriptions reconnect after a lost connection, waiting `backoffDelay(attempt)`:
   * exponential from `minDelayMs` (500) to `maxDelayMs` (30 000) with jitter, at most
   * `attempts` (Infinity) times in a row; active subscriptions resume on the new connection.
   */
  retry?: RetryOptions;
  /**
   * Queries and mutations are sent again after a failure that may heal: HTTP 429 (the rate
   * limit refused it before it ran), network failures and HTTP 502, 503 and 504. The wait is
   * the answer's `Retry-After`, else `backoffDelay(attempt)` from `minDelayMs` (500). At most
   * `attempts` (3) more tries; a `Retry-After` longer than `maxDelayMs` (30 000) is not waited
   * for: the error is thrown. A mutation that may have run (a network failure or 5xx) is sent
   * again only when it is idempotent: it carries an `idempotencyKey`, or the request says
   * `idempotent: true`. `false` turns retries off.
   */
  requestRetry?: RetryOptions | false;
  /**
   * Send each operation as its sha256 hash (`extensions.persistedQuery`, the Apollo protocol)
   * instead of its text: what an API with `PERSISTED_OPERATIONS_FILE` requires of publishable
   * keys. The SDK's own operations are registered with every such API; register an app's own
   * documents with `persistedOperationsManifest`. Needs Web Crypto (`crypto.subtle`: Node 20,
   * edge runtimes, browsers on https or localhost). Default false.
   */
  persistedOperations?: boolean;
  /**
   * Turns a DocumentNode without source locations into a string (pass graphql's `print`).
   * Not needed for strings, codegen string documents or documents parsed with locations.
   */
  print?: (document: any) => string;
}

/** The client: one typed function per operation, plus `request`, `subscribe` and `close`. */
export interface ShoppableClient extends ShoppableOperations {
  /**
   * Runs any query or mutation and resolves to its `data`, typed by the document.
   * @throws ShoppableNetworkError when the API cannot be reached or answers without GraphQL
   * @throws ShoppableAuthError on `UNAUTHENTICATED` or `FORBIDDEN`
   * @throws ShoppableGraphQLError on any other GraphQL error
   */
  request<Result, Variables>(
    document: AnyDocument<Result, Variables>,
    ...args: [...VariablesArgument<Variables>, options?: RequestOptions]
  ): Promise<Result>;
  /**
   * Starts a subscription over the WebSocket (graphql-ws's client, loaded on the first
   * subscription; the connection is opened on first use, shared, reconnecting with backoff)
   * and returns an async iterator of its `data`; `dispose()` stops it.
   */
  subscribe<Result, Variables>(
    document: AnyDocument<Result, Variables>,
    ...args: VariablesArgument<Variables>
  ): ShoppableSubscription<Result>;
  /**
   * The rate limit's state after the last response that reported it (`extensions.cost`):
   * points available now, the maximum, and how many come back per second. Undefined before.
   */
  readonly throttleStatus: ThrottleStatus | undefined;
  /** Closes the WebSocket, ending every subscription. HTTP needs no closing. */
  close(): Promise<void>;
}

/** The text of a document: strings, String objects (TypedDocumentString), or parsed documents. */
export function documentText(document: AnyDocument, print?: (document: any) => string): string {
  if (typeof document === "string" || document instanceof String) return String(document);
  const parsed = document as {
    definitions?: { loc?: { start: number; end: number; source: { body: string } } }[];
    loc?: { source: { body: string } };
  };
  const definitions = parsed.definitions ?? [];
  if (definitions.length && definitions.every((d) => d.loc))
    return definitions.map((d) => d.loc!.source.body.slice(d.loc!.start, d.loc!.end)).join("\n");
  if (print) return print(document);
  throw new TypeError(
    "This document has no source text: pass `print` from graphql to createShoppableClient, or use string documents.",
  );
}

async function resolveToken(token: ShoppableClientOptions["userToken"]): Promise<string | null | undefined> {
  return typeof token === "function" ? token() : token;
}

/** A WebSocket close event (or graphql-ws's synthetic one). */
function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === "object" && value !== null && "code" in value && "reason" in value;
}

/**
 * Maps what ends a subscription (an error list, a close event, a failed connection) to the
 * SDK's errors.
 */
function subscriptionError(error: unknown, wsUrl: string): ShoppableError {
  if (error instanceof ShoppableError) return error;
  if (Array.isArray(error)) return graphQLError(error as GraphQLErrorEntry[]);
  if (isCloseEvent(error)) {
    const { code, reason } = error;
    // The API closes with 4401 without an API key and 4403 when it refuses the key or user token: over HTTP both are UNAUTHENTICATED.
    if (code === 4401 || code === 4403)
      return new ShoppableAuthError([
        { message: reason || "Unauthenticated", extensions: { code: "UNAUTHENTICATED", closeCode: code } },
      ]);
    return new ShoppableNetworkError(`WebSocket closed (${code}${reason ? `: ${reason}` : ""})`);
  }
  // A WebSocket error event (ws's carries a message), or an Error (graphql-ws not loadable, a bad webSocketImpl, a throwing userToken).
  const message = (error as { message?: unknown } | undefined)?.message;
  return new ShoppableNetworkError(
    `Could not connect to ${wsUrl}${typeof message === "string" && message ? `: ${message}` : ""}`,
    undefined,
    { cause: error },
  );
}

/** Whether a document holds a mutation (which may have run when its request failed on the way). */
function isMutation(text: string): boolean {
  return /(?:^|\})\s*mutation\b/.test(text.replace(/#[^\n]*/g, ""));
}

/** Whether the variables carry an idempotency key (`checkoutComplete`'s): repeating the request is safe. */
function hasIdempotencyKey(variables: unknown): boolean {
  const given = variables as { idempotencyKey?: unknown; input?: { idempotencyKey?: unknown } } | undefined;
  return typeof (given?.idempotencyKey ?? given?.input?.idempotencyKey) === "string";
}

/** `Retry-After` in milliseconds: seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => (clearTimeout(timer), signal?.removeEventListener("abort", done), resolve());
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Creates a Shoppable API client. Nothing is sent until the first call; the WebSocket opens
 * on the first subscription.
 *
 * ```ts
 * const shoppable = createShoppableClient({ url: "https://api.example.com/graphql", apiKey: "shp_pk_…" });
 * const { edges } = await shoppable.products({ first: 10, query: "cotton" });
 * ```
 */
export function createShoppableClient(options: ShoppableClientOptions): ShoppableClient {
  const { url, apiKey, headers: baseHeaders, retry = {}, print } = options;
  const wsUrl = options.wsUrl ?? url.replace(/^http/, "ws");

  const requestRetry = options.requestRetry === false ? { attempts: 0 } : (options.requestRetry ?? {});
  let throttleStatus: ThrottleStatus | undefined;
  /** The hashes of documents sent as persisted operations, by text (each hashed once). */
  const hashes = new Map<string, Promise<string>>();
  /** The document's parameters: its text, or with `persistedOperations` its hash only. */
  async function operationParams(document: AnyDocument, variables: unknown) {
    const query = documentText(document, print);
    if (!options.persistedOperations) return { query, variables };
    let hash = hashes.get(query);
    if (!hash) hashes.set(query, (hash = documentHash(query)));
    // graphql-ws requires a query string: an empty one is none.
    return { query: "", variables, extensions: { persistedQuery: { version: 1, sha256Hash: await hash } } };
  }

  /** One POST: its data, or the error to throw and whether trying again is safe and when. */
  async function attempt(
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    mayHaveRun: boolean,
  ): Promise<{ data: any } | { error: ShoppableError; retry: boolean; afterMs?: number }> {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method: "POST",
        headers,
        body,
        signal: signal ?? null,
      });
    } catch (cause) {
      const error = new ShoppableNetworkError(
        `Could not reach ${url}: ${(cause as Error)?.message ?? cause}`,
        undefined,
        { cause },
      );
      // A request that failed on the way may have reached the server: only idempotent ones are sent again.
      return { error, retry: !signal?.aborted && !mayHaveRun };
    }
    const { status } = response;
    // 429 is refused before anything runs; 502, 503 and 504 may not be (a proxy's timeout).
    const retry = status === 429 || (!mayHaveRun && status >= 502 && status <= 504);
    const afterMs = retryAfterMs(response.headers.get("retry-after"));
    let result: {
      data?: unknown;
      errors?: GraphQLErrorEntry[];
      extensions?: { cost?: { throttleStatus?: ThrottleStatus } };
    };
    try {
      result = await response.json();
    } catch (cause) {
      const error = new ShoppableNetworkError(
        `${url} answered ${status} without a GraphQL response`,
        status,
        {
          cause,
        },
      );
      return { error, retry, afterMs };
    }
    // -1: refused before the bucket was read (too complex, unpriceable).
    const reported = result?.extensions?.cost?.throttleStatus;
    if (reported && reported.currentlyAvailable >= 0) throttleStatus = reported;
    if (result?.errors?.length)
      return { error: graphQLError(result.errors, result.data, status), retry, afterMs };
    if (!response.ok || !result?.data)
      return {
        error: new ShoppableNetworkError(`${url} answered ${status} without data`, status),
        retry,
        afterMs,
      };
    return { data: result.data };
  }

  async function request(
    document: AnyDocument,
    variables?: unknown,
    requestOptions: RequestOptions = {},
  ): Promise<any> {
    const token = await resolveToken(options.userToken);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
      "x-shoppable-key": apiKey,
      ...baseHeaders,
      ...requestOptions.headers,
    };
    if (token) headers["x-shoppable-user"] = token;
    const params = await operationParams(document, variables ?? {});
    const body = JSON.stringify(params);
    const mayHaveRun =
      isMutation(documentText(document, print)) &&
      !requestOptions.idempotent &&
      !hasIdempotencyKey(variables);
    const { attempts = 3, maxDelayMs = 30_000 } = requestRetry;
    for (let tries = 0; ; tries++) {
      const outcome = await attempt(body, headers, requestOptions.signal, mayHaveRun);
      if ("data" in outcome) return outcome.data;
      const wait = outcome.afterMs ?? backoffDelay(tries, requestRetry);
      if (!outcome.retry || tries >= attempts || wait > maxDelayMs) throw outcome.error;
      // Never before Retry-After; up to half as long again after it, so that clients refused
      // together do not all come back in the same instant.
      await sleep(
        outcome.afterMs === undefined ? wait : wait * (1 + Math.random() / 2),
        requestOptions.signal,
      );
      if (requestOptions.signal?.aborted) throw outcome.error;
    }
  }

  /**
   * The graphql-ws client, loaded on the first subscription: `import()` keeps it out of the
   * core, so apps that only query never load it (bundlers make it a separate chunk).
   */
  let webSocketClient: Promise<WebSocketClient> | undefined;
  /** The running subscriptions, ended by `close()`. */
  const active = new Set<ShoppableSubscription<unknown>>();

  function connection(): Promise<WebSocketClient> {
    if (
      options.webSocketImpl === undefined &&
      (globalThis as { WebSocket?: unknown }).WebSocket === undefined
    )
      return Promise.reject(
        new ShoppableNetworkError(
          "No WebSocket in this runtime (Node before 22): pass webSocketImpl (WebSocket from the ws package) to createShoppableClient.",
        ),
      );
    webSocketClient ??= import("graphql-ws/client").then(({ createClient }) =>
      createClient({
        url: wsUrl,
        webSocketImpl: options.webSocketImpl,
        // Called on every connection, so a refreshed user token is used on reconnect.
        connectionParams: async () => {
          const token = await resolveToken(options.userToken);
          return { "x-shoppable-key": apiKey, ...(token ? { "x-shoppable-user": token } : {}) };
        },
        // Opened on the first subscription, closed after the last (graphql-ws's lazy mode).
        lazy: true,
        // Reconnects in a row; graphql-ws resets the count on every connection_ack.
        retryAttempts: retry.attempts ?? Infinity,
        retryWait: (attempt) => new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, retry))),
        // graphql-ws never retries after 4400, 4401, 4406, 4409, 4429, 4500 and WebSocket-level
        // failures such as 1002 or 1011. Beyond those: a refused key or user token (4403) cannot
        // heal either; a connection that could not be made (an error event, not a close event)
        // is retried like a drop (graphql-ws's default gives up on it); errors thrown in the
        // client (a throwing userToken, a bad message) are not.
        shouldRetry: (problem) =>
          isCloseEvent(problem) ? problem.code !== 4403 : !(problem instanceof Error),
      }),
    );
    // A chunk that failed to load (offline) is loaded again by the next subscription.
    webSocketClient.catch(() => (webSocketClient = undefined));
    return webSocketClient;
  }

  function subscribe(document: AnyDocument, variables?: unknown, field?: string): ShoppableSubscription<any> {
    const given = (variables ?? {}) as Record<string, unknown>;
    // The generated functions ask for the first event (`withCurrentState`) unless the caller
    // chose: it resolves `ready` and is not yielded, since the caller did not ask for it.
    const hideFirst = field !== undefined && given.withCurrentState === undefined;
    // Throws here, not in the iterator, for a document without source text.
    documentText(document, print);
    const payload = operationParams(document, hideFirst ? { ...given, withCurrentState: true } : given);
    let live: () => void = () => {};
    let notLive: (error: unknown) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      live = resolve;
      notLive = reject;
    });
    // A subscription nobody awaits `ready` of must not report an unhandled rejection.
    ready.catch(() => undefined);
    let first = true;
    // A queue between graphql-ws's sink and the iterator's `next()` calls.
    const values: unknown[] = [];
    let failure: ShoppableError | undefined;
    let ended = false;
    let wake: (() => void) | undefined;
    let stop: (() => void) | undefined;
    const settle = () => {
      wake?.();
      wake = undefined;
    };
    const end = (error?: unknown) => {
      if (ended) return;
      if (error !== undefined) failure = subscriptionError(error, wsUrl);
      notLive(failure ?? new ShoppableNetworkError("The subscription ended before it was live."));
      ended = true;
      active.delete(subscription);
      settle();
    };
    Promise.all([connection(), payload]).then(([ws, params]) => {
      if (ended) return;
      stop = ws.subscribe(params as { query: string; variables: Record<string, unknown> }, {
        next({ data, errors }) {
          if (errors?.length) {
            // Errors end the subscription: unsubscribe, then fail the iterator with them.
            stop?.();
            end(graphQLError(errors as GraphQLErrorEntry[], data));
          } else {
            const value = field ? data?.[field] : data;
            const wasFirst = first;
            first = false;
            live();
            if (wasFirst && hideFirst && (value as { refetch?: boolean } | null)?.refetch === true) return;
            values.push(value);
            settle();
          }
        },
        error: end,
        complete: () => end(),
      });
    }, end);
    const subscription: ShoppableSubscription<any> = {
      ready,
      async next(): Promise<IteratorResult<any>> {
        while (!values.length && !failure && !ended) await new Promise<void>((resolve) => (wake = resolve));
        if (values.length) return { done: false, value: values.shift() };
        if (failure) {
          const error = failure;
          failure = undefined;
          throw error;
        }
        return { done: true, value: undefined };
      },
      async return() {
        subscription.dispose();
        return { done: true, value: undefined };
      },
      dispose() {
        stop?.();
        end();
      },
      [Symbol.asyncIterator]() {
        return subscription;
      },
    };
    active.add(subscription);
    return subscription;
  }

  const client = {
    request,
    get throttleStatus() {
      return throttleStatus;
    },
    subscribe: (document: AnyDocument, variables?: unknown) => subscribe(document, variables),
    async close() {
      // Ending the last subscription closes the WebSocket (or cancels a pending reconnect).
      for (const subscription of [...active]) subscription.dispose();
    },
  } as ShoppableClient;
  for (const [name, entry] of Object.entries(operationTable)) {
    const kind = entry[1];
    const document = operationDocument(name, entry, fragmentSource);
    (client as any)[name] =
      kind === 2
        ? (variables?: unknown) => subscribe(document, variables, name)
        : async (variables?: unknown, requestOptions?: RequestOptions) =>
            (await request(document, kind ? { input: variables } : variables, requestOptions))[name];
  }
  return client;
}
