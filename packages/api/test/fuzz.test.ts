/**
 * Fuzzing: random and malformed operations and variables generated from the schema, sent as
 * every kind of caller. The server never answers 5xx, never leaks an internal message, never
 * fails with a masked (unexpected) error, and a mutation that is refused changes nothing in
 * the database. Then at least FUZZ_TRANSPORT_REQUESTS (2,000) malformed requests over each
 * transport (HTTP POST, HTTP GET, SSE, WebSocket): never a 5xx, never an internal-error close,
 * never an unexpected error, nothing logged as an error, and the server answers afterwards.
 * Deterministic: FUZZ_SEED picks another run (the seed is in every failure); requests are
 * generated before they are sent, a few at a time, and nothing waits on the clock.
 */
import { Writable } from "node:stream";
import { isNonNullType, getNamedType, type GraphQLInputType } from "graphql";
import { schema } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createLogger } from "../src/logger.ts";
import { Commerce } from "./commerce.ts";
import { Fuzzer, LEAKS, MalformedRequests, type Fixtures, type HttpCase, type WsScript } from "./fuzzer.ts";
import { startTestApi, type CallAs, type TestApi } from "./harness.ts";
import { prng } from "./prng.ts";
import { over, outcomeOf, TRANSPORTS, type Outcome } from "./transports.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const OPERATIONS_PER_FIELD = Number(process.env.FUZZ_PER_FIELD ?? 6);
const TRANSPORT_REQUESTS = Number(process.env.FUZZ_TRANSPORT_REQUESTS ?? 2000);
/** Requests in flight at once (WebSocket: sockets); the outcomes do not depend on it. */
const IN_FLIGHT = 6;
/**
 * A transport's run is a fixed amount of work (about 10 s here), slower on a loaded machine:
 * this bound only catches a request that never gets an answer.
 */
const TRANSPORT_TIMEOUT_MS = 600_000;

/** Every log line at error level or above: an internal error is a bug even when the client saw none. */
const errorLogs: string[] = [];

let api: TestApi;
let fixtures: Fixtures;

/** One md5 over every row of every table: any write shows. */
async function databaseFingerprint(): Promise<string> {
  const tables = await api.db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'ApiKey', 'User') ORDER BY 1`,
  );
  const parts = tables.map(
    (t) => `(SELECT coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') FROM "${t.name}" x)`,
  );
  const [row] = await api.db.prisma.$queryRawUnsafe<{ fp: string }[]>(
    `SELECT md5(concat(${parts.join(", ")})) AS fp`,
  );
  return row!.fp;
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean))
        if ((JSON.parse(line) as { level: number }).level >= 50) errorLogs.push(line);
      done();
    },
  });
  // With the response cache on, as in production: malformed input reaches its key and lookup too.
  api = await startTestApi({ RESPONSE_CACHE: "true" }, { logger: createLogger("error", sink) });
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  const product = await commerce.product(shop.id, ["10.00", "12.00"], 5, "Fuzzed");
  const post = await commerce.postWithTag(product.dbId);
  const buyer = await api.token("fuzz-buyer", ["BUYER"]);
  const creator = await api.token("fuzz-creator", ["CREATOR"]);
  const admin = await api.token("fuzz-admin", ["ADMIN"]);
  const cart = await commerce.cart([{ variantId: product.variants[0]!.id, quantity: 1 }], { user: buyer });
  const callers: CallAs[] = [
    {},
    { key: "secret" },
    { user: buyer },
    { user: creator },
    { key: "secret", user: commerce.merchant },
    { key: "secret", user: admin },
    { key: "none" },
    { key: "sk_test_not_a_key" },
  ];
  // Users are created on first sight: meet every caller once before fingerprints are compared.
  for (const as of callers) await api.gql(`{ viewer { roles } }`, {}, as);
  fixtures = {
    ids: [
      shop.id,
      product.id,
      product.variants[0]!.id,
      product.variants[1]!.id,
      cart,
      post.postId,
      post.tagId,
    ],
    callers,
  };
});
afterAll(() => api?.close());

function check(where: string, res: Awaited<ReturnType<TestApi["gql"]>>) {
  expect(res.status, where).toBeLessThan(500);
  for (const error of res.errors ?? []) {
    for (const leak of LEAKS) expect(error.message, `${where}: leaked ${leak}`).not.toMatch(leak);
    // A masked error is an unexpected exception: a bug, even though nothing leaked.
    expect(error.message, `${where}: unexpected error`).not.toBe("Unexpected error.");
  }
}

describe(`fuzzing (seed ${SEED})`, () => {
  it("answers random queries from the schema without 5xx, leaks or unexpected errors", async () => {
    const fuzz = new Fuzzer(prng(SEED), fixtures);
    const fields = Object.values(schema.getQueryType()!.getFields());
    for (const field of fields) {
      for (let i = 0; i < OPERATIONS_PER_FIELD; i++) {
        const { query, variables } = fuzz.operation("query", field);
        const as = fuzz.pick(fixtures.callers);
        check(
          `seed ${SEED} ${query} ${JSON.stringify(variables).slice(0, 300)} as ${JSON.stringify(as)}`,
          await api.gql(query, variables, as),
        );
      }
    }
  });

  it("answers random mutations without 5xx or leaks, and a refused mutation writes nothing", async () => {
    const fuzz = new Fuzzer(prng(SEED + 1), fixtures);
    const fields = Object.values(schema.getMutationType()!.getFields());
    let refused = 0;
    for (const field of fields) {
      for (let i = 0; i < OPERATIONS_PER_FIELD; i++) {
        const { query, variables } = fuzz.operation("mutation", field);
        const as = fuzz.pick(fixtures.callers);
        const before = await databaseFingerprint();
        const res = await api.gql(query, variables, as);
        const where = `seed ${SEED + 1} ${query} ${JSON.stringify(variables).slice(0, 300)} as ${JSON.stringify(as)}`;
        check(where, res);
        const payload = res.data?.[field.name] as { userErrors?: unknown[] } | null | undefined;
        const rejected = (res.errors?.length ?? 0) > 0 || (payload?.userErrors?.length ?? 0) > 0;
        if (rejected) {
          refused++;
          expect(await databaseFingerprint(), `${where}: a refused mutation changed the database`).toBe(
            before,
          );
        }
      }
    }
    expect(refused).toBeGreaterThan(fields.length);
  });

  it("answers malformed documents with 4xx and no leaks", async () => {
    const fuzz = new Fuzzer(prng(SEED + 2), fixtures);
    const fields = Object.values(schema.getQueryType()!.getFields());
    for (let i = 0; i < 150; i++) {
      const { query, variables } = fuzz.operation("query", fuzz.pick(fields));
      const broken = fuzz.malformed(query);
      const res = await api.gql(
        broken,
        fuzz.chance(0.5) ? variables : { junk: fuzz.input(schema.getType("ID") as GraphQLInputType) },
        fuzz.pick(fixtures.callers),
      );
      check(`seed ${SEED + 2} ${broken.slice(0, 300)}`, res);
    }
  });
});

/** The headers of a caller (as harness.ts sends them). */
function credentials(as: CallAs): Record<string, string> {
  const headers: Record<string, string> = {};
  const key = as.key ?? "publishable";
  if (key !== "none")
    headers["x-shoppable-key"] =
      key === "publishable" ? api.keys.publishable : key === "secret" ? api.keys.secret : key;
  if (as.user) headers["x-shoppable-user"] = as.user;
  return headers;
}

function malformedRequests(seed: number): MalformedRequests {
  const fields = (type: "getQueryType" | "getMutationType" | "getSubscriptionType") =>
    Object.values(schema[type]()!.getFields());
  return new MalformedRequests(new Fuzzer(prng(seed), fixtures), fixtures.callers, credentials, {
    query: fields("getQueryType"),
    mutation: fields("getMutationType"),
    // Subscriptions on an entity whose ID the fuzzer never names right: each is refused, none stays open.
    subscription: fields("getSubscriptionType").filter((f) =>
      f.args.some((a) => isNonNullType(a.type) && getNamedType(a.type).name === "ID"),
    ),
  });
}

/** Runs `work` over `items`, `IN_FLIGHT` at a time. */
async function inFlight<T>(items: T[], work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/** What no answer may hold: a leak, a masked (unexpected) error, an internal-error code. */
function checkErrors(where: string, errors: Outcome["errors"] | unknown) {
  if (!Array.isArray(errors)) return;
  for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
    const message = String(error?.message);
    for (const leak of LEAKS) expect(message, `${where}: leaked ${leak}`).not.toMatch(leak);
    expect(message, `${where}: unexpected error`).not.toBe("Unexpected error.");
    expect(error?.extensions?.code, `${where}: internal error`).not.toBe("INTERNAL_SERVER_ERROR");
  }
}

function describeCase(c: HttpCase): string {
  return `seed ${SEED} ${c.method} ${c.path.slice(0, 300)} ${JSON.stringify(c.headers).slice(0, 300)} ${String(c.body ?? "").slice(0, 300)}`;
}

/** Sends one case and checks its answer; returns its status. */
async function sendHttp(origin: string, c: HttpCase): Promise<number> {
  const where = describeCase(c);
  const controller = new AbortController();
  let outcome: Outcome;
  try {
    const response = await fetch(origin + c.path, {
      method: c.method,
      headers: c.headers,
      body: c.body,
      signal: controller.signal,
    });
    outcome = await outcomeOf(response, controller);
  } catch (error) {
    throw new Error(
      `${where} (${c.path.length} bytes): no answer (${String((error as Error).cause ?? error)})`,
    );
  }
  expect(outcome.status, where).toBeLessThan(500);
  checkErrors(where, outcome.errors);
  return outcome.status!;
}

/** A graphql-transport-ws socket that remembers what arrived, for one conversation at a time. */
class FuzzSocket {
  private messages: { id?: string; type: string; payload?: unknown }[] = [];
  private wake: (() => void) | null = null;
  closed: { code: number; reason: string } | null = null;
  private constructor(readonly socket: WebSocket) {}

  static open(url: string, subprotocol = true): Promise<FuzzSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url.replace(/^http/, "ws"), subprotocol ? "graphql-transport-ws" : []);
      const fuzz = new FuzzSocket(socket);
      socket.on("message", (data) => {
        fuzz.messages.push(JSON.parse(String(data)));
        fuzz.wake?.();
      });
      socket.once("close", (code, reason) => {
        fuzz.closed = { code, reason: String(reason) };
        fuzz.wake?.();
      });
      socket.once("open", () => resolve(fuzz));
      // Before the upgrade, a refusal; after it, the close that follows tells what happened.
      socket.on("error", reject);
    });
  }

  /** Waits until a message satisfies `match` (true) or the socket closed (false). */
  async until(match: (m: { id?: string; type: string; payload?: unknown }) => boolean): Promise<boolean> {
    for (;;) {
      if (this.messages.some(match)) return true;
      if (this.closed) return false;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Every result and error received so far, to check. */
  drain() {
    const out = this.messages;
    this.messages = [];
    return out;
  }
}

/** Closes that are a client's fault or the protocol's: never the server's. */
const CLIENT_CLOSES = new Set([1000, 1002, 1007, 1009, 4400, 4401, 4403, 4406, 4408, 4409, 4429]);

/** Runs a conversation; a socket closed by a step is replaced (with a valid init) for the next. Returns the steps sent. */
async function converse(
  url: string,
  script: WsScript,
  good: Record<string, unknown>,
  index: number,
  seen: Set<string>,
): Promise<number> {
  let pings = 0;
  const check = (socket: FuzzSocket, where: string) => {
    for (const message of socket.drain()) {
      seen.add(message.type);
      if (message.type === "next") checkErrors(where, (message.payload as Outcome).errors);
      if (message.type === "error") checkErrors(where, message.payload);
    }
    if (socket.closed) seen.add(`close ${socket.closed.code}`);
    if (socket.closed)
      expect(CLIENT_CLOSES.has(socket.closed.code), `${where}: closed ${JSON.stringify(socket.closed)}`).toBe(
        true,
      );
  };
  const connect = async (init: unknown, where: string, subprotocol = true) => {
    const socket = await FuzzSocket.open(url, subprotocol);
    // No init at all: a subscribe first, which graphql-ws refuses (4401) without waiting for its init timeout.
    const first =
      init === null
        ? { id: "early", type: "subscribe", payload: { query: "{ viewer { roles } }" } }
        : { type: "connection_init", payload: init };
    socket.socket.send(JSON.stringify(first));
    await socket.until((m) => m.type === "connection_ack");
    check(socket, where);
    return socket;
  };
  const scriptName = `seed ${SEED} WebSocket script ${index}`;
  let socket = await connect(
    script.init,
    `${scriptName} init ${JSON.stringify(script.init)}${script.subprotocol ? "" : " without subprotocol"}`,
    script.subprotocol,
  );
  for (const [n, step] of script.steps.entries()) {
    if (socket.closed) socket = await connect(good, `${scriptName} reconnect`);
    const where = `${scriptName} step ${n}: ${String(step.data).slice(0, 300)}`;
    socket.socket.send(step.data);
    if (step.awaits === "ping") {
      const marker = `ping-${++pings}`;
      if (socket.socket.readyState === WebSocket.OPEN)
        socket.socket.send(JSON.stringify({ type: "ping", payload: { marker } }));
      await socket.until(
        (m) => m.type === "pong" && (m.payload as { marker?: string } | undefined)?.marker === marker,
      );
    } else {
      const { id } = step.awaits;
      await socket.until((m) => m.id === id && (m.type === "error" || m.type === "complete"));
    }
    check(socket, where);
  }
  if (!socket.closed) socket.socket.close(1000);
  return script.steps.length;
}

describe(`malformed requests over every transport (seed ${SEED})`, () => {
  let url: string;
  let origin: string;
  beforeAll(async () => {
    url = (await api.server.listen(0, "127.0.0.1")).url;
    origin = new URL(url).origin;
    // Idle kept-alive connections stay open: Node.js closing one (after 5 s) just as the client
    // reuses it resets a request the server never saw, which says nothing about the request.
    api.server.http.keepAliveTimeout = 0;
  });

  const http = (name: string, seed: number, make: (m: MalformedRequests) => HttpCase) =>
    it(
      `answers ${TRANSPORT_REQUESTS} malformed ${name} requests without a 5xx, a leak or an error logged`,
      async () => {
        const requests = malformedRequests(seed);
        const cases = Array.from({ length: TRANSPORT_REQUESTS }, () => make(requests));
        const logged = errorLogs.length;
        const statuses = new Set<number>();
        await inFlight(cases, async (c) => void statuses.add(await sendHttp(origin, c)));
        expect(errorLogs.slice(logged)).toEqual([]);
        // The cases reach every layer: some run, some are refused.
        expect(statuses).toContain(200);
        expect([...statuses].some((s) => s >= 400)).toBe(true);
      },
      TRANSPORT_TIMEOUT_MS,
    );

  http("HTTP POST", SEED + 10, (m) => m.post(false));
  http("HTTP GET", SEED + 11, (m) => m.get());
  http("SSE", SEED + 12, (m) => m.post(true));

  it(
    `answers ${TRANSPORT_REQUESTS} malformed WebSocket messages without an internal-error close, a leak or an error logged`,
    async () => {
      const requests = malformedRequests(SEED + 13);
      const perScript = 50;
      const scripts = Array.from({ length: Math.ceil(TRANSPORT_REQUESTS / perScript) }, (_, i) =>
        requests.wsScript(perScript, `s${i}`),
      );
      const logged = errorLogs.length;
      let sent = 0;
      const seen = new Set<string>();
      await inFlight(scripts, async (script, i) => {
        const steps = await converse(url, script, credentials({}), i, seen);
        sent += steps;
      });
      expect(sent).toBeGreaterThanOrEqual(TRANSPORT_REQUESTS);
      expect(errorLogs.slice(logged)).toEqual([]);
      // The messages reach every layer: results, refused operations, refused messages.
      expect(seen).toContain("next");
      expect(seen).toContain("error");
      expect(seen).toContain("close 4400");
      // As the script asked for them: an upgrade without the subprotocol, a message over MAX_BODY_BYTES.
      if (scripts.some((s) => !s.subprotocol)) expect(seen).toContain("close 4406");
      if (scripts.some((s) => s.steps.some((step) => step.data.length > api.config.maxBodyBytes)))
        expect(seen).toContain("close 1009");
    },
    TRANSPORT_TIMEOUT_MS,
  );

  it("still answers over every transport afterwards", async () => {
    for (const transport of TRANSPORTS) {
      const outcome = await over(
        transport,
        url,
        { query: "{ viewer { roles } }" },
        { credentials: credentials({}) },
      );
      expect(outcome.errors, transport).toBeUndefined();
      expect(outcome.data, transport).toEqual({ viewer: { roles: [] } });
    }
  });
});
