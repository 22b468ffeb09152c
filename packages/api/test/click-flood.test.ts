import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkOf } from "../src/affiliate-redirect.ts";
import { Commerce } from "./commerce.ts";
import { startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ AFFILIATE_CLICKS_PER_MINUTE: "60" });
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  await commerce.affiliateLink(shop.dbId, "FLOODME");
});
afterAll(() => api?.close());

const click = (ip: string, ua: string, cookie?: string) =>
  api.server.yoga.fetch("http://test/r/FLOODME", {
    headers: { "x-forwarded-for": ip, "user-agent": ua, ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });

describe("affiliate click floods", () => {
  it("throttle 1,000 clicks a minute from one network: 429 with Retry-After, nothing recorded, other networks unaffected", async () => {
    const statuses = new Map<number, number>();
    let retryAfter = 0;
    for (let i = 0; i < 1000; i++) {
      // A bot rotating addresses inside its /24 and user agents, without cookies.
      const res = await click(
        `198.51.100.${i % 250}`,
        `Mozilla/5.0 (X11; Linux x86_64) Chrome/${100 + (i % 50)}.0`,
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 429) retryAfter = Number(res.headers.get("retry-after"));
      await res.body?.cancel();
    }
    const redirected = statuses.get(302) ?? 0;
    // The bucket holds 60 and refills one a second while the loop runs.
    expect(redirected).toBeGreaterThanOrEqual(60);
    expect(redirected).toBeLessThan(150);
    expect(statuses.get(429)).toBe(1000 - redirected);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const recorded = await api.db.prisma.affiliateClick.count();
    expect(recorded).toBe(redirected);
    expect(await api.db.prisma.affiliateClick.count({ where: { counted: true } })).toBeLessThanOrEqual(
      redirected,
    );
    const hours = await api.db.prisma.affiliateClickHour.aggregate({ _sum: { clicks: true } });
    expect(hours._sum.clicks).toBe(recorded);

    const elsewhere = await click("203.0.113.20", "Mozilla/5.0 (iPhone) Safari/604.1");
    expect(elsewhere.status).toBe(302);
  });

  it("throttle one visitor cookie hopping networks", async () => {
    const first = await click("192.0.2.1", "Mozilla/5.0 Firefox/128.0");
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++)
      statuses.push((await click(`10.${i}.0.1`, "Mozilla/5.0 Firefox/128.0", cookie)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(30);
  });

  it("groups addresses by network", () => {
    expect(networkOf("198.51.100.7")).toBe("198.51.100.0/24");
    expect(networkOf("::ffff:198.51.100.7")).toBe("198.51.100.0/24");
    expect(networkOf("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(networkOf(null)).toBe("unknown");
  });
});
