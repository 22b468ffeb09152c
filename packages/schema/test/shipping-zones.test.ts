/**
 * shippingZoneUpdate under concurrent writes (delivery/shipping-service.ts): a change of only
 * the provinces is checked against the countries the zone has when the write holds the shop's
 * lock, not those read before it, so a concurrent change of the countries cannot leave a zone
 * with provinces outside its countries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@shoppable/db/testing";
import type { Context } from "../src/context.ts";
import { createZone, updateZone, zoneTarget } from "../src/delivery/shipping-service.ts";
import type { EventBus } from "../src/shared/events.ts";

let db: TestDatabase;
let shopId: string;

const events: EventBus = {
  publish() {},
  publishCoalesced() {},
  subscribe() {
    throw new Error("no subscriptions here");
  },
  live() {
    throw new Error("no subscriptions here");
  },
};

/** The platform (a secret key on its own), a new request each time. */
const platform = (): Context => ({
  db: db.prisma,
  key: { id: "key-secret", kind: "SECRET" },
  user: null,
  requestId: "shipping-zones-test",
  events,
});

beforeAll(async () => {
  db = await openTestDatabase();
  shopId = (
    await db.prisma.shop.create({
      data: { handle: "zones", name: "Zones", currencyCode: "USD" },
      select: { id: true },
    })
  ).id;
});
afterAll(() => db?.close());

async function target(by: { shopId: string } | { zoneId: string }) {
  const found = await zoneTarget(platform(), by, "id");
  if (!found.ok) throw new Error(found.error.message);
  return found.target;
}

describe("updateZone", () => {
  it("checks provinces against the countries as they are under the lock, not as read before it", async () => {
    const created = await createZone(platform(), await target({ shopId }), {
      name: "US",
      countryCodes: ["US"],
      provinceCodes: [],
      rates: [],
    });
    expect(created.userErrors).toEqual([]);
    const zoneId = created.id!;
    // Read before the other write: the zone still covers the US.
    const stale = await target({ zoneId });
    const moved = await updateZone(platform(), await target({ zoneId }), { countryCodes: ["DE"] });
    expect(moved.userErrors).toEqual([]);
    const res = await updateZone(platform(), stale, { provinceCodes: ["US-CA"] });
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([
      ["INVALID_PROVINCE", ["provinceCodes", "0"]],
    ]);
    const zone = await db.prisma.shippingZone.findUniqueOrThrow({ where: { id: zoneId } });
    expect([zone.countryCodes, zone.provinceCodes]).toEqual([["DE"], []]);
  });
});
