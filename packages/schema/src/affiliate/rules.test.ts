import { describe, expect, it } from "vitest";
import {
  CODE_LENGTH,
  commissionAmount,
  effectiveRate,
  isBotUserAgent,
  newLinkCode,
  reversalAmount,
  storefrontUrl,
  winningTouch,
  type Touch,
} from "./rules.ts";

describe("commissionAmount", () => {
  it("is rate × revenue in minor units, rounded down to the minor unit", () => {
    expect(commissionAmount(10_000, 1000)).toBe(1000);
    expect(commissionAmount(999, 1000)).toBe(99); // 99.9 → 99
    expect(commissionAmount(1, 9999)).toBe(0); // 0.9999 → 0
    expect(commissionAmount(12_345, 1250)).toBe(1543); // 1543.125 → 1543
    expect(commissionAmount(0, 1000)).toBe(0);
    expect(commissionAmount(5000, 0)).toBe(0);
  });
});

describe("reversalAmount", () => {
  it("reverses per unit with floor shares so that every unit, in any steps, reverses exactly what was earned", () => {
    const earned = 1001;
    const steps = [1, 2, 4];
    let before = 0;
    let total = 0;
    for (const q of steps) {
      total += reversalAmount(earned, 7, before, q);
      before += q;
    }
    expect(total).toBe(-earned);
    expect(reversalAmount(1001, 7, 0, 1)).toBe(-143);
    expect(reversalAmount(10, 3, 0, 1)).toBe(-3);
    expect(reversalAmount(10, 3, 1, 2)).toBe(-7);
  });
});

describe("effectiveRate", () => {
  const at = new Date("2026-01-10T00:00:00Z");
  const lockedUntil = new Date("2026-01-31T00:00:00Z");
  it("keeps the link's rate while locked when the shop lowered it, and takes a raise", () => {
    const link = { rate: 1000, rateLockedUntil: lockedUntil, productId: "p1" };
    expect(effectiveRate({ currentRate: 500, productSpecific: true, link, productId: "p1", at })).toBe(1000);
    expect(effectiveRate({ currentRate: 1500, productSpecific: true, link, productId: "p1", at })).toBe(1500);
  });
  it("drops to the current rate once the lock has passed", () => {
    const link = { rate: 1000, rateLockedUntil: lockedUntil, productId: "p1" };
    expect(
      effectiveRate({ currentRate: 500, productSpecific: true, link, productId: "p1", at: lockedUntil }),
    ).toBe(500);
  });
  it("applies a shop link's locked default rate to products without a rate of their own only", () => {
    const link = { rate: 1000, rateLockedUntil: lockedUntil, productId: null };
    expect(effectiveRate({ currentRate: 400, productSpecific: false, link, productId: "p2", at })).toBe(1000);
    expect(effectiveRate({ currentRate: 300, productSpecific: true, link, productId: "p3", at })).toBe(300);
  });
  it("does not carry a product link's rate to other products", () => {
    const link = { rate: 2000, rateLockedUntil: lockedUntil, productId: "p1" };
    expect(effectiveRate({ currentRate: 500, productSpecific: false, link, productId: "p9", at })).toBe(500);
  });
});

describe("winningTouch", () => {
  const paidAt = new Date("2026-02-01T12:00:00Z");
  const ago = (s: number) => new Date(paidAt.getTime() - s * 1000);
  const touches: Touch[] = [
    { linkId: "first", at: ago(3000), key: "a" },
    { linkId: "middle", at: ago(2000), key: "b" },
    { linkId: "last", at: ago(1000), key: "c" },
  ];
  it("LAST_CLICK takes the latest touch, FIRST_CLICK the earliest in the window", () => {
    expect(winningTouch([...touches], "LAST_CLICK", 3600, paidAt)?.linkId).toBe("last");
    expect(winningTouch([...touches], "FIRST_CLICK", 3600, paidAt)?.linkId).toBe("first");
    expect(winningTouch([...touches], "FIRST_CLICK", 2500, paidAt)?.linkId).toBe("middle");
  });
  it("credits a touch window − 1 s old and the exact edge, not window + 1 s", () => {
    const window = 7 * 86_400;
    expect(
      winningTouch([{ linkId: "l", at: ago(window - 1), key: "k" }], "LAST_CLICK", window, paidAt),
    ).not.toBeNull();
    expect(
      winningTouch([{ linkId: "l", at: ago(window), key: "k" }], "LAST_CLICK", window, paidAt),
    ).not.toBeNull();
    expect(
      winningTouch([{ linkId: "l", at: ago(window + 1), key: "k" }], "LAST_CLICK", window, paidAt),
    ).toBeNull();
  });
  it("ignores touches after the payment and breaks ties by key", () => {
    expect(
      winningTouch([{ linkId: "future", at: ago(-5), key: "k" }], "LAST_CLICK", 3600, paidAt),
    ).toBeNull();
    const tie = [
      { linkId: "y", at: ago(10), key: "2" },
      { linkId: "x", at: ago(10), key: "1" },
    ];
    expect(winningTouch([...tie], "LAST_CLICK", 3600, paidAt)?.linkId).toBe("y");
    expect(winningTouch([...tie], "FIRST_CLICK", 3600, paidAt)?.linkId).toBe("x");
  });
});

describe("isBotUserAgent", () => {
  it("knows crawlers, link previewers and HTTP tools; browsers are people", () => {
    for (const ua of [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Twitterbot/1.0",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "WhatsApp/2.23.20.0",
      "curl/8.5.0",
      "python-requests/2.31",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "",
      null,
    ]) {
      expect(isBotUserAgent(ua), String(ua)).toBe(true);
    }
    expect(
      isBotUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe(false);
    expect(
      isBotUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
      ),
    ).toBe(false);
  });
});

describe("link codes and storefront URLs", () => {
  it("draws 12 base62 characters, different every time", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newLinkCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[0-9A-Za-z]{${CODE_LENGTH}}$`));
  });
  it("fills the template with the target's path and encoded values", () => {
    const base = { code: "Ab3", clickId: "c-1", shopHandle: "my shop", productHandle: "tee", postId: "p1" };
    expect(
      storefrontUrl("https://s.example/{path}?aff={code}&click={clickId}", {
        ...base,
        targetKind: "PRODUCT",
      }),
    ).toBe("https://s.example/products/tee?aff=Ab3&click=c-1");
    expect(storefrontUrl("/{path}", { ...base, targetKind: "POST" })).toBe("/posts/p1");
    expect(storefrontUrl("/{path}?s={shop}", { ...base, targetKind: "SHOP" })).toBe(
      "/shops/my%20shop?s=my%20shop",
    );
  });
});
