/**
 * The sharing plugin on its own (src/subscription-sharing.ts), with event streams this test
 * drives: one stream per group, results delivered in order, a lagging member's superseded
 * results coalesced, business events and refetches kept, and the group ended with its last
 * member.
 */
import type { Context } from "@shoppable/schema";
import type { ExecutionResult } from "graphql";
import { buildSchema, GraphQLError, parse } from "graphql";
import type { Plugin } from "graphql-yoga";
import { describe, expect, it, vi } from "vitest";
import { coalescingKey, createSubscriptionSharing, deliverDirectly } from "../src/subscription-sharing.ts";

type SubscribePayload = Parameters<NonNullable<Plugin["onSubscribe"]>>[0];

/** An event stream the test pushes results into; `returned` once its consumer let go. */
function source() {
  const queue: ExecutionResult[] = [];
  let wake: (() => void) | null = null;
  const state = { returned: false };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      while (queue.length === 0 && !state.returned) await new Promise<void>((resolve) => (wake = resolve));
      const value = queue.shift();
      return value ? { value, done: false } : { value: undefined, done: true };
    },
    async return() {
      state.returned = true;
      wake?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return {
    iterator,
    state,
    push(result: ExecutionResult) {
      queue.push(result);
      wake?.();
    },
  };
}

const document = parse(
  `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id) { kind refetch viewerCount pinnedProduct { pinnedProductId } } }`,
);

const schema = buildSchema(
  "type Query { ok: Boolean } type Subscription { liveSessionEvents(liveSessionId: ID!): Boolean }",
);

/** Subscribes through the plugin as `keyId`; `own` is what the subscriber's own subscribe returns. */
async function subscribe(
  sharing: ReturnType<typeof createSubscriptionSharing>,
  own: AsyncIterableIterator<ExecutionResult>,
  keyId = "key-1",
): Promise<AsyncIterableIterator<ExecutionResult>> {
  return (await subscribeWithContext(sharing, own, keyId)).stream;
}

/** `subscribe`, with the subscription's context (what a transport holds). */
async function subscribeWithContext(
  sharing: ReturnType<typeof createSubscriptionSharing>,
  own: AsyncIterableIterator<ExecutionResult>,
  keyId = "key-1",
): Promise<{ stream: AsyncIterableIterator<ExecutionResult>; context: object }> {
  let shared: SubscribePayload["subscribeFn"] | null = null;
  const contextValue: SubscribePayload["context"] & Pick<Context, "key" | "user"> = {
    params: { query: "" },
    request: new Request("http://test/graphql"),
    waitUntil: () => {},
    key: { id: keyId, kind: "PUBLISHABLE" },
    user: null,
  };
  const args: SubscribePayload["args"] = { schema, document, variableValues: { id: "s1" }, contextValue };
  const payload: SubscribePayload = {
    args,
    context: contextValue,
    subscribeFn: async () => own,
    setSubscribeFn: (fn) => {
      shared = fn;
    },
    extendContext: () => {},
    setResultAndStopExecution: () => {},
  };
  await sharing.plugin.onSubscribe?.(payload);
  if (!shared) throw new Error("the plugin did not take the subscription");
  const result = await (shared as SubscribePayload["subscribeFn"])(args);
  if (!(Symbol.asyncIterator in result)) throw new Error("the plugin answered with a result");
  return { stream: result as AsyncIterableIterator<ExecutionResult>, context: contextValue };
}

const live = (kind: string, extra: Record<string, unknown> = {}): ExecutionResult => ({
  data: { liveSessionEvents: { kind, refetch: false, viewerCount: null, pinnedProduct: null, ...extra } },
});
let price = 0;
/** A pin event; each with a price of its own, so results can be told apart. */
const pinned = (pinnedProductId: string, kind = "PRICE_CHANGED") =>
  live(kind, { pinnedProduct: { pinnedProductId, livePrice: { amount: String(++price) } } });

describe("the sharing plugin", () => {
  it("runs one stream per group, closes the joiners' own at once, and ends the group with its last member", async () => {
    const sharing = createSubscriptionSharing({ queueLimit: 10 });
    const first = source();
    const second = source();
    const a = await subscribe(sharing, first.iterator);
    const b = await subscribe(sharing, second.iterator);
    expect(second.state.returned).toBe(true);
    expect(sharing.stats()).toEqual({ groups: 1, members: 2 });
    first.push(live("VIEWER_COUNT", { viewerCount: 3 }));
    const [fromA, fromB] = await Promise.all([a.next(), b.next()]);
    // The same object for both: serialised once.
    expect(fromA.value).toBe(fromB.value);
    await a.return?.();
    expect(first.state.returned).toBe(false);
    await b.return?.();
    expect(first.state.returned).toBe(true);
    expect(sharing.stats()).toEqual({ groups: 0, members: 0 });
  });

  it("keeps callers of another key in another group", async () => {
    const sharing = createSubscriptionSharing({ queueLimit: 10 });
    const one = source();
    const other = source();
    await subscribe(sharing, one.iterator, "key-1");
    await subscribe(sharing, other.iterator, "key-2");
    expect(other.state.returned).toBe(false);
    expect(sharing.stats()).toEqual({ groups: 2, members: 2 });
  });

  it("coalesces what a lagging member has not taken: the latest per pin and viewer count, every unpin and refetch kept", async () => {
    const sharing = createSubscriptionSharing({ queueLimit: 10 });
    const stream = source();
    const fast = await subscribe(sharing, stream.iterator);
    const slow = await subscribe(sharing, source().iterator);
    const events = [
      pinned("p1", "PRODUCT_PINNED"),
      pinned("p1"),
      live("VIEWER_COUNT", { viewerCount: 1 }),
      pinned("p2"),
      pinned("p1"),
      live("PRODUCT_UNPINNED", { pinnedProduct: { pinnedProductId: "p2" } }),
      {
        data: {
          liveSessionEvents: { kind: "REFETCH", refetch: true, viewerCount: null, pinnedProduct: null },
        },
      },
      live("VIEWER_COUNT", { viewerCount: 2 }),
    ];
    for (const event of events) stream.push(event);
    // The fast member takes every one as it comes.
    for (const event of events) expect((await fast.next()).value).toMatchObject(event);
    // The slow one took none meanwhile: per key only the latest, in the place of the first.
    const got: unknown[] = [];
    for (let i = 0; i < 5; i++) got.push((await slow.next()).value);
    expect(got).toMatchObject([events[4], events[7], events[3], events[5], events[6]]);
  });

  it("coalesces in the group what arrives while a fan-out is under way, even for members that keep up", async () => {
    // One member per turn of the event loop: the fan-out of the first result spans turns.
    const sharing = createSubscriptionSharing({ queueLimit: 10, fanOutSlice: 1 });
    const stream = source();
    const members = [await subscribe(sharing, stream.iterator), await subscribe(sharing, source().iterator)];
    const got: unknown[][] = [[], []];
    const reading = members.map(async (member, i) => {
      for (let n = 0; n < 2; n++) got[i]?.push((await member.next()).value);
    });
    const events = [pinned("p1", "PRODUCT_PINNED"), pinned("p1"), pinned("p1")];
    for (const event of events) stream.push(event);
    await Promise.all(reading);
    // The first went out at once; the second was superseded by the third before its turn.
    for (const received of got) expect(received).toMatchObject([events[0], events[2]]);
  });

  it("lets an idle transport write results itself, in order, and leaves the ones it refuses to the iterator", async () => {
    const sharing = createSubscriptionSharing({ queueLimit: 10 });
    const stream = source();
    const { stream: member, context } = await subscribeWithContext(sharing, stream.iterator);
    // A second member, reading through its iterator: once it has a result, the fan-out passed
    // the first member too.
    const witness = await subscribe(sharing, source().iterator);
    const written: ExecutionResult[] = [];
    expect(deliverDirectly({}, () => true)).toBe(false);
    expect(
      deliverDirectly(context, (result) => {
        if (result.errors) return false;
        written.push(result);
        return true;
      }),
    ).toBe(true);
    // Not idle (nobody waits on its iterator): the result waits in the member's queue.
    const first = pinned("p1", "PRODUCT_PINNED");
    stream.push(first);
    expect((await witness.next()).value).toMatchObject(first);
    expect((await member.next()).value).toMatchObject(first);
    expect(written).toEqual([]);
    // Idle: written directly, the iterator still waiting.
    const waiting = member.next();
    const second = pinned("p1");
    stream.push(second);
    expect((await witness.next()).value).toMatchObject(second);
    expect(written).toEqual([expect.objectContaining(second)]);
    // Refused (an error): the waiting iterator gets it, and what follows queues behind it.
    const failed: ExecutionResult = { data: null, errors: [new GraphQLError("boom")] };
    const third = pinned("p2");
    stream.push(failed);
    stream.push(third);
    await witness.next();
    expect((await witness.next()).value).toMatchObject(third);
    expect((await waiting).value).toMatchObject({ errors: [{ message: "boom" }] });
    expect((await member.next()).value).toMatchObject(third);
    expect(written).toHaveLength(1);
  });

  it("ends a member past its queue limit with SLOW_CONSUMER, the others unaffected", async () => {
    const sharing = createSubscriptionSharing({ queueLimit: 3 });
    const stream = source();
    const fast = await subscribe(sharing, stream.iterator);
    const slow = await subscribe(sharing, source().iterator);
    const unpins = [1, 2, 3, 4].map((n) =>
      live("PRODUCT_UNPINNED", { pinnedProduct: { pinnedProductId: `p${n}` } }),
    );
    for (const event of unpins) {
      stream.push(event);
      expect((await fast.next()).value).toMatchObject(event);
    }
    await expect(slow.next()).rejects.toMatchObject({ extensions: { code: "SLOW_CONSUMER" } });
    expect(sharing.stats()).toEqual({ groups: 1, members: 1 });
  });
});

describe("coalescingKey", () => {
  it("keys superseding events and never a business event, a refetch or an error", () => {
    expect(coalescingKey(pinned("p1"))).toBe("pin:p1");
    expect(coalescingKey(live("VIEWER_COUNT"))).toBe("viewers");
    expect(coalescingKey(live("PRODUCT_UNPINNED", { pinnedProduct: { pinnedProductId: "p1" } }))).toBeNull();
    expect(coalescingKey(live("ENDED"))).toBeNull();
    expect(coalescingKey({ data: { cartUpdated: { refetch: false, cart: null } } })).toBe("cartUpdated");
    expect(coalescingKey({ data: { cartUpdated: { refetch: true, cart: null } } })).toBeNull();
    expect(coalescingKey({ data: { orderStatusChanged: { refetch: false, status: "PAID" } } })).toBeNull();
    expect(coalescingKey({ data: null, errors: [] })).toBeNull();
  });
});
