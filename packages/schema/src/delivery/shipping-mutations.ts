import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../builder.ts";
import { parseDecimalAmount } from "../money.ts";
import { globalId, handle, parseInput, text } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { firstUserErrors, userError, userErrorsCost, type UserErrorShape } from "../shared/user-error.ts";
import { isCountryCode } from "./address-rules.ts";
import { SHIPPING_ERROR_CODES, ShippingError, type ShippingErrorCode } from "./errors.ts";
import { SHIPPING_LIMITS, type ShippingRateRule } from "./shipping-rules.ts";
import { createZone, deleteZone, updateZone, zoneTarget, type ZoneTarget } from "./shipping-service.ts";

const LIMITS = SHIPPING_LIMITS;

// ───────────── inputs ─────────────

const ShippingWeightRangeInput = builder.inputType("ShippingWeightRangeInput", {
  description: "Grams, both bounds inclusive.",
  fields: (t) => ({
    minGrams: t.int({ required: false, description: "Default 0." }),
    maxGrams: t.int({ required: false, description: "Left out: no upper bound." }),
  }),
});

const ShippingOrderValueRangeInput = builder.inputType("ShippingOrderValueRangeInput", {
  description: "Group subtotals (after discounts) in the shop's currency, both bounds inclusive.",
  fields: (t) => ({
    min: t.field({ type: "Decimal", required: false, description: "Default 0." }),
    max: t.field({ type: "Decimal", required: false, description: "Left out: no upper bound." }),
  }),
});

const ShippingRateInput = builder.inputType("ShippingRateInput", {
  description: "A delivery option of a zone. Give at most one of `weightRange` and `orderValueRange`.",
  fields: (t) => ({
    handle: t.string({ description: "Unique in the shop: lowercase letters, digits, dashes." }),
    title: t.string(),
    price: t.field({ type: "Decimal", description: "In the shop's currency." }),
    weightRange: t.field({
      type: ShippingWeightRangeInput,
      required: false,
      description: "Offered only for groups of this weight.",
    }),
    orderValueRange: t.field({
      type: ShippingOrderValueRangeInput,
      required: false,
      description: "Offered only for groups of this subtotal.",
    }),
    freeAbove: t.field({
      type: "Decimal",
      required: false,
      description: "From this group subtotal (after discounts) on, the rate costs nothing.",
    }),
    minDays: t.int({ description: `Delivery estimate, business days (0..${LIMITS.days}).` }),
    maxDays: t.int({ description: "At least `minDays`." }),
  }),
});

const zoneFields = {
  countryCodes: `ISO 3166-1 alpha-2 (1 to ${LIMITS.countriesPerZone}).`,
  provinceCodes: `ISO 3166-2 such as "US-CA", of the zone's countries (at most ${LIMITS.provincesPerZone}): the zone then covers only those provinces of their countries.`,
  rates: `1 to ${LIMITS.ratesPerZone}, in the order they are offered.`,
};

const ShippingZoneCreateInput = builder.inputType("ShippingZoneCreateInput", {
  fields: (t) => ({
    shopId: t.id(),
    name: t.string(),
    countryCodes: t.stringList({ description: zoneFields.countryCodes }),
    provinceCodes: t.stringList({ required: false, description: zoneFields.provinceCodes }),
    rates: t.field({ type: [ShippingRateInput], description: zoneFields.rates }),
  }),
});

const ShippingZoneUpdateInput = builder.inputType("ShippingZoneUpdateInput", {
  description: "Fields left out stay as they are.",
  fields: (t) => ({
    id: t.id({ description: "A `ShippingZone` ID." }),
    name: t.string({ required: false }),
    countryCodes: t.stringList({ required: false, description: zoneFields.countryCodes }),
    provinceCodes: t.stringList({ required: false, description: zoneFields.provinceCodes }),
    rates: t.field({
      type: [ShippingRateInput],
      required: false,
      description: `${zoneFields.rates} Replaces all the zone's rates.`,
    }),
  }),
});

const ShippingZoneDeleteInput = builder.inputType("ShippingZoneDeleteInput", {
  fields: (t) => ({ id: t.id({ description: "A `ShippingZone` ID." }) }),
});

// ───────────── parsing ─────────────

const decimal = z.string().max(32);
const days = z.number().int().min(0).max(LIMITS.days);
const grams = z.number().int().min(0).max(LIMITS.maxRangeGrams);
const unique = (codes: string[]) => [...new Set(codes)];

const countryCodes = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCountryCode, {
        message: "Not an ISO 3166-1 alpha-2 country code.",
        params: { code: "UNKNOWN_COUNTRY" },
      }),
  )
  .min(1)
  .max(LIMITS.countriesPerZone)
  .transform(unique);
const provinceCodes = z
  .array(z.string().trim().toUpperCase().max(10))
  .max(LIMITS.provincesPerZone)
  .transform(unique);

const rangeIssue = (message: string, path: (string | number)[]) => ({
  code: "custom" as const,
  message,
  path,
  params: { code: "INVALID_RANGE" },
});

const rateSchema = z
  .object({
    handle,
    title: text(LIMITS.title),
    price: decimal,
    weightRange: z
      .object({
        minGrams: grams.nullish().transform((v) => v ?? 0),
        maxGrams: grams.nullish().transform((v) => v ?? null),
      })
      .nullish()
      .transform((v) => v ?? null),
    orderValueRange: z
      .object({
        min: decimal.nullish().transform((v) => v ?? null),
        max: decimal.nullish().transform((v) => v ?? null),
      })
      .nullish()
      .transform((v) => v ?? null),
    freeAbove: decimal.nullish().transform((v) => v ?? null),
    minDays: days,
    maxDays: days,
  })
  .superRefine((rate, ctx) => {
    if (rate.minDays > rate.maxDays)
      ctx.addIssue(rangeIssue("maxDays must be at least minDays.", ["maxDays"]));
    const weight = rate.weightRange;
    if (weight && weight.maxGrams !== null && weight.minGrams > weight.maxGrams)
      ctx.addIssue(rangeIssue("maxGrams must be at least minGrams.", ["weightRange", "maxGrams"]));
    if (weight && rate.orderValueRange)
      ctx.addIssue({
        code: "custom",
        message: "Give a weightRange or an orderValueRange, not both.",
        path: ["orderValueRange"],
      });
  });

const rates = z
  .array(rateSchema)
  .min(1)
  .max(LIMITS.ratesPerZone)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const [i, rate] of list.entries()) {
      if (seen.has(rate.handle))
        ctx.addIssue({
          code: "custom",
          message: `Another rate of the input has the handle "${rate.handle}".`,
          path: [i, "handle"],
          params: { code: "TAKEN" },
        });
      seen.add(rate.handle);
    }
  });

type RateData = z.output<typeof rateSchema>;

const createSchema = z.object({
  shopId: globalId("Shop"),
  name: text(LIMITS.name),
  countryCodes,
  provinceCodes: provinceCodes.nullish().transform((v) => v ?? []),
  rates,
});

const undefIfNull = <T>(v: T | null | undefined) => v ?? undefined;
const updateSchema = z.object({
  id: globalId("ShippingZone"),
  name: text(LIMITS.name).nullish().transform(undefIfNull),
  countryCodes: countryCodes.nullish().transform(undefIfNull),
  provinceCodes: provinceCodes.nullish().transform(undefIfNull),
  rates: rates.nullish().transform(undefIfNull),
});

const MONEY_PROBLEMS = {
  NEGATIVE: ["LESS_THAN_MINIMUM", "must not be negative"],
  TOO_LARGE: ["GREATER_THAN_MAXIMUM", "is too large"],
  TOO_PRECISE: ["INVALID", "has more decimals than the shop's currency allows"],
  INVALID: ["INVALID", 'must be a decimal such as "12.50"'],
} as const;

/** Parses the rates' amounts in the shop's currency into minor units; errors carry the field path. */
function parseRates(
  input: RateData[],
  currencyCode: string,
): { ok: true; rates: ShippingRateRule[] } | { ok: false; errors: UserErrorShape[] } {
  const errors: UserErrorShape[] = [];
  const amount = (value: string | null, path: (string | number)[]): number | null => {
    if (value === null) return null;
    const result = parseDecimalAmount(value, currencyCode);
    if (result.ok) return result.amount;
    const [code, why] = MONEY_PROBLEMS[result.error];
    errors.push(userError(code, `${path.at(-1)} ${why}.`, ["rates", ...path]));
    return null;
  };
  const parsed = input.map((rate, i): ShippingRateRule => {
    const price = amount(rate.price, [i, "price"]) ?? 0;
    const freeAbove = amount(rate.freeAbove, [i, "freeAbove"]);
    const base = {
      handle: rate.handle,
      title: rate.title,
      price,
      freeAbove,
      minDays: rate.minDays,
      maxDays: rate.maxDays,
    };
    if (rate.weightRange)
      return {
        ...base,
        condition: "WEIGHT",
        conditionMin: rate.weightRange.minGrams,
        conditionMax: rate.weightRange.maxGrams,
      };
    if (rate.orderValueRange) {
      const min = amount(rate.orderValueRange.min, [i, "orderValueRange", "min"]) ?? 0;
      const max = amount(rate.orderValueRange.max, [i, "orderValueRange", "max"]);
      if (max !== null && min > max)
        errors.push(
          userError("INVALID_RANGE", "max must be at least min.", ["rates", i, "orderValueRange", "max"]),
        );
      return { ...base, condition: "ORDER_VALUE", conditionMin: min, conditionMax: max };
    }
    return { ...base, condition: "NONE", conditionMin: 0, conditionMax: null };
  });
  return errors.length ? { ok: false, errors } : { ok: true, rates: parsed };
}

function ratesFor(target: ZoneTarget, input: RateData[] | undefined) {
  return input === undefined
    ? ({ ok: true, rates: undefined } as const)
    : parseRates(input, target.currencyCode);
}

// ───────────── mutations ─────────────

const zonePayload = (name: string) =>
  definePayload(name, { field: "shippingZone", model: "ShippingZone" }, ShippingError.type);

const ShippingZoneDeletePayload = builder
  .objectRef<{ deletedId: string | null; userErrors: UserErrorShape<ShippingErrorCode>[] }>(
    "ShippingZoneDeletePayload",
  )
  .implement({
    fields: (t) => ({
      deletedShippingZoneId: t.id({
        nullable: true,
        resolve: (p) => (p.deletedId === null ? null : encodeGlobalID("ShippingZone", p.deletedId)),
      }),
      userErrors: t.field({
        type: [ShippingError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors),
      }),
    }),
  });

builder.mutationFields((t) => ({
  shippingZoneCreate: t.field({
    type: zonePayload("ShippingZoneCreate"),
    description: `Creates a shipping zone with its rates in a shop the caller manages (at most ${LIMITS.zonesPerShop} per shop).`,
    args: { input: t.arg({ type: ShippingZoneCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(createSchema, input, SHIPPING_ERROR_CODES);
      if (!parsed.ok) return failed(parsed.errors);
      const { shopId, ...zone } = parsed.data;
      const found = await zoneTarget(ctx, { shopId }, "shopId");
      if (!found.ok) return failed([found.error]);
      const money = parseRates(zone.rates, found.target.currencyCode);
      if (!money.ok) return failed(money.errors);
      return createZone(ctx, found.target, { ...zone, rates: money.rates });
    },
  }),
  shippingZoneUpdate: t.field({
    type: zonePayload("ShippingZoneUpdate"),
    description: "Changes a shipping zone of a shop the caller manages; `rates` replaces all its rates.",
    args: { input: t.arg({ type: ShippingZoneUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(updateSchema, input, SHIPPING_ERROR_CODES);
      if (!parsed.ok) return failed(parsed.errors);
      const { id, rates: rateInput, ...change } = parsed.data;
      const found = await zoneTarget(ctx, { zoneId: id }, "id");
      if (!found.ok) return failed([found.error]);
      const money = ratesFor(found.target, rateInput);
      if (!money.ok) return failed(money.errors);
      return updateZone(ctx, found.target, { ...change, rates: money.rates });
    },
  }),
  shippingZoneDelete: t.field({
    type: ShippingZoneDeletePayload,
    description:
      "Deletes a shipping zone and its rates (a shop the caller manages). Carts that selected one of its rates show no selection for that shop.",
    args: { input: t.arg({ type: ShippingZoneDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ id: globalId("ShippingZone") }), input);
      if (!parsed.ok) return { deletedId: null, userErrors: parsed.errors };
      const found = await zoneTarget(ctx, { zoneId: parsed.data.id }, "id");
      if (!found.ok) return { deletedId: null, userErrors: [found.error] };
      return { deletedId: await deleteZone(ctx, found.target), userErrors: [] };
    },
  }),
}));
