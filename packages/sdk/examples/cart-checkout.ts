/** Cart and checkout: add through a post's product tag, apply a code, pay once (idempotent). */
import { createShoppableClient, type CheckoutCompleteInput } from "@shoppable/sdk";

export async function cartCheckoutExample(
  url: string,
  publishableKey: string,
  buyerToken: string,
  variantId: string,
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

  // The same idempotency key on a retry (after a timeout, a crash) never charges twice.
  const checkout: CheckoutCompleteInput = {
    cartId: cart.id,
    idempotencyKey: `checkout-${cart.id}`,
    payment: { token: "tok_success" },
  };
  const { orders, userErrors } = await buyer.checkoutComplete(checkout);
  return userErrors.length
    ? userErrors.map((e) => e.code)
    : orders.map((order) => `#${order.number} ${order.total.amount} ${order.status}`);
}
