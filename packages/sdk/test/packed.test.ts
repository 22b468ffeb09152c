/**
 * The package as npm publishes it: built, packed with `npm pack`, unpacked into a fresh app's
 * node_modules (its two dependencies linked beside it, as an install would put them), then run
 * as a plain Node program against an API that enforces persisted operations. The app registers
 * its own document with the packed `persistedOperationsManifest`; everything else it calls is
 * the SDK's own, registered by the API from the shipped manifest.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLiveApi, type LiveApi } from "./live-api.ts";

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const app = mkdtempSync(join(tmpdir(), "shoppable-packed-app-"));
const packageDir = join(app, "node_modules/@shoppable/sdk");
let live: LiveApi;
let variantId = "";

const OWN_DOCUMENT = "query AppShops { shops(first: 10) { totalCount } }";

const MANIFEST_SCRIPT = `
import { writeFileSync } from "node:fs";
import { persistedOperationsManifest } from "@shoppable/sdk";
writeFileSync("operations.json", JSON.stringify(await persistedOperationsManifest([${JSON.stringify(OWN_DOCUMENT)}])));
`;

const APP_SCRIPT = `
import { createShoppableClient } from "@shoppable/sdk";
import WebSocket from "ws";
const [url, apiKey, variantId] = process.argv.slice(2);
const client = createShoppableClient({ url, apiKey, persistedOperations: true, webSocketImpl: WebSocket });
const shop = await client.shop({ handle: "packed-shop" });
const { cart } = await client.cartCreate({ lines: [{ variantId, quantity: 1 }] });
const updates = client.cartUpdated({ cartId: cart.id });
await updates.ready;
await client.cartLinesUpdate({ cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 2 }] });
const { value } = await updates.next();
const own = await client.request(${JSON.stringify(OWN_DOCUMENT)});
await client.close();
console.log(JSON.stringify({ shop: shop.name, quantity: value.cart.totalQuantity, shops: own.shops.totalCount }));
`;

beforeAll(async () => {
  execFileSync("npx", ["tsup", "--silent"], { cwd: sdkDir, stdio: "pipe" });
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", app], { cwd: sdkDir, encoding: "utf8" }),
  ) as { filename: string }[];
  mkdirSync(packageDir, { recursive: true });
  execFileSync("tar", ["-xzf", join(app, packed?.filename ?? ""), "-C", packageDir, "--strip-components=1"]);
  // What `npm install` of the tarball would add: its dependencies, and ws for Node 20.
  for (const dependency of ["graphql-ws", "@graphql-typed-document-node/core", "ws"]) {
    const target = join(app, "node_modules", dependency);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(realpathSync(join(sdkDir, "node_modules", dependency)), target);
  }
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "packed-app", private: true, type: "module" }),
  );
  writeFileSync(join(app, "manifest.mjs"), MANIFEST_SCRIPT);
  writeFileSync(join(app, "app.mjs"), APP_SCRIPT);
  execFileSync(process.execPath, ["manifest.mjs"], { cwd: app });

  live = await startLiveApi({ PERSISTED_OPERATIONS_FILE: join(app, "operations.json") });
  variantId = await live.shopWithProduct({ handle: "packed-shop", name: "Packed" }, { stock: 5 });
}, 120_000);
afterAll(() => live?.close());

it("an app on the packed tarball queries, mutates, subscribes and runs its own document, all by hash", async () => {
  // Not execFileSync: the API answers from this process's event loop.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["app.mjs", live.url, live.api.keys.publishable, variantId],
    { cwd: app, encoding: "utf8" },
  );
  expect(JSON.parse(stdout)).toEqual({ shop: "Packed", quantity: 2, shops: 1 });
});

it("ships the persisted-operations manifest the API registers, the single-file elements, and a README without repository-relative links", () => {
  expect(readFileSync(join(packageDir, "dist/persisted-operations.json"), "utf8")).toBe(
    readFileSync(join(sdkDir, "src/generated/persisted-operations.json"), "utf8"),
  );
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports: Record<string, unknown>;
    repository?: { url?: string };
  };
  expect(manifest.exports["./persisted-operations.json"]).toBe("./dist/persisted-operations.json");
  expect(manifest.repository?.url).toMatch(/^git\+https:\/\//);
  // The elements for pages without a build step: one file, importing nothing.
  const single = readFileSync(join(packageDir, "dist/elements.min.js"), "utf8");
  expect(single).toContain("shoppable-post");
  // No import statement or dynamic import (graphql-ws's message text mentions one: not code).
  expect(single).not.toMatch(/\bimport\s*\(|^import[\s{*]|[;}]import[\s{*]/m);
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const relative = [...readme.matchAll(/\]\((?!https?:|#|mailto:)([^)]+)\)/g)].map((match) => match[1]);
  expect(relative).toEqual([]);
});
