import type { Prisma } from "@shoppable/db/client";
import { describe, expect, it } from "vitest";
import { insertRows, type Columns, type RowOf } from "./raw-insert.ts";
import { ORDER_INSERT } from "./reservation.ts";

// The type rules, checked by `tsc` (`pnpm typecheck`): an @ts-expect-error that stops erring
// fails it. `OrderInput` has the shape Prisma gives a create input (here a fixed one, so that
// schema changes do not touch this test): shopId, currencyCode, subtotal and total are required,
// the rest have defaults or are nullable, and updatedAt is filled by Prisma, not the database.
type OrderInput = {
  id?: string;
  shopId: string;
  email?: string | null;
  currencyCode: string;
  subtotal: number;
  total: number;
  createdAt?: Date | string;
  updatedAt?: Date | string;
};
const columns = <Input, Also extends keyof Input = never>(c: Columns<Input, Also>) => c;
const complete = { shopId: "uuid", currencyCode: "text", subtotal: "int", total: "int" } as const;
columns<OrderInput>(complete);
columns<OrderInput, "updatedAt">({ ...complete, email: "text", updatedAt: "timestamp" });
const { shopId: _, ...withoutShop } = complete;
// @ts-expect-error a required column (shopId) is missing
columns<OrderInput>(withoutShop);
// @ts-expect-error the model has no such column
columns<OrderInput>({ ...complete, shopName: "text" });
// @ts-expect-error updatedAt, named in Also, must be written
columns<OrderInput, "updatedAt">(complete);
// @ts-expect-error a column is read as a PostgreSQL type
columns<OrderInput>({ ...complete, total: "integer" });

// @ts-expect-error the same with Prisma's own input: Order requires shopId
columns<Prisma.OrderCreateManyInput>(withoutShop);

type Row = RowOf<OrderInput, typeof complete>;
const row: Row = { shopId: "shop", currencyCode: "EUR", subtotal: 100, total: 100 };
// @ts-expect-error a row carries every declared column
const partial: Row = { shopId: "shop" };
// @ts-expect-error with Prisma's type
const wrongType: Row = { ...row, subtotal: "100" };

describe("insertRows", () => {
  it("inserts the declared columns, in order, from one JSON parameter; instants as UTC wall time", () => {
    const at = new Date("2026-06-01T12:00:00.000Z");
    const sql = insertRows(
      "Payment",
      { id: "uuid", status: '"PaymentStatus"', createdAt: "timestamp" } as const,
      [{ id: "p-1", status: "PENDING", createdAt: at }],
    );
    expect(sql.text.replace(/\s+/g, " ")).toBe(
      `INSERT INTO "Payment" ("id", "status", "createdAt") SELECT x."id", x."status", (x."createdAt" AT TIME ZONE 'UTC') ` +
        `FROM jsonb_to_recordset($1::jsonb) AS x("id" uuid, "status" "PaymentStatus", "createdAt" timestamptz)`,
    );
    expect(sql.values).toEqual([JSON.stringify([{ id: "p-1", status: "PENDING", createdAt: at }])]);
    expect(JSON.parse(sql.values[0] as string)[0].createdAt).toBe("2026-06-01T12:00:00.000Z");
  });

  it("writes every column RESERVE declares for Order", () => {
    expect(insertRows("Order", ORDER_INSERT, []).text).toContain(
      `("id", "shopId", "buyerId", "cartId", "email", "countryCode", "status", "currencyCode", "subtotal", "discountTotal", "shippingTotal", "taxTotal", "taxesIncluded", "total", "shippingAddress", "shippingLine", "taxLines", "checkoutKey", "createdAt", "updatedAt")`,
    );
  });

  it("refuses a table, column or type name that is not a plain identifier", () => {
    expect(() => insertRows(`Order"; DROP TABLE "Order`, { id: "uuid" } as const, [])).toThrow(
      /not a column name/,
    );
    expect(() => insertRows("Order", { 'id" uuid); --': "uuid" } as const, [])).toThrow(/not a column name/);
    // A quoted enum name passes the type, so the text is checked too.
    expect(() => insertRows("Order", { id: '"x" uuid); DROP TABLE "Order"; --"' } as const, [])).toThrow(
      /not a type name/,
    );
  });

  it("keeps the type-only fixtures above", () => {
    expect([partial, wrongType]).toHaveLength(2);
  });
});
