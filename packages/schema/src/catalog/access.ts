/** Who may see what in the catalog, memoised per request. */
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import type { ProductStatus } from "@shoppable/db/enums";
import { manageableShopIds } from "../identity/service.ts";
import { requestCache } from "../shared/loader.ts";

const managedByRequest = requestCache<Promise<string[] | "all">>();

/** The shops whose unpublished products and stock the caller may read (one query at most). */
export function managedShops(ctx: Context): Promise<string[] | "all"> {
  let found = managedByRequest.get(ctx);
  if (!found) {
    found = manageableShopIds(ctx);
    managedByRequest.set(ctx, found);
  }
  return found;
}

export async function managesShop(ctx: Context, shopId: string): Promise<boolean> {
  const managed = await managedShops(ctx);
  return managed === "all" || managed.includes(shopId);
}

/**
 * `canSeeProduct` as a Prisma `where`, for lookups by id (`node`) of products and what only
 * shows with its product (variants, options, media, live pins): a hidden one is not loaded.
 */
export async function visibleProductWhere(ctx: Context): Promise<Prisma.ProductWhereInput> {
  const managed = await managedShops(ctx);
  return managed === "all" ? {} : { OR: [{ status: "ACTIVE" }, { shopId: { in: managed } }] };
}

/** Active products are public; others only to those who manage their shop. */
export async function canSeeProduct(
  ctx: Context,
  product: { shopId: string; status: ProductStatus },
): Promise<boolean> {
  return product.status === "ACTIVE" || managesShop(ctx, product.shopId);
}
