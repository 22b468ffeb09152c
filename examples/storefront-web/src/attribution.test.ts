import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { affiliateFor, readAffiliate, saveAffiliate } from "./attribution.ts";

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("affiliate attribution", () => {
  it("carries the stored code and click into lines of the link's shop only", () => {
    saveAffiliate({
      affiliateCode: "abcDEF123456",
      affiliateClickId: "click-1",
      shopId: "shop-a",
      savedAt: Date.now(),
    });
    expect(affiliateFor("shop-a")).toEqual({ affiliateCode: "abcDEF123456", affiliateClickId: "click-1" });
    expect(affiliateFor("shop-b")).toEqual({});
  });

  it("keeps the latest click per shop, and a click whose shop is not known yet applies nowhere", () => {
    saveAffiliate({
      affiliateCode: "first0000000",
      affiliateClickId: "c1",
      shopId: "shop-a",
      savedAt: Date.now(),
    });
    saveAffiliate({
      affiliateCode: "second000000",
      affiliateClickId: "c2",
      shopId: "shop-a",
      savedAt: Date.now(),
    });
    saveAffiliate({
      affiliateCode: "pending00000",
      affiliateClickId: "c3",
      shopId: null,
      savedAt: Date.now(),
    });
    expect(affiliateFor("shop-a")).toEqual({ affiliateCode: "second000000", affiliateClickId: "c2" });
    expect(readAffiliate().map((entry) => entry.affiliateCode)).toEqual(["pending00000", "second000000"]);
  });

  it("forgets clicks after 30 days and ignores what it cannot read", () => {
    saveAffiliate({
      affiliateCode: "old000000000",
      affiliateClickId: null,
      shopId: "shop-a",
      savedAt: Date.now() - 31 * 24 * 3600 * 1000,
    });
    expect(affiliateFor("shop-a")).toEqual({});
    store.set("shoppable.affiliate", "{not json");
    expect(readAffiliate()).toEqual([]);
  });
});
