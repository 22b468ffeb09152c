import { describe, expect, it } from "vitest";
import { choosePin, liveQuote, remainingUnderCap, type LiveWindow, type PinTerms } from "./pricing.ts";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 27, 20, minute));
const live: LiveWindow = { status: "LIVE", startedAt: t(0), endedAt: null };
const pin = (terms: Partial<PinTerms> = {}): PinTerms => ({
  livePrice: 900,
  quantityCap: 10,
  quantitySold: 0,
  pinnedAt: t(0),
  unpinnedAt: null,
  ...terms,
});

describe("liveQuote", () => {
  it("gives the live price and remaining cap while the session is LIVE and the product pinned", () => {
    expect(liveQuote(live, pin({ quantitySold: 3 }), 1500, t(5))).toEqual({
      price: 900,
      isLivePrice: true,
      remainingCap: 7,
    });
  });

  it("gives no quote before the session starts, after it ends, or when it was cancelled", () => {
    expect(liveQuote({ status: "SCHEDULED", startedAt: null, endedAt: null }, pin(), 1500, t(5))).toBeNull();
    expect(liveQuote({ status: "ENDED", startedAt: t(0), endedAt: t(30) }, pin(), 1500, t(10))).toBeNull();
    expect(liveQuote({ status: "ENDED", startedAt: t(0), endedAt: t(30) }, pin(), 1500, t(40))).toBeNull();
    expect(liveQuote({ status: "CANCELLED", startedAt: null, endedAt: null }, pin(), 1500, t(5))).toBeNull();
  });

  it("gives no quote for a moment before the session started", () => {
    expect(liveQuote({ ...live, startedAt: t(10) }, pin(), 1500, t(5))).toBeNull();
  });

  it("gives no quote before the product was pinned or once it was unpinned", () => {
    expect(liveQuote(live, pin({ pinnedAt: t(10) }), 1500, t(5))).toBeNull();
    expect(liveQuote(live, pin({ unpinnedAt: t(10) }), 1500, t(10))).toBeNull();
    expect(liveQuote(live, pin({ unpinnedAt: t(10) }), 1500, t(9))).not.toBeNull();
  });

  it("gives no quote once the cap is used up, even when oversold", () => {
    expect(liveQuote(live, pin({ quantitySold: 10 }), 1500, t(5))).toBeNull();
    expect(liveQuote(live, pin({ quantitySold: 12 }), 1500, t(5))).toBeNull();
    expect(liveQuote(live, pin({ quantitySold: 9 }), 1500, t(5))?.remainingCap).toBe(1);
  });

  it("has no cap to count down when the pin has none", () => {
    expect(liveQuote(live, pin({ quantityCap: null, quantitySold: 500 }), 1500, t(5))).toEqual({
      price: 900,
      isLivePrice: true,
      remainingCap: null,
    });
  });

  it("gives the regular price for a pin without a live price (a capped drop at full price)", () => {
    expect(liveQuote(live, pin({ livePrice: null }), 1500, t(5))).toEqual({
      price: 1500,
      isLivePrice: false,
      remainingCap: 10,
    });
  });

  it("never charges more than the regular price when it dropped below the live price", () => {
    expect(liveQuote(live, pin({ livePrice: 900 }), 800, t(5))).toEqual({
      price: 800,
      isLivePrice: false,
      remainingCap: 10,
    });
  });

  it("allows a free live price", () => {
    expect(liveQuote(live, pin({ livePrice: 0 }), 1500, t(5))?.price).toBe(0);
  });
});

describe("remainingUnderCap", () => {
  it("is the cap minus units sold, never negative, and null without a cap", () => {
    expect(remainingUnderCap({ quantityCap: 10, quantitySold: 4 })).toBe(6);
    expect(remainingUnderCap({ quantityCap: 10, quantitySold: 14 })).toBe(0);
    expect(remainingUnderCap({ quantityCap: null, quantitySold: 14 })).toBeNull();
  });
});

describe("choosePin", () => {
  it("prefers a pin of the variant over a pin of the whole product, then the latest", () => {
    const whole = { id: "whole", variantId: null, pinnedAt: t(5) };
    const variant = { id: "variant", variantId: "v1", pinnedAt: t(1) };
    const newerVariant = { id: "newer", variantId: "v1", pinnedAt: t(2) };
    const other = { id: "other", variantId: "v2", pinnedAt: t(9) };
    expect(choosePin([whole, variant, other], "v1")?.id).toBe("variant");
    expect(choosePin([variant, newerVariant], "v1")?.id).toBe("newer");
    expect(choosePin([whole, other], "v1")?.id).toBe("whole");
    expect(choosePin([other], "v1")).toBeNull();
  });
});
