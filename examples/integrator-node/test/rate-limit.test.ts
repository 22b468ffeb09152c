/**
 * `import` against an API whose rate limit refuses some of the import's requests: the SDK sends
 * them again after their Retry-After, and the CLI slows to the bucket's restore rate when it
 * runs low (client.throttleStatus), so every row is imported. The bucket is small so that a
 * dozen products reach it (the 5,000-row run against the default limit is in the README).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createShoppableClient } from "@shoppable/sdk";
import { MemoryBucketStore } from "../../../packages/api/src/limits/index.ts";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CliIo } from "../src/cli.ts";
import { createShop, runCli, startLive, type Live } from "./live.ts";

const PRODUCTS = 12;
const SETTINGS = { capacity: 10_000, restorePerSecond: 3_000 };

/**
 * Buckets where an operation costs what it asks for: nothing is given back after it ran. The
 * import's lookups and writes ask for 650–700 points each and use a few, so with refunds a
 * test-sized import never drains a bucket; without them, a dozen products do.
 */
class NoRefundBuckets extends MemoryBucketStore {
  override async giveBack(bucket: string): Promise<number> {
    return super.giveBack(bucket, 0);
  }
}

let live: Live;

beforeAll(async () => {
  live = await startLive(
    {
      RATE_LIMIT_CAPACITY: String(SETTINGS.capacity),
      RATE_LIMIT_RESTORE_PER_SECOND: String(SETTINGS.restorePerSecond),
    },
    { buckets: new NoRefundBuckets(SETTINGS) },
  );
  await createShop(live.merchant, "throttled-shop");
});
afterAll(() => live?.close());

it("imports and re-imports every row while the rate limit refuses requests, exit 0", async () => {
  const rows = (price: string) =>
    Array.from({ length: PRODUCTS }, (_, i) => `item-${i},Item ${i},${price},${i % 7}`);
  const file = (name: string, price: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "integrator-throttled-")), name);
    writeFileSync(path, ["handle,title,price,inventoryQuantity", ...rows(price)].join("\n"));
    return path;
  };
  // Counts the API's refusals: 16 products in flight ask for more than the bucket holds.
  let refused = 0;
  const client: CliIo["client"] = (options) =>
    createShoppableClient({
      ...options,
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (response.status === 429) refused++;
        return response;
      },
    });
  const connection = ["--shop", "throttled-shop", "--api-url", live.url, "--api-key", live.api.keys.secret];
  const flags = [...connection, "--user-token", live.merchantToken, "--concurrency", "16", "--quiet"];
  const created = await runCli(["import", file("create.csv", "10.00"), ...flags], { client });
  expect(created.stdout).toContain(`Imported ${PRODUCTS} of ${PRODUCTS} rows.`);
  expect(created.code).toBe(0);
  const updated = await runCli(["import", file("update.csv", "12.00"), ...flags], { client });
  expect(updated.stdout).toContain(`Imported ${PRODUCTS} of ${PRODUCTS} rows.`);
  expect(updated.stdout).toContain(`updated: ${PRODUCTS} products`);
  expect(updated.code).toBe(0);
  expect(refused).toBeGreaterThan(0);
  const item = await live.merchant.product({ handle: `item-${PRODUCTS - 1}` });
  expect(item?.variants[0]?.price.amount).toBe("12.00");
});
