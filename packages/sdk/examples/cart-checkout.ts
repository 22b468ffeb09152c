/**
 * Cart and checkout: add through a post's product tag, apply a code, ship to a saved address
 * with the first delivery option of each shop, pay once (idempotent).
 */
import { createShoppableClient, type CheckoutCompleteInput } from "@shoppable/sdk";

export async function cartCheckoutExample(
  url: string,
  publishableKey: string,
  buyerToken: string,
  variantId: string,
  addressId: string,
  postId?: string,
  productTagId?: string,
) {
  const buyer = createShoppableClient({ url, apiKey: publishableKey, userToken: buyerToken });
  const created = await buyer.cartCreate({
    lines: [{ variantId, quantity: 1, attribution: { postId, productTagId } }],
  });
  const cart = created.cart;
  if (!cart) throw new Error(created.userErrors[0]?.message);

  const added = await buyer.cartLinesAdd({ cartId: cart.id, lines: [{ variantId, quantity: 50 }] });
  for (const error of added.userErrors) {
    if (error.code === "OUT_OF_STOCK") console.log(`Only ${error.quantityAvailable} left`);
  }
  await buyer.cartDiscountCodesUpdate({ cartId: cart.id, discountCodes: ["WELCOME10"] });

  // Physical goods need an address (saved, or `address: { … }` inline) and an option per shop.
  const addressed = await buyer.cartDeliveryAddressUpdate({ cartId: cart.id, addressId });
  const selections = (addressed.cart?.deliveryGroups ?? []).flatMap((group) =>
    group.deliveryOptions.slice(0, 1).map((option) => ({ shopId: group.shop.id, handle: option.handle })),
  );
  const delivered = await buyer.cartSelectedDeliveryOptionsUpdate({ cartId: cart.id, selections });
  const cost = delivered.cart?.cost;
  console.log(
    `shipping ${cost?.shipping.amount}, tax ${cost?.tax.amount} (included: ${cost?.includedTax.amount})`,
  );

  // The same idempotency key on a retry (after a timeout, a crash) never charges twice.
  const checkout: CheckoutCompleteInput = {
    cartId: cart.id,
    idempotencyKey: `checkout-${cart.id}`,
    payment: { token: "tok_success" },
  };
  // Refused with DELIVERY_ADDRESS_REQUIRED, DELIVERY_OPTION_REQUIRED, … (`shopId` names the shop) when not.
  const { orders, userErrors } = await buyer.checkoutComplete(checkout);
  return userErrors.length
    ? userErrors.map((e) => e.code)
    : orders.map(
        (order) =>
          `#${order.number} ${order.total.amount} ${order.status} to ${order.shippingAddress?.city} by ${order.shippingLine?.handle}`,
      );
}
