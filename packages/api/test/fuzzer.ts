/**
 * Generators for the fuzz tests (fuzz.test.ts), driven by a seeded PRNG (prng.ts): operations
 * and variables from the schema, broken documents, and malformed requests for every transport
 * (HTTP POST, HTTP GET, SSE and graphql-ws messages).
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isInterfaceType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from "graphql";
import { gid } from "./commerce.ts";
import type { CallAs } from "./harness.ts";

/** What must never reach a client: stack frames, SQL, ORM and driver messages. */
export const LEAKS = [
  /prisma/i,
  /invalid `/i,
  /\bat .*\.(ts|js):\d+/,
  /node_modules/,
  /\bSELECT\b|\bINSERT\b|\bUPDATE\b/,
  /violates/i,
  /relation "/,
  /ECONNREFUSED/,
  /TypeError|ReferenceError/,
  /pglite/i,
];

export interface Fixtures {
  ids: string[];
  callers: CallAs[];
}

export class Fuzzer {
  constructor(
    readonly rand: () => number,
    private readonly fixtures: Fixtures,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  chance(p: number) {
    return this.rand() < p;
  }

  scalar(name: string): unknown {
    const strings = [
      "",
      "a",
      "x".repeat(5000),
      "ünïcødé 🛍️",
      "<script>alert(1)</script>",
      '\'; DROP TABLE "Product"; --',
      "\u0000",
      "  padded  ",
    ];
    switch (name) {
      case "ID":
        return this.pick([
          ...this.fixtures.ids,
          ...this.fixtures.ids,
          "not-an-id",
          "",
          gid("Product", "not-a-uuid"),
          gid("Nope", "00000000-0000-0000-0000-000000000000"),
          "UHJvZHVjdDo=",
        ]);
      case "Int":
        return this.pick([0, 1, -1, 7, 100, 101, 2147483647, -2147483648, 2147483648, 1.5, "3"]);
      case "Float":
        return this.pick([0, 0.5, 1, -0.1, 1.1, 1e308, -1e308, "0.5"]);
      case "Boolean":
        return this.pick([true, false, "true", 0]);
      default:
        // Custom scalars (DateTime, Decimal, URL, Email, CurrencyCode, …): well-formed and not.
        return this.pick([
          ...strings,
          "2026-11-27T10:00:00.000Z",
          "2099-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "not-a-date",
          "12.50",
          "-1.00",
          "0.001",
          "1e400",
          "99999999999999999999.99",
          "EUR",
          // ISO 4217's "no currency" code: well-formed, but no shop may price in it.
          "XXX",
          "eur",
          "https://example.test/a.jpg",
          "javascript:alert(1)",
          "buyer@example.test",
          "not-an-email",
          42,
          -3,
          true,
          { nested: "object" },
          [1, 2],
        ]);
    }
  }

  input(type: GraphQLInputType, depth = 0): unknown {
    if (isNonNullType(type)) return this.chance(0.04) ? null : this.input(type.ofType, depth);
    if (this.chance(0.08)) return null;
    if (isListType(type)) {
      const n = this.pick([0, 1, 1, 2, 3, 31]);
      return Array.from({ length: depth > 2 ? Math.min(n, 1) : n }, () => this.input(type.ofType, depth + 1));
    }
    if (isEnumType(type)) return this.chance(0.85) ? this.pick(type.getValues()).value : "NOT_A_VALUE";
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type);
        if (!required && this.chance(0.4)) continue;
        if (required && this.chance(0.03)) continue;
        if (depth > 4) continue;
        out[field.name] = this.input(field.type, depth + 1);
      }
      if (this.chance(0.05)) out.unknownField = "x";
      return out;
    }
    if (isScalarType(type)) return this.scalar(type.name);
    return null;
  }

  /** A selection of `type`: leaves without required arguments, objects one or two levels down. */
  selection(type: GraphQLOutputType, depth = 0): string {
    const named = getNamedType(type) as GraphQLNamedType;
    if (isLeafType(named)) return "";
    if (isUnionType(named)) return "{ __typename }";
    if (!isObjectType(named) && !isInterfaceType(named)) return "{ __typename }";
    const fields = Object.values(named.getFields()).filter((f) =>
      f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined),
    );
    const parts = ["__typename"];
    for (const field of fields) {
      const leaf = isLeafType(getNamedType(field.type));
      if (field.name === "userErrors") {
        parts.push("userErrors { code field message }");
        continue;
      }
      if (leaf) {
        if (this.chance(0.5)) parts.push(field.name);
      } else if (depth < 2 && this.chance(0.35)) {
        const args = field.args.some((a) => a.name === "first") ? "(first: 2)" : "";
        parts.push(`${field.name}${args} ${this.selection(field.type, depth + 1)}`);
      }
    }
    return `{ ${parts.join(" ")} }`;
  }

  /**
   * An operation on `field` with fuzzed arguments. A subscription's ID arguments never name an
   * existing entity (its stream would stay open, waiting for events): it is always refused.
   */
  operation(
    kind: "query" | "mutation" | "subscription",
    field: GraphQLField<unknown, unknown>,
  ): { query: string; variables: Record<string, unknown> } {
    const defs: string[] = [];
    const args: string[] = [];
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && this.chance(0.5)) continue;
      defs.push(`$${arg.name}: ${arg.type.toString()}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] =
        kind === "subscription" && getNamedType(arg.type).name === "ID"
          ? this.unknownId()
          : this.input(arg.type);
    }
    const sel = this.selection(field.type);
    const head = defs.length ? `${kind} Fuzz(${defs.join(", ")})` : `${kind} Fuzz`;
    return {
      query: `${head} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${sel} }`,
      variables,
    };
  }

  /** An ID that names nothing: malformed, of another type, or of a random unused UUID. */
  unknownId(): string {
    const hex = () => Math.floor(this.rand() * 16).toString(16);
    const uuid = `${Array.from({ length: 8 }, hex).join("")}-0000-7000-8000-${Array.from({ length: 12 }, hex).join("")}`;
    const type = this.pick(["Product", "Cart", "Order", "Post", "LiveSession", "Shop", "Nope"]);
    return this.pick([
      "not-an-id",
      "",
      "%%%",
      gid(type, uuid),
      gid(type, "not-a-uuid"),
      gid(type, uuid).slice(0, 10),
      "A".repeat(300),
    ]);
  }

  /** A broken document: truncated, garbled or naming what does not exist. */
  malformed(valid: string): string {
    return this.pick([
      valid.slice(0, Math.floor(this.rand() * valid.length)),
      valid.replace(/\{/g, "(").slice(0, 200),
      `${valid} }`,
      `{ notAField { id } }`,
      `query { __typename ${"{".repeat(50)} }`,
      `mutation { cartCreate(input: { lines: [{ variantId: 12 }] }) { cart { id } } }`,
      `query($a: Int!) { products(first: $a) { edges { node { id } } } }`,
      `subscription { nothing }`,
      "\u0000\u0001\u0002",
      `{ products(first: -5) { edges { node { id } } } }`,
      `{ product(id: "${"A".repeat(300)}") { id } }`,
    ]);
  }
}

/** One HTTP request of the transport fuzz: a GET (parameters in `path`) or a POST with a raw body. */
export interface HttpCase {
  method: "GET" | "POST";
  /** Path and query string, from the server's origin. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One step of a graphql-ws conversation: a text (or binary) message, and what answers it. */
export interface WsStep {
  data: string | Buffer;
  /** `id`: wait for this subscription's `error` or `complete` (or a close); `ping`: follow with a ping and wait for its pong (or a close). */
  awaits: { id: string } | "ping";
}

/** A graphql-ws conversation on one socket: the connection_init's payload (null: none sent), then steps. */
export interface WsScript {
  /** Whether the upgrade asks for the graphql-transport-ws subprotocol (without it the server closes with 4406). */
  subprotocol: boolean;
  init: unknown;
  steps: WsStep[];
}

const nested = (depth: number, open: string, close: string, inner = "") =>
  open.repeat(depth) + inner + close.repeat(depth);

/**
 * Malformed requests for every transport: broken JSON, parameters of the wrong types, bad
 * variables for real operations, huge and deep documents and values, invalid ids, odd headers,
 * and malformed graphql-ws messages. `credentials` turns a caller into its headers.
 */
export class MalformedRequests {
  constructor(
    private readonly fuzz: Fuzzer,
    private readonly callers: CallAs[],
    private readonly credentials: (as: CallAs) => Record<string, string>,
    private readonly fields: {
      query: GraphQLField<unknown, unknown>[];
      mutation: GraphQLField<unknown, unknown>[];
      subscription: GraphQLField<unknown, unknown>[];
    },
  ) {}

  private pick<T>(items: readonly T[]): T {
    return this.fuzz.pick(items);
  }

  private chance(p: number) {
    return this.fuzz.chance(p);
  }

  /** Rarely `huge` (megabytes on the wire are slow to send), else `usual`. */
  private huge(huge: number, usual: number): number {
    return this.chance(0.1) ? huge : usual;
  }

  /** A real operation (query, mutation or a refused subscription) with fuzzed variables. */
  operation(
    kinds: ("query" | "mutation" | "subscription")[] = ["query", "query", "mutation", "subscription"],
  ) {
    const kind = this.pick(kinds);
    return this.fuzz.operation(kind, this.pick(this.fields[kind]));
  }

  /** A document: real, broken, huge, deep, or not a document at all. */
  document(): unknown {
    const { query } = this.operation();
    switch (Math.floor(this.fuzz.rand() * 14)) {
      case 0:
        return this.fuzz.malformed(query);
      case 1:
        return `${query} # ${"x".repeat(this.huge(200_000, this.pick([10, 5_000])))}`;
      case 2:
        return `{ ${nested(this.pick([20, 200, 2_000]), "products(first: 1) { edges { node { shop { ", "} } } } ", "id")} }`;
      case 3:
        return `{ ${Array.from({ length: this.pick([40, 400]) }, (_, i) => `a${i}: viewer { roles }`).join(" ")} }`;
      case 4:
        return `{ viewer { ${"roles ".repeat(this.huge(20_000, 3_500))} } }`;
      case 5:
        return `query($v: [[[Int]]]) { products(first: ${nested(300, "[", "]", "1")}) { edges { node { id } } } }`;
      case 6:
        return this.pick([
          "",
          " ",
          "{",
          "}",
          "query",
          "{ __schema { types { name } } }",
          "{ __typename }",
          "\u0000",
          "\ud800",
          "\u202e{ viewer }",
          "#",
        ]);
      case 7:
        return this.pick([
          5,
          -1,
          true,
          null,
          [],
          ["{ viewer { roles } }"],
          { kind: "Document", definitions: [] },
        ]);
      case 8:
        return `{ ${"a".repeat(this.huge(100_000, 1_000))} }`;
      case 9:
        return `{ viewer { roles ${"@skip(if: false) ".repeat(this.pick([25, 500]))} } }`;
      default:
        return query;
    }
  }

  /** Variables: fuzzed for a real operation, of the wrong type, deep, huge or hostile. */
  variables(real: Record<string, unknown>): unknown {
    switch (Math.floor(this.fuzz.rand() * 12)) {
      case 0:
        return this.pick([[], "{}", "x", 7, true, [real]]);
      case 1:
        return { ...real, deep: JSON.parse(nested(this.pick([100, 3_000]), "[", "]", "1")) };
      case 2:
        return Object.fromEntries(
          Object.keys(real).map((k) => [k, JSON.parse(nested(this.pick([50, 2_000]), '{"a":', "}", "1"))]),
        );
      case 3:
        return Object.fromEntries(Object.keys(real).map((k) => [k, "x".repeat(this.huge(300_000, 10_000))]));
      case 4:
        return JSON.parse(
          `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`,
        );
      case 5:
        return Object.fromEntries(Object.keys(real).map((k) => [k, this.fuzz.unknownId()]));
      case 6:
        return Object.fromEntries(
          Object.keys(real).map((k) => [
            k,
            Array.from({ length: this.huge(20_000, 1_000) }, () => this.fuzz.unknownId()),
          ]),
        );
      case 7:
        return null;
      default:
        return real;
    }
  }

  private extensions(): unknown {
    return this.pick([
      undefined,
      undefined,
      {},
      "x",
      [1],
      { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
      { persistedQuery: { version: 1, sha256Hash: 5 } },
      { persistedQuery: "x" },
      { persistedQuery: { version: "1", sha256Hash: null } },
      JSON.parse(nested(500, '{"e":', "}", "1")),
    ]);
  }

  private operationName(): unknown {
    return this.pick([
      undefined,
      undefined,
      undefined,
      "Fuzz",
      "Nope",
      "",
      5,
      ["Fuzz"],
      { name: "Fuzz" },
      "x".repeat(10_000),
    ]);
  }

  /** The parameters of one operation: real ones, each part possibly of the wrong type, extra keys. */
  params(kinds?: ("query" | "mutation" | "subscription")[]): Record<string, unknown> {
    const real = this.operation(kinds);
    const params: Record<string, unknown> = {
      query: this.chance(0.5) ? real.query : this.document(),
      variables: this.variables(real.variables),
      operationName: this.operationName(),
      extensions: this.extensions(),
    };
    if (this.chance(0.05)) params[this.pick(["foo", "batch", "id", "documentId"])] = 1;
    if (this.chance(0.05)) delete params.query;
    return params;
  }

  /** A body meant to be JSON: mostly valid JSON of odd parameters, else broken text. */
  jsonBody(kinds?: ("query" | "mutation" | "subscription")[]): string {
    const valid = JSON.stringify(this.params(kinds));
    switch (Math.floor(this.fuzz.rand() * 10)) {
      case 0:
        return valid.slice(0, Math.floor(this.fuzz.rand() * valid.length));
      case 1:
        return this.pick([
          "",
          "{",
          "[",
          "null",
          "1",
          '"x"',
          "[{}]",
          `[${valid},${valid}]`,
          "\ufeff" + valid,
          "{'query': '{ viewer { roles } }'}",
          valid.replace(/"/g, ""),
        ]);
      case 2:
        return nested(this.huge(50_000, 1_000), "[", "]");
      case 3:
        return `{"query": "{ viewer { roles } }", "variables": ${nested(this.huge(20_000, 1_000), '{"a":', "}", "1")}}`;
      default:
        return valid;
    }
  }

  /** Credentials and other headers: any caller, refused keys and tokens, junk values. */
  headers(): Record<string, string> {
    const headers = { ...this.credentials(this.pick(this.callers)) };
    if (this.chance(0.1))
      headers["x-shoppable-key"] = this.pick(
        ["", "shp_pk_", "x".repeat(8_000), "shp_sk_' OR 1=1 --", "ünïcødé"].map(encodeURIComponent),
      );
    if (this.chance(0.1))
      headers["x-shoppable-user"] = this.pick([
        "a.b.c",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
        "x".repeat(8_000),
        "...",
        "Bearer x",
      ]);
    if (this.chance(0.05))
      headers.authorization = this.pick(["Bearer", "Bearer  ", "Basic YTpi", "Bearer a b"]);
    if (this.chance(0.05)) headers["x-request-id"] = "r".repeat(this.pick([1, 5_000]));
    if (this.chance(0.05))
      headers["x-forwarded-for"] = this.pick(["", "not-an-ip", "::1, 10.0.0.1", "x".repeat(2_000)]);
    return headers;
  }

  /** An HTTP POST (`sse`: as GraphQL over SSE, `Accept: text/event-stream`). */
  post(sse: boolean): HttpCase {
    const headers = this.headers();
    const contentType = this.pick([
      "application/json",
      "application/json",
      "application/json",
      "application/json; charset=utf-8",
      "application/graphql+json",
      "application/x-www-form-urlencoded",
      "application/graphql",
      "text/plain",
      "multipart/form-data; boundary=fuzz",
      "multipart/form-data",
      "",
    ]);
    if (contentType) headers["content-type"] = contentType;
    headers.accept = sse
      ? "text/event-stream"
      : this.pick([
          "*/*",
          "application/json",
          "application/graphql-response+json",
          "application/xml",
          "multipart/mixed",
          "text/html",
          "",
        ]);
    if (!headers.accept) delete headers.accept;
    let body: string;
    if (contentType === "application/x-www-form-urlencoded")
      body = new URLSearchParams(this.searchParams()).toString();
    else if (contentType === "application/graphql") body = String(this.document());
    else if (contentType.startsWith("multipart"))
      body = `--fuzz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${this.jsonBody()}\r\n--fuzz--\r\n`;
    else body = this.jsonBody(sse ? ["query", "mutation", "subscription", "subscription"] : undefined);
    return { method: "POST", path: "/graphql", headers, body };
  }

  /** URL parameters: strings as they are, the rest as JSON, some broken, repeated or unknown. */
  private searchParams(): [string, string][] {
    const params = this.params(["query", "subscription"]);
    const out: [string, string][] = [];
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      const text = typeof value === "string" ? value : JSON.stringify(value);
      out.push([name, this.chance(0.1) ? text.slice(0, Math.floor(this.fuzz.rand() * text.length)) : text]);
    }
    if (this.chance(0.1))
      out.push([
        this.pick(["variables", "extensions"]),
        this.pick(["notjson", "{", "[1,", "'x'", "undefined", "NaN"]),
      ]);
    if (this.chance(0.05)) out.push(["query", "{ viewer { roles } }"]);
    return out;
  }

  /** An HTTP GET: parameters in the URL (some with broken percent-encoding), or an affiliate link. */
  get(): HttpCase {
    const headers = this.headers();
    if (this.chance(0.2))
      headers.accept = this.pick(["text/event-stream", "text/html", "application/json", "application/xml"]);
    if (this.chance(0.05))
      return {
        method: "GET",
        path: `/r/${this.pick(["%E0%A4%A", "%", "x".repeat(3_000), "..%2F..%2Fetc", "%00", "CODE?x=%zz"])}`,
        headers,
      };
    let search = new URLSearchParams(this.searchParams()).toString();
    if (this.chance(0.1))
      search += this.pick(["&variables=%E0%A4%A", "&%", "&query=%zz", "&&&=", "&extensions=%7B%22a%22"]);
    if (this.chance(0.03)) search += `&pad=${"x".repeat(20_000)}`;
    return { method: "GET", path: `/graphql?${search}`, headers };
  }

  /** A subscribe message's payload: real, hostile or of the wrong shape. */
  private subscribePayload(): unknown {
    if (this.chance(0.1))
      return this.pick([
        null,
        "x",
        5,
        [],
        { query: 5 },
        { query: "{ viewer { roles } }", variables: [] },
        { query: "{ viewer { roles } }", operationName: 1 },
      ]);
    const params = this.params();
    // graphql-ws requires a string query; most payloads keep one so that they reach the server's checks.
    if (this.chance(0.85) && typeof params.query !== "string") params.query = String(params.query ?? "");
    return params;
  }

  /** A graphql-ws conversation: an init (sometimes malformed), then subscribes and protocol junk. */
  wsScript(length: number, prefix: string): WsScript {
    const subprotocol = !this.chance(0.05);
    const init = this.chance(0.9)
      ? this.credentials(this.pick(this.callers))
      : this.pick([
          null,
          "x",
          5,
          [],
          {},
          { "x-shoppable-key": "bad\nkey" },
          { "x-shoppable-key": 5 },
          { "x-shoppable-key": "shp_pk_nope" },
          { "bad header": "x" },
        ]);
    const steps: WsStep[] = [];
    for (let i = 0; i < length; i++) {
      const id = `${prefix}-${i}`;
      const roll = this.fuzz.rand();
      if (roll < 0.75) {
        steps.push({
          data: JSON.stringify({ id, type: "subscribe", payload: this.subscribePayload() }),
          awaits: { id },
        });
      } else if (roll < 0.8) {
        steps.push({
          data: JSON.stringify({ id: this.pick([id, "", 5, null]), type: "complete" }),
          awaits: "ping",
        });
      } else if (roll < 0.85) {
        steps.push({
          data: JSON.stringify({
            type: this.pick(["ping", "pong"]),
            payload: this.pick([undefined, {}, { x: 1 }, "x", 5]),
          }),
          awaits: "ping",
        });
      } else if (roll < 0.995) {
        steps.push({
          data: this.pick<string | Buffer>([
            "",
            "{",
            "null",
            "[]",
            "5",
            '"subscribe"',
            JSON.stringify({ type: "next", id, payload: {} }),
            JSON.stringify({ type: "error", id, payload: [{ message: "x" }] }),
            JSON.stringify({ type: "connection_ack" }),
            JSON.stringify({ type: "connection_init", payload: {} }),
            JSON.stringify({ type: "subscribe", payload: { query: "{ viewer { roles } }" } }),
            JSON.stringify({ type: "subscribe", id: "", payload: { query: "{ viewer { roles } }" } }),
            JSON.stringify({ type: 5 }),
            JSON.stringify({ type: "unknown" }),
            JSON.stringify({
              id: `${prefix}-dup`,
              type: "subscribe",
              payload: { query: "{ viewer { roles } }" },
            }),
            Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
            JSON.stringify({
              id,
              type: "subscribe",
              payload: { query: "{ viewer { roles } }" },
              extra: nested(2_000, "[", "]"),
            }),
          ]),
          awaits: "ping",
        });
      } else {
        steps.push({
          data: JSON.stringify({
            id,
            type: "subscribe",
            payload: { query: `{ viewer { roles } } # ${"x".repeat(1_100_000)}` },
          }),
          awaits: { id },
        });
      }
    }
    return { subprotocol, init, steps };
  }
}
