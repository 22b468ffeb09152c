/** `import` against the real API: created, updated and failed rows, line numbers, quoting, variants. */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createShoppableClient } from "@shoppable/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShop, runCli, startLive, type Live } from "./live.ts";

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(join(tmpdir(), "integrator-import-"));
let live: Live;
let shopDbId: string;
let connection: string[];

/** Writes `text` to a temporary file; returns its path. */
function csvFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  live = await startLive();
  await createShop(live.merchant, "integrator-shop");
  shopDbId = (await live.api.db.prisma.shop.findUniqueOrThrow({ where: { handle: "integrator-shop" } })).id;
  connection = [
    "--shop",
    "integrator-shop",
    "--api-url",
    live.url,
    "--api-key",
    live.api.keys.secret,
    "--user-token",
    live.merchantToken,
  ];
});
afterAll(() => live?.close());

const productCount = () => live.api.db.prisma.product.count({ where: { shopId: shopDbId } });

// Lines: 1 header; 3–4 one quoted record over two lines; 11 blank.
const CATALOG = [
  "handle,title,description,price,compareAtPrice,inventoryQuantity,option1Name,option1Value,sku,tags,status",
  'mug,Enamel Mug,"Holds 350 ml, keeps warm",12.00,,20,Colour,Blue,MUG-BLU,"kitchen, camping",ACTIVE',
  'poster,Poster,"A line',
  'and another, with ""quotes""",9.90,12.00,5,,,POSTER-1,,ACTIVE',
  "mug,,,12.00,,7,,Red,MUG-RED,,",
  "nameless,,no title here,5.00,,1,,,,,",
  "mug,,,abc,,1,,Green,MUG-GRN,,",
  "mug,,,12.50,,3,,Blue,MUG-BLU2,,",
  "Bad Handle,Bad,,1.00,,,,,,,",
  "cheap,Cheap,,1.005,,1,,,,,ACTIVE",
  "",
  "socks,Socks,,4.00,,-1,,,,,ACTIVE",
  "socks-two,Socks,,4.00,,2,,,,,ACTIVE,extra",
  "taken-elsewhere,Thing,,3.00,,,,,,,ACTIVE",
].join("\n");

describe("import", () => {
  it("imports the good rows, reports each bad row with its line and reason, and exits 1", async () => {
    // The handle taken-elsewhere belongs to another merchant's shop.
    const stranger = await live.api.token("other-merchant", ["MERCHANT"]);
    const otherClient = createShoppableClient({
      url: live.url,
      apiKey: live.api.keys.secret,
      userToken: stranger,
    });
    const otherShop = await createShop(otherClient, "other-shop");
    const taken = await otherClient.productCreate({
      shopId: otherShop,
      title: "Elsewhere",
      handle: "taken-elsewhere",
      status: "ACTIVE",
      variants: [{ price: "1.00" }],
    });
    expect(taken.userErrors).toEqual([]);

    const result = await runCli(["import", csvFile("catalog.csv", CATALOG), ...connection, "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ dryRun: false, rows: 11, created: 2, updated: 0, importedRows: 3 });
    expect(report.failed.map((f: { line: number; handle: string }) => [f.line, f.handle])).toEqual([
      [6, "nameless"],
      [7, "mug"],
      [8, "mug"],
      [9, "Bad Handle"],
      [10, "cheap"],
      [12, "socks"],
      [13, "socks-two"],
      [14, "taken-elsewhere"],
    ]);
    const reasons = Object.fromEntries(
      report.failed.map((f: { line: number; reason: string }) => [f.line, f.reason]),
    );
    expect(reasons[6]).toBe(
      'title is required to create product "nameless" (blank on its first row, line 6)',
    );
    expect(reasons[7]).toMatch(/price "abc" is not a decimal/);
    expect(reasons[8]).toMatch(/repeats the options of line 2/);
    expect(reasons[9]).toMatch(/handle must be lowercase/);
    // Checked by the API (EUR has 2 decimals), mapped back from userErrors' field variants.0.price.
    expect(reasons[10]).toMatch(/the API refused it: INVALID: price has more decimals than EUR allows/);
    expect(reasons[12]).toMatch(/inventoryQuantity "-1"/);
    expect(reasons[13]).toMatch(/has 12 fields; the header has 11/);
    expect(reasons[14]).toMatch(/belongs to a product of another shop \(other-shop\)/);

    // The good rows are in the shop: variants grouped by handle, quoted fields intact.
    const mug = (await live.merchant.product({ handle: "mug" }))!;
    expect(mug).toMatchObject({
      title: "Enamel Mug",
      description: "Holds 350 ml, keeps warm",
      tags: ["kitchen", "camping"],
      status: "ACTIVE",
      shop: { handle: "integrator-shop" },
    });
    expect(mug.options.map((o) => [o.name, o.values])).toEqual([["Colour", ["Blue", "Red"]]]);
    expect(mug.variants.map((v) => [v.title, v.sku, v.price.amount, v.quantityAvailable])).toEqual([
      ["Blue", "MUG-BLU", "12.00", 20],
      ["Red", "MUG-RED", "12.00", 7],
    ]);
    const poster = (await live.merchant.product({ handle: "poster" }))!;
    expect(poster.description).toBe('A line\nand another, with "quotes"');
    expect(
      poster.variants.map((v) => [v.title, v.price.amount, v.compareAtPrice?.amount, v.quantityAvailable]),
    ).toEqual([["Default", "9.90", "12.00", 5]]);
    expect(await live.merchant.product({ handle: "cheap" })).toBeNull();
    expect(await productCount()).toBe(2);
  });

  it("re-importing updates the products by handle instead of duplicating them; a row naming a new variant fails", async () => {
    const before = await productCount();
    const update = [
      "handle,title,price,compareAtPrice,inventoryQuantity,option1Name,option1Value",
      "mug,Enamel Mug v2,13.00,15.00,25,Colour,Blue",
      "mug,,13.00,,,,Red",
      "mug,,13.00,,1,,Yellow",
      "poster,,9.50,,5,,",
    ].join("\r\n");
    const result = await runCli(["import", csvFile("update.csv", update), ...connection]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Imported 3 of 4 rows.");
    expect(result.stdout).toMatch(
      /created: 0 products\n\s+updated: 2 products\n\s+failed:\s+1 rows\n\s+line 4 \(mug\): the existing product has no variant Colour=Yellow, and productUpdate cannot add variants/,
    );
    expect(await productCount()).toBe(before);
    const mug = (await live.merchant.product({ handle: "mug" }))!;
    expect(mug.title).toBe("Enamel Mug v2");
    expect(mug.tags).toEqual(["kitchen", "camping"]); // blank on the file: unchanged
    expect(
      mug.variants.map((v) => [
        v.title,
        v.price.amount,
        v.compareAtPrice?.amount ?? null,
        v.quantityAvailable,
      ]),
    ).toEqual([
      ["Blue", "13.00", "15.00", 25],
      ["Red", "13.00", null, 7],
    ]);
    const poster = (await live.merchant.product({ handle: "poster" }))!;
    expect(poster).toMatchObject({
      title: "Poster",
      variants: [{ price: { amount: "9.50" }, compareAtPrice: null, quantityAvailable: 5 }],
    });
  });

  it("--dry-run validates and looks up, and writes nothing", async () => {
    const before = await productCount();
    const file = csvFile("dry.csv", "handle,title,price\nnew-thing,New Thing,3.00\nmug,,14.00\nbroken,,1\n");
    const result = await runCli(["import", file, ...connection, "--dry-run", "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      dryRun: true,
      created: 1,
      updated: 0,
      failed: [{ line: 3 }, { line: 4 }],
    });
    expect(JSON.parse(result.stdout).failed[0].reason).toMatch(
      /product exists with options \(Colour\); the file gives \(none\)/,
    );
    expect(await productCount()).toBe(before);
    expect(await live.merchant.product({ handle: "new-thing" })).toBeNull();
  });

  it("shows a progress bar on a terminal's stderr, unless --quiet", async () => {
    const file = csvFile("progress.csv", "handle,title,price\nposter,,9.50\nbroken,,x\n");
    const shown = await runCli(["import", file, ...connection, "--dry-run"], { tty: true });
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain("Importing [");
    expect(shown.stderr).toContain("2/2 rows");
    const quiet = await runCli(["import", file, ...connection, "--dry-run", "--quiet"], { tty: true });
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(shown.stdout);
  });

  it("refuses to run (exit 2) on a header with unknown columns, an unknown shop, or a merchant of another shop", async () => {
    const typo = await runCli([
      "import",
      csvFile("typo.csv", "handle,titel,price\nx,X,1.00\n"),
      ...connection,
    ]);
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining("Unknown columns: titel")]);
    const missing = join(tmp, "missing.csv");
    const noFile = await runCli(["import", missing, ...connection]);
    expect([noFile.code, noFile.stderr]).toEqual([2, `error: No such file: ${missing}.\n`]);
    const noShop = await runCli([
      "import",
      csvFile("ok.csv", "handle,title,price\nx,X,1.00\n"),
      ...connection.map((a) => (a === "integrator-shop" ? "no-such-shop" : a)),
    ]);
    expect([noShop.code, noShop.stderr]).toEqual([
      2,
      expect.stringContaining('No shop has the handle "no-such-shop"'),
    ]);
    const stranger = await live.api.token("stranger-merchant", ["MERCHANT"]);
    const forbidden = await runCli(["import", join(tmp, "ok.csv"), ...connection.slice(0, -1), stranger]);
    expect([forbidden.code, forbidden.stderr]).toEqual([
      2,
      expect.stringContaining("error: You do not manage this shop."),
    ]);
    expect(await live.merchant.product({ handle: "x" })).toBeNull();
  });

  it("shops lists the merchant's shops, to find the handle for --shop", async () => {
    const result = await runCli(["shops", ...connection.slice(2)]);
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("integrator-shop\tintegrator-shop\tEUR\n"),
    });
  });

  it("without a key uses the development credentials file, and says so", async () => {
    const root = join(tmp, "repo");
    mkdirSync(join(root, ".data"), { recursive: true });
    mkdirSync(join(root, "examples", "integrator-node"), { recursive: true });
    writeFileSync(
      join(root, ".data", "dev-credentials.json"),
      JSON.stringify({ secretKey: live.api.keys.secret, users: { merchant: { token: live.merchantToken } } }),
    );
    const file = csvFile("dev.csv", "handle,title,price\nposter,,9.50\n");
    const result = await runCli(
      ["import", file, "--shop", "integrator-shop", "--api-url", live.url, "--dry-run"],
      { cwd: join(root, "examples", "integrator-node") },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `Using DEVELOPMENT credentials from ${join(root, ".data", "dev-credentials.json")}`,
    );
    const none = await runCli(["import", file, "--shop", "integrator-shop", "--api-url", live.url], {
      cwd: tmpdir(),
    });
    expect([none.code, none.stderr]).toEqual([
      2,
      expect.stringContaining("No API key: pass --api-key or set SHOPPABLE_SECRET_KEY"),
    ]);
  });

  it("runs as a process: the sample catalog imports cleanly with exit 0", async () => {
    await createShop(live.merchant, "sample-shop");
    const tsx = join(exampleDir, "..", "..", "node_modules", ".bin", "tsx");
    const child = spawn(
      tsx,
      ["src/cli.ts", "import", "sample-catalog.csv", "--shop", "sample-shop", "--api-url", live.url],
      {
        cwd: exampleDir,
        env: {
          ...process.env,
          SHOPPABLE_SECRET_KEY: live.api.keys.secret,
          SHOPPABLE_USER_TOKEN: live.merchantToken,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(
      "Imported 6 of 6 rows.\n  created: 3 products\n  updated: 0 products\n  failed:  0 rows\n",
    );
    const tee = (await live.merchant.product({ handle: "organic-tee" }))!;
    expect(tee.options.map((o) => [o.name, o.values])).toEqual([
      ["Size", ["S", "M", "L"]],
      ["Colour", ["White", "Black"]],
    ]);
    expect(tee.variants.map((v) => v.title)).toEqual(["S / White", "M / White", "L / Black"]);
  });
});
