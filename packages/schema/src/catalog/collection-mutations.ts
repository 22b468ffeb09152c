import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { CollectionSortOrder } from "@shoppable/db/enums";
import { builder } from "../builder.ts";
import { globalId, handle, parseInput, text } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { firstUserErrors, userErrorsCost, type UserErrorShape } from "../shared/user-error.ts";
import { COLLECTION_RULE_FIELDS, COLLECTION_RULE_RELATIONS } from "./collection-rules.ts";
import {
  CollectionRuleFieldEnum,
  CollectionRuleRelationEnum,
  CollectionSortOrderEnum,
} from "./collection.ts";
import * as collections from "./collection.service.ts";
import { CatalogError, type CatalogErrorCode } from "./errors.ts";
import { CATALOG_LIMITS } from "./limits.ts";

const LIMITS = CATALOG_LIMITS;
const undefIfNull = <T>(v: T | null | undefined) => v ?? undefined;

const CollectionRuleInput = builder.inputType("CollectionRuleInput", {
  fields: (t) => ({
    field: t.field({ type: CollectionRuleFieldEnum, required: true }),
    relation: t.field({ type: CollectionRuleRelationEnum, required: true }),
    value: t.string({
      description:
        'What the field is compared with: a tag, vendor, product type, title fragment, option value, or for PRICE a decimal amount of the shop\'s currency ("25.00").',
    }),
    optionName: t.string({
      required: false,
      description: 'OPTION_VALUE only: the option the value belongs to ("Color"); left out: any option.',
    }),
  }),
});

const CollectionRuleSetInput = builder.inputType("CollectionRuleSetInput", {
  fields: (t) => ({
    appliedDisjunctively: t.boolean({
      description: "true: a product matching any rule belongs; false: it must match all of them.",
    }),
    rules: t.field({ type: [CollectionRuleInput], description: `1 to ${LIMITS.collectionRules} rules.` }),
  }),
});

const ruleSetSchema = z.object({
  appliedDisjunctively: z.boolean(),
  rules: z
    .array(
      z.object({
        field: z.enum(COLLECTION_RULE_FIELDS),
        relation: z.enum(COLLECTION_RULE_RELATIONS),
        value: text(255),
        optionName: text(64).nullish().transform(undefIfNull),
      }),
    )
    .min(1)
    .max(LIMITS.collectionRules),
});

const productIds = z.array(globalId("Product")).min(1).max(LIMITS.collectionProductsPerCall);
const sortOrder = z.enum(CollectionSortOrder).nullish().transform(undefIfNull);
const description = z.string().trim().max(LIMITS.description).nullish().transform(undefIfNull);

const CollectionCreateInput = builder.inputType("CollectionCreateInput", {
  fields: (t) => ({
    shopId: t.id(),
    title: t.string(),
    handle: t.string({ required: false, description: "Default: made from the title." }),
    description: t.string({ required: false }),
    ruleSet: t.field({
      type: CollectionRuleSetInput,
      required: false,
      description:
        "Makes the collection automatic: its rules choose its products. A collection's kind is fixed at creation.",
    }),
    sortOrder: t.field({
      type: CollectionSortOrderEnum,
      required: false,
      description:
        "Default: MANUAL for a manual collection, CREATED for an automatic one (which cannot be MANUAL).",
    }),
    productIds: t.idList({
      required: false,
      description: `Manual collections only: its first products, in order (at most ${LIMITS.collectionProductsPerCall}).`,
    }),
  }),
});

const createSchema = z.object({
  shopId: globalId("Shop"),
  title: text(LIMITS.title),
  handle: handle.nullish().transform(undefIfNull),
  description,
  ruleSet: ruleSetSchema.nullish().transform(undefIfNull),
  sortOrder,
  productIds: z
    .array(globalId("Product"))
    .max(LIMITS.collectionProductsPerCall)
    .nullish()
    .transform(undefIfNull),
});

const CollectionUpdateInput = builder.inputType("CollectionUpdateInput", {
  fields: (t) => ({
    id: t.id(),
    title: t.string({ required: false }),
    handle: t.string({ required: false }),
    description: t.string({ required: false }),
    ruleSet: t.field({
      type: CollectionRuleSetInput,
      required: false,
      description: "Automatic collections only: replaces the rules.",
    }),
    sortOrder: t.field({ type: CollectionSortOrderEnum, required: false }),
  }),
});

const updateSchema = z.object({
  id: globalId("Collection"),
  title: text(LIMITS.title).nullish().transform(undefIfNull),
  handle: handle.nullish().transform(undefIfNull),
  description,
  ruleSet: ruleSetSchema.nullish().transform(undefIfNull),
  sortOrder,
});

const CollectionProductsInput = builder.inputType("CollectionProductsInput", {
  fields: (t) => ({
    id: t.id({ description: "The manual collection." }),
    productIds: t.idList({ description: `1 to ${LIMITS.collectionProductsPerCall} products of its shop.` }),
  }),
});

const productsSchema = z.object({ id: globalId("Collection"), productIds });

const CollectionProductMoveInput = builder.inputType("CollectionProductMoveInput", {
  fields: (t) => ({
    productId: t.id(),
    newPosition: t.int({ description: "0-based; past the end moves it last." }),
  }),
});

const CollectionProductsReorderInput = builder.inputType("CollectionProductsReorderInput", {
  fields: (t) => ({
    id: t.id({ description: "The manual collection." }),
    moves: t.field({
      type: [CollectionProductMoveInput],
      description: `1 to ${LIMITS.collectionProductsPerCall} moves, applied one after the other.`,
    }),
  }),
});

const reorderSchema = z.object({
  id: globalId("Collection"),
  moves: z
    .array(z.object({ productId: globalId("Product"), newPosition: z.number().int().min(0).max(1_000_000) }))
    .min(1)
    .max(LIMITS.collectionProductsPerCall),
});

const CollectionDeletePayload = builder
  .objectRef<{ deletedId: string | null; userErrors: UserErrorShape<CatalogErrorCode>[] }>(
    "CollectionDeletePayload",
  )
  .implement({
    fields: (t) => ({
      deletedCollectionId: t.id({
        nullable: true,
        resolve: (p) => (p.deletedId === null ? null : encodeGlobalID("Collection", p.deletedId)),
      }),
      userErrors: t.field({
        type: [CatalogError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors),
      }),
    }),
  });

const collectionPayload = (name: string) =>
  definePayload(name, { field: "collection", model: "Collection" }, CatalogError.type);

const WHO = "Who may: the shop's merchants, the platform and secret keys.";

builder.mutationFields((t) => ({
  collectionCreate: t.field({
    type: collectionPayload("CollectionCreate"),
    description: `Creates a collection in a shop: automatic with a ruleSet, else manual. ${WHO}`,
    args: { input: t.arg({ type: CollectionCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(createSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return collections.createCollection(ctx, parsed.data);
    },
  }),
  collectionUpdate: t.field({
    type: collectionPayload("CollectionUpdate"),
    description: `Updates a collection's title, handle, description, sort order or (automatic ones) rules. ${WHO}`,
    args: { input: t.arg({ type: CollectionUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(updateSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return collections.updateCollection(ctx, parsed.data);
    },
  }),
  collectionDelete: t.field({
    type: CollectionDeletePayload,
    description: `Deletes a collection; its products stay. ${WHO}`,
    args: {
      input: t.arg({
        type: builder.inputType("CollectionDeleteInput", { fields: (f) => ({ id: f.id() }) }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ id: globalId("Collection") }), input);
      if (!parsed.ok) return { deletedId: null, userErrors: parsed.errors };
      return collections.deleteCollection(ctx, parsed.data.id);
    },
  }),
  collectionProductsAdd: t.field({
    type: collectionPayload("CollectionProductsAdd"),
    description: `Adds products of its shop to a manual collection, after its last one; adding one twice changes nothing. ${WHO}`,
    args: { input: t.arg({ type: CollectionProductsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(productsSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return collections.addCollectionProducts(ctx, parsed.data);
    },
  }),
  collectionProductsRemove: t.field({
    type: collectionPayload("CollectionProductsRemove"),
    description: `Removes products from a manual collection; the others close up. ${WHO}`,
    args: { input: t.arg({ type: CollectionProductsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(productsSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return collections.removeCollectionProducts(ctx, parsed.data);
    },
  }),
  collectionProductsReorder: t.field({
    type: collectionPayload("CollectionProductsReorder"),
    description: `Moves products of a manual collection to new positions. ${WHO}`,
    args: { input: t.arg({ type: CollectionProductsReorderInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(reorderSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return collections.reorderCollectionProducts(ctx, parsed.data);
    },
  }),
}));
