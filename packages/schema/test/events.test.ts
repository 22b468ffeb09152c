/**
 * A creator's changed commissions go out in `commissionEvents` of at most 100 ids each
 * (`CommissionEvent.commissions` is priced by that bound): a larger change is several events.
 */
import { describe, expect, it } from "vitest";
import { scheduleCommissions } from "../src/affiliate/ledger.ts";
import { publishReleased } from "../src/affiliate/service.ts";
import {
  commissionIdChunks,
  MAX_EVENT_COMMISSIONS,
  transaction,
  type EventBus,
} from "../src/shared/events.ts";

const ids = (n: number, prefix = "c") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("commissionIdChunks", () => {
  it("splits ids into chunks of at most 100, in order, losing and repeating none", () => {
    expect(MAX_EVENT_COMMISSIONS).toBe(100);
    for (const [n, sizes] of [
      [0, []],
      [1, [1]],
      [99, [99]],
      [100, [100]],
      [101, [100, 1]],
      [200, [100, 100]],
      [250, [100, 100, 50]],
    ] as const) {
      const all = ids(n);
      const chunks = commissionIdChunks(all);
      expect({ n, sizes: chunks.map((c) => c.length) }).toEqual({ n, sizes });
      expect(chunks.flat()).toEqual(all);
    }
  });

  it("leaves the ids given unchanged", () => {
    const all = ids(150);
    const copy = [...all];
    commissionIdChunks(all);
    expect(all).toEqual(copy);
  });
});

describe("publishReleased", () => {
  it("publishes each creator's released commissions in events of at most 100 ids", () => {
    const published: { topic: string; id: string; payload: { kind: string; commissionIds: string[] } }[] = [];
    const bus = {
      publish: (topic: string, id: string, payload: never) => published.push({ topic, id, payload }),
    } as unknown as EventBus;
    const released = [
      ...ids(230, "a").map((id) => ({ id, creatorId: "anna" })),
      ...ids(3, "b").map((id) => ({ id, creatorId: "bob" })),
    ];
    publishReleased(bus, released as never);
    expect(published.map((e) => [e.topic, e.id, e.payload.kind, e.payload.commissionIds.length])).toEqual([
      ["commissionEvents", "anna", "PAYABLE", 100],
      ["commissionEvents", "anna", "PAYABLE", 100],
      ["commissionEvents", "anna", "PAYABLE", 30],
      ["commissionEvents", "bob", "PAYABLE", 3],
    ]);
    expect(published.filter((e) => e.id === "anna").flatMap((e) => e.payload.commissionIds)).toEqual(
      ids(230, "a"),
    );
  });

  it("publishes nothing without a bus or without released commissions", () => {
    expect(() => publishReleased(undefined, [{ id: "a", creatorId: "anna" }] as never)).not.toThrow();
    const published: unknown[] = [];
    publishReleased({ publish: (...args: unknown[]) => published.push(args) } as unknown as EventBus, []);
    expect(published).toEqual([]);
  });
});

describe("ledger events in a transaction", () => {
  it("queue a creator's changed commissions in events of at most 100 ids, published after the commit", async () => {
    const published: { topic: string; id: string; payload: { kind: string; commissionIds: string[] } }[] = [];
    const bus = {
      publish: (topic: string, id: string, payload: never) => published.push({ topic, id, payload }),
    } as unknown as EventBus;
    // A transaction client that knows just what scheduleCommissions asks: the order's program, then the entries it schedules.
    const scheduled = [
      ...ids(205, "a").map((id) => ({ id, creatorId: "anna" })),
      ...ids(2, "b").map((id) => ({ id, creatorId: "bob" })),
    ];
    const tx = {
      commission: {
        findFirst: async () => ({ shop: { affiliateProgram: { holdDays: 15 } } }),
        updateManyAndReturn: async () => scheduled,
      },
    };
    const ctx = {
      db: { $transaction: async (fn: (t: unknown) => Promise<unknown>) => fn(tx) },
      events: bus,
      jobs: undefined,
    };
    await transaction(ctx as never, async (t) => {
      await scheduleCommissions(t as never, "order", new Date());
      expect(published).toEqual([]); // not before the commit
    });
    expect(published.map((e) => [e.topic, e.id, e.payload.kind, e.payload.commissionIds.length])).toEqual([
      ["commissionEvents", "anna", "HOLD_STARTED", 100],
      ["commissionEvents", "anna", "HOLD_STARTED", 100],
      ["commissionEvents", "anna", "HOLD_STARTED", 5],
      ["commissionEvents", "bob", "HOLD_STARTED", 2],
    ]);
    expect(published.flatMap((e) => e.payload.commissionIds)).toEqual(scheduled.map((s) => s.id));
  });
});
