import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { createServer } from "../src/server.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

let listening: Promise<{ url: string }> | undefined;
/** The API on a real port (once per file). */
const served = () => (listening ??= api.server.listen(0, "127.0.0.1"));
const fetchApi = (path: string, init?: RequestInit) =>
  api.server.yoga.fetch(new URL(`http://test${path}`), init ?? {});

describe("HTTP endpoints", () => {
  it("refuses a chunked body, whose size is not declared, before reading it", async () => {
    const { url } = await served();
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: "{ viewer { roles } }" })));
        controller.close();
      },
    });
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shoppable-key": api.keys.publishable },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(411);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("LENGTH_REQUIRED");
  });

  it("answers /health and /ready", async () => {
    expect((await fetchApi("/health")).status).toBe(200);
    const { url } = await served();
    const ready = await fetch(url.replace("/graphql", "/ready"));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      database: "ok",
      events: "ok",
      jobs: "not run here",
    });
  });

  it("serves GraphiQL to browsers outside production", async () => {
    const res = await fetchApi("/graphql", { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Shoppable GraphiQL");
  });

  it("refuses simple cross-site requests that lack a non-simple header (CSRF)", async () => {
    const get = await fetchApi(`/graphql?query=${encodeURIComponent("{ viewer { roles } }")}`);
    expect(get.status).toBe(403);
    const form = await fetchApi("/graphql", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query={viewer{roles}}",
    });
    expect(form.status).toBe(403);
  });

  it("refuses batched operations", async () => {
    const res = await fetchApi("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-shoppable-key": api.keys.publishable },
      body: JSON.stringify([{ query: "{ viewer { roles } }" }, { query: "{ viewer { roles } }" }]),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

describe("malformed parameters", () => {
  /** A second server on the test database whose every log line (from trace up) is kept. */
  async function loggedServer() {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const config = loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "trace",
      SHOPPABLE_JWT_SECRET: api.config.jwt.secret!,
    });
    const server = createServer({ db: api.db, config, logger: createLogger("trace", sink) });
    return { server, lines };
  }
  const query = encodeURIComponent("{ viewer { roles } }");

  it("answers variables or extensions that are not JSON with 400 BAD_REQUEST naming them, logged below warn", async () => {
    const { server, lines } = await loggedServer();
    const headers = { "x-shoppable-key": api.keys.publishable };
    try {
      const cases: [string, RequestInit, string][] = [
        [`/graphql?query=${query}&variables=notjson`, { headers }, "variables"],
        [`/graphql?query=${query}&extensions=%7B`, { headers }, "extensions"],
        [
          "/graphql",
          {
            method: "POST",
            headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
            body: `query=${query}&variables=%7Bx`,
          },
          "variables",
        ],
        [
          `/graphql?query=${query}&variables=notjson`,
          { headers: { ...headers, accept: "text/event-stream" } },
          "variables",
        ],
      ];
      for (const [path, init, name] of cases) {
        const res = await server.yoga.fetch(`http://test${path}`, init);
        expect(res.status, path).toBe(400);
        // Over SSE the error is the stream's one event.
        const body = (await res.text()).replace(/^[\s\S]*?data: (\{.*\})[\s\S]*$/, "$1");
        expect(JSON.parse(body).errors[0], path).toMatchObject({
          message: `"${name}" is not valid JSON.`,
          extensions: { code: "BAD_REQUEST" },
        });
      }
      // One request line each, and nothing at warn or above (no stack trace at error level).
      expect(lines.filter((l) => l.msg === "request")).toHaveLength(cases.length);
      expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    } finally {
      await server.close(100);
    }
  });

  it("answers wrongly typed parameters with 400 BAD_REQUEST", async () => {
    const post = (body: unknown) =>
      fetchApi("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-shoppable-key": api.keys.publishable },
        body: JSON.stringify(body),
      });
    for (const body of [
      { query: 5 },
      { query: "{ viewer { roles } }", variables: [1] },
      { query: "{ viewer { roles } }", operationName: 5 },
      { query: "{ viewer { roles } }", extensions: "x" },
      { query: "" },
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe("BAD_REQUEST");
    }
  });

  it("answers an affiliate link with malformed percent-encoding with 404", async () => {
    const res = await fetchApi("/r/%E0%A4%A");
    expect(res.status).toBe(404);
  });
});

describe("limits", () => {
  it("refuses a query whose complexity is over the limit before running it", async () => {
    // 100 products, each with its shop's 100 products, each with up to 100 variants: about 1,020,000.
    const q = `{ products(first: 100) { edges { node { shop { products(first: 100) { edges { node { variants { id title price { amount } } } } } } } } } }`;
    await api.gql(`{ viewer { roles } }`); // authentication is cached after this
    const { result, statements } = await api.db.statementsDuring(() => api.gql(q));
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(result.errors?.[0]?.message).toMatch(/cost \d+ exceeds the maximum of \d+/);
    expect(statements).toHaveLength(0);
  });

  it("refuses a query nested deeper than the limit", async () => {
    let inner = "id";
    for (let i = 0; i < 8; i++) inner = `shop { products(first: 1) { edges { node { ${inner} } } } }`;
    const res = await api.gql(`{ products(first: 1) { edges { node { ${inner} } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors?.[0]?.message).toContain("depth");
  });

  it("validates lookup arguments with BAD_USER_INPUT", async () => {
    const res = await api.gql(`query($h: String!) { shop(handle: $h) { id } }`, { h: "x".repeat(101) });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("relay nodes", () => {
  it("resolves node and nodes for any entity, and null for unknown or malformed ids", async () => {
    const created = ok(
      await api.gql(
        `mutation { shopCreate(input: { handle: "node-shop", name: "Node shop", currencyCode: "JPY" }) { shop { id } } }`,
        {},
        { key: "secret" },
      ),
    ).shopCreate.shop.id;
    const nodes = ok(
      await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Shop { handle currencyCode } } }`, {
        ids: [created],
      }),
    );
    expect(nodes.nodes).toEqual([{ id: created, handle: "node-shop", currencyCode: "JPY" }]);
    const unknown = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, {
      id: Buffer.from("Shop:0190a000-0000-7000-8000-000000000000").toString("base64"),
    });
    expect(unknown.data?.node ?? null).toBeNull();
    const malformed = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: "%%%" });
    expect(malformed.data?.node ?? null).toBeNull();
    expect(JSON.stringify(malformed.errors ?? [])).not.toMatch(/prisma|invalid input syntax|uuid/i);
  });
});

describe("errors", () => {
  it("masks internal errors: no database message reaches the client", async () => {
    const broken = await startTestApi();
    await broken.gql(`{ viewer { roles } }`); // cache the key, so the failure happens in a resolver
    await broken.db.close();
    const res = await broken.gql(`{ products(first: 1) { edges { node { id } } } }`);
    expect(res.errors?.[0]?.message).toBe("Unexpected error.");
    expect(JSON.stringify(res.errors)).not.toMatch(/PGlite|closed|prisma|SQL/i);
    await broken.server.close(100);
  });
});
