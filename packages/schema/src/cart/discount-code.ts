import { builder } from "../builder.ts";
import { manageableShopIds } from "../shared/access.ts";
import { DiscountKind } from "@shoppable/db/enums";
import { formatMinorUnits } from "../money.ts";
import { Money, money } from "../shared/money.ts";

export const DiscountKindEnum = builder.enumType(DiscountKind, {
  name: "DiscountKind",
  description:
    "PERCENTAGE off the shop's items in the cart, or a FIXED_AMOUNT off them (never more than their subtotal).",
});

export const DiscountCodeType = builder.prismaNode("DiscountCode", {
  id: { field: "id" },
  nullable: true,
  description: "A shop's discount code. Visible to the shop's merchants and the platform only.",
  findUnique: async (id, ctx) => {
    const managed = await manageableShopIds(ctx);
    return { id, ...(managed === "all" ? {} : { shopId: { in: managed } }) };
  },
  fields: (t) => ({
    code: t.exposeString("code", { description: "Upper case; buyers may type it in any case." }),
    kind: t.expose("kind", { type: DiscountKindEnum }),
    percentage: t.field({
      type: "Decimal",
      nullable: true,
      description: 'PERCENTAGE codes: the percentage off, such as "12.5".',
      select: { kind: true, value: true },
      resolve: (d) =>
        d.kind === "PERCENTAGE" ? formatMinorUnits(d.value, "EUR").replace(/\.?0+$/, "") : null,
    }),
    amount: t.field({
      type: Money,
      nullable: true,
      description: "FIXED_AMOUNT codes: the amount off, in the shop's currency.",
      select: { kind: true, value: true, shop: { select: { currencyCode: true } } },
      resolve: (d) => (d.kind === "FIXED_AMOUNT" ? money(d.value, d.shop.currencyCode) : null),
    }),
    minSubtotal: t.field({
      type: Money,
      nullable: true,
      description: "The shop's items in the cart must reach this subtotal.",
      select: { minSubtotal: true, shop: { select: { currencyCode: true } } },
      resolve: (d) => (d.minSubtotal === null ? null : money(d.minSubtotal, d.shop.currencyCode)),
    }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", {
      type: "DateTime",
      nullable: true,
      description: "The code no longer applies from this instant.",
    }),
    usageLimit: t.exposeInt("usageLimit", {
      nullable: true,
      description: "Orders that may use it in all; null: no limit.",
    }),
    perBuyerLimit: t.exposeInt("perBuyerLimit", {
      nullable: true,
      description: "Orders each buyer (user, else email) may use it for; null: no limit.",
    }),
    usageCount: t.exposeInt("usageCount", { description: "Orders that used it." }),
    shop: t.relation("shop"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
