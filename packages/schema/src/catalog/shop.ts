import { handleArg } from "../shared/input.ts";
import { builder } from "../builder.ts";
import { limits, listCost } from "../limits.ts";
import { CurrencyCode } from "../shared/scalars.ts";
import { Viewer } from "../identity/user.ts";
import { manageableShopIds } from "../shared/access.ts";
import { listProducts } from "./product-list.ts";
import { decodeProductFilter, ProductConnection, productListArgs } from "./product.ts";
import { mediaUrl } from "../shared/media-url.ts";

export const ShopType = builder.prismaNode("Shop", {
  id: { field: "id" },
  nullable: true,
  description: "A brand's storefront. All its prices are in `currencyCode`.",
  fields: (t) => ({
    handle: t.exposeString("handle"),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    currencyCode: t.expose("currencyCode", { type: CurrencyCode }),
    logoUrl: t.string({ nullable: true, resolve: (s, _, ctx) => mediaUrl(ctx, s.logoUrl) }),
    followerCount: t.exposeInt("followerCount"),
    lowStockThreshold: t.exposeInt("lowStockThreshold", {
      description: "INVENTORY_LOW webhooks fire when a variant's stock falls below this.",
    }),
    pricesIncludeTax: t.exposeBoolean("pricesIncludeTax", {
      description:
        "Whether the shop's prices (and shipping) include tax, EU style; false: tax is added at checkout, US style.",
    }),
    returnWindowDays: t.exposeInt("returnWindowDays", {
      description:
        "Days after a line's fulfilment during which its buyer may request a return; 0: no returns.",
    }),
    refundShippingOnReturn: t.exposeBoolean("refundShippingOnReturn", {
      description:
        "Whether an approved return also refunds the returned lines' share of the shipping charge.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    products: t.field({
      type: ProductConnection,
      description: "This shop's products (the same arguments as `Query.products`).",
      args: { ...t.arg.connectionArgs(), ...productListArgs(t.arg) },
      complexity: (args) => ({ field: 1, multiplier: args.first ?? args.last ?? limits.defaultPageSize }),
      resolve: (shop, args, ctx, info) =>
        listProducts(
          ctx,
          { ...args, filter: { ...decodeProductFilter(args.filter as never), shopId: shop.id } },
          info,
        ) as never,
    }),
    collections: t.relatedConnection("collections", {
      cursor: "id",
      query: { orderBy: { id: "asc" } },
      totalCount: true,
    }),
  }),
});

builder.queryFields((t) => ({
  shop: t.prismaField({
    type: "Shop",
    nullable: true,
    args: { handle: t.arg.string({ required: true, validate: handleArg }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.shop.findUnique({ ...query, where: { handle: args.handle } }),
  }),
  shops: t.prismaConnection({
    type: "Shop",
    cursor: "id",
    description: "All shops, oldest first.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    totalCount: (_root, _args, ctx) => ctx.db.shop.count(),
    resolve: (query, _root, _args, ctx) => ctx.db.shop.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
}));

/** Most shops `viewer.shops` lists. */
export const MAX_VIEWER_SHOPS = 100;

builder.objectField(Viewer, "shops", (t) =>
  t.prismaField({
    type: ["Shop"],
    description: `The shops the caller manages, by name (merchants: their shops, the first ${MAX_VIEWER_SHOPS}; the platform: none listed).`,
    complexity: listCost(MAX_VIEWER_SHOPS),
    resolve: async (query, _v, _a, ctx) => {
      const managed = await manageableShopIds(ctx);
      if (managed === "all" || managed.length === 0) return [];
      return ctx.db.shop.findMany({
        ...query,
        where: { id: { in: managed } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: MAX_VIEWER_SHOPS,
      });
    },
  }),
);
