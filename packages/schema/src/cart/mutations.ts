import { z } from "zod";
import { builder } from "../builder.ts";
import { parseDecimalAmount } from "../money.ts";
import { globalId, parseInput } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { userError } from "../shared/user-error.ts";
import { MailingAddressInput } from "../delivery/address.ts";
import { ADDRESS_ERROR_CODES, isCountryCode, mailingAddress } from "../delivery/address-rules.ts";
import { DiscountKindEnum } from "./discount-code.ts";
import { CartError, DiscountError } from "./errors.ts";
import * as carts from "./service.ts";
import { CART_LIMITS } from "./limits.ts";

const { lines: MAX_LINES, quantity: MAX_QUANTITY, discountCodes: MAX_CODES } = CART_LIMITS;

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const keepOrClear = <T extends z.ZodType>(schema: T) => schema.nullish();
const email = z.string().trim().max(254).pipe(z.email());
const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: "Not an ISO 3166-1 alpha-2 country code.", params: { code: "INVALID" } });
const discountCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "A code uses letters, digits, - and _.")
  .transform((c) => c.toUpperCase());
const discountCodes = z
  .array(discountCode)
  .max(MAX_CODES)
  .transform((codes) => [...new Set(codes)]);

const CartLineAttributionInput = builder.inputType("CartLineAttributionInput", {
  description: "How the buyer found the product. A product tag alone implies its post.",
  fields: (t) => ({
    postId: t.id({ required: false }),
    productTagId: t.id({ required: false, description: "A tag on the post, tagging this line's product." }),
    affiliateCode: t.string({
      required: false,
      description: "A creator's affiliate link code for the product's shop.",
    }),
    affiliateClickId: t.string({
      required: false,
      description:
        "The affiliate click the storefront was sent with (`click` in the redirect URL, also in the attribution cookie); its link must be of the product's shop.",
    }),
    liveSessionId: t.id({
      required: false,
      description: "The live session the product was bought from: its live price applies while it holds.",
    }),
  }),
});

const CartLineInput = builder.inputType("CartLineInput", {
  fields: (t) => ({
    variantId: t.id(),
    quantity: t.int({ required: false, description: `1 to ${MAX_QUANTITY}; default 1.` }),
    attribution: t.field({ type: CartLineAttributionInput, required: false }),
  }),
});

const lineSchema = z.object({
  variantId: globalId("ProductVariant"),
  quantity: z
    .number()
    .int()
    .min(1)
    .max(MAX_QUANTITY)
    .nullish()
    .transform((v) => v ?? 1),
  attribution: z
    .object({
      postId: nullable(globalId("Post")),
      productTagId: nullable(globalId("ProductTag")),
      affiliateCode: nullable(z.string().trim().min(1).max(64)),
      affiliateClickId: nullable(
        z
          .string()
          .uuid()
          .transform((v) => v.toLowerCase()),
      ),
      liveSessionId: nullable(globalId("LiveSession")),
    })
    .nullish(),
});

const CartBuyerIdentityInput = builder.inputType("CartBuyerIdentityInput", {
  fields: (t) => ({
    email: t.string({ required: false, description: "null clears it; absent keeps it." }),
    countryCode: t.string({
      required: false,
      description: "ISO 3166-1 alpha-2, such as DE. null clears it; absent keeps it.",
    }),
  }),
});

const buyerIdentitySchema = z.object({ email: keepOrClear(email), countryCode: keepOrClear(countryCode) });

const cartPayload = (name: string) => definePayload(name, { field: "cart", model: "Cart" }, CartError.type);

// ───────────── cartCreate ─────────────

const CartCreateInput = builder.inputType("CartCreateInput", {
  fields: (t) => ({
    lines: t.field({ type: [CartLineInput], required: false }),
    buyerIdentity: t.field({ type: CartBuyerIdentityInput, required: false }),
    discountCodes: t.stringList({ required: false }),
  }),
});

builder.mutationField("cartCreate", (t) =>
  t.field({
    type: cartPayload("CartCreate"),
    description:
      "Creates a cart: owned by the user when a user token is sent, else anonymous (keep its id private: it is the cart's secret).",
    args: { input: t.arg({ type: CartCreateInput, required: false }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        lines: z
          .array(lineSchema)
          .max(MAX_LINES)
          .nullish()
          .transform((v) => v ?? []),
        buyerIdentity: buyerIdentitySchema.nullish(),
        discountCodes: discountCodes.nullish().transform((v) => v ?? []),
      });
      const parsed = parseInput(schema, input ?? {});
      if (!parsed.ok) return failed(parsed.errors);
      const { lines, buyerIdentity, discountCodes: codes } = parsed.data;
      return carts.createCart(ctx, {
        lines,
        discountCodes: codes,
        email: buyerIdentity?.email,
        countryCode: buyerIdentity?.countryCode,
      });
    },
  }),
);

// ───────────── lines ─────────────

const CartLinesAddInput = builder.inputType("CartLinesAddInput", {
  fields: (t) => ({ cartId: t.id(), lines: t.field({ type: [CartLineInput] }) }),
});

builder.mutationField("cartLinesAdd", (t) =>
  t.field({
    type: cartPayload("CartLinesAdd"),
    description:
      "Adds lines. The same variant with the same attribution adds to its existing line. OUT_OF_STOCK when the cart would hold more than the stock.",
    args: { input: t.arg({ type: CartLinesAddInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({ cartId: globalId("Cart"), lines: z.array(lineSchema).min(1).max(MAX_LINES) }),
        input,
      );
      if (!parsed.ok) return failed(parsed.errors);
      return carts.addLines(ctx, parsed.data);
    },
  }),
);

const CartLineUpdateInput = builder.inputType("CartLineUpdateInput", {
  fields: (t) => ({
    id: t.id(),
    quantity: t.int({ description: `0 to ${MAX_QUANTITY}; 0 removes the line.` }),
  }),
});

const CartLinesUpdateInput = builder.inputType("CartLinesUpdateInput", {
  fields: (t) => ({ cartId: t.id(), lines: t.field({ type: [CartLineUpdateInput] }) }),
});

builder.mutationField("cartLinesUpdate", (t) =>
  t.field({
    type: cartPayload("CartLinesUpdate"),
    description: "Sets line quantities; 0 removes a line.",
    args: { input: t.arg({ type: CartLinesUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        cartId: globalId("Cart"),
        lines: z
          .array(z.object({ id: globalId("CartLine"), quantity: z.number().int().min(0).max(MAX_QUANTITY) }))
          .min(1)
          .max(MAX_LINES)
          .refine(
            (lines) => new Set(lines.map((l) => l.id)).size === lines.length,
            "A line may be listed once.",
          ),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return carts.updateLines(ctx, parsed.data);
    },
  }),
);

const CartLinesRemoveInput = builder.inputType("CartLinesRemoveInput", {
  fields: (t) => ({ cartId: t.id(), lineIds: t.idList() }),
});

builder.mutationField("cartLinesRemove", (t) =>
  t.field({
    type: cartPayload("CartLinesRemove"),
    args: { input: t.arg({ type: CartLinesRemoveInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        cartId: globalId("Cart"),
        lineIds: z
          .array(globalId("CartLine"))
          .min(1)
          .max(MAX_LINES)
          .transform((ids) => [...new Set(ids)]),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return carts.removeLines(ctx, parsed.data);
    },
  }),
);

// ───────────── discount codes and buyer ─────────────

const CartDiscountCodesUpdateInput = builder.inputType("CartDiscountCodesUpdateInput", {
  fields: (t) => ({
    cartId: t.id(),
    discountCodes: t.stringList({
      description: `Replaces the cart's codes; at most ${MAX_CODES}; [] removes them all.`,
    }),
  }),
});

builder.mutationField("cartDiscountCodesUpdate", (t) =>
  t.field({
    type: cartPayload("CartDiscountCodesUpdate"),
    description:
      "Replaces the cart's discount codes. Codes are case-insensitive; `Cart.discountCodes` tells which apply.",
    args: { input: t.arg({ type: CartDiscountCodesUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ cartId: globalId("Cart"), discountCodes }), input);
      if (!parsed.ok) return failed(parsed.errors);
      return carts.updateDiscountCodes(ctx, parsed.data);
    },
  }),
);

const CartBuyerIdentityUpdateInput = builder.inputType("CartBuyerIdentityUpdateInput", {
  fields: (t) => ({ cartId: t.id(), buyerIdentity: t.field({ type: CartBuyerIdentityInput }) }),
});

builder.mutationField("cartBuyerIdentityUpdate", (t) =>
  t.field({
    type: cartPayload("CartBuyerIdentityUpdate"),
    description:
      "Sets the buyer's email and country. Sent with a user token for an anonymous cart, it signs the cart in: its lines merge into the user's most recently changed active cart, which the payload returns (or, when the user has none, the cart becomes theirs).",
    args: { input: t.arg({ type: CartBuyerIdentityUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({ cartId: globalId("Cart"), buyerIdentity: buyerIdentitySchema }),
        input,
      );
      if (!parsed.ok) return failed(parsed.errors);
      return carts.updateBuyerIdentity(ctx, { cartId: parsed.data.cartId, ...parsed.data.buyerIdentity });
    },
  }),
);

// ───────────── cartDeliveryAddressUpdate ─────────────

const CartDeliveryAddressUpdateInput = builder.inputType("CartDeliveryAddressUpdateInput", {
  fields: (t) => ({
    cartId: t.id(),
    address: t.field({ type: MailingAddressInput, required: false, description: "An address given inline." }),
    addressId: t.id({
      required: false,
      description:
        "Or a `BuyerAddress` ID of the viewer (the cart keeps a copy). Neither: clears the address.",
    }),
  }),
});

builder.mutationField("cartDeliveryAddressUpdate", (t) =>
  t.field({
    type: cartPayload("CartDeliveryAddressUpdate"),
    description:
      "Sets where the cart's goods go, validated per country (userErrors on `address.<field>`), and the cart's country to the address's; or clears it. Kept when the cart is merged at sign-in.",
    args: { input: t.arg({ type: CartDeliveryAddressUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z
          .object({
            cartId: globalId("Cart"),
            address: mailingAddress.nullish().transform((v) => v ?? null),
            addressId: globalId("BuyerAddress")
              .nullish()
              .transform((v) => v ?? null),
          })
          .refine((v) => v.address === null || v.addressId === null, {
            message: "Give an address or an addressId, not both.",
            path: ["addressId"],
          }),
        input,
        ADDRESS_ERROR_CODES,
      );
      if (!parsed.ok) return failed(parsed.errors);
      return carts.updateDeliveryAddress(ctx, parsed.data);
    },
  }),
);

// ───────────── cartSelectedDeliveryOptionsUpdate ─────────────

const CartSelectedDeliveryOptionInput = builder.inputType("CartSelectedDeliveryOptionInput", {
  fields: (t) => ({
    shopId: t.id({ description: "The shop of the delivery group." }),
    handle: t.string({ description: "A `CartDeliveryOption.handle` the group offers." }),
  }),
});

const CartSelectedDeliveryOptionsUpdateInput = builder.inputType("CartSelectedDeliveryOptionsUpdateInput", {
  fields: (t) => ({
    cartId: t.id(),
    selections: t.field({
      type: [CartSelectedDeliveryOptionInput],
      description: `One per shop at most (at most ${MAX_LINES}); shops not named keep their selection.`,
    }),
  }),
});

builder.mutationField("cartSelectedDeliveryOptionsUpdate", (t) =>
  t.field({
    type: cartPayload("CartSelectedDeliveryOptionsUpdate"),
    description:
      "Selects the delivery option of each named shop's delivery group. DELIVERY_OPTION_UNAVAILABLE when a group does not offer the handle at the cart's delivery address; then nothing changes.",
    args: { input: t.arg({ type: CartSelectedDeliveryOptionsUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({
          cartId: globalId("Cart"),
          selections: z
            .array(z.object({ shopId: globalId("Shop"), handle: z.string().trim().min(1).max(100) }))
            .max(MAX_LINES)
            .superRefine((selections, issues) => {
              const seen = new Set<string>();
              for (const [i, s] of selections.entries()) {
                if (seen.has(s.shopId))
                  issues.addIssue({
                    code: "custom",
                    message: "The shop is selected twice.",
                    path: [i, "shopId"],
                  });
                seen.add(s.shopId);
              }
            }),
        }),
        input,
      );
      if (!parsed.ok) return failed(parsed.errors);
      return carts.updateSelectedDeliveryOptions(ctx, parsed.data);
    },
  }),
);

// ───────────── discountCodeCreate (merchants) ─────────────

const DiscountCodeCreateInput = builder.inputType("DiscountCodeCreateInput", {
  fields: (t) => ({
    shopId: t.id(),
    code: t.string({ description: "Letters, digits, - and _; stored upper case, matched in any case." }),
    kind: t.field({ type: DiscountKindEnum }),
    value: t.field({
      type: "Decimal",
      description:
        'PERCENTAGE: the percentage off, above 0 and at most 100 ("12.5"). FIXED_AMOUNT: the amount off in the shop\'s currency ("5.00").',
    }),
    minSubtotal: t.field({
      type: "Decimal",
      required: false,
      description: "The shop's items in a cart must reach this subtotal.",
    }),
    startsAt: t.field({ type: "DateTime", required: false }),
    endsAt: t.field({ type: "DateTime", required: false }),
    usageLimit: t.int({ required: false, description: "Orders that may use the code in all." }),
    perBuyerLimit: t.int({
      required: false,
      description: "Orders each buyer (user, else email) may use it for.",
    }),
  }),
});

/** "12.5" → 1250 basis points; null unless 0 < value ≤ 100 with at most two decimals. */
function percentageToBasisPoints(value: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return basisPoints > 0 && basisPoints <= 10_000 ? basisPoints : null;
}

builder.mutationField("discountCodeCreate", (t) =>
  t.field({
    type: definePayload(
      "DiscountCodeCreate",
      { field: "discountCode", model: "DiscountCode" },
      DiscountError.type,
    ),
    description: "Creates a discount code for a shop the caller manages (secret key).",
    args: { input: t.arg({ type: DiscountCodeCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const limit = z.number().int().min(1).max(1_000_000_000);
      const schema = z
        .object({
          shopId: globalId("Shop"),
          code: discountCode,
          kind: z.enum(["PERCENTAGE", "FIXED_AMOUNT"]),
          value: z.string().max(32),
          minSubtotal: nullable(z.string().max(32)),
          startsAt: nullable(z.date()),
          endsAt: nullable(z.date()),
          usageLimit: nullable(limit),
          perBuyerLimit: nullable(limit),
        })
        .refine((d) => !d.startsAt || !d.endsAt || d.endsAt > d.startsAt, {
          message: "endsAt must be after startsAt.",
          path: ["endsAt"],
        });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      const data = parsed.data;
      const shop = await ctx.db.shop.findUnique({
        where: { id: data.shopId },
        select: { currencyCode: true },
      });
      if (!shop) return failed([userError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
      const amount = (value: string, field: string) => {
        const result = parseDecimalAmount(value, shop.currencyCode);
        return result.ok && result.amount > 0
          ? result.amount
          : userError(
              "INVALID",
              `${field} must be a positive amount in ${shop.currencyCode}, such as "5.00".`,
              [field],
            );
      };
      const value =
        data.kind === "PERCENTAGE"
          ? (percentageToBasisPoints(data.value) ??
            userError("INVALID", 'value must be a percentage above 0 and at most 100, such as "12.5".', [
              "value",
            ]))
          : amount(data.value, "value");
      const minSubtotal = data.minSubtotal === null ? null : amount(data.minSubtotal, "minSubtotal");
      const errors = [value, minSubtotal].filter((v) => typeof v === "object" && v !== null) as ReturnType<
        typeof userError
      >[];
      if (errors.length) return failed(errors);
      return carts.createDiscountCode(ctx, {
        ...data,
        value: value as number,
        minSubtotal: minSubtotal as number | null,
      });
    },
  }),
);
