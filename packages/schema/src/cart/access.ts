/** Who may read and change a cart. */
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { forbidden } from "../shared/errors.ts";

/** Carts expire this long after their last change. */
export const CART_LIFETIME_MS = 30 * 24 * 3600 * 1000;

export function cartExpiry(from = new Date()): Date {
  return new Date(from.getTime() + CART_LIFETIME_MS);
}

/**
 * The carts the caller may read: unexpired and not merged away; an anonymous cart by anyone
 * holding its id (the id is its bearer secret), an owned cart only by its owner.
 */
export function cartVisibleWhere(ctx: Context, now = new Date()): Prisma.CartWhereInput {
  return {
    expiresAt: { gt: now },
    status: { not: "MERGED" },
    OR: ctx.user ? [{ userId: null }, { userId: ctx.user.id }] : [{ userId: null }],
  };
}

/** Throws FORBIDDEN when the cart belongs to a user other than the caller. */
export function assertCartHolder(ctx: Context, cart: { userId: string | null }): void {
  if (cart.userId !== null && cart.userId !== ctx.user?.id)
    throw forbidden("This cart belongs to another user.");
}

/** The key per-buyer discount limits count by: the user, else the email; null when unknown. */
export function buyerKeyOf(buyer: { userId: string | null; email: string | null }): string | null {
  if (buyer.userId) return `user:${buyer.userId}`;
  return buyer.email ? `email:${buyer.email.toLowerCase()}` : null;
}
