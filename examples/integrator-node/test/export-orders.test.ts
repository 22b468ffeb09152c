/**
 * `export-orders` against the real API: orders from real checkouts (shipped to an address with a
 * delivery option and VAT, or digital), fulfilled with tracking, paged, parsed back.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
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

/** Where the first order goes: commas, quotes and a line break, which the CSV must quote. */
const BERLIN = {
  firstName: "Ada",
  lastName: "Vogel",
  company: 'Vogel, "Söhne" & Co.',
  address1: "Torstraße 1",
  address2: 'Hinterhaus, 2. OG\nc/o "Studio Nord"',
  city: "Berlin",
  zip: "10115",
  countryCode: "DE",
};

/**
 * Buys `lines` ([variant id, quantity]) as a buyer through cartCreate and checkoutComplete;
 * goods that ship go to `to` by the delivery option `handle`.
 */
async function checkout(
  buyerToken: string,
  lines: [string, number][],
  delivery?: { to: typeof BERLIN; handle: string },
) {
  const buyer = createShoppableClient({
    url: live.url,
    apiKey: live.api.keys.publishable,
    userToken: buyerToken,
  });
  const { cart } = await buyer.cartCreate({
    lines: lines.map(([variantId, quantity]) => ({ variantId, quantity })),
  });
  const cartId = cart?.id ?? "";
  if (delivery) {
    const addressed = await buyer.cartDeliveryAddressUpdate({ cartId, address: delivery.to });
    expect(addressed.userErrors).toEqual([]);
    const shopId = addressed.cart?.deliveryGroups[0]?.shop.id ?? "";
    const selected = await buyer.cartSelectedDeliveryOptionsUpdate({
      cartId,
      selections: [{ shopId, handle: delivery.handle }],
    });
    expect(selected.userErrors).toEqual([]);
  }
  const paid = await buyer.checkoutComplete({
    cartId,
    idempotencyKey: randomUUID(),
    payment: { token: "tok_success" },
  });
  expect(paid.userErrors).toEqual([]);
  return paid.order?.id ?? "";
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
  // EU style: VAT inside the prices; standard shipping free from 30.00.
  await live.merchant.shopUpdate({ id: shopId, pricesIncludeTax: true });
  const zone = await live.merchant.shippingZoneCreate({
    shopId,
    name: "Germany",
    countryCodes: ["DE"],
    rates: [
      { handle: "standard", title: "Standard", price: "4.90", freeAbove: "30.00", minDays: 2, maxDays: 4 },
      { handle: "express", title: "Express, next day", price: "9.90", minDays: 1, maxDays: 1 },
    ],
  });
  expect(zone.userErrors).toEqual([]);
  await live.merchant.taxRateSet({ shopId, countryCode: "DE", name: "VAT", percentage: "19" });
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
  const guide = await live.merchant.productCreate({
    shopId,
    title: "Care guide (PDF)",
    status: "ACTIVE",
    variants: [{ price: "5.00", inventoryQuantity: 20, requiresShipping: false }],
  });
  const variant = (created: typeof mug, index = 0) => created.product?.variants[index]?.id ?? "";
  const blue = variant(mug);
  const buyerToken = await live.api.token("export-buyer", ["BUYER"]);
  const [first = "", digital = "", last = ""] = [
    await checkout(
      buyerToken,
      [
        [blue, 2],
        [variant(poster), 1],
      ],
      { to: BERLIN, handle: "standard" },
    ),
    // Digital goods only: no address, no delivery option, no shipping columns.
    await checkout(buyerToken, [[variant(guide), 1]]),
    await checkout(buyerToken, [[blue, 3]], {
      to: { ...BERLIN, company: "", address2: "" },
      handle: "express",
    }),
  ];
  const ids = [first, digital, last];
  // The first order in two parcels, the last partly shipped.
  const firstLine = (await live.merchant.order({ id: first }))?.lines[0]?.id ?? "";
  await live.merchant.orderFulfill({
    id: first,
    lines: [{ lineId: firstLine, quantity: 2 }],
    tracking: { carrier: "DHL", number: "00340434161234567890" },
  });
  await live.merchant.orderFulfill({
    id: first,
    tracking: { carrier: "DHL", number: "00340434161234567891" },
  });
  const lastLine = (await live.merchant.order({ id: last }))?.lines[0]?.id ?? "";
  await live.merchant.orderFulfill({
    id: last,
    lines: [{ lineId: lastLine, quantity: 1 }],
    tracking: { carrier: "UPS", number: "1Z999AA10123456784" },
  });
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
      lineTax: line.tax.amount,
      orderShipping: order.shippingTotal.amount,
      orderTax: order.taxTotal.amount,
      taxesIncluded: String(order.taxesIncluded),
      shippingMethod: order.shippingLine?.handle ?? "",
      shippingMethodTitle: order.shippingLine?.title ?? "",
      shippingName: [order.shippingAddress?.firstName, order.shippingAddress?.lastName]
        .filter(Boolean)
        .join(" "),
      shippingCompany: order.shippingAddress?.company ?? "",
      shippingAddress1: order.shippingAddress?.address1 ?? "",
      shippingAddress2: order.shippingAddress?.address2 ?? "",
      shippingCity: order.shippingAddress?.city ?? "",
      shippingProvince: order.shippingAddress?.provinceCode ?? "",
      shippingZip: order.shippingAddress?.zip ?? "",
      shippingCountry: order.shippingAddress?.countryCode ?? "",
      fulfillmentStatus: order.fulfillmentStatus,
      trackingNumbers: order.fulfillments.flatMap((f) => f.tracking?.number ?? []).join("|"),
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
      ["PAID", 'Mug, "enamel"', "Blue", "MUG-BLU", "3", "12.00", "36.00", "EUR", "45.90"],
      ["PAID", "Care guide (PDF)", "Default", "", "1", "5.00", "5.00", "EUR", "5.00"],
      ["FULFILLED", 'Mug, "enamel"', "Blue", "MUG-BLU", "2", "12.00", "24.00", "EUR", "33.90"],
      ["FULFILLED", "Poster\nA2", "Default", "", "1", "9.90", "9.90", "EUR", "33.90"],
    ]);
    // Where and how it ships, and its VAT (inside the prices: 19/119 of each line and of shipping).
    const columns = [
      "orderShipping",
      "orderTax",
      "taxesIncluded",
      "lineTax",
      "shippingMethod",
      "shippingMethodTitle",
      "shippingName",
      "shippingCompany",
      "shippingAddress1",
      "shippingAddress2",
      "shippingCity",
      "shippingProvince",
      "shippingZip",
      "shippingCountry",
      "fulfillmentStatus",
      "trackingNumbers",
    ];
    expect(rows.map((r) => columns.map((c) => r[c]))).toEqual([
      // 36.00 → 5.75; express 9.90 → 1.58.
      [
        "9.90",
        "7.33",
        "true",
        "5.75",
        "express",
        "Express, next day",
        "Ada Vogel",
        "",
        "Torstraße 1",
        "",
        "Berlin",
        "",
        "10115",
        "DE",
        "PARTIALLY_FULFILLED",
        "1Z999AA10123456784",
      ],
      ["0.00", "0.00", "true", "0.00", "", "", "", "", "", "", "", "", "", "", "UNFULFILLED", ""],
      // 24.00 → 3.83, 9.90 → 1.58; standard is free from 30.00.
      [
        "0.00",
        "5.41",
        "true",
        "3.83",
        "standard",
        "Standard",
        "Ada Vogel",
        'Vogel, "Söhne" & Co.',
        "Torstraße 1",
        'Hinterhaus, 2. OG\nc/o "Studio Nord"',
        "Berlin",
        "",
        "10115",
        "DE",
        "FULFILLED",
        "00340434161234567890|00340434161234567891",
      ],
      [
        "0.00",
        "5.41",
        "true",
        "1.58",
        "standard",
        "Standard",
        "Ada Vogel",
        'Vogel, "Söhne" & Co.',
        "Torstraße 1",
        'Hinterhaus, 2. OG\nc/o "Studio Nord"',
        "Berlin",
        "",
        "10115",
        "DE",
        "FULFILLED",
        "00340434161234567890|00340434161234567891",
      ],
    ]);
    // The raw CSV: RFC 4180 quoting (doubled quotes, the line break inside the quotes).
    expect(text).toContain(
      ',"Vogel, ""Söhne"" & Co.",Torstraße 1,"Hinterhaus, 2. OG\nc/o ""Studio Nord""",Berlin,,10115,DE,',
    );
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
      // Nothing written before the refusal: no CSV header on stdout, no file.
      expect(result.stdout).toBe("");
      const file = join(tmp, `refused-${randomUUID()}.csv`);
      const toFile = await runCli(["export-orders", ...connection.slice(0, -1), token, "--out", file]);
      expect(toFile.code).toBe(2);
      expect(existsSync(file)).toBe(false);
    }
    const badStatus = await runCli(["export-orders", ...connection, "--status", "SHIPPED"]);
    expect([badStatus.code, badStatus.stderr]).toEqual([
      2,
      expect.stringContaining("option '--status <list>' argument 'SHIPPED' is invalid"),
    ]);
  });
});
