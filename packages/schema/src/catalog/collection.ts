import { handleArg } from "../shared/input.ts";
import { builder } from "../builder.ts";
import { limits } from "../limits.ts";
import { listProducts } from "./product-list.ts";
import { decodeProductFilter, ProductConnection, productListArgs } from "./product.ts";

export const CollectionType = builder.prismaNode("Collection", {
  id: { field: "id" },
  nullable: true,
  description: "A curated group of a shop's products.",
  fields: (t) => ({
    handle: t.exposeString("handle"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    shop: t.relation("shop"),
    products: t.field({
      type: ProductConnection,
      args: { ...t.arg.connectionArgs(), ...productListArgs(t.arg) },
      complexity: (args) => ({ field: 1, multiplier: args.first ?? args.last ?? limits.defaultPageSize }),
      resolve: (collection, args, ctx, info) =>
        listProducts(
          ctx,
          { ...args, filter: { ...decodeProductFilter(args.filter as never), collectionId: collection.id } },
          info,
        ) as never,
    }),
  }),
});

builder.queryField("collection", (t) =>
  t.prismaField({
    type: "Collection",
    nullable: true,
    args: { handle: t.arg.string({ required: true, validate: handleArg }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.collection.findUnique({ ...query, where: { handle: args.handle } }),
  }),
);
