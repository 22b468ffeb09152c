/**
 * Subscriptions over graphql-ws: `client.cartUpdated({ cartId })` (one named function per
 * subscription of the API) or `client.subscribe` with any document. The connection is shared,
 * reconnects with backoff and resumes the subscriptions. On Node 20 pass `webSocketImpl` from `ws`.
 */
import { createShoppableClient, type WebSocketClass } from "@shoppable/sdk";

/** Follows a cart until it is empty; returns the quantities seen. */
export async function subscriptionsExample(
  url: string,
  publishableKey: string,
  cartId: string,
  webSocketImpl?: WebSocketClass,
) {
  const client = createShoppableClient({
    url,
    apiKey: publishableKey,
    webSocketImpl,
    retry: { minDelayMs: 500, maxDelayMs: 30_000 },
  });
  const quantities: number[] = [];
  const updates = client.cartUpdated({ cartId });
  for await (const { cart, refetch } of updates) {
    // refetch: events may have been missed (the cart is still the latest); null: the cart is gone.
    const current = refetch ? await client.cart({ id: cartId }) : cart;
    quantities.push(current?.totalQuantity ?? 0);
    console.log(`${current?.totalQuantity ?? 0} items`);
    if (!current?.totalQuantity) updates.dispose(); // ends the loop
  }
  await client.close();
  return quantities;
}
