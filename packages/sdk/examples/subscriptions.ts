/**
 * Subscriptions over graphql-ws: `client.subscribe` with any document; the connection is shared,
 * reconnects with backoff and resumes the subscription. (Once the API serves `cartUpdated`, the
 * SDK also has `client.cartUpdated({ cartId })`.) On Node 20 pass `webSocketImpl` from `ws`.
 */
import { createShoppableClient, type TypedDocument } from "@shoppable/sdk";

const CartUpdated = "subscription CartUpdated($cartId: ID!) { cartUpdated(cartId: $cartId) { id totalQuantity } }" as TypedDocument<
  { cartUpdated: { id: string; totalQuantity: number } },
  { cartId: string }
>;

export async function subscriptionsExample(url: string, publishableKey: string, cartId: string, webSocketImpl?: unknown) {
  const client = createShoppableClient({ url, apiKey: publishableKey, webSocketImpl, retry: { minDelayMs: 500, maxDelayMs: 30_000 } });
  const updates = client.subscribe(CartUpdated, { cartId });
  for await (const { cartUpdated } of updates) {
    console.log(`${cartUpdated.totalQuantity} items`);
    if (cartUpdated.totalQuantity === 0) updates.dispose(); // ends the loop
  }
  await client.close();
}
