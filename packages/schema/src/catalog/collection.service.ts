/**
 * Collections: a shop's merchants (or the platform, or a secret key) create, edit and delete
 * them. A MANUAL collection holds the products its merchants add (CollectionProduct rows with
 * dense positions 0..n-1); an AUTOMATIC one holds the products its rules match, evaluated when
 * read (collection-rules.ts). A collection's kind is chosen at creation: rules make it automatic,
 * and it stays so (collectionUpdate on a manual collection with rules is MANUAL_COLLECTION).
 */
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import type { CollectionSortOrder } from "@shoppable/db/enums";
import { canManageShop } from "../shared/access.ts";
import { forbidden, isUniqueViolation } from "../shared/errors.ts";
import { transaction } from "../shared/events.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { userError, type UserErrorShape } from "../shared/user-error.ts";
import { parseDecimalAmount } from "../money.ts";
import type { CatalogErrorCode } from "./errors.ts";
import { createWithHandle } from "./service.ts";
import {
  RULE_RELATIONS,
  type CollectionRuleField,
  type CollectionRuleRelation,
  type StoredCollectionRule,
} from "./collection-rules.ts";

type Tx = Prisma.TransactionClient;
type Field = (string | number)[];

function collectionError(code: CatalogErrorCode, message: string, field?: Field) {
  return userError(code, message, field ?? null);
}

const notFound = (field: Field = ["id"]) =>
  failed([collectionError("NOT_FOUND", "No collection has this id.", field)]);
const handleTaken = () =>
  failed([collectionError("TAKEN", "The handle is taken: choose another.", ["handle"])]);

async function assertCanManageShop(ctx: Context, shopId: string): Promise<void> {
  if (!(await canManageShop(ctx, shopId))) throw forbidden("You do not manage this shop.");
}

export interface CollectionRuleInput {
  field: CollectionRuleField;
  relation: CollectionRuleRelation;
  value: string;
  optionName?: string | undefined;
}

export interface CollectionRuleSetInput {
  appliedDisjunctively: boolean;
  rules: CollectionRuleInput[];
}

/**
 * Checks rules against their fields and turns prices into minor units of `currencyCode`;
 * INVALID_RULE (with the rule's path under `ruleSet.rules`) for each rule that does not fit.
 */
export function storeRules(
  rules: CollectionRuleInput[],
  currencyCode: string,
): { ok: true; rules: StoredCollectionRule[] } | { ok: false; errors: UserErrorShape[] } {
  const errors: UserErrorShape[] = [];
  const stored = rules.map((rule, i): StoredCollectionRule => {
    const path = ["ruleSet", "rules", i];
    const { field, relation, value, optionName } = rule;
    if (!RULE_RELATIONS[field].includes(relation)) {
      errors.push(
        collectionError(
          "INVALID_RULE",
          `A ${field} rule takes ${RULE_RELATIONS[field].join(" or ")}, not ${relation}.`,
          [...path, "relation"],
        ),
      );
    }
    if (optionName !== undefined && field !== "OPTION_VALUE") {
      errors.push(
        collectionError("INVALID_RULE", "Only OPTION_VALUE rules take an optionName.", [
          ...path,
          "optionName",
        ]),
      );
    }
    if (field === "PRICE") {
      const parsed = parseDecimalAmount(value, currencyCode);
      if (!parsed.ok) {
        errors.push(
          collectionError(
            "INVALID_RULE",
            `A PRICE rule's value is a decimal amount of ${currencyCode}, such as "25.00".`,
            [...path, "value"],
          ),
        );
        return { field, relation, value };
      }
      return { field, relation, value: value.trim(), amount: parsed.amount };
    }
    return { field, relation, value, ...(optionName !== undefined ? { optionName } : {}) };
  });
  return errors.length ? { ok: false, errors } : { ok: true, rules: stored };
}

/** The products among `productIds` that are not the shop's, as userErrors at `field`. */
async function strangerProducts(
  db: Context["db"] | Tx,
  shopId: string,
  productIds: string[],
  field: string,
): Promise<UserErrorShape[]> {
  const found = await db.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, shopId: true },
  });
  const shopOf = new Map(found.map((p) => [p.id, p.shopId]));
  return productIds.flatMap((id, i) => {
    const shop = shopOf.get(id);
    if (shop === shopId) return [];
    return shop === undefined
      ? [collectionError("NOT_FOUND", "No product has this id.", [field, i])]
      : [collectionError("PRODUCT_OF_ANOTHER_SHOP", "This product belongs to another shop.", [field, i])];
  });
}

/** Locks a manual collection's row so its positions change one writer at a time. */
async function lockCollection(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Collection" WHERE "id" = ${id}::uuid FOR UPDATE`;
}

/** Appends the products not in the collection yet after its last position (the row is locked). */
async function appendProducts(tx: Tx, collectionId: string, productIds: string[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CollectionProduct" ("collectionId", "productId", "position")
    SELECT ${collectionId}::uuid, n.id,
           (SELECT coalesce(max("position") + 1, 0) FROM "CollectionProduct" WHERE "collectionId" = ${collectionId}::uuid)
             + row_number() OVER (ORDER BY n.ord)::int - 1
    FROM unnest(${productIds}::uuid[]) WITH ORDINALITY AS n(id, ord)
    WHERE NOT EXISTS (SELECT 1 FROM "CollectionProduct" cp
                      WHERE cp."collectionId" = ${collectionId}::uuid AND cp."productId" = n.id)`;
}

/** Rewrites positions as 0..n-1 in their current order (after a removal). */
async function compactPositions(tx: Tx, collectionId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "CollectionProduct" cp SET "position" = r.pos
    FROM (SELECT "productId", (row_number() OVER (ORDER BY "position", "productId") - 1)::int AS pos
          FROM "CollectionProduct" WHERE "collectionId" = ${collectionId}::uuid) r
    WHERE cp."collectionId" = ${collectionId}::uuid AND cp."productId" = r."productId" AND cp."position" <> r.pos`;
}

// ───────────── create, update, delete ─────────────

export interface CollectionCreateInput {
  shopId: string;
  title: string;
  handle?: string | undefined;
  description?: string | undefined;
  ruleSet?: CollectionRuleSetInput | undefined;
  sortOrder?: CollectionSortOrder | undefined;
  productIds?: string[] | undefined;
}

/**
 * Creates a collection: AUTOMATIC with a ruleSet (default sort CREATED), else MANUAL holding
 * `productIds` in that order (default sort MANUAL). With no handle, one is made from the title
 * (suffixed when taken); a given handle that is taken fails with TAKEN.
 */
export async function createCollection(ctx: Context, input: CollectionCreateInput): Promise<PayloadShape> {
  const shop = await ctx.db.shop.findUnique({
    where: { id: input.shopId },
    select: { id: true, currencyCode: true },
  });
  if (!shop) return failed([collectionError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
  await assertCanManageShop(ctx, shop.id);
  const automatic = input.ruleSet !== undefined;
  const errors: UserErrorShape[] = [];
  if (automatic && input.productIds?.length) {
    errors.push(
      collectionError("AUTOMATIC_COLLECTION", "An automatic collection's rules choose its products.", [
        "productIds",
      ]),
    );
  }
  if (automatic && input.sortOrder === "MANUAL") {
    errors.push(collectionError("INVALID", "An automatic collection has no manual order.", ["sortOrder"]));
  }
  const rules = input.ruleSet ? storeRules(input.ruleSet.rules, shop.currencyCode) : null;
  if (rules && !rules.ok) errors.push(...rules.errors);
  const productIds = [...new Set(input.productIds ?? [])];
  if (!automatic && productIds.length)
    errors.push(...(await strangerProducts(ctx.db, shop.id, productIds, "productIds")));
  if (errors.length) return failed(errors);

  return createWithHandle(input.title, input.handle, (handle) =>
    transaction(ctx, async (tx) => {
      const created = await tx.collection.create({
        data: {
          shopId: shop.id,
          handle,
          title: input.title,
          description: input.description ?? "",
          kind: automatic ? "AUTOMATIC" : "MANUAL",
          rules: rules?.ok ? rules.rules : [],
          disjunctive: input.ruleSet?.appliedDisjunctively ?? false,
          sortOrder: input.sortOrder ?? (automatic ? "CREATED" : "MANUAL"),
        },
        select: { id: true },
      });
      if (productIds.length) {
        await tx.collectionProduct.createMany({
          data: productIds.map((productId, position) => ({
            collectionId: created.id,
            productId,
            position,
          })),
        });
      }
      return created.id;
    }),
  );
}

export interface CollectionUpdateInput {
  id: string;
  title?: string | undefined;
  handle?: string | undefined;
  description?: string | undefined;
  sortOrder?: CollectionSortOrder | undefined;
  ruleSet?: CollectionRuleSetInput | undefined;
}

/**
 * Updates a collection's title, handle, description, sort order and (automatic ones) rules,
 * which replace the old rules. Rules on a manual collection: MANUAL_COLLECTION; sort order
 * MANUAL on an automatic one: INVALID.
 */
export async function updateCollection(ctx: Context, input: CollectionUpdateInput): Promise<PayloadShape> {
  const collection = await ctx.db.collection.findUnique({
    where: { id: input.id },
    select: { id: true, kind: true, shop: { select: { id: true, currencyCode: true } } },
  });
  if (!collection) return notFound();
  await assertCanManageShop(ctx, collection.shop.id);
  const errors: UserErrorShape[] = [];
  const automatic = collection.kind === "AUTOMATIC";
  if (input.ruleSet && !automatic) {
    errors.push(
      collectionError(
        "MANUAL_COLLECTION",
        "A manual collection takes no rules: create an automatic collection instead.",
        ["ruleSet"],
      ),
    );
  }
  if (automatic && input.sortOrder === "MANUAL") {
    errors.push(collectionError("INVALID", "An automatic collection has no manual order.", ["sortOrder"]));
  }
  const rules =
    input.ruleSet && automatic ? storeRules(input.ruleSet.rules, collection.shop.currencyCode) : null;
  if (rules && !rules.ok) errors.push(...rules.errors);
  if (errors.length) return failed(errors);
  const { id, ruleSet, ...fields } = input;
  try {
    await transaction(ctx, (tx) =>
      tx.collection.update({
        where: { id },
        data: {
          ...fields,
          ...(rules?.ok && ruleSet
            ? {
                rules: rules.rules,
                disjunctive: ruleSet.appliedDisjunctively,
              }
            : {}),
        },
        select: { id: true },
      }),
    );
    return succeeded(id);
  } catch (error) {
    if (isUniqueViolation(error, "handle")) return handleTaken();
    throw error;
  }
}

/** Deletes a collection (its products stay). NOT_FOUND when absent or deleted meanwhile. */
export async function deleteCollection(
  ctx: Context,
  id: string,
): Promise<{ deletedId: string | null; userErrors: UserErrorShape<CatalogErrorCode>[] }> {
  const collection = await ctx.db.collection.findUnique({ where: { id }, select: { shopId: true } });
  const missing = {
    deletedId: null,
    userErrors: [collectionError("NOT_FOUND", "No collection has this id.", ["id"])],
  };
  if (!collection) return missing;
  await assertCanManageShop(ctx, collection.shopId);
  const deleted = await transaction(ctx, (tx) => tx.collection.deleteMany({ where: { id } }));
  return deleted.count > 0 ? { deletedId: id, userErrors: [] } : missing;
}

// ───────────── a manual collection's products ─────────────

/** The collection, checked: found, managed by the caller, manual. */
async function manualCollection(
  ctx: Context,
  id: string,
): Promise<{ ok: true; shopId: string } | { ok: false; payload: PayloadShape }> {
  const collection = await ctx.db.collection.findUnique({
    where: { id },
    select: { shopId: true, kind: true },
  });
  if (!collection) return { ok: false, payload: notFound() };
  await assertCanManageShop(ctx, collection.shopId);
  if (collection.kind === "AUTOMATIC") {
    return {
      ok: false,
      payload: failed([
        collectionError(
          "AUTOMATIC_COLLECTION",
          "An automatic collection's rules choose its products: edit its rules instead.",
          ["id"],
        ),
      ]),
    };
  }
  return { ok: true, shopId: collection.shopId };
}

/**
 * Adds products of the collection's shop after its last one, in the order given; products
 * already in it keep their place (adding twice changes nothing). Concurrent adds queue on the
 * collection's row, so positions stay 0..n-1.
 */
export async function addCollectionProducts(
  ctx: Context,
  input: { id: string; productIds: string[] },
): Promise<PayloadShape> {
  const collection = await manualCollection(ctx, input.id);
  if (!collection.ok) return collection.payload;
  const productIds = [...new Set(input.productIds)];
  const errors = await strangerProducts(ctx.db, collection.shopId, input.productIds, "productIds");
  if (errors.length) return failed(errors);
  await transaction(ctx, async (tx) => {
    await lockCollection(tx, input.id);
    await appendProducts(tx, input.id, productIds);
  });
  return succeeded(input.id);
}

/** Removes products from a manual collection (absent ones are ignored); positions close up. */
export async function removeCollectionProducts(
  ctx: Context,
  input: { id: string; productIds: string[] },
): Promise<PayloadShape> {
  const collection = await manualCollection(ctx, input.id);
  if (!collection.ok) return collection.payload;
  await transaction(ctx, async (tx) => {
    await lockCollection(tx, input.id);
    await tx.collectionProduct.deleteMany({
      where: { collectionId: input.id, productId: { in: input.productIds } },
    });
    await compactPositions(tx, input.id);
  });
  return succeeded(input.id);
}

export interface CollectionMove {
  productId: string;
  newPosition: number;
}

/** Applies moves in order to the product order; a position past the end moves to the end. */
export function applyMoves(order: string[], moves: CollectionMove[]): string[] {
  const next = [...order];
  for (const move of moves) {
    const from = next.indexOf(move.productId);
    if (from < 0) continue;
    next.splice(from, 1);
    next.splice(Math.min(move.newPosition, next.length), 0, move.productId);
  }
  return next;
}

/**
 * Moves products of a manual collection to new positions (0-based), one move after the other,
 * as Shopify's collectionReorderProducts does. A product not in the collection is NOT_FOUND.
 */
export async function reorderCollectionProducts(
  ctx: Context,
  input: { id: string; moves: CollectionMove[] },
): Promise<PayloadShape> {
  const collection = await manualCollection(ctx, input.id);
  if (!collection.ok) return collection.payload;
  return transaction(ctx, async (tx) => {
    await lockCollection(tx, input.id);
    const rows = await tx.collectionProduct.findMany({
      where: { collectionId: input.id },
      orderBy: [{ position: "asc" }, { productId: "asc" }],
      select: { productId: true },
    });
    const order = rows.map((r) => r.productId);
    const members = new Set(order);
    const strangers = input.moves.flatMap((m, i) =>
      members.has(m.productId)
        ? []
        : [collectionError("NOT_FOUND", "This product is not in the collection.", ["moves", i, "productId"])],
    );
    if (strangers.length) return failed(strangers);
    const next = applyMoves(order, input.moves);
    await tx.$executeRaw`
      UPDATE "CollectionProduct" cp SET "position" = n.ord::int - 1
      FROM unnest(${next}::uuid[]) WITH ORDINALITY AS n(id, ord)
      WHERE cp."collectionId" = ${input.id}::uuid AND cp."productId" = n.id AND cp."position" <> n.ord::int - 1`;
    return succeeded(input.id);
  });
}
