/**
 * Failover, as an operator would try it: a production-mode API process on PostgreSQL and Redis
 * of its own, under a steady load of catalog reads and checkouts, while its PostgreSQL
 * connections are terminated five times, Redis is stopped and started, and PostgreSQL is
 * stopped and started. The process must stay up, every request must be answered (data or a
 * masked error), /ready must say what is wrong while it is wrong, service must come back, and
 * nothing may be left half-written (after the abandoned-checkout release: no PENDING order, no
 * cart in checkout, every variant's stock equal to its inventory log and to what paid orders took).
 *
 * Runs with the PostgreSQL suite (DATABASE_URL set), on servers of its own (test/servers.ts).
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createApiKey, openDatabase, TestPaymentProvider, type Database } from "@shoppable/schema";
import { releaseAbandonedCheckouts } from "@shoppable/schema/checkout/release.ts";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { signUserToken } from "../src/dev-credentials.ts";
import { createEventBus } from "../src/events.ts";
import { createLogger } from "../src/logger.ts";
import { expectNothingHalfWritten, startApiProcess } from "./api-process.ts";
import {
  startPrivatePostgres,
  startPrivateRedis,
  type PrivatePostgres,
  type PrivateRedis,
} from "./servers.ts";

const JWT_SECRET = "failover-test-secret-0123456789abcdefghijklmnop";
const DATABASE = "shoppable_failover";
/** Messages a caller may see instead of data: masked errors, never a driver's or a stack. */
const MASKED = new Set(["Unexpected error."]);

let postgres: PrivatePostgres | undefined;
let redis: PrivateRedis | undefined;
let child: ChildProcessWithoutNullStreams | undefined;
let db: Database | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await db?.close();
  await redis?.close();
  postgres?.close();
});

interface Outcome {
  kind: "data" | "masked" | "unanswered" | "unexpected";
  detail?: string;
}

async function gql(
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown> = {},
  user?: string,
): Promise<{ outcome: Outcome; data?: any }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shoppable-key": key,
        ...(user ? { "x-shoppable-user": user } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    return { outcome: { kind: "unanswered", detail: (error as Error).message } };
  }
  const text = await response.text();
  let body: { data?: any; errors?: { message: string }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return { outcome: { kind: "unexpected", detail: `${response.status} ${text.slice(0, 200)}` } };
  }
  if (!body.errors?.length) return { outcome: { kind: "data" }, data: body.data };
  const unmasked = body.errors.filter((e) => !MASKED.has(e.message));
  return unmasked.length
    ? {
        outcome: {
          kind: "unexpected",
          detail: `${response.status} ${JSON.stringify(unmasked).slice(0, 300)}`,
        },
      }
    : { outcome: { kind: "masked" } };
}

async function ready(url: string): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(url.replace("/graphql", "/ready"));
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** Polls `condition` until it holds (each try is a request: it waits on the server's state, not on a clock). */
async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; ; tries++) {
    if (child && child.exitCode !== null)
      throw new Error(`the API process exited (${child.exitCode}) while waiting for: ${what}`);
    if (await condition()) return;
    if (tries > 3000) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("failover", () => {
  it("survives terminated connections ×5, a Redis restart and a PostgreSQL restart under load: process up, every request answered, nothing half-written", async (ctx) => {
    if (!process.env.DATABASE_URL)
      ctx.skip(
        "runs with the PostgreSQL suite (set DATABASE_URL); it starts PostgreSQL and Redis servers of its own",
      );
    postgres = await startPrivatePostgres();
    redis = await startPrivateRedis();
    await postgres.createDatabase(DATABASE);
    db = await openDatabase({ databaseUrl: postgres.url(DATABASE), migrate: true, poolSize: 2 });
    const keys = {
      publishable: (await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "failover storefront" })).key,
      secret: (await createApiKey(db.prisma, { kind: "SECRET", name: "failover server" })).key,
    };
    const api = await startApiProcess({
      SHOPPABLE_JWT_SECRET: JWT_SECRET,
      DATABASE_URL: postgres.url(DATABASE),
      REDIS_URL: redis.url,
      DATABASE_POOL_SIZE: "10",
    });
    child = api.child;
    let phase = "setup";
    const timeline: string[] = [];
    let phaseStarted = Date.now();
    const enter = (next: string) => {
      timeline.push(`${phase} ${Date.now() - phaseStarted} ms`);
      phase = next;
      phaseStarted = Date.now();
    };
    onTestFailed(() =>
      console.log(
        `failover: failed in phase "${phase}"; the API's last output:\n${api.output().slice(-4000)}`,
      ),
    );
    const merchant = await signUserToken(JWT_SECRET, {
      externalId: "failover-merchant",
      roles: ["MERCHANT"],
    });

    const shop = await gql(
      api.url,
      keys.secret,
      `mutation { shopCreate(input: { handle: "failover", name: "Failover", currencyCode: "EUR" }) { shop { id } userErrors { code } } }`,
      {},
      merchant,
    );
    expect(shop.outcome).toEqual({ kind: "data" });
    const shopId = shop.data.shopCreate.shop.id as string;
    const STOCK = 100_000;
    const product = await gql(
      api.url,
      keys.secret,
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id handle variants { id } } userErrors { code message } } }`,
      {
        input: {
          shopId,
          title: "Failover tee",
          handle: "failover-tee",
          status: "ACTIVE",
          options: [],
          // Digital: checkouts need no address (delivery has its own tests).
          variants: [
            { price: "9.00", inventoryQuantity: STOCK, requiresShipping: false, selectedOptions: [] },
          ],
        },
      },
      merchant,
    );
    expect(product.outcome).toEqual({ kind: "data" });
    const variantId = product.data.productCreate.product.variants[0].id as string;

    // The load: catalog reads and whole checkouts, 24 callers at a time, until told to stop.
    const outcomes: Outcome[] = [];
    let successes = 0;
    let stopping = false;
    const record = (o: Outcome) => {
      outcomes.push(o);
      if (o.kind === "data") successes++;
    };
    const caller = async (n: number) => {
      for (let i = 0; !stopping; i++) {
        if ((n + i) % 2 === 0) {
          record(
            (
              await gql(
                api.url,
                keys.publishable,
                `{ product(handle: "failover-tee") { id title variants { id quantityAvailable } } }`,
              )
            ).outcome,
          );
          continue;
        }
        const cart = await gql(
          api.url,
          keys.publishable,
          `mutation($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`,
          {
            input: {
              lines: [{ variantId, quantity: 1 }],
              buyerIdentity: { email: `load-${n}@example.test` },
            },
          },
        );
        record(cart.outcome);
        const cartId = cart.data?.cartCreate?.cart?.id;
        if (!cartId) continue;
        const done = await gql(
          api.url,
          keys.publishable,
          `mutation($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id status } userErrors { code } } }`,
          {
            input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
          },
        );
        record(done.outcome);
      }
    };
    const load = Promise.all(Array.from({ length: 24 }, (_, n) => caller(n)));
    const moreSuccesses = (n: number) => {
      const target = successes + n;
      return until(`${n} more successful requests`, async () => successes >= target);
    };

    enter("load");
    await moreSuccesses(20);
    const terminated: number[] = [];
    for (let round = 0; round < 5; round++) {
      enter(`terminate ${round + 1}`);
      terminated.push(await postgres.terminate(DATABASE));
      await moreSuccesses(10);
    }
    expect(terminated.every((n) => n > 0)).toBe(true);

    enter("redis down");
    await redis.stop();
    await until("/ready reports Redis", async () => {
      const r = await ready(api.url);
      return r.status === 503 && /redis/.test(r.body.events ?? "");
    });
    await moreSuccesses(10); // checkouts and reads go on without Redis
    enter("redis back");
    await redis.start();
    let back = Date.now();
    await until("/ready after Redis is back", async () => (await ready(api.url)).body.events === "ok");
    const recovery = { redisReadyMs: Date.now() - back, databaseReadyMs: 0, databaseServingMs: 0 };

    enter("postgres down");
    postgres.stop();
    await until("/ready reports the database", async () => {
      const r = await ready(api.url);
      return r.status === 503 && /database unreachable/.test(r.body.database ?? "");
    });
    enter("postgres back");
    postgres.start();
    back = Date.now();
    await until("/ready after PostgreSQL is back", async () => (await ready(api.url)).status === 200);
    recovery.databaseReadyMs = Date.now() - back;
    await moreSuccesses(1);
    recovery.databaseServingMs = Date.now() - back;
    await moreSuccesses(20);
    enter("drain");
    stopping = true;
    await load;
    enter("checks");

    expect(child!.exitCode).toBeNull();
    const byKind: Partial<Record<Outcome["kind"], Outcome[]>> = {};
    for (const o of outcomes) (byKind[o.kind] ??= []).push(o);
    expect(byKind.unanswered ?? [], "requests without an HTTP answer").toEqual([]);
    expect(byKind.unexpected ?? [], "answers that are neither data nor a masked error").toEqual([]);
    expect((byKind.masked ?? []).length).toBeGreaterThan(0); // the outages were felt
    expect(api.output()).not.toMatch(/unhandled 'error' event|Unhandled error/i);

    // Nothing half-written: what the outages interrupted is released, and then every unit is accounted for.
    const report = await releaseAbandonedCheckouts(
      {
        db: db.prisma,
        events: createEventBus({ logger: createLogger("silent") }),
        payments: new TestPaymentProvider(),
      },
      { releaseAfterMs: 0, now: new Date(Date.now() + 3_600_000) },
    );
    expect(report.deferred).toBe(0);
    const sold = await expectNothingHalfWritten(db, STOCK);
    console.log(
      `failover: ${outcomes.length} requests (${byKind.data?.length ?? 0} with data, ${byKind.masked?.length ?? 0} masked errors), ` +
        `connections terminated per round ${terminated.join("/")}, released ${report.released}, finished ${report.completed}, paid units ${sold}; ` +
        `back after restart (ms): ${JSON.stringify(recovery)}; phases: ${timeline.join(", ")}`,
    );
  }, 600_000);
});
