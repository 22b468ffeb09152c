/**
 * The database refuses what must never happen, whatever code writes it: stock below zero,
 * negative amounts, refunds above what was paid, a second order per (cart, shop, checkout).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@shoppable/db/testing";

let db: TestDatabase;
let variantId: string;
let orderId: string;
let cartId: string;
let shopId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  const shop = await db.prisma.shop.create({
    data: { handle: "constraints", name: "Constraints", currencyCode: "EUR" },
  });
  shopId = shop.id;
  const product = await db.prisma.product.create({
    data: {
      shopId,
      handle: "constrained",
      title: "Constrained",
      currencyCode: "EUR",
      totalInventory: 2,
      variants: {
        create: { title: "Default", position: 0, price: 1000, selectedOptions: [], inventoryQuantity: 2 },
      },
    },
    include: { variants: true },
  });
  variantId = product.variants[0]!.id;
  const cart = await db.prisma.cart.create({
    data: { expiresAt: new Date(Date.now() + 86_400_000), currencyCode: "EUR" },
  });
  cartId = cart.id;
  const order = await db.prisma.order.create({
    data: {
      shopId,
      cartId,
      currencyCode: "EUR",
      subtotal: 1000,
      total: 1000,
      checkoutKey: "checkout:key:anonymous:k1",
      lines: {
        create: {
          productTitle: "Constrained",
          variantTitle: "Default",
          unitPrice: 1000,
          quantity: 1,
          total: 1000,
        },
      },
    },
  });
  orderId = order.id;
});
afterAll(() => db?.close());

/** The SQLSTATE of the error `write` fails with. */
async function refusal(write: () => Promise<unknown>): Promise<string> {
  try {
    await write();
  } catch (error) {
    const e = error as {
      code?: string;
      meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
      message?: string;
    };
    return e.meta?.driverAdapterError?.cause?.originalCode ?? e.code ?? String(e.message);
  }
  throw new Error("the write was accepted");
}

describe("database constraints", () => {
  it("refuse stock below zero, even from an unconditional UPDATE", async () => {
    expect(
      await refusal(
        () =>
          db.prisma
            .$executeRaw`UPDATE "ProductVariant" SET "inventoryQuantity" = "inventoryQuantity" - 3 WHERE "id" = ${variantId}::uuid`,
      ),
    ).toBe("23514");
    expect(
      await refusal(() => db.prisma.product.updateMany({ where: { shopId }, data: { totalInventory: -1 } })),
    ).toBe("23514");
    expect(
      (await db.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).inventoryQuantity,
    ).toBe(2);
  });

  it("refuse negative prices and amounts", async () => {
    expect(
      await refusal(() => db.prisma.productVariant.update({ where: { id: variantId }, data: { price: -1 } })),
    ).toBe("23514");
    expect(await refusal(() => db.prisma.order.update({ where: { id: orderId }, data: { total: -5 } }))).toBe(
      "23514",
    );
    expect(
      await refusal(() => db.prisma.orderLine.updateMany({ where: { orderId }, data: { quantity: 0 } })),
    ).toBe("23514");
    expect(
      await refusal(() =>
        db.prisma.payment.create({
          data: {
            orderId,
            provider: "test",
            idempotencyKey: "neg",
            amount: -100,
            currencyCode: "EUR",
            status: "PENDING",
          },
        }),
      ),
    ).toBe("23514");
    expect(
      await refusal(() =>
        db.prisma.cartLine.create({ data: { cartId, variantId, quantity: 0, attributionKey: "|||" } }),
      ),
    ).toBe("23514");
  });

  it("refuse a refund above what was paid", async () => {
    expect(
      await refusal(() => db.prisma.order.update({ where: { id: orderId }, data: { refundedTotal: 1001 } })),
    ).toBe("23514");
    expect(
      await refusal(() =>
        db.prisma.orderLine.updateMany({ where: { orderId }, data: { refundedQuantity: 2 } }),
      ),
    ).toBe("23514");
    await db.prisma.payment.create({
      data: {
        orderId,
        provider: "test",
        idempotencyKey: "paid",
        amount: 1000,
        currencyCode: "EUR",
        status: "CAPTURED",
      },
    });
    expect(
      await refusal(() =>
        db.prisma.payment.update({ where: { idempotencyKey: "paid" }, data: { refundedAmount: 1001 } }),
      ),
    ).toBe("23514");
  });

  it("refuse a second order for one cart, shop and checkout", async () => {
    const again = () =>
      db.prisma.order.create({
        data: {
          shopId,
          cartId,
          currencyCode: "EUR",
          subtotal: 1000,
          total: 1000,
          checkoutKey: "checkout:key:anonymous:k1",
        },
      });
    expect(await refusal(again)).toMatch(/^(23505|P2002)$/);
    // Another checkout of the cart (after a release) may place its own.
    await db.prisma.order.create({
      data: {
        shopId,
        cartId,
        currencyCode: "EUR",
        subtotal: 1000,
        total: 1000,
        checkoutKey: "checkout:key:anonymous:k2",
      },
    });
  });
});
