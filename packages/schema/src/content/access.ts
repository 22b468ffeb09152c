/**
 * Who may change posts, read their stats and see their product tags: the content domain's own
 * rules, built from shared/access.ts (the platform, the author, a shop's members). Which posts
 * the caller may see is shared/access.ts's `visiblePostWhere` (the cart reads it too).
 */
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { isPlatform, isShopMember, isUser, managedShopWhere } from "../shared/access.ts";

/**
 * The product tags whose product the caller may see, matching the catalog's rule (active
 * products, plus unpublished ones of the shops the caller manages with a secret key), so a
 * tag never leads to a product the Product type would refuse. A `where` built from the
 * request alone (no query).
 */
export function visibleTagWhere(ctx: Context): Prisma.ProductTagWhereInput {
  const managed = managedShopWhere(ctx);
  if (managed === "all") return {};
  const visible: Prisma.ProductTagWhereInput[] = [{ product: { status: "ACTIVE", hiddenAt: null } }];
  if (managed) visible.push({ product: { shop: managed } });
  return { OR: visible };
}

/** Whether the caller is a merchant member of the shop (any key), or the platform. */
export async function canPostForShop(ctx: Context, shopId: string): Promise<boolean> {
  return isPlatform(ctx) || isShopMember(ctx, shopId);
}

/**
 * Whether the caller may change or delete a post: the platform; for a creator's post its
 * author; for a shop's post the shop's merchant members.
 */
export async function canEditPost(
  ctx: Context,
  post: { authorId: string; shopId: string | null },
): Promise<boolean> {
  if (isPlatform(ctx)) return true;
  if (post.shopId === null) return isUser(ctx, post.authorId);
  return isShopMember(ctx, post.shopId);
}

/**
 * Whether the caller may read a post's analytics (tag taps and add-to-carts): the platform,
 * the author of a creator's post, the members of a shop's post's shop.
 */
export async function canReadPostStats(
  ctx: Context,
  post: { authorId: string; shopId: string | null },
): Promise<boolean> {
  return canEditPost(ctx, post);
}
