/**
 * What an order keeps of delivery and tax, as at checkout (draft-orders.ts writes it): the
 * address, the delivery option, the shipping charge, the tax by rate and per line. Later changes
 * to the shop's zones, rates or tax rates never alter these. Readable by whoever reads the order
 * (its buyer, the shop's merchants, the platform: order.ts).
 */
import { z } from "zod";
import { builder } from "../builder.ts";
import { MailingAddressType } from "../delivery/address.ts";
import { DeliveryEstimate } from "../delivery/shipping.ts";
import { listCost } from "../limits.ts";
import { Money, money } from "../shared/money.ts";
import type { ShippingLineSnapshot, TaxLineSnapshot } from "./draft-orders.ts";

const OrderShippingLine = builder
  .objectRef<ShippingLineSnapshot & { currencyCode: string }>("OrderShippingLine")
  .implement({
    description: "The delivery option chosen at checkout, as it was then.",
    fields: (t) => ({
      handle: t.exposeString("handle"),
      title: t.exposeString("title"),
      estimatedDays: t.field({
        type: DeliveryEstimate,
        resolve: (s) => ({ min: s.minDays, max: s.maxDays }),
      }),
      price: t.field({
        type: Money,
        description: "What the option cost (tax included when the order's taxes are included).",
        resolve: (s) => money(s.price, s.currencyCode),
      }),
      tax: t.field({
        type: Money,
        description: "The tax on the shipping charge.",
        resolve: (s) => money(s.tax, s.currencyCode),
      }),
    }),
  });

const OrderTaxLine = builder.objectRef<TaxLineSnapshot & { currencyCode: string }>("OrderTaxLine").implement({
  description: "A tax of the order by rate, as at checkout: over its lines and shipping.",
  fields: (t) => ({
    name: t.exposeString("name"),
    percentage: t.exposeString("percentage", { description: 'The rate in percent, exactly: "19", "8.875".' }),
    amount: t.field({ type: Money, resolve: (l) => money(l.amount, l.currencyCode) }),
  }),
});

// The JSON snapshots as checkout writes them (draft-orders.ts); anything else reads as none.
const nullableText = z.string().nullable().default(null);
const addressSnapshot = z.object({
  firstName: nullableText,
  lastName: z.string(),
  company: nullableText,
  address1: z.string(),
  address2: nullableText,
  city: z.string(),
  provinceCode: nullableText,
  zip: nullableText,
  countryCode: z.string(),
  phone: nullableText,
});
const shippingLineSnapshot = z.object({
  handle: z.string(),
  title: z.string(),
  minDays: z.number().int(),
  maxDays: z.number().int(),
  price: z.number().int(),
  tax: z.number().int(),
}) satisfies z.ZodType<ShippingLineSnapshot>;
const taxLinesSnapshot = z.array(
  z.object({ name: z.string(), ratePpm: z.number().int(), percentage: z.string(), amount: z.number().int() }),
) satisfies z.ZodType<TaxLineSnapshot[]>;

function snapshot<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

builder.prismaObjectFields("Order", (t) => ({
  shippingAddress: t.field({
    type: MailingAddressType,
    nullable: true,
    description: "Where the order ships, as at checkout; null when nothing of it ships.",
    select: { shippingAddress: true },
    resolve: (o) => snapshot(addressSnapshot, o.shippingAddress),
  }),
  shippingLine: t.field({
    type: OrderShippingLine,
    nullable: true,
    description: "The delivery option chosen at checkout; null when nothing of the order ships.",
    select: { shippingLine: true, currencyCode: true },
    resolve: (o) => {
      const line = snapshot(shippingLineSnapshot, o.shippingLine);
      return line ? { ...line, currencyCode: o.currencyCode } : null;
    },
  }),
  shippingTotal: t.field({
    type: Money,
    description: "The shipping charge (tax included when taxesIncluded).",
    select: { shippingTotal: true, currencyCode: true },
    resolve: (o) => money(o.shippingTotal, o.currencyCode),
  }),
  taxTotal: t.field({
    type: Money,
    description:
      "All the order's tax, on lines and shipping: inside the prices when taxesIncluded, else added.",
    select: { taxTotal: true, currencyCode: true },
    resolve: (o) => money(o.taxTotal, o.currencyCode),
  }),
  taxesIncluded: t.exposeBoolean("taxesIncluded", {
    description: "Whether the prices and shipping included the tax (the shop's setting at checkout).",
  }),
  taxLines: t.field({
    type: [OrderTaxLine],
    description: "The tax by rate, as at checkout; empty when no rate applied (at most one rate per order).",
    complexity: listCost(1),
    select: { taxLines: true, currencyCode: true },
    resolve: (o) =>
      (snapshot(taxLinesSnapshot, o.taxLines) ?? []).map((l) => ({ ...l, currencyCode: o.currencyCode })),
  }),
}));

builder.prismaObjectFields("OrderLine", (t) => ({
  tax: t.field({
    type: Money,
    description:
      "The line's tax at checkout: inside `total` when the order's taxes are included, else added.",
    select: { taxAmount: true, order: { select: { currencyCode: true } } },
    resolve: (l) => money(l.taxAmount, l.order.currencyCode),
  }),
}));
