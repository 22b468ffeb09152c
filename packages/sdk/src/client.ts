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
import { fragmentSource, operationTable, type ShoppableOperations } from "./generated/operations.ts";
import type { RequestOptions, ShoppableSubscription } from "./types.ts";

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
  /** Closes the WebSocket, ending every subscription. HTTP needs no closing. */
  close(): Promise<void>;
}

/** The text of a document: strings, String objects (TypedDocumentString), or parsed documents. */
function documentText(document: AnyDocument, print?: (document: any) => string): string {
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

/**
 * An SDK operation followed by the fragments it spreads, transitively, each once (the
 * generator stores each fragment once; `...on Type` inline fragments name no fragment).
 */
function withFragments(operation: string): string {
  const used = new Set<string>();
  const spreads = (text: string): void =>
    void text.replace(/\.\.\.(\w+)/g, (spread, name: string) => {
      const fragment = fragmentSource[name];
      if (fragment && !used.has(name)) used.add(name), spreads(fragment);
      return spread;
    });
  spreads(operation);
  return operation + [...used].map((name) => fragmentSource[name]).join("");
}

/**
 * An input mutation stored as its root field's selection only (kind 3 of the operation table):
 * `cartLinesAdd` and `{cart{…}}` give `mutation CartLinesAdd($input:CartLinesAddInput!){cartLinesAdd(input:$input){cart{…}}}`.
 */
function inputMutation(field: string, selection: string): string {
  const name = field.charAt(0).toUpperCase() + field.slice(1);
  return `mutation ${name}($input:${name}Input!){${field}(input:$input)${selection}}`;
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
    const body = JSON.stringify({ query: documentText(document, print), variables: variables ?? {} });
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method: "POST",
        headers,
        body,
        signal: requestOptions.signal ?? null,
      });
    } catch (cause) {
      throw new ShoppableNetworkError(
        `Could not reach ${url}: ${(cause as Error)?.message ?? cause}`,
        undefined,
        { cause },
      );
    }
    let result: { data?: unknown; errors?: GraphQLErrorEntry[] };
    try {
      result = await response.json();
    } catch (cause) {
      throw new ShoppableNetworkError(
        `${url} answered ${response.status} without a GraphQL response`,
        response.status,
        { cause },
      );
    }
    if (result?.errors?.length) throw graphQLError(result.errors, result.data, response.status);
    if (!response.ok || !result?.data)
      throw new ShoppableNetworkError(`${url} answered ${response.status} without data`, response.status);
    return result.data;
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
    const payload = {
      query: documentText(document, print),
      variables: hideFirst ? { ...given, withCurrentState: true } : given,
    };
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
    connection().then((ws) => {
      if (ended) return;
      stop = ws.subscribe(payload, {
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
    subscribe: (document: AnyDocument, variables?: unknown) => subscribe(document, variables),
    async close() {
      // Ending the last subscription closes the WebSocket (or cancels a pending reconnect).
      for (const subscription of [...active]) subscription.dispose();
    },
  } as ShoppableClient;
  for (const [name, [operation, kind]] of Object.entries(operationTable)) {
    const document = withFragments(kind === 3 ? inputMutation(name, operation) : operation);
    (client as any)[name] =
      kind === 2
        ? (variables?: unknown) => subscribe(document, variables, name)
        : async (variables?: unknown, requestOptions?: RequestOptions) =>
            (await request(document, kind ? { input: variables } : variables, requestOptions))[name];
  }
  return client;
}
