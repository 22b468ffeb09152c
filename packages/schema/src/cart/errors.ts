import { builder } from "../builder.ts";
import { ADDRESS_ERROR_CODES } from "../delivery/address-rules.ts";
import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError, userError, type UserErrorShape } from "../shared/user-error.ts";

export const CartError = defineUserError("Cart", {
  ...INPUT_ERROR_CODES,
  ...ADDRESS_ERROR_CODES,
  CART_EXPIRED: "Returned when the cart had no change for 30 days and expired; create a new cart.",
  CART_COMPLETED: "Returned when changing a cart that was checked out.",
  CART_MERGED:
    "Returned when changing an anonymous cart whose lines moved into its buyer's cart at sign-in; use that cart.",
  CHECKOUT_IN_PROGRESS: "Returned when changing a cart while a checkout of it is under way.",
  OUT_OF_STOCK:
    "Returned when the quantity asked for, over all lines of the variant, exceeds its stock; `quantityAvailable` says how many can be bought.",
  PRODUCT_UNAVAILABLE:
    "Returned when the product is not for sale (draft, archived, or hidden by moderation).",
  CURRENCY_MISMATCH: "Returned when adding a product priced in another currency than the cart's other lines.",
  TOO_MANY_LINES: "Returned when the cart would hold more than 100 lines.",
  ATTRIBUTION_MISMATCH:
    "Returned when a line's attribution does not hold together: the product tag is not on the post or tags another product, or the affiliate link is for another shop.",
  AFFILIATE_LINK_INACTIVE: "Returned when the affiliate code names a disabled link.",
  DELIVERY_OPTION_UNAVAILABLE:
    "Returned when selecting a delivery option the shop's delivery group does not offer at the cart's delivery address now (see `CartDeliveryGroup.deliveryOptions`).",
});

export type CartErrorCode = (typeof CartError.codes)[number];

/** A cart userError; OUT_OF_STOCK ones say how many units are available. */
export interface CartUserErrorShape extends UserErrorShape<CartErrorCode> {
  quantityAvailable?: number | null;
}

builder.objectField(CartError.type, "quantityAvailable", (t) =>
  t.int({
    nullable: true,
    description: "With OUT_OF_STOCK: how many units of the variant can be bought now.",
    resolve: (e) => (e as CartUserErrorShape).quantityAvailable ?? null,
  }),
);

export function cartError(
  code: CartErrorCode,
  message: string,
  field: (string | number)[] | null = null,
  extra: { quantityAvailable?: number } = {},
): CartUserErrorShape {
  return { ...userError(code, message, field), ...extra };
}

export const DiscountError = defineUserError("Discount", {
  ...INPUT_ERROR_CODES,
  TAKEN: "Returned when the shop already has a discount code with this code.",
});

export type DiscountErrorCode = (typeof DiscountError.codes)[number];
