/**
 * Who may see and change posts. Visibility is a Prisma `where` built from the request alone
 * (no query), so every read path (post, node, lists, tags) filters in the same statement.
 */
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { isPlatform } from "../identity/service.ts";
import { requestCache } from "../shared/loader.ts";

/**
 * The posts the caller may see: never deleted ones (unless `includeDeleted`, which services
 * use to tell POST_DELETED from NOT_FOUND); PUBLIC ones; FOLLOWERS ones when the caller
 * follows the author (a creator's post) or the shop (a shop's post); all of their own and of
 * the shops they are a member of; everything for the platform.
 */
export function visiblePostWhere(
  ctx: Context,
  options: { includeDeleted?: boolean } = {},
): Prisma.PostWhereInput {
  const deleted: Prisma.PostWhereInput = options.includeDeleted ? {} : { deletedAt: null };
  if (isPlatform(ctx)) return deleted;
  const visible: Prisma.PostWhereInput[] = [{ visibility: "PUBLIC" }];
  const user = ctx.user;
  if (user) {
    visible.push(
      { authorId: user.id },
      { visibility: "FOLLOWERS", shopId: null, author: { followers: { some: { followerId: user.id } } } },
      { visibility: "FOLLOWERS", shop: { followers: { some: { followerId: user.id } } } },
    );
    if (user.roles.includes("MERCHANT")) visible.push({ shop: { members: { some: { userId: user.id } } } });
  }
  return { ...deleted, OR: visible };
}

/**
 * The product tags whose product the caller may see, matching the catalog's rule (active
 * products, plus unpublished ones of the shops the caller manages with a secret key), so a
 * tag never leads to a product the Product type would refuse.
 */
export function visibleTagWhere(ctx: Context): Prisma.ProductTagWhereInput {
  if (isPlatform(ctx)) return {};
  const visible: Prisma.ProductTagWhereInput[] = [{ product: { status: "ACTIVE" } }];
  if (ctx.key.kind === "SECRET" && ctx.user?.roles.includes("MERCHANT")) {
    visible.push({ product: { shop: { members: { some: { userId: ctx.user.id } } } } });
  }
  return { OR: visible };
}

/** Whether the caller is a merchant member of the shop (any key), or the platform. */
export async function canPostForShop(ctx: Context, shopId: string): Promise<boolean> {
  if (isPlatform(ctx)) return true;
  if (!ctx.user?.roles.includes("MERCHANT")) return false;
  const member = await ctx.db.shopMember.findUnique({
    where: { shopId_userId: { shopId, userId: ctx.user.id } },
    select: { shopId: true },
  });
  return member !== null;
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
  if (!ctx.user) return false;
  if (post.shopId === null) return post.authorId === ctx.user.id;
  return canPostForShop(ctx, post.shopId);
}

const membershipsByRequest = requestCache<Promise<string[]>>();

/** The shops the caller is a merchant member of (one query per request at most). */
export function memberShopIds(ctx: Context): Promise<string[]> {
  let found = membershipsByRequest.get(ctx);
  if (!found) {
    const user = ctx.user;
    found = user?.roles.includes("MERCHANT")
      ? ctx.db.shopMember
          .findMany({ where: { userId: user.id }, select: { shopId: true } })
          .then((rows) => rows.map((r) => r.shopId))
      : Promise.resolve([]);
    membershipsByRequest.set(ctx, found);
  }
  return found;
}

/**
 * Whether the caller may read a post's analytics (tag taps and add-to-carts): the platform,
 * the author of a creator's post, the members of a shop's post's shop.
 */
export async function canReadPostStats(
  ctx: Context,
  post: { authorId: string; shopId: string | null },
): Promise<boolean> {
  if (isPlatform(ctx)) return true;
  if (!ctx.user) return false;
  if (post.shopId === null) return post.authorId === ctx.user.id;
  return (await memberShopIds(ctx)).includes(post.shopId);
}
