import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError, userError, type UserErrorShape } from "../shared/user-error.ts";

export const CheckoutError = defineUserError("Checkout", {
  ...INPUT_ERROR_CODES,
  CART_EXPIRED: "Returned when the cart expired (30 days without changes).",
  CART_COMPLETED: "Returned when the cart was already checked out (with another idempotency key).",
  CART_MERGED: "Returned when the cart's lines moved into its buyer's cart at sign-in; check that cart out.",
  CHECKOUT_IN_PROGRESS:
    "Returned when another checkout of the cart, or the first request with this idempotency key, is still running; retry shortly with the same key.",
  EMPTY_CART: "Returned when the cart has no lines.",
  EMAIL_REQUIRED:
    "Returned when an anonymous buyer gave no email (cartBuyerIdentityUpdate) and no user token names one.",
  PRODUCT_UNAVAILABLE: "Returned when a line's product is no longer for sale; remove the line.",
  OUT_OF_STOCK:
    "Returned when the cart asks for more units of a variant (over all its lines) than are in stock; `quantityAvailable` says how many are.",
  DISCOUNT_CODE_NOT_APPLICABLE:
    "Returned when a discount code on the cart matches a shop in it but no longer applies (ended, minimum subtotal not met, usage limit reached overall or for this buyer); remove it or change the cart.",
  AMOUNT_TOO_LARGE: "Returned when an order's total would exceed the largest amount accepted.",
  DELIVERY_ADDRESS_REQUIRED:
    "Returned when the cart holds goods that ship and has no delivery address (cartDeliveryAddressUpdate); `shopId` names a shop concerned.",
  DELIVERY_UNAVAILABLE:
    "Returned when a shop does not deliver to the cart's address (no shipping zone covers it) or none of its rates applies to the goods (weight or value); `shopId` names the shop.",
  DELIVERY_OPTION_REQUIRED:
    "Returned when no delivery option is chosen for a shop whose goods ship (cartSelectedDeliveryOptionsUpdate); `shopId` names the shop.",
  DELIVERY_OPTION_UNAVAILABLE:
    "Returned when the delivery option chosen for a shop is no longer offered (the address, the cart or the shop's rates changed); choose again. `shopId` names the shop.",
  PAYMENT_DECLINED:
    "Returned when the payment provider declined the payment; nothing was charged and the stock was released. Retry with another payment and a new idempotency key.",
  PAYMENT_FAILED:
    "Returned when the payment provider kept failing with retryable errors; nothing was charged, the stock was released and the idempotency key may be used again.",
  PAYMENT_PENDING:
    "Returned when the payment provider did not answer in time: the outcome is unknown, the stock stays reserved. Retry with the same idempotency key and input; it never charges twice.",
  IDEMPOTENCY_KEY_REUSED:
    "Returned when the idempotency key was used in the last 24 hours with different input.",
  CHECKOUT_ABANDONED:
    "Returned to a retry of a checkout that stopped before it finished (interrupted, or its payment stayed pending) and was released after CHECKOUT_RELEASE_AFTER_MS without activity: nothing was charged (any authorisation was voided), the stock and the cart were given back. Check the cart out again with a new idempotency key.",
});

export type CheckoutErrorCode = (typeof CheckoutError.codes)[number];

export interface CheckoutUserErrorShape extends UserErrorShape<CheckoutErrorCode> {
  quantityAvailable?: number | null;
  /** Database id of the variant the error is about. */
  variantId?: string | null;
  /** Database id of the shop a delivery error is about. */
  shopId?: string | null;
}

builder.objectFields(CheckoutError.type, (t) => ({
  quantityAvailable: t.int({
    nullable: true,
    description: "With OUT_OF_STOCK: how many units of the variant can be bought now.",
    resolve: (e) => (e as CheckoutUserErrorShape).quantityAvailable ?? null,
  }),
  variantId: t.id({
    nullable: true,
    description: "With OUT_OF_STOCK and PRODUCT_UNAVAILABLE: the variant concerned.",
    resolve: (e) => {
      const id = (e as CheckoutUserErrorShape).variantId;
      return id ? encodeGlobalID("ProductVariant", id) : null;
    },
  }),
  shopId: t.id({
    nullable: true,
    description: "With the DELIVERY_ errors: the shop whose delivery group is concerned.",
    resolve: (e) => {
      const id = (e as CheckoutUserErrorShape).shopId;
      return id ? encodeGlobalID("Shop", id) : null;
    },
  }),
}));

export function checkoutError(
  code: CheckoutErrorCode,
  message: string,
  field: (string | number)[] | null = null,
  extra: { quantityAvailable?: number; variantId?: string; shopId?: string } = {},
): CheckoutUserErrorShape {
  return { ...userError(code, message, field), ...extra };
}

export const OrderError = defineUserError("Order", {
  ...INPUT_ERROR_CODES,
  INVALID_STATUS_TRANSITION:
    "Returned when the order's status does not allow the change (for example fulfilling a cancelled or fulfilled order, or cancelling one of which something was fulfilled).",
  REFUND_QUANTITY_EXCEEDED:
    "Returned when refunding more units of a line than were bought and not yet refunded.",
  NOTHING_TO_REFUND: "Returned when every unit of the order was already refunded.",
  REFUND_FAILED: "Returned when the payment provider refused the refund; the order is unchanged.",
  TOO_MANY_REFUNDS:
    "Returned when the order already has 9 refunds (succeeded or pending) and this one would leave units unrefunded: an order takes at most 10, the last refunding everything left (orderRefund without lines, or orderCancel).",
  REFUND_PENDING:
    "Returned when the payment provider did not answer: the refund stays pending and the next orderRefund or orderCancel of the order resumes it (never repeating it).",
  FULFILL_QUANTITY_EXCEEDED:
    "Returned when fulfilling more units of a line than are left to ship (bought, not shipped yet and not refunded before shipping); `quantityFulfillable` says how many are.",
  NOTHING_TO_FULFILL:
    "Returned when no unit of the order is left to ship: every unit was shipped or refunded before shipping.",
  TOO_MANY_FULFILLMENTS:
    "Returned when the order already has 49 fulfilments and this one would leave units to ship: an order takes at most 50, the last fulfilling everything left (orderFulfill without lines).",
});

export type OrderErrorCode = (typeof OrderError.codes)[number];

export interface OrderUserErrorShape extends UserErrorShape<OrderErrorCode> {
  quantityFulfillable?: number | null;
}

builder.objectFields(OrderError.type, (t) => ({
  quantityFulfillable: t.int({
    nullable: true,
    description: "With FULFILL_QUANTITY_EXCEEDED: how many units of the line are left to ship.",
    resolve: (e) => (e as OrderUserErrorShape).quantityFulfillable ?? null,
  }),
}));

/** Returns an order takes (all statuses): the bound of `Order.returns`. */
export const RETURN_LIMIT = 20;

export const ReturnError = defineUserError("Return", {
  ...INPUT_ERROR_CODES,
  RETURNS_NOT_ACCEPTED: "Returned when the shop takes no returns (its return window is 0 days).",
  NOT_RETURNABLE:
    "Returned when a line has fewer units that may be returned than asked: units not delivered yet, already refunded, or in another return; `quantityReturnable` says how many may be.",
  RETURN_WINDOW_CLOSED:
    "Returned when a line was delivered (its latest fulfilment) longer ago than the shop's return window.",
  TOO_MANY_RETURNS: `Returned when the order already has ${RETURN_LIMIT} returns (requested, approved or declined).`,
  RETURN_NOT_REQUESTED: "Returned when the return was already approved or declined.",
  INVALID_STATUS_TRANSITION:
    "Returned when the order's status no longer allows the return's refund (the order was cancelled).",
  TOO_MANY_REFUNDS:
    "Returned when approving would be the order's 10th refund and leave units unrefunded: an order takes at most 10 refunds, the last refunding everything left.",
  REFUND_FAILED:
    "Returned when the payment provider refused the return's refund; the return stays requested and the order unchanged.",
  REFUND_PENDING:
    "Returned when the payment provider did not answer: the return is approved, its refund stays pending and the next orderRefund, orderCancel or returnApprove of the order settles it (never repeating it).",
});

export type ReturnErrorCode = (typeof ReturnError.codes)[number];

export interface ReturnUserErrorShape extends UserErrorShape<ReturnErrorCode> {
  quantityReturnable?: number | null;
}

builder.objectFields(ReturnError.type, (t) => ({
  quantityReturnable: t.int({
    nullable: true,
    description: "With NOT_RETURNABLE: how many units of the line may be returned now.",
    resolve: (e) => (e as ReturnUserErrorShape).quantityReturnable ?? null,
  }),
}));

export function returnError(
  code: ReturnErrorCode,
  message: string,
  field: (string | number)[] | null = null,
  extra: { quantityReturnable?: number } = {},
): ReturnUserErrorShape {
  return { ...userError(code, message, field), ...extra };
}
