/**
 * `MailingAddress` (an address as a value: on carts and orders) and the buyer's address book
 * (`viewer.addresses`, entries of type `BuyerAddress`).
 */
import { builder } from "../builder.ts";
import { Viewer } from "../identity/user.ts";
import { listCost } from "../limits.ts";
import { ADDRESS_LIMITS, addressOf, formatAddress, type MailingAddressShape } from "./address-rules.ts";

export const MailingAddressType = builder.objectRef<MailingAddressShape>("MailingAddress").implement({
  description: "A postal address. Countries are ISO 3166-1 alpha-2, provinces ISO 3166-2 subdivision codes.",
  fields: (t) => ({
    firstName: t.exposeString("firstName", { nullable: true }),
    lastName: t.exposeString("lastName"),
    company: t.exposeString("company", { nullable: true }),
    address1: t.exposeString("address1"),
    address2: t.exposeString("address2", { nullable: true }),
    city: t.exposeString("city"),
    provinceCode: t.exposeString("provinceCode", {
      nullable: true,
      description: 'The subdivision code without the country ("CA" for California, "BE" for Berlin).',
    }),
    zip: t.exposeString("zip", {
      nullable: true,
      description: "Null where the country has no postal codes.",
    }),
    countryCode: t.exposeString("countryCode"),
    phone: t.exposeString("phone", { nullable: true }),
    formatted: t.string({
      description: "The address on one line, as on a label.",
      resolve: (a) => formatAddress(a),
    }),
  }),
});

export const MailingAddressInput = builder.inputType("MailingAddressInput", {
  description:
    "A postal address, validated per country: `lastName`, `address1`, `city` and `countryCode` always; `zip` where the country has postal codes (and of its shape); `provinceCode` where carriers need it (US, CA, AU, BR, MX, JP, IN, CN, IT, AR).",
  fields: (t) => ({
    firstName: t.string({ required: false }),
    lastName: t.string({ required: true }),
    company: t.string({ required: false }),
    address1: t.string({ required: true }),
    address2: t.string({ required: false }),
    city: t.string({ required: true }),
    provinceCode: t.string({ required: false }),
    zip: t.string({ required: false }),
    countryCode: t.string({ required: true, description: "ISO 3166-1 alpha-2, such as DE or US." }),
    phone: t.string({ required: false }),
  }),
});

export const BuyerAddressType = builder.prismaNode("BuyerAddress", {
  id: { field: "id" },
  nullable: true,
  description: "An address in the viewer's address book; only its owner can read it.",
  findUnique: (id, ctx) => (ctx.user ? { id, userId: ctx.user.id } : { id, AND: [{ id: { in: [] } }] }),
  fields: (t) => ({
    address: t.field({ type: MailingAddressType, resolve: (row) => addressOf(row) }),
    isDefault: t.exposeBoolean("isDefault", { description: "The address checkouts start from." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.objectFields(Viewer, (t) => ({
  addresses: t.prismaField({
    type: ["BuyerAddress"],
    description: `The user's saved addresses, the default first, then newest first (at most ${ADDRESS_LIMITS.book}); empty without a user token.`,
    complexity: listCost(ADDRESS_LIMITS.book),
    resolve: (query, _v, _a, ctx) =>
      ctx.user
        ? ctx.db.buyerAddress.findMany({
            ...query,
            where: { userId: ctx.user.id },
            orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }, { id: "desc" }],
            take: ADDRESS_LIMITS.book,
          })
        : [],
  }),
}));
