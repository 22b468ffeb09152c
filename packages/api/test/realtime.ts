/**
 * Clients for the subscription tests: graphql-ws over a real WebSocket, SSE over real HTTP,
 * and a wait for the server's event bus to hold the subscriptions a test just opened.
 */
import { createClient, type Client } from "graphql-ws";
import { expect } from "vitest";
import WebSocket from "ws";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Topic } from "@shoppable/schema/shared/events.ts";
import type { ServerEventBus } from "../src/events.ts";
import type { TestApi } from "./harness.ts";

/** Credentials as connection_init params (the same names as the HTTP headers). */
export function params(
  api: Pick<TestApi, "keys">,
  as: { key?: "publishable" | "secret"; user?: string } = {},
): Record<string, string> {
  const p: Record<string, string> = { "x-shoppable-key": api.keys[as.key ?? "publishable"] };
  if (as.user) p["x-shoppable-user"] = as.user;
  return p;
}

/** Polls `check` until it holds (a sync point, not a timing assertion); fails after 10 s. */
export async function until(check: () => boolean | Promise<boolean>, what = "condition"): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Waits until the bus holds `n` subscriptions to (topic, id of `globalId`). */
export function subscribed(events: ServerEventBus, topic: Topic, globalId: string, n = 1): Promise<void> {
  const id = decodeGlobalID(globalId).id;
  return until(() => events.subscribers(topic, id) === n, `${n} ${topic} subscriptions`);
}

export interface Result<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** When it arrived (Date.now()). */
  at: number;
}

export interface Stream<T = any> {
  /** The next result (data or errors). */
  next(): Promise<Result<T>>;
  close(): Promise<void>;
}

/** A graphql-ws client on `url` (http://… is turned into ws://…). */
export function wsClient(url: string, connectionParams: Record<string, string>): Client {
  return createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes over WebSocket and returns the results one by one, stamped when they arrived. */
export function wsSubscribe<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): Stream<T> {
  const arrived: (Result<T> | Error)[] = [];
  let wake: (() => void) | null = null;
  const push = (item: Result<T> | Error) => {
    arrived.push(item);
    wake?.();
  };
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => push({ ...(result as object), at: Date.now() } as Result<T>),
      error: (error) =>
        push(
          error instanceof Error
            ? error
            : new Error(`closed: ${JSON.stringify((error as { code?: number }).code ?? error)}`),
        ),
      complete: () => push(new Error("The subscription completed.")),
    },
  );
  return {
    async next() {
      while (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const item = arrived.shift()!;
      if (item instanceof Error) throw item;
      return item;
    },
    async close() {
      unsubscribe();
    },
  };
}

/** Subscribes over SSE (POST with `Accept: text/event-stream`) and returns the results one by one. */
export async function sseSubscribe<T = any>(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
): Promise<Stream<T>> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return {
    async next() {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trim())
            .join("\n");
          if (data) return { ...JSON.parse(data), at: Date.now() };
          if (/^event: complete/m.test(block)) throw new Error("The subscription completed.");
          continue;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error("The stream ended.");
        buffer += chunk.value;
      }
    },
    async close() {
      controller.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
}

/** Opens a raw graphql-transport-ws socket, sends connection_init with `payload`, and resolves with how it ended: acked, or closed with a code. */
export function connectRaw(
  url: string,
  payload: Record<string, string> | null,
): Promise<{ acked: boolean; code?: number; reason?: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
    socket.on("open", () =>
      socket.send(
        JSON.stringify(payload ? { type: "connection_init", payload } : { type: "connection_init" }),
      ),
    );
    socket.on("message", (data) => {
      if (JSON.parse(String(data)).type === "connection_ack") {
        socket.close(1000);
        resolve({ acked: true });
      }
    });
    socket.on("close", (code, reason) => resolve({ acked: false, code, reason: String(reason) }));
    socket.on("error", reject);
  });
}
