/**
 * Retries of queries and mutations (`requestRetry`): what is sent again, how often, after how
 * long, and what never is. A scripted fetch answers each try; waits are zero (Retry-After: 0,
 * minDelayMs 0), so nothing here depends on the clock.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createShoppableClient,
  ShoppableGraphQLError,
  ShoppableNetworkError,
  type ShoppableClientOptions,
} from "../src/index.ts";

type Answer = Response | Error;
const ok = (data: unknown, extensions?: unknown) =>
  new Response(JSON.stringify({ data, ...(extensions ? { extensions } : {}) }), {
    headers: { "content-type": "application/json" },
  });
const rateLimited = (retryAfter: string) =>
  new Response(
    JSON.stringify({ errors: [{ message: "Rate limited", extensions: { code: "RATE_LIMITED" } }] }),
    { status: 429, headers: { "content-type": "application/json", "retry-after": retryAfter } },
  );
const unavailable = () => new Response("busy", { status: 503 });

/** A client whose fetch gives `answers` in turn; `bodies` records what each try sent. */
function scripted(answers: Answer[], options: Partial<ShoppableClientOptions> = {}) {
  const bodies: unknown[] = [];
  const client = createShoppableClient({
    url: "http://api.test/graphql",
    apiKey: "shp_pk_test",
    requestRetry: { minDelayMs: 0 },
    ...options,
    fetch: async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      const answer = answers.shift();
      if (!answer) throw new Error("no more answers");
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { client, bodies };
}

const query = `query Viewer { viewer { roles } }`;
const mutation = `mutation Like($id: ID!) { postLike(input: { postId: $id }) { liked } }`;

describe("requestRetry", () => {
  it("sends a rate-limited request again after its Retry-After, query or mutation", async () => {
    const { client, bodies } = scripted([rateLimited("0"), ok({ viewer: { roles: [] } })]);
    expect(await client.request(query)).toEqual({ viewer: { roles: [] } });
    expect(bodies).toHaveLength(2);
    const write = scripted([rateLimited("0"), rateLimited("0"), ok({ postLike: { liked: true } })]);
    expect(await write.client.request(mutation, { id: "p" })).toEqual({ postLike: { liked: true } });
    expect(write.bodies).toHaveLength(3);
  });

  it("retries a query after network failures and 503s, then gives up after `attempts`", async () => {
    const { client, bodies } = scripted([new TypeError("fetch failed"), unavailable(), ok({ viewer: null })]);
    expect(await client.request(query)).toEqual({ viewer: null });
    expect(bodies).toHaveLength(3);
    const failing = scripted([unavailable(), unavailable(), unavailable()], {
      requestRetry: { attempts: 2, minDelayMs: 0 },
    });
    const error = await failing.client.request(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableNetworkError);
    expect((error as ShoppableNetworkError).status).toBe(503);
    expect(failing.bodies).toHaveLength(3);
  });

  it("never sends again a mutation that may have run, unless it is idempotent", async () => {
    const lost = scripted([new TypeError("socket hang up"), ok({ postLike: { liked: true } })]);
    expect(await lost.client.request(mutation, { id: "p" }).catch((e: unknown) => e)).toBeInstanceOf(
      ShoppableNetworkError,
    );
    expect(lost.bodies).toHaveLength(1);
    const gateway = scripted([unavailable(), ok({ postLike: { liked: true } })]);
    await expect(gateway.client.request(mutation, { id: "p" })).rejects.toThrow("503");
    expect(gateway.bodies).toHaveLength(1);

    const declared = scripted([new TypeError("socket hang up"), ok({ postLike: { liked: true } })]);
    await declared.client.request(mutation, { id: "p" }, { idempotent: true });
    expect(declared.bodies).toHaveLength(2);
    const keyed = scripted([unavailable(), ok({ checkoutComplete: { order: null } })]);
    await keyed.client.request(
      `mutation Pay($input: X!) { checkoutComplete(input: $input) { order { id } } }`,
      {
        input: { idempotencyKey: "k-1" },
      },
    );
    expect(keyed.bodies).toHaveLength(2);
  });

  it("throws at once when Retry-After is longer than maxDelayMs, or retries are off", async () => {
    const long = scripted([rateLimited("120"), ok({ viewer: null })]);
    const error = await long.client.request(query).catch((e: unknown) => e);
    expect((error as ShoppableGraphQLError).code).toBe("RATE_LIMITED");
    expect(long.bodies).toHaveLength(1);
    const off = scripted([rateLimited("0"), ok({ viewer: null })], { requestRetry: false });
    await expect(off.client.request(query)).rejects.toBeInstanceOf(ShoppableGraphQLError);
    expect(off.bodies).toHaveLength(1);
  });

  it("does not retry an aborted request", async () => {
    const controller = new AbortController();
    controller.abort();
    const { client, bodies } = scripted([new DOMException("aborted", "AbortError"), ok({ viewer: null })]);
    await expect(client.request(query, {}, { signal: controller.signal })).rejects.toBeInstanceOf(
      ShoppableNetworkError,
    );
    expect(bodies).toHaveLength(1);
  });
});

describe("throttleStatus", () => {
  it("is the rate limit's state from the last response that reported it", async () => {
    const status = { maximumAvailable: 1000, currentlyAvailable: 950, restoreRate: 50 };
    const { client } = scripted([
      ok({ viewer: null }, { cost: { requestedQueryCost: 50, actualQueryCost: 50, throttleStatus: status } }),
      ok({ viewer: null }),
      ok({ viewer: null }, { cost: { throttleStatus: { ...status, currentlyAvailable: -1 } } }),
    ]);
    expect(client.throttleStatus).toBeUndefined();
    await client.request(query);
    expect(client.throttleStatus).toEqual(status);
    await client.request(query);
    await client.request(query);
    expect(client.throttleStatus).toEqual(status);
  });
});

describe("persistedOperations", () => {
  it("sends the document's sha256 and no text", async () => {
    const { client, bodies } = scripted([ok({ viewer: null })], { persistedOperations: true });
    await client.request(query);
    expect(bodies[0]).toEqual({
      query: "",
      variables: {},
      extensions: {
        persistedQuery: {
          version: 1,
          sha256Hash: createHash("sha256").update(query).digest("hex"),
        },
      },
    });
  });
});
