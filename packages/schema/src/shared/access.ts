/**
 * Who may do what, in one place (Vendure's `@Allow` and Pothos scope-auth are the models).
 *
 * This module owns who the caller is as far as permissions go (API key kind, the platform,
 * roles, the shops they are a member of and with which role), the Pothos scope-auth scopes,
 * whether the caller manages a shop, and the rules several domains share (unpublished products,
 * posts, carts). Domains keep the rules about their own data (orders, webhook endpoints, a
 * post's stats) but build them from what this module answers: no domain reads roles, key kinds
 * or ShopMember rows to decide a permission itself. A new role changes this file.
 *
 * The caller's shop memberships are read at most once per request (one statement, and only for
 * a MERCHANT user when a rule needs them) and cached on the request (`requestCache`, which a
 * subscription empties before each event). Rules that run inside a list's own statement use
 * the `...Where` forms instead, which need no query.
 */
import type { Prisma, PrismaClient } from "@shoppable/db/client";
import type { ApiKeyKind, ProductStatus, Role, ShopMemberRole } from "@shoppable/db/enums";
import type { Context } from "../context.ts";
import { forbidden } from "./errors.ts";
import { requestCache } from "./loader.ts";

// ───────────── the caller ─────────────

/** Anything with roles: the caller's user, or a user row read for a rule (a host, a creator). */
type WithRoles = { roles: readonly Role[] };

/** Whether `user` has any of the `wanted` roles (false for no user). */
export function hasRole(user: WithRoles | null | undefined, ...wanted: Role[]): boolean {
  return user?.roles.some((r) => wanted.includes(r)) ?? false;
}

/** The platform: a secret key acting on its own (the platform's server), or for an ADMIN user. */
export function isPlatform(ctx: Context): boolean {
  return ctx.key.kind === "SECRET" && (ctx.user === null || hasRole(ctx.user, "ADMIN"));
}

/** Whether the caller is the user `userId` (a user token naming them, with any key). */
export function isUser(ctx: Context, userId: string): boolean {
  return ctx.user !== null && ctx.user.id === userId;
}

/** Whether the caller is the user `userId` or an ADMIN user (any key): who reads a user's private fields. */
export function isSelfOrAdmin(ctx: Context, userId: string): boolean {
  return isUser(ctx, userId) || hasRole(ctx.user, "ADMIN");
}

/** Who the caller is as far as permissions go. Shop memberships are asked for separately (they cost a query). */
export interface Caller {
  /** The app credential's kind: SECRET (server-to-server) or PUBLISHABLE. */
  key: ApiKeyKind;
  /** The user a verified token names; null without a user token. */
  userId: string | null;
  /** A secret key acting on its own, or for an ADMIN user: `isPlatform`. */
  platform: boolean;
  admin: boolean;
  /** A MERCHANT user: manages (with a secret key) and posts for the shops they are a member of. */
  merchant: boolean;
  creator: boolean;
  buyer: boolean;
  /** Neither a user token nor a secret key: a publishable key alone. */
  anonymous: boolean;
}

export function callerOf(ctx: Context): Caller {
  return {
    key: ctx.key.kind,
    userId: ctx.user?.id ?? null,
    platform: isPlatform(ctx),
    admin: hasRole(ctx.user, "ADMIN"),
    merchant: hasRole(ctx.user, "MERCHANT"),
    creator: hasRole(ctx.user, "CREATOR"),
    buyer: hasRole(ctx.user, "BUYER"),
    anonymous: ctx.user === null && ctx.key.kind === "PUBLISHABLE",
  };
}

/** The Pothos scope-auth scopes (builder.ts): `authScopes: { secretKey: true }` on a field asks these. */
export interface AuthScopes {
  /** A secret (server-to-server) API key. */
  secretKey: boolean;
  /** A verified user token. */
  user: boolean;
  creator: boolean;
  merchant: boolean;
  admin: boolean;
}

export function authScopesOf(ctx: Context): AuthScopes {
  const caller = callerOf(ctx);
  return {
    secretKey: caller.key === "SECRET",
    user: caller.userId !== null,
    creator: caller.creator,
    merchant: caller.merchant,
    admin: caller.admin,
  };
}

// ───────────── shops ─────────────

interface Memberships {
  /** Shop id → the caller's role in it. */
  roles: ReadonlyMap<string, ShopMemberRole>;
  ids: string[];
}

const NO_MEMBERSHIPS: Memberships = { roles: new Map(), ids: [] };
const membershipsByRequest = requestCache<Promise<Memberships>>();

/**
 * The shops the caller is a member of: for a MERCHANT user, one statement per request at most
 * (cached on the request; a failed read is forgotten, so a retry reads again); none otherwise.
 */
function memberships(ctx: Context): Promise<Memberships> {
  const user = ctx.user;
  if (!hasRole(user, "MERCHANT") || user === null) return Promise.resolve(NO_MEMBERSHIPS);
  const cached = membershipsByRequest.get(ctx);
  if (cached) return cached;
  const found = ctx.db.shopMember
    .findMany({ where: { userId: user.id }, select: { shopId: true, role: true } })
    .then((rows) => ({
      roles: new Map(rows.map((r) => [r.shopId, r.role])),
      ids: rows.map((r) => r.shopId),
    }));
  found.catch(() => {
    if (membershipsByRequest.get(ctx) === found) membershipsByRequest.delete(ctx);
  });
  membershipsByRequest.set(ctx, found);
  return found;
}

/** Forgets the caller's cached memberships, after a write that changed them (a merchant creating a shop). */
export function forgetMemberships(ctx: Context): void {
  membershipsByRequest.delete(ctx);
}

/** The caller's role in the shop (a MERCHANT user's membership, with any key); null when not a member. */
export async function shopRoleOf(ctx: Context, shopId: string): Promise<ShopMemberRole | null> {
  return (await memberships(ctx)).roles.get(shopId) ?? null;
}

/** The shops the caller is a merchant member of, with any key (posting for a shop, seeing its posts). */
export async function memberShopIds(ctx: Context): Promise<string[]> {
  return (await memberships(ctx)).ids;
}

/** Whether the caller is a merchant member of the shop, with any key. */
export async function isShopMember(ctx: Context, shopId: string): Promise<boolean> {
  return (await memberships(ctx)).roles.has(shopId);
}

/**
 * Ids of the shops the caller manages (their unpublished products, stock, orders, codes,
 * endpoints); `"all"` for the platform. Managing needs a secret key: then the platform manages
 * every shop and a MERCHANT user the shops they are a member of. Publishable keys manage none.
 */
export async function manageableShopIds(ctx: Context): Promise<string[] | "all"> {
  if (ctx.key.kind !== "SECRET") return [];
  if (isPlatform(ctx)) return "all";
  return memberShopIds(ctx);
}

/** Whether the caller manages the shop (see `manageableShopIds`): from the request's cache after the first check. */
export async function canManageShop(ctx: Context, shopId: string): Promise<boolean> {
  if (ctx.key.kind !== "SECRET") return false;
  if (isPlatform(ctx)) return true;
  return isShopMember(ctx, shopId);
}

/**
 * `manageableShopIds` as a Prisma filter on shops, for rules that run in a list's own statement
 * (no query): `"all"` for the platform, null when the caller manages none.
 */
export function managedShopWhere(ctx: Context): Prisma.ShopWhereInput | "all" | null {
  if (ctx.key.kind !== "SECRET") return null;
  if (isPlatform(ctx)) return "all";
  return memberShopWhere(ctx);
}

/** `memberShopIds` as a Prisma filter on shops (no query); null when the caller is no merchant. */
export function memberShopWhere(ctx: Context): Prisma.ShopWhereInput | null {
  const user = ctx.user;
  return user !== null && hasRole(user, "MERCHANT") ? { members: { some: { userId: user.id } } } : null;
}

/**
 * Whether `user` (any user, such as the host the platform names) is a MERCHANT member of the
 * shop: one lookup, none when they are no MERCHANT.
 */
export async function isMerchantOf(
  db: PrismaClient,
  user: { id: string } & WithRoles,
  shopId: string,
): Promise<boolean> {
  if (!hasRole(user, "MERCHANT")) return false;
  const member = await db.shopMember.findUnique({
    where: { shopId_userId: { shopId, userId: user.id } },
    select: { userId: true },
  });
  return member !== null;
}

// ───────────── rules several domains share ─────────────

/** What decides who sees a product: its status, whether moderation hid it, and its shop. */
export interface ProductVisibility {
  shopId: string;
  status: ProductStatus;
  /** Set while moderation hides it (community/moderation.service.ts). */
  hiddenAt: Date | null;
}

/** Whether everyone may see the product: ACTIVE and not hidden by moderation. */
export function isPublicProduct(product: Pick<ProductVisibility, "status" | "hiddenAt">): boolean {
  return product.status === "ACTIVE" && product.hiddenAt === null;
}

/** Public products (active, not hidden) to everyone; others only to those who manage their shop. */
export async function canSeeProduct(ctx: Context, product: ProductVisibility): Promise<boolean> {
  return isPublicProduct(product) || canManageShop(ctx, product.shopId);
}

/**
 * `canSeeProduct` as a Prisma `where`, for lookups by id (`node`) of products and what only
 * shows with its product (variants, options, media, live pins, tags): a hidden one is not loaded.
 */
export async function visibleProductWhere(ctx: Context): Promise<Prisma.ProductWhereInput> {
  const managed = await manageableShopIds(ctx);
  return managed === "all" ? {} : { OR: [{ status: "ACTIVE", hiddenAt: null }, { shopId: { in: managed } }] };
}

/**
 * The posts the caller may see, as a Prisma `where` built from the request alone (no query), so
 * every read path (post, node, lists, tags, cart attribution) filters in the same statement:
 * never deleted ones (unless `includeDeleted`, which services use to tell POST_DELETED from
 * NOT_FOUND); PUBLIC ones; FOLLOWERS ones when the caller follows the author (a creator's post)
 * or the shop (a shop's post); all of their own and of the shops they are a member of;
 * everything for the platform.
 */
export function visiblePostWhere(
  ctx: Context,
  options: { includeDeleted?: boolean } = {},
): Prisma.PostWhereInput {
  const deleted: Prisma.PostWhereInput = options.includeDeleted ? {} : { deletedAt: null };
  if (isPlatform(ctx)) return deleted;
  // Hidden by moderation: for its author and its shop's members only.
  const visible: Prisma.PostWhereInput[] = [{ visibility: "PUBLIC", hiddenAt: null }];
  const user = ctx.user;
  if (user) {
    visible.push(
      { authorId: user.id },
      {
        visibility: "FOLLOWERS",
        hiddenAt: null,
        shopId: null,
        author: { followers: { some: { followerId: user.id } } },
      },
      { visibility: "FOLLOWERS", hiddenAt: null, shop: { followers: { some: { followerId: user.id } } } },
    );
    const member = memberShopWhere(ctx);
    if (member) visible.push({ shop: member });
  }
  return { ...deleted, OR: visible };
}

/**
 * The live sessions the caller may see: those not hidden by moderation; hidden ones only to their
 * host, their shop's members and the platform. A `where` built from the request alone.
 */
export function visibleLiveSessionWhere(ctx: Context): Prisma.LiveSessionWhereInput {
  if (isPlatform(ctx)) return {};
  const visible: Prisma.LiveSessionWhereInput[] = [{ hiddenAt: null }];
  if (ctx.user) visible.push({ hostId: ctx.user.id });
  const member = memberShopWhere(ctx);
  if (member) visible.push({ shop: member });
  return { OR: visible };
}

/** `visibleLiveSessionWhere` for one hidden session already read: its host, its shop's members, the platform. */
export async function canSeeHiddenSession(
  ctx: Context,
  session: { hostId: string; shopId: string | null },
): Promise<boolean> {
  return (
    isPlatform(ctx) ||
    isUser(ctx, session.hostId) ||
    (session.shopId !== null && ctx.user !== null && (await isShopMember(ctx, session.shopId)))
  );
}

/**
 * Who holds a cart, as the alternatives of a Prisma `where`: an anonymous cart anyone holding
 * its id (the id is its bearer secret), an owned cart only its owner.
 */
export function cartHolderWhere(ctx: Context): Prisma.CartWhereInput[] {
  return ctx.user ? [{ userId: null }, { userId: ctx.user.id }] : [{ userId: null }];
}

/** Throws FORBIDDEN when the cart belongs to a user other than the caller (`cartHolderWhere`). */
export function assertCartHolder(ctx: Context, cart: { userId: string | null }): void {
  if (cart.userId !== null && !isUser(ctx, cart.userId))
    throw forbidden("This cart belongs to another user.");
}
