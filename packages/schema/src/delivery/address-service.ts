/**
 * The buyer's address book. Writes for one user are serialised by locking the user's row, so
 * the book limit and the single default hold under concurrent requests (a partial unique index
 * backs the default).
 */
import type { Prisma } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import { inTransaction, Rollback } from "../shared/transaction.ts";
import { succeeded, type PayloadShape } from "../shared/payload.ts";
import { type UserErrorShape, userError } from "../shared/user-error.ts";
import type { AddressErrorCode } from "./errors.ts";
import { ADDRESS_LIMITS, type MailingAddressShape } from "./address-rules.ts";

type Tx = Prisma.TransactionClient;

async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
}

/** Saves an address for the user; the first one, or one marked `isDefault`, becomes the default. */
export function createAddress(
  ctx: Context,
  userId: string,
  address: MailingAddressShape,
  isDefault: boolean,
): Promise<PayloadShape> {
  return inTransaction(ctx, async (tx) => {
    await lockUser(tx, userId);
    const count = await tx.buyerAddress.count({ where: { userId } });
    if (count >= ADDRESS_LIMITS.book)
      throw new Rollback([
        userError("TOO_MANY_ADDRESSES", `An address book holds at most ${ADDRESS_LIMITS.book} addresses.`),
      ]);
    const makeDefault = isDefault || count === 0;
    if (makeDefault)
      await tx.buyerAddress.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
    const row = await tx.buyerAddress.create({
      data: { ...address, userId, isDefault: makeDefault },
      select: { id: true },
    });
    return succeeded(row.id);
  });
}

/**
 * Replaces a saved address (all fields, validated as a whole) and/or makes it the default.
 * `isDefault: false` on the default leaves the book without one.
 */
export function updateAddress(
  ctx: Context,
  userId: string,
  id: string,
  change: { address: MailingAddressShape | null; isDefault: boolean | null },
): Promise<PayloadShape> {
  return inTransaction(ctx, async (tx) => {
    await lockUser(tx, userId);
    const found = await tx.buyerAddress.findFirst({ where: { id, userId }, select: { id: true } });
    if (!found) throw new Rollback([userError("NOT_FOUND", "No address of the viewer has this ID.", ["id"])]);
    if (change.isDefault === true)
      await tx.buyerAddress.updateMany({
        where: { userId, isDefault: true, NOT: { id } },
        data: { isDefault: false },
      });
    await tx.buyerAddress.update({
      where: { id },
      data: {
        ...(change.address ?? {}),
        ...(change.isDefault !== null ? { isDefault: change.isDefault } : {}),
      },
    });
    return succeeded(id);
  });
}

/** Deletes a saved address; when it was the default, the newest remaining one becomes it. */
export async function deleteAddress(
  ctx: Context,
  userId: string,
  id: string,
): Promise<{ deletedId: string | null; errors: UserErrorShape<AddressErrorCode>[] }> {
  const result = await inTransaction(ctx, async (tx) => {
    await lockUser(tx, userId);
    const found = await tx.buyerAddress.findFirst({ where: { id, userId }, select: { isDefault: true } });
    if (!found) throw new Rollback([userError("NOT_FOUND", "No address of the viewer has this ID.", ["id"])]);
    await tx.buyerAddress.delete({ where: { id } });
    if (found.isDefault) {
      const next = await tx.buyerAddress.findFirst({
        where: { userId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      if (next) await tx.buyerAddress.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    return succeeded(id);
  });
  return { deletedId: result.id, errors: result.userErrors as UserErrorShape<AddressErrorCode>[] };
}
