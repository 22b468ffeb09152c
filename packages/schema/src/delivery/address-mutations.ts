import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../builder.ts";
import { globalId, parseInput } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { firstUserErrors, userErrorsCost, type UserErrorShape } from "../shared/user-error.ts";
import { MailingAddressInput } from "./address.ts";
import { ADDRESS_ERROR_CODES, mailingAddress } from "./address-rules.ts";
import { createAddress, deleteAddress, updateAddress } from "./address-service.ts";
import { AddressError, type AddressErrorCode } from "./errors.ts";

const ViewerAddressCreateInput = builder.inputType("ViewerAddressCreateInput", {
  fields: (t) => ({
    address: t.field({ type: MailingAddressInput, required: true }),
    isDefault: t.boolean({
      required: false,
      description: "Make it the default (the first saved address always is).",
    }),
  }),
});

const ViewerAddressUpdateInput = builder.inputType("ViewerAddressUpdateInput", {
  fields: (t) => ({
    id: t.id({ required: true, description: "A `BuyerAddress` ID of the viewer." }),
    address: t.field({
      type: MailingAddressInput,
      required: false,
      description: "The whole new address; left out: unchanged.",
    }),
    isDefault: t.boolean({ required: false, description: "Left out or null: unchanged." }),
  }),
});

const ViewerAddressDeleteInput = builder.inputType("ViewerAddressDeleteInput", {
  fields: (t) => ({ id: t.id({ required: true, description: "A `BuyerAddress` ID of the viewer." }) }),
});

const createSchema = z.object({
  address: mailingAddress,
  isDefault: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});
const updateSchema = z.object({
  id: globalId("BuyerAddress"),
  address: mailingAddress.nullish().transform((v) => v ?? null),
  isDefault: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
});
const deleteSchema = z.object({ id: globalId("BuyerAddress") });

const addressPayload = (name: string) =>
  definePayload(name, { field: "address", model: "BuyerAddress" }, AddressError.type);

const ViewerAddressDeletePayload = builder
  .objectRef<{ deletedId: string | null; userErrors: UserErrorShape<AddressErrorCode>[] }>(
    "ViewerAddressDeletePayload",
  )
  .implement({
    fields: (t) => ({
      deletedAddressId: t.id({
        nullable: true,
        resolve: (p) => (p.deletedId === null ? null : encodeGlobalID("BuyerAddress", p.deletedId)),
      }),
      userErrors: t.field({
        type: [AddressError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors),
      }),
    }),
  });

builder.mutationFields((t) => ({
  viewerAddressCreate: t.field({
    type: addressPayload("ViewerAddressCreate"),
    description: "Saves an address in the viewer's address book. Needs a user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ViewerAddressCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(createSchema, input, ADDRESS_ERROR_CODES);
      if (!parsed.ok) return failed(parsed.errors);
      return createAddress(ctx, ctx.user!.id, parsed.data.address, parsed.data.isDefault);
    },
  }),
  viewerAddressUpdate: t.field({
    type: addressPayload("ViewerAddressUpdate"),
    description: "Replaces a saved address and/or makes it the default. Needs a user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ViewerAddressUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(updateSchema, input, ADDRESS_ERROR_CODES);
      if (!parsed.ok) return failed(parsed.errors);
      const { id, address, isDefault } = parsed.data;
      return updateAddress(ctx, ctx.user!.id, id, { address, isDefault });
    },
  }),
  viewerAddressDelete: t.field({
    type: ViewerAddressDeletePayload,
    description:
      "Deletes a saved address; when it was the default, the newest remaining one becomes the default. Carts and orders keep their copy. Needs a user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ViewerAddressDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(deleteSchema, input);
      if (!parsed.ok) return { deletedId: null, userErrors: parsed.errors };
      const { deletedId, errors } = await deleteAddress(ctx, ctx.user!.id, parsed.data.id);
      return { deletedId, userErrors: errors };
    },
  }),
}));
