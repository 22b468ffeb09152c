import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../builder.ts";
import { globalId, parseInput, text } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { firstUserErrors, userErrorsCost, type UserErrorShape } from "../shared/user-error.ts";
import { isCountryCode, provinceCodes } from "./address-rules.ts";
import { TAX_ERROR_CODES, TaxError, type TaxErrorCode } from "./errors.ts";
import { deleteTaxRate, ratePpmOf, setTaxRate, TAX_LIMITS } from "./tax-service.ts";

// ───────────── inputs ─────────────

const TaxRateSetInput = builder.inputType("TaxRateSetInput", {
  description:
    "A tax rate for a scope (a shop, or the platform), country and province. Setting one where the scope has a rate for that country and province replaces it.",
  fields: (t) => ({
    shopId: t.id({
      required: false,
      description: "The shop whose own rate this is; left out: a platform rate (the platform only).",
    }),
    countryCode: t.string({ description: "ISO 3166-1 alpha-2." }),
    provinceCode: t.string({
      required: false,
      description:
        'A subdivision of the country as `MailingAddress.provinceCode` holds it ("CA"); left out: the whole country.',
    }),
    name: t.string({
      description: `What receipts call the tax, such as "VAT" (1 to ${TAX_LIMITS.name} characters).`,
    }),
    percentage: t.string({
      description: 'The rate in percent, from 0 to 100 with at most four decimals, such as "19" or "8.875".',
    }),
    shippingTaxable: t.boolean({
      required: false,
      description: "Whether the shipping charge is taxed at this rate too (default true).",
    }),
  }),
});

const TaxRateDeleteInput = builder.inputType("TaxRateDeleteInput", {
  fields: (t) => ({ id: t.id({ description: "A `TaxRate` ID." }) }),
});

// ───────────── parsing ─────────────

const INVALID_RATE = {
  message: 'Must be a percentage from 0 to 100 with at most four decimals, such as "19" or "8.875".',
  params: { code: "INVALID_RATE" },
};

/** A percentage ("8.875") as parts per million (88750). */
const percentage = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const ppm = ratePpmOf(value);
    if (ppm === null || ppm > TAX_LIMITS.maxRatePpm) {
      ctx.addIssue({ code: "custom", ...INVALID_RATE });
      return z.NEVER;
    }
    return ppm;
  });

const setSchema = z
  .object({
    shopId: globalId("Shop")
      .nullish()
      .transform((v) => v ?? null),
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCountryCode, {
        message: "Not an ISO 3166-1 alpha-2 country code.",
        params: { code: "UNKNOWN_COUNTRY" },
      }),
    provinceCode: z
      .string()
      .trim()
      .toUpperCase()
      .max(10)
      .nullish()
      .transform((v) => v || null),
    name: text(TAX_LIMITS.name),
    percentage,
    shippingTaxable: z
      .boolean()
      .nullish()
      .transform((v) => v ?? true),
  })
  .superRefine((rate, ctx) => {
    // An unknown country has its own error already.
    const { countryCode, provinceCode } = rate;
    if (provinceCode !== null && isCountryCode(countryCode) && !provinceCodes(countryCode).has(provinceCode))
      ctx.addIssue({
        code: "custom",
        path: ["provinceCode"],
        message: `${JSON.stringify(provinceCode)} is not a province code of ${countryCode}.`,
        params: { code: "INVALID_PROVINCE" },
      });
  });

// ───────────── mutations ─────────────

const TaxRateDeletePayload = builder
  .objectRef<{ deletedId: string | null; userErrors: UserErrorShape<TaxErrorCode>[] }>("TaxRateDeletePayload")
  .implement({
    fields: (t) => ({
      deletedTaxRateId: t.id({
        nullable: true,
        resolve: (p) => (p.deletedId === null ? null : encodeGlobalID("TaxRate", p.deletedId)),
      }),
      userErrors: t.field({
        type: [TaxError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors),
      }),
    }),
  });

builder.mutationFields((t) => ({
  taxRateSet: t.field({
    type: definePayload("TaxRateSet", { field: "taxRate", model: "TaxRate" }, TaxError.type),
    description: `Creates or replaces the tax rate of a scope, country and province: a shop's own (its merchants and the platform) or, without \`shopId\`, the platform's (the platform only). At most ${TAX_LIMITS.ratesPerShop} rates per shop and ${TAX_LIMITS.platformRates} platform rates.`,
    args: { input: t.arg({ type: TaxRateSetInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(setSchema, input, TAX_ERROR_CODES);
      if (!parsed.ok) return failed(parsed.errors);
      const { percentage: ratePpm, ...rate } = parsed.data;
      return setTaxRate(ctx, { ...rate, ratePpm });
    },
  }),
  taxRateDelete: t.field({
    type: TaxRateDeletePayload,
    description:
      "Deletes a tax rate: a shop's (its merchants and the platform) or the platform's (the platform only).",
    args: { input: t.arg({ type: TaxRateDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ id: globalId("TaxRate") }), input);
      if (!parsed.ok) return { deletedId: null, userErrors: parsed.errors };
      return deleteTaxRate(ctx, parsed.data.id);
    },
  }),
}));
