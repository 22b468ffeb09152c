/**
 * Fuzzing: random and malformed operations and variables generated from the schema, sent as
 * every kind of caller. The server never answers 5xx, never leaks an internal message, never
 * fails with a masked (unexpected) error, and a mutation that is refused changes nothing in
 * the database. Deterministic: FUZZ_SEED picks another run (the seed is in every failure).
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
import { schema } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Commerce, gid } from "./commerce.ts";
import { startTestApi, type CallAs, type TestApi } from "./harness.ts";
import { prng } from "./prng.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const OPERATIONS_PER_FIELD = Number(process.env.FUZZ_PER_FIELD ?? 6);


/** What must never reach a client: stack frames, SQL, ORM and driver messages. */
const LEAKS = [/prisma/i, /invalid `/i, /\bat .*\.(ts|js):\d+/, /node_modules/, /\bSELECT\b|\bINSERT\b|\bUPDATE\b/, /violates/i, /relation "/, /ECONNREFUSED/, /TypeError|ReferenceError/, /pglite/i];

interface Fixtures {
  ids: string[];
  callers: CallAs[];
}

class Fuzzer {
  constructor(
    private readonly rand: () => number,
    private readonly fixtures: Fixtures,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  chance(p: number) {
    return this.rand() < p;
  }

  scalar(name: string): unknown {
    const strings = ["", "a", "x".repeat(5000), "ünïcødé 🛍️", "<script>alert(1)</script>", "'; DROP TABLE \"Product\"; --", "\u0000", "  padded  "];
    switch (name) {
      case "ID":
        return this.pick([...this.fixtures.ids, ...this.fixtures.ids, "not-an-id", "", gid("Product", "not-a-uuid"), gid("Nope", "00000000-0000-0000-0000-000000000000"), "UHJvZHVjdDo="]);
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
    const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
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

  operation(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
    const defs: string[] = [];
    const args: string[] = [];
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && this.chance(0.5)) continue;
      defs.push(`$${arg.name}: ${arg.type.toString()}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] = this.input(arg.type);
    }
    const sel = this.selection(field.type);
    const head = defs.length ? `${kind} Fuzz(${defs.join(", ")})` : `${kind} Fuzz`;
    return { query: `${head} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${sel} }`, variables };
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

let api: TestApi;
let fixtures: Fixtures;

/** One md5 over every row of every table: any write shows. */
async function databaseFingerprint(): Promise<string> {
  const tables = await api.db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'ApiKey', 'User') ORDER BY 1`,
  );
  const parts = tables.map((t) => `(SELECT coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') FROM "${t.name}" x)`);
  const [row] = await api.db.prisma.$queryRawUnsafe<{ fp: string }[]>(`SELECT md5(concat(${parts.join(", ")})) AS fp`);
  return row!.fp;
}

beforeAll(async () => {
  api = await startTestApi();
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  const product = await commerce.product(shop.id, ["10.00", "12.00"], 5, "Fuzzed");
  const post = await commerce.postWithTag(product.dbId);
  const buyer = await api.token("fuzz-buyer", ["BUYER"]);
  const creator = await api.token("fuzz-creator", ["CREATOR"]);
  const admin = await api.token("fuzz-admin", ["ADMIN"]);
  const cart = await commerce.cart([{ variantId: product.variants[0]!.id, quantity: 1 }], { user: buyer });
  const callers: CallAs[] = [{}, { key: "secret" }, { user: buyer }, { user: creator }, { key: "secret", user: commerce.merchant }, { key: "secret", user: admin }, { key: "none" }, { key: "sk_test_not_a_key" }];
  // Users are created on first sight: meet every caller once before fingerprints are compared.
  for (const as of callers) await api.gql(`{ viewer { roles } }`, {}, as);
  fixtures = { ids: [shop.id, product.id, product.variants[0]!.id, product.variants[1]!.id, cart, post.postId, post.tagId], callers };
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
        check(`seed ${SEED} ${query} ${JSON.stringify(variables).slice(0, 300)} as ${JSON.stringify(as)}`, await api.gql(query, variables, as));
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
          expect(await databaseFingerprint(), `${where}: a refused mutation changed the database`).toBe(before);
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
      const res = await api.gql(broken, fuzz.chance(0.5) ? variables : { junk: fuzz.input(schema.getType("ID") as GraphQLInputType) }, fuzz.pick(fixtures.callers));
      check(`seed ${SEED + 2} ${broken.slice(0, 300)}`, res);
    }
  });
});
