/** `export-orders` against the real API: orders from real checkouts, paged, parsed back. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { createShoppableClient, type OrderQuery } from "@shoppable/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORDER_COLUMNS } from "../src/export-orders.ts";
import { createShop, runCli, startLive, type Live } from "./live.ts";

const tmp = mkdtempSync(join(tmpdir(), "integrator-export-"));
let live: Live;
let connection: string[];
let orders: NonNullable<OrderQuery["order"]>[];

/** Buys `lines` ([variant id, quantity]) as a buyer through cartCreate and checkoutComplete. */
async function checkout(buyerToken: string, lines: [string, number][]) {
  const buyer = createShoppableClient({
    url: live.url,
    apiKey: live.api.keys.publishable,
    userToken: buyerToken,
  });
  const { cart } = await buyer.cartCreate({
    lines: lines.map(([variantId, quantity]) => ({ variantId, quantity })),
  });
  const paid = await buyer.checkoutComplete({
    cartId: cart!.id,
    idempotencyKey: randomUUID(),
    payment: { token: "tok_success" },
  });
  expect(paid.userErrors).toEqual([]);
  return paid.order!.id;
}

beforeAll(async () => {
  live = await startLive();
  const shopId = await createShop(live.merchant, "export-shop");
  connection = [
    "--shop",
    "export-shop",
    "--api-url",
    live.url,
    "--api-key",
    live.api.keys.secret,
    "--user-token",
    live.merchantToken,
  ];
  const mug = await live.merchant.productCreate({
    shopId,
    title: 'Mug, "enamel"',
    status: "ACTIVE",
    options: [{ name: "Colour", values: ["Blue", "Red"] }],
    variants: [
      {
        price: "12.00",
        sku: "MUG-BLU",
        inventoryQuantity: 20,
        selectedOptions: [{ name: "Colour", value: "Blue" }],
      },
      {
        price: "12.50",
        sku: "MUG-RED",
        inventoryQuantity: 20,
        selectedOptions: [{ name: "Colour", value: "Red" }],
      },
    ],
  });
  const poster = await live.merchant.productCreate({
    shopId,
    title: "Poster\nA2",
    status: "ACTIVE",
    variants: [{ price: "9.90", inventoryQuantity: 20 }],
  });
  const [blue, red] = mug.product!.variants;
  const buyerToken = await live.api.token("export-buyer", ["BUYER"]);
  const ids = [
    await checkout(buyerToken, [
      [blue!.id, 2],
      [poster.product!.variants[0]!.id, 1],
    ]),
    await checkout(buyerToken, [[red!.id, 1]]),
    await checkout(buyerToken, [[blue!.id, 3]]),
  ];
  await live.merchant.orderFulfill({ id: ids[0]! });
  orders = await Promise.all(ids.reverse().map(async (id) => (await live.merchant.order({ id }))!)); // newest first
});
afterAll(() => live?.close());

/** The CSV rows the export should hold for `orders`, one per line, newest order first. */
function expectedRows(list: typeof orders) {
  return list.flatMap((order) =>
    order.lines.map((line) => ({
      orderId: order.id,
      orderNumber: String(order.number),
      createdAt: order.createdAt,
      paidAt: order.paidAt ?? "",
      fulfilledAt: order.fulfilledAt ?? "",
      cancelledAt: order.cancelledAt ?? "",
      status: order.status,
      paymentStatus: order.payments.map((p) => p.status).join("|"),
      email: order.email ?? "",
      currencyCode: order.currencyCode,
      orderSubtotal: order.subtotal.amount,
      orderDiscount: order.discountTotal.amount,
      orderTotal: order.total.amount,
      orderRefunded: order.refundedTotal.amount,
      lineId: line.id,
      productTitle: line.productTitle,
      variantTitle: line.variantTitle,
      sku: line.sku ?? "",
      quantity: String(line.quantity),
      refundedQuantity: String(line.refundedQuantity),
      unitPrice: line.unitPrice.amount,
      lineDiscount: line.discount.amount,
      lineTotal: line.total.amount,
    })),
  );
}

describe("export-orders", () => {
  it("writes one row per order line, paging with the cursors; the CSV parses back to the orders", async () => {
    const out = join(tmp, "orders.csv");
    const result = await runCli(["export-orders", ...connection, "--out", out, "--page-size", "1"]);
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: `Exported 3 orders (4 lines) to ${out}.\n` });
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toBe(ORDER_COLUMNS.join(","));
    const rows: Record<string, string>[] = parse(text, { columns: true });
    expect(rows).toEqual(expectedRows(orders));
    // What was bought, spelled out: quoted titles with commas, quotes and line breaks survive.
    expect(
      rows.map((r) => [
        r.status,
        r.productTitle,
        r.variantTitle,
        r.sku,
        r.quantity,
        r.unitPrice,
        r.lineTotal,
        r.currencyCode,
        r.orderTotal,
      ]),
    ).toEqual([
      ["PAID", 'Mug, "enamel"', "Blue", "MUG-BLU", "3", "12.00", "36.00", "EUR", "36.00"],
      ["PAID", 'Mug, "enamel"', "Red", "MUG-RED", "1", "12.50", "12.50", "EUR", "12.50"],
      ["FULFILLED", 'Mug, "enamel"', "Blue", "MUG-BLU", "2", "12.00", "24.00", "EUR", "33.90"],
      ["FULFILLED", "Poster\nA2", "Default", "", "1", "9.90", "9.90", "EUR", "33.90"],
    ]);
  });

  it("--status, --since and --until filter; without --out it writes to stdout", async () => {
    const result = await runCli(["export-orders", ...connection, "--status", "fulfilled", "--quiet"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(parse(result.stdout, { columns: true })).toEqual(
      expectedRows(orders.filter((o) => o.status === "FULFILLED")),
    );
    // Since the oldest order (exclusive) until the newest (exclusive): the middle one.
    const [newest, middle, oldest] = orders;
    const between = await runCli([
      "export-orders",
      ...connection,
      "--since",
      oldest!.createdAt,
      "--until",
      newest!.createdAt,
      "--quiet",
    ]);
    expect(parse(between.stdout, { columns: true })).toEqual(expectedRows([middle!]));
    const bad = await runCli(["export-orders", ...connection, "--since", "yesterday"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("an ISO 8601 date or time")]);
  });

  it("refuses (exit 2) a buyer and another shop's merchant: FORBIDDEN", async () => {
    const stranger = await live.api.token("export-stranger", ["MERCHANT"]);
    const buyer = await live.api.token("export-buyer", ["BUYER"]);
    for (const token of [stranger, buyer]) {
      const result = await runCli(["export-orders", ...connection.slice(0, -1), token]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("error: Only the shop's merchants see its orders.");
    }
    const badStatus = await runCli(["export-orders", ...connection, "--status", "SHIPPED"]);
    expect([badStatus.code, badStatus.stderr]).toEqual([
      2,
      expect.stringContaining("option '--status <list>' argument 'SHIPPED' is invalid"),
    ]);
  });
});
