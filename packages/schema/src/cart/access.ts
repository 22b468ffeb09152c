/** Which carts the caller may read (who holds a cart is shared/access.ts's), how long they live, whose they are. */
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { cartHolderWhere } from "../shared/access.ts";

/** Carts expire this long after their last change. */
export const CART_LIFETIME_MS = 30 * 24 * 3600 * 1000;

export function cartExpiry(from = new Date()): Date {
  return new Date(from.getTime() + CART_LIFETIME_MS);
}

/**
 * The carts the caller may read: unexpired and not merged away, held by the caller
 * (`cartHolderWhere`: an anonymous cart by anyone holding its id, an owned cart by its owner).
 */
export function cartVisibleWhere(ctx: Context, now = new Date()): Prisma.CartWhereInput {
  return { expiresAt: { gt: now }, status: { not: "MERGED" }, OR: cartHolderWhere(ctx) };
}

/** The key per-buyer discount limits count by: the user, else the email; null when unknown. */
export function buyerKeyOf(buyer: { userId: string | null; email: string | null }): string | null {
  if (buyer.userId) return `user:${buyer.userId}`;
  return buyer.email ? `email:${buyer.email.toLowerCase()}` : null;
}
