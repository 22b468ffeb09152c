/**
 * One operation over any of the API's transports, with one shape of outcome, so that a test can
 * assert the same behaviour over each: HTTP POST, HTTP GET, SSE (POST with
 * `Accept: text/event-stream`) and WebSocket (graphql-ws `createClient`).
 */
import { createClient } from "graphql-ws";
import WebSocket from "ws";

export const TRANSPORTS = ["POST", "GET", "SSE", "WS"] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface OperationRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

export interface Outcome {
  /** The HTTP status (HTTP transports). */
  status?: number;
  /** How the WebSocket closed when it closed before the operation's result (WebSocket). */
  close?: { code: number; reason: string };
  data?: any;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  extensions?: Record<string, any>;
  headers?: Headers;
}

export interface Call {
  /** Credentials under the HTTP header names; over WebSocket the connection_init payload. */
  credentials: Record<string, string>;
  /** More HTTP headers (also sent with the WebSocket upgrade, e.g. X-Forwarded-For). */
  headers?: Record<string, string>;
}

/** The error codes of an outcome (empty when it has none). */
export function codes(outcome: Outcome): (string | undefined)[] {
  return (outcome.errors ?? []).map((e) => e.extensions?.code);
}

async function fromResponse(response: Response): Promise<Outcome> {
  const text = await response.text();
  let body: Outcome = {};
  try {
    body = JSON.parse(text) as Outcome;
  } catch {
    // Not JSON (an empty 406, a proxy's page): status only.
  }
  return {
    status: response.status,
    data: body.data,
    errors: body.errors,
    extensions: body.extensions,
    headers: response.headers,
  };
}

/** GraphQL over HTTP POST with a JSON body (`body` overrides it, raw). */
export async function overPost(
  url: string,
  request: OperationRequest,
  call: Call,
  body?: string,
): Promise<Outcome> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...call.credentials, ...call.headers },
    body: body ?? JSON.stringify(request),
  });
  return fromResponse(response);
}

/** The parameters as a GET URL: strings as they are, anything else as JSON. */
export function getUrl(url: string, request: OperationRequest): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request)) {
    if (value === undefined) continue;
    search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return `${url}?${search}`;
}

/** GraphQL over HTTP GET: parameters in the URL (`rawUrl` overrides it). */
export async function overGet(
  url: string,
  request: OperationRequest,
  call: Call,
  rawUrl?: string,
): Promise<Outcome> {
  const response = await fetch(rawUrl ?? getUrl(url, request), {
    headers: { ...call.credentials, ...call.headers },
  });
  return fromResponse(response);
}

/** GraphQL over SSE: POST with `Accept: text/event-stream`; the first result, then the stream is closed. */
export async function overSse(
  url: string,
  request: OperationRequest,
  call: Call,
  body?: string,
): Promise<Outcome> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...call.credentials,
      ...call.headers,
    },
    body: body ?? JSON.stringify(request),
    signal: controller.signal,
  });
  return outcomeOf(response, controller);
}

/**
 * The outcome of an HTTP response: its JSON body, or for an event stream its first result
 * (then the stream is aborted through `controller`).
 */
export async function outcomeOf(response: Response, controller?: AbortController): Promise<Outcome> {
  if (!/text\/event-stream/.test(response.headers.get("content-type") ?? "")) return fromResponse(response);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event: complete/m.test(block)) return { status: response.status, headers: response.headers };
        const data = block
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trim())
          .join("\n");
        if (data)
          return { status: response.status, headers: response.headers, ...(JSON.parse(data) as Outcome) };
        continue;
      }
      const chunk = await reader.read();
      if (chunk.done) return { status: response.status, headers: response.headers };
      buffer += chunk.value;
    }
  } finally {
    controller?.abort();
    await reader.cancel().catch(() => undefined);
  }
}

/** A `ws` WebSocket that sends `headers` with its upgrade request. */
function webSocketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/** GraphQL over WebSocket: one graphql-ws client, one operation; its first result or how it ended. */
export function overWs(url: string, request: OperationRequest, call: Call): Promise<Outcome> {
  const client = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: webSocketWith(call.headers ?? {}),
    connectionParams: call.credentials,
    retryAttempts: 0,
    lazy: true,
  });
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      void client.dispose();
      resolve(outcome);
    };
    const unsubscribe = client.subscribe(request as never, {
      next: (result) => settle(result as Outcome),
      error: (error) => {
        if (Array.isArray(error)) return settle({ errors: error as Outcome["errors"] });
        const closed = error as { code?: number; reason?: string };
        if (typeof closed.code === "number")
          return settle({ close: { code: closed.code, reason: String(closed.reason ?? "") } });
        settle({ errors: [{ message: String((error as Error).message ?? error) }] });
      },
      complete: () => settle({}),
    });
  });
}

/** The operation over `transport`. */
export function over(
  transport: Transport,
  url: string,
  request: OperationRequest,
  call: Call,
): Promise<Outcome> {
  switch (transport) {
    case "POST":
      return overPost(url, request, call);
    case "GET":
      return overGet(url, request, call);
    case "SSE":
      return overSse(url, request, call);
    case "WS":
      return overWs(url, request, call);
  }
}
