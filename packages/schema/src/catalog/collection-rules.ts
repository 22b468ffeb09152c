/**
 * Which products a collection holds, as SQL over a product row `p`: a MANUAL collection holds its
 * CollectionProduct rows; an AUTOMATIC one holds the products of its shop its rules match, tested
 * when the list is read (no stored membership: a product edited to match appears at once).
 *
 * The rules are evaluated from the collection's `rules` column itself (jsonb, one element per
 * rule), so the same expression serves a collection's product list and `Product.collections`
 * (every collection of a page's products in one statement).
 *
 * Rule semantics (`docs/catalog.md`, "Collections"):
 * - TAG EQUALS / NOT_EQUALS: the product has (has not) the tag, exactly as written (as `filter.tags`).
 * - VENDOR EQUALS / NOT_EQUALS / CONTAINS, PRODUCT_TYPE EQUALS / NOT_EQUALS, TITLE CONTAINS:
 *   case-insensitive.
 * - PRICE GREATER_THAN / LESS_THAN: some variant's price is above (below) the amount: the
 *   product's maxPrice > amount (minPrice < amount), in the shop's currency's minor units.
 * - OPTION_VALUE EQUALS: some variant selects that value (case-insensitive), of the option named
 *   `optionName` when given, of any option otherwise.
 */
import { Prisma } from "@shoppable/db/client";

export const COLLECTION_RULE_FIELDS = [
  "TAG",
  "VENDOR",
  "PRODUCT_TYPE",
  "PRICE",
  "OPTION_VALUE",
  "TITLE",
] as const;
export type CollectionRuleField = (typeof COLLECTION_RULE_FIELDS)[number];

export const COLLECTION_RULE_RELATIONS = [
  "EQUALS",
  "NOT_EQUALS",
  "CONTAINS",
  "GREATER_THAN",
  "LESS_THAN",
] as const;
export type CollectionRuleRelation = (typeof COLLECTION_RULE_RELATIONS)[number];

/** The relations each field accepts. */
export const RULE_RELATIONS: Record<CollectionRuleField, readonly CollectionRuleRelation[]> = {
  TAG: ["EQUALS", "NOT_EQUALS"],
  VENDOR: ["EQUALS", "NOT_EQUALS", "CONTAINS"],
  PRODUCT_TYPE: ["EQUALS", "NOT_EQUALS"],
  PRICE: ["GREATER_THAN", "LESS_THAN"],
  OPTION_VALUE: ["EQUALS"],
  TITLE: ["CONTAINS"],
};

/** A rule as stored in `Collection.rules`: PRICE rules also hold `amount` (minor units). */
export type StoredCollectionRule = {
  field: CollectionRuleField;
  relation: CollectionRuleRelation;
  value: string;
  optionName?: string;
  amount?: number;
};

/** The stored rules of a collection row (`rules` is jsonb, written only through the service). */
export function storedRules(rules: Prisma.JsonValue): StoredCollectionRule[] {
  return Array.isArray(rules) ? rules.filter(isStoredRule) : [];
}

function isStoredRule(rule: unknown): rule is StoredCollectionRule {
  if (typeof rule !== "object" || rule === null) return false;
  const { field, relation, value } = rule as Record<string, unknown>;
  return (
    COLLECTION_RULE_FIELDS.includes(field as CollectionRuleField) &&
    COLLECTION_RULE_RELATIONS.includes(relation as CollectionRuleRelation) &&
    typeof value === "string"
  );
}

/** Whether the rule (jsonb `r`) holds for product `p`, without the NOT_EQUALS negation. */
const RULE_HOLDS = Prisma.sql`CASE r->>'field'
  WHEN 'TAG' THEN p."tags" @> ARRAY[r->>'value']
  WHEN 'VENDOR' THEN CASE WHEN r->>'relation' = 'CONTAINS'
    THEN strpos(lower(p."vendor"), lower(r->>'value')) > 0 ELSE lower(p."vendor") = lower(r->>'value') END
  WHEN 'PRODUCT_TYPE' THEN lower(p."productType") = lower(r->>'value')
  WHEN 'TITLE' THEN strpos(lower(p."title"), lower(r->>'value')) > 0
  WHEN 'PRICE' THEN CASE WHEN r->>'relation' = 'GREATER_THAN'
    THEN p."maxPrice" > (r->>'amount')::int ELSE p."minPrice" < (r->>'amount')::int END
  WHEN 'OPTION_VALUE' THEN EXISTS (
    SELECT 1 FROM "ProductVariant" v, jsonb_array_elements(v."selectedOptions") o
    WHERE v."productId" = p."id" AND lower(o->>'value') = lower(r->>'value')
      AND (r->>'optionName' IS NULL OR lower(o->>'name') = lower(r->>'optionName')))
  ELSE false END`;

/** Whether collection `c`'s rules hold for product `p`: all of them, or any when disjunctive. */
const RULES_MATCH = Prisma.sql`(SELECT CASE WHEN c."disjunctive" THEN coalesce(bool_or(m), false)
    ELSE coalesce(bool_and(m), false) END
  FROM (SELECT (r->>'relation' = 'NOT_EQUALS') <> (${RULE_HOLDS}) AS m
        FROM jsonb_array_elements(c."rules") r) rule)`;

/** Whether collection `c` holds product `p` (both aliases in scope). */
export const COLLECTION_HOLDS_PRODUCT = Prisma.sql`CASE WHEN c."kind" = 'MANUAL'
  THEN EXISTS (SELECT 1 FROM "CollectionProduct" cp WHERE cp."collectionId" = c."id" AND cp."productId" = p."id")
  ELSE c."shopId" = p."shopId" AND ${RULES_MATCH} END`;

/**
 * The product-list condition (`p`) for `filter.collectionId`: the product is in that collection.
 * Its first half (the collection's shop, computed once) lets the scan use the shop's index.
 */
export function collectionCondition(collectionId: string): Prisma.Sql {
  return Prisma.sql`p."shopId" = (SELECT c."shopId" FROM "Collection" c WHERE c."id" = ${collectionId}::uuid)
    AND EXISTS (SELECT 1 FROM "Collection" c WHERE c."id" = ${collectionId}::uuid AND ${COLLECTION_HOLDS_PRODUCT})`;
}

/**
 * The sort value of product `p` in a manual collection: its position; products without one
 * (an automatic collection's) come last, by id, so keyset pagination still holds.
 */
export function manualPosition(collectionId: string): Prisma.Sql {
  return Prisma.sql`coalesce((SELECT cp."position" FROM "CollectionProduct" cp WHERE cp."collectionId" = ${collectionId}::uuid AND cp."productId" = p."id"), 2147483647)`;
}
