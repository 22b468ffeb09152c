/**
 * Tax rates (`TaxRate`): the platform's (`platformTaxRates`) and each shop's own
 * (`Shop.taxRates`). Public, like prices: buyers see what tax applies.
 */
import { builder } from "../builder.ts";
import { listCost } from "../limits.ts";
import { percentageOf } from "./tax-rules.ts";
import { shopTaxRates, TAX_LIMITS, TAX_RATE_ORDER } from "./tax-service.ts";

export const TaxRateType = builder.prismaNode("TaxRate", {
  id: { field: "id" },
  nullable: true,
  description:
    "A tax rate for goods sent to a country, or to one province of it: the platform's (`shop` null) or a shop's own. At an address, the shop's rate for the province applies, else the shop's for the country, else the platform's for the province, else the platform's for the country; else no tax.",
  fields: (t) => ({
    countryCode: t.exposeString("countryCode", { description: "ISO 3166-1 alpha-2." }),
    provinceCode: t.exposeString("provinceCode", {
      nullable: true,
      description: 'As `MailingAddress.provinceCode` holds it ("CA"); null: the whole country.',
    }),
    name: t.exposeString("name", { description: 'What receipts call the tax, such as "VAT".' }),
    percentage: t.string({
      description: 'The rate in percent, exactly as set: a decimal such as "19" or "8.875".',
      select: { ratePpm: true },
      resolve: (r) => percentageOf(r.ratePpm),
    }),
    shippingTaxable: t.exposeBoolean("shippingTaxable", {
      description: "Whether the shipping charge is taxed at this rate too.",
    }),
    shop: t.relation("shop", { nullable: true, description: "Null for the platform's rates." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectFields("Shop", (t) => ({
  taxRates: t.prismaField({
    type: ["TaxRate"],
    description: `The shop's own tax rates, by country then province, the whole country first (at most ${TAX_LIMITS.ratesPerShop}). Public, like prices. Loaded in one statement for all the shops of a list.`,
    complexity: listCost(TAX_LIMITS.ratesPerShop),
    resolve: (query, shop, _args, ctx) => shopTaxRates(ctx, query, shop.id),
  }),
}));

builder.queryFields((t) => ({
  platformTaxRates: t.prismaField({
    type: ["TaxRate"],
    description: `The platform's tax rates, which apply where a shop has none of its own, by country then province, the whole country first (at most ${TAX_LIMITS.platformRates}).`,
    complexity: listCost(TAX_LIMITS.platformRates),
    resolve: (query, _root, _args, ctx) =>
      ctx.db.taxRate.findMany({
        ...query,
        where: { shopId: null },
        orderBy: [...TAX_RATE_ORDER],
        take: TAX_LIMITS.platformRates,
      }),
  }),
}));
