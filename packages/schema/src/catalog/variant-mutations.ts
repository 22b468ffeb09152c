/**
 * Mutations of a product's options and variants after creation (variants.service.ts has the
 * rules): productVariantsCreate, productVariantsDelete, productOptionsCreate,
 * productOptionUpdate, productOptionsDelete.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder, type SchemaTypesOf } from "../builder.ts";
import { listCost } from "../limits.ts";
import { globalId, parseInput, text } from "../shared/input.ts";
import { firstUserErrors, userError, userErrorsCost, type UserErrorShape } from "../shared/user-error.ts";
import { CatalogError, type CatalogErrorCode } from "./errors.ts";
import { CATALOG_LIMITS } from "./limits.ts";
import {
  optionSchema,
  parsePrices,
  ProductOptionInput,
  ProductVariantCreateInput,
  variantCreateSchema,
} from "./mutations.ts";
import * as variants from "./variants.service.ts";
import type { CatalogEditResult } from "./variants.service.ts";

const LIMITS = CATALOG_LIMITS;

const refusedWith = (userErrors: UserErrorShape[]): CatalogEditResult => ({
  productId: null,
  createdIds: [],
  deletedIds: [],
  userErrors: userErrors as UserErrorShape<CatalogErrorCode>[],
});

type PayloadFields = PothosSchemaTypes.ObjectFieldBuilder<SchemaTypesOf, CatalogEditResult>;

/** The fields every payload here has: the product re-read with the selection (null when refused), and userErrors. */
function productAndErrors(t: PayloadFields) {
  return {
    product: t.prismaField({
      type: "Product",
      nullable: true,
      description: "The product as it is now; null when the mutation was refused.",
      resolve: (query, p, _args, ctx) =>
        p.productId === null ? null : ctx.db.product.findUnique({ ...query, where: { id: p.productId } }),
    }),
    userErrors: t.field({
      type: [CatalogError.type],
      complexity: userErrorsCost,
      resolve: (p) => firstUserErrors(p.userErrors),
    }),
  };
}

/** `<name>Payload { product, userErrors }`, with the ids of what it deleted when `deleted` names their type. */
function payload(name: string, deleted?: { field: string; typename: string }) {
  return builder.objectRef<CatalogEditResult>(`${name}Payload`).implement({
    fields: (t) => ({
      ...productAndErrors(t),
      ...(deleted
        ? {
            [deleted.field]: t.idList({
              nullable: true,
              description: "What was deleted, in input order; null when the mutation was refused.",
              resolve: (p) =>
                p.productId === null ? null : p.deletedIds.map((id) => encodeGlobalID(deleted.typename, id)),
            }),
          }
        : {}),
    }),
  });
}

// ───────────── variants ─────────────

const ProductVariantsCreateInput = builder.inputType("ProductVariantsCreateInput", {
  fields: (t) => ({
    productId: t.id(),
    variants: t.field({
      type: [ProductVariantCreateInput],
      description: `1 to ${LIMITS.variants} new variants (the product has at most ${LIMITS.variants}). Each selects one value of each of the product's options, in option order; a value the option does not list yet is added to it.`,
    }),
  }),
});

const ProductVariantsCreatePayload = builder
  .objectRef<CatalogEditResult>("ProductVariantsCreatePayload")
  .implement({
    fields: (t) => ({
      ...productAndErrors(t),
      variants: t.prismaField({
        type: ["ProductVariant"],
        nullable: true,
        description: "The new variants, in input order; null when the mutation was refused.",
        complexity: listCost(LIMITS.variants),
        resolve: async (query, p, _args, ctx) => {
          if (p.productId === null) return null;
          const ids = p.createdIds.slice(0, LIMITS.variants);
          if (ids.length === 0) return [];
          const rows = await ctx.db.productVariant.findMany({ ...query, where: { id: { in: ids } } });
          return ids.flatMap((id) => rows.filter((r) => r.id === id));
        },
      }),
    }),
  });

const productVariantsCreateSchema = z.object({
  productId: globalId("Product"),
  variants: z
    .array(variantCreateSchema(text(64)))
    .min(1)
    .max(LIMITS.variants),
});

const ProductVariantsDeleteInput = builder.inputType("ProductVariantsDeleteInput", {
  fields: (t) => ({
    productId: t.id(),
    variantIds: t.idList({ description: `1 to ${LIMITS.variants} variants of the product.` }),
  }),
});

const ProductVariantsDeletePayload = payload("ProductVariantsDelete", {
  field: "deletedVariantIds",
  typename: "ProductVariant",
});

// ───────────── options ─────────────

const ProductOptionsCreateInput = builder.inputType("ProductOptionsCreateInput", {
  fields: (t) => ({
    productId: t.id(),
    options: t.field({
      type: [ProductOptionInput],
      description: `The options to add after the product's own (it has at most ${LIMITS.options}). Every existing variant selects each new option's first value.`,
    }),
  }),
});

const ProductOptionValueInput = builder.inputType("ProductOptionValueInput", {
  description:
    "A value of an option in productOptionUpdate: a value kept or added (`name` alone), or a value renamed (`currentName` → `name`).",
  fields: (t) => ({
    name: t.string({ description: "The value's name from now on." }),
    currentName: t.string({
      required: false,
      description:
        "The name of the existing value this entry renames (in every variant's selection and title). Left out: `name` is a value the option has, kept, or a new one.",
    }),
  }),
});

const ProductOptionUpdateInput = builder.inputType("ProductOptionUpdateInput", {
  fields: (t) => ({
    productId: t.id(),
    optionId: t.id(),
    name: t.string({ required: false, description: "A new name, unique among the product's options." }),
    position: t.int({
      required: false,
      description:
        "The option's new place among the product's options, from 0; the others keep their order. Variants' selections and titles follow the new order.",
    }),
    values: t.field({
      type: [ProductOptionValueInput],
      required: false,
      description: `All the option's values (1 to ${LIMITS.optionValues}) in their new order. A value left out is removed, which is refused (OPTION_VALUE_IN_USE) while a variant selects it.`,
    }),
  }),
});

const ProductOptionsDeleteInput = builder.inputType("ProductOptionsDeleteInput", {
  fields: (t) => ({
    productId: t.id(),
    optionIds: t.idList({ description: `1 to ${LIMITS.options} options of the product.` }),
  }),
});

const ProductOptionsDeletePayload = payload("ProductOptionsDelete", {
  field: "deletedOptionIds",
  typename: "ProductOption",
});

const idList = (typename: string, max: number) =>
  z
    .array(globalId(typename))
    .min(1)
    .max(max)
    .transform((ids) => [...new Set(ids)]);

builder.mutationFields((t) => ({
  productVariantsCreate: t.field({
    type: ProductVariantsCreatePayload,
    description:
      "Adds variants to a product with options, in a shop the caller manages. A new value of an option is added to it; a selection another variant has is DUPLICATE_VARIANT. Initial stock is logged as an inventory adjustment.",
    args: { input: t.arg({ type: ProductVariantsCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(productVariantsCreateSchema, input);
      if (!parsed.ok) return refusedWith(parsed.errors);
      const product = await ctx.db.product.findUnique({
        where: { id: parsed.data.productId },
        select: { currencyCode: true },
      });
      if (!product) return refusedWith([userError("NOT_FOUND", "No product has this id.", ["productId"])]);
      const prices = parsePrices(parsed.data.variants, product.currencyCode);
      if (prices.errors.length) return refusedWith(prices.errors);
      return variants.createVariants(ctx, {
        productId: parsed.data.productId,
        variants: parsed.data.variants.map((v, i) => {
          const parsedPrices = prices.parsed[i];
          // A price is required: parsePrices answered for each variant, or with an error.
          return {
            ...v,
            price: parsedPrices?.price ?? 0,
            compareAtPrice: parsedPrices?.compareAtPrice ?? null,
          };
        }),
      });
    },
  }),
  productVariantsDelete: t.field({
    type: ProductVariantsDeletePayload,
    description:
      "Deletes variants of a product (never its last one: LAST_VARIANT). Their cart lines leave open carts (each told by cartUpdated); order lines keep their snapshot; product tags and live pins of them fall back to the product.",
    args: { input: t.arg({ type: ProductVariantsDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({
          productId: globalId("Product"),
          variantIds: z.array(globalId("ProductVariant")).min(1).max(LIMITS.variants),
        }),
        input,
      );
      if (!parsed.ok) return refusedWith(parsed.errors);
      return variants.deleteVariants(ctx, parsed.data);
    },
  }),
  productOptionsCreate: t.field({
    type: payload("ProductOptionsCreate"),
    description:
      "Adds options to a product that has variants: every variant selects each new option's first value.",
    args: { input: t.arg({ type: ProductOptionsCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({
          productId: globalId("Product"),
          options: z.array(optionSchema).min(1).max(LIMITS.options),
        }),
        input,
      );
      if (!parsed.ok) return refusedWith(parsed.errors);
      return variants.createOptions(ctx, parsed.data);
    },
  }),
  productOptionUpdate: t.field({
    type: payload("ProductOptionUpdate"),
    description:
      "Renames an option, moves it among the product's options, and renames, reorders, adds or removes its values; every variant's selection and title follow.",
    args: { input: t.arg({ type: ProductOptionUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({
          productId: globalId("Product"),
          optionId: globalId("ProductOption"),
          name: text(64)
            .nullish()
            .transform((v) => v ?? undefined),
          position: z
            .number()
            .int()
            .min(0)
            .max(LIMITS.options - 1)
            .nullish()
            .transform((v) => v ?? undefined),
          values: z
            .array(
              z.object({
                name: text(64),
                currentName: z
                  .string()
                  .max(64)
                  .nullish()
                  .transform((v) => v ?? undefined),
              }),
            )
            .min(1)
            .max(LIMITS.optionValues)
            .nullish()
            .transform((v) => v ?? undefined),
        }),
        input,
      );
      if (!parsed.ok) return refusedWith(parsed.errors);
      return variants.updateOption(ctx, parsed.data);
    },
  }),
  productOptionsDelete: t.field({
    type: ProductOptionsDeletePayload,
    description:
      "Deletes options of a product: each variant drops its value of them. Refused (DUPLICATE_VARIANT, nothing written) when two variants would then be the same.",
    args: { input: t.arg({ type: ProductOptionsDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({ productId: globalId("Product"), optionIds: idList("ProductOption", LIMITS.options) }),
        input,
      );
      if (!parsed.ok) return refusedWith(parsed.errors);
      return variants.deleteOptions(ctx, parsed.data);
    },
  }),
}));
