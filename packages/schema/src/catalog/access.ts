/** Who may see what in the catalog, memoised per request. */
import type { Context } from "../context.ts";
import type { ProductStatus } from "../generated/prisma/enums.ts";
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

/** Active products are public; others only to those who manage their shop. */
export async function canSeeProduct(ctx: Context, product: { shopId: string; status: ProductStatus }): Promise<boolean> {
  return product.status === "ACTIVE" || managesShop(ctx, product.shopId);
}
