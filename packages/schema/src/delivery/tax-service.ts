/**
 * Tax rates: the platform's (`shopId` null, written by the platform only) and each shop's own
 * (written by its merchants and the platform). One rate per scope, country and province, which
 * `setTaxRate` creates or replaces. Writes of one scope are serialised (the shop's row locked
 * FOR UPDATE; an advisory lock for the platform's rates), so the upsert and the limits hold
 * under concurrent requests; the unique index "TaxRate_scope_key" backs the one rate per scope.
 */
import type { Prisma, TaxRate } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import { canManageShop, isPlatform } from "../shared/access.ts";
import { forbidden } from "../shared/errors.ts";
import { requestLoader } from "../shared/loader.ts";
import { transaction } from "../shared/events.ts";
import { succeeded, type PayloadShape } from "../shared/payload.ts";
import { inTransaction, Rollback, TX_OPTIONS } from "../shared/transaction.ts";
import { userError, type UserErrorShape } from "../shared/user-error.ts";
import type { TaxErrorCode } from "./errors.ts";

type Tx = Prisma.TransactionClient;

export const TAX_LIMITS = {
  /** Rates a shop may have. */
  ratesPerShop: 200,
  /** Rates the platform may have. */
  platformRates: 500,
  name: 60,
  /** 100%, in parts per million. */
  maxRatePpm: 1_000_000,
} as const;

const taxError = (
  code: TaxErrorCode,
  message: string,
  field: (string | number)[] | null = null,
): UserErrorShape<TaxErrorCode> => userError(code, message, field);

/** A rate as the mutation parsed it. */
export interface TaxRateInput {
  /** Null: a platform rate. */
  shopId: string | null;
  countryCode: string;
  /** As MailingAddress.provinceCode holds it ("CA"); null: the whole country. */
  provinceCode: string | null;
  name: string;
  ratePpm: number;
  shippingTaxable: boolean;
}

/**
 * `percentage` ("19", "8.875": at most three digits before the point and four after) in parts
 * per million, exactly: "8.875" → 88750. Null when it is not such a decimal.
 */
export function ratePpmOf(percentage: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(percentage);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, "0"));
}

/** Throws FORBIDDEN unless the caller may write the rates of the scope (a shop, or the platform's). */
async function assertMayWrite(ctx: Context, shopId: string | null): Promise<void> {
  if (shopId === null) {
    if (!isPlatform(ctx)) throw forbidden("Only the platform sets platform tax rates.");
  } else if (!(await canManageShop(ctx, shopId))) {
    throw forbidden("You do not manage this shop.");
  }
}

/** Serialises the writes of a scope's rates until the transaction ends. */
async function lockScope(tx: Tx, shopId: string | null): Promise<void> {
  if (shopId === null) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tax-rates:platform'))`;
  else await tx.$executeRaw`SELECT 1 FROM "Shop" WHERE "id" = ${shopId}::uuid FOR UPDATE`;
}

/**
 * Creates the rate of its scope, country and province, or replaces the one there is (its name,
 * rate and shippingTaxable). Fails with NOT_FOUND (no such shop) and LIMIT_REACHED (a new rate
 * past `TAX_LIMITS`); throws FORBIDDEN when the caller may not write the scope's rates.
 */
export async function setTaxRate(ctx: Context, input: TaxRateInput): Promise<PayloadShape> {
  const { shopId } = input;
  if (shopId !== null) {
    const shop = await ctx.db.shop.findUnique({ where: { id: shopId }, select: { id: true } });
    if (!shop) return { id: null, userErrors: [taxError("NOT_FOUND", "No shop has this ID.", ["shopId"])] };
  }
  await assertMayWrite(ctx, shopId);
  return inTransaction(ctx, async (tx) => {
    await lockScope(tx, shopId);
    const scope = { shopId, countryCode: input.countryCode, provinceCode: input.provinceCode };
    const rate = { name: input.name, ratePpm: input.ratePpm, shippingTaxable: input.shippingTaxable };
    const existing = await tx.taxRate.findFirst({ where: scope, select: { id: true } });
    if (existing) {
      await tx.taxRate.update({ where: { id: existing.id }, data: rate, select: { id: true } });
      return succeeded(existing.id);
    }
    const limit = shopId === null ? TAX_LIMITS.platformRates : TAX_LIMITS.ratesPerShop;
    if ((await tx.taxRate.count({ where: { shopId } })) >= limit)
      throw new Rollback([
        taxError(
          "LIMIT_REACHED",
          shopId === null
            ? `The platform has at most ${limit} tax rates.`
            : `A shop has at most ${limit} tax rates.`,
          shopId === null ? null : ["shopId"],
        ),
      ]);
    const created = await tx.taxRate.create({ data: { ...scope, ...rate }, select: { id: true } });
    return succeeded(created.id);
  });
}

/**
 * Deletes a rate; returns its id. Fails with NOT_FOUND (no such rate, or deleted meanwhile);
 * throws FORBIDDEN as `setTaxRate` does.
 */
export async function deleteTaxRate(
  ctx: Context,
  id: string,
): Promise<{ deletedId: string | null; userErrors: UserErrorShape<TaxErrorCode>[] }> {
  const notFound = {
    deletedId: null,
    userErrors: [taxError("NOT_FOUND", "No tax rate has this ID.", ["id"])],
  };
  const rate = await ctx.db.taxRate.findUnique({ where: { id }, select: { shopId: true } });
  if (!rate) return notFound;
  await assertMayWrite(ctx, rate.shopId);
  const deleted = await transaction(
    ctx,
    async (tx) => {
      await lockScope(tx, rate.shopId);
      return (await tx.taxRate.deleteMany({ where: { id } })).count > 0;
    },
    TX_OPTIONS,
  );
  return deleted ? { deletedId: id, userErrors: [] } : notFound;
}

// ───────────── reads ─────────────

/** How a scope's rates are listed: by country, then the whole country before its provinces. */
export const TAX_RATE_ORDER = [
  { countryCode: "asc" },
  { provinceCode: { sort: "asc", nulls: "first" } },
] as const satisfies Prisma.TaxRateOrderByWithRelationInput[];

/** The query with `shopId` selected (the rows are grouped by it). */
function withShopId(query: { select?: object }): object {
  return query.select ? { ...query, select: { ...query.select, shopId: true } } : query;
}

/**
 * The shops' own rates with the GraphQL selection (`query`), batched per request: one statement
 * for all the shops a selection asks about.
 */
export function shopTaxRates(ctx: Context, query: { select?: object }, shopId: string): Promise<TaxRate[]> {
  return requestLoader<string, TaxRate[]>(
    ctx,
    `shop-tax-rates:${JSON.stringify(query)}`,
    async (shopIds) => {
      const rows = await ctx.db.taxRate.findMany({
        ...withShopId(query),
        where: { shopId: { in: shopIds } },
        orderBy: [...TAX_RATE_ORDER],
      });
      const byShop = new Map<string, TaxRate[]>(shopIds.map((id) => [id, []]));
      for (const row of rows) if (row.shopId !== null) byShop.get(row.shopId)?.push(row);
      // Bounded on write (`TAX_LIMITS.ratesPerShop`); the slice keeps the read bound whatever.
      for (const [id, list] of byShop) byShop.set(id, list.slice(0, TAX_LIMITS.ratesPerShop));
      return byShop;
    },
    [],
  )(shopId);
}
