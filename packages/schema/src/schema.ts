// Imports every domain for its side effects (type registration), then builds the schema.
import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.ts";
import { assertListsBounded } from "./limits.ts";
import "./shared/scalars.ts";
import "./shared/node.ts";
import "./identity/user.ts";
import "./catalog/product.ts";
import "./catalog/shop.ts";
import "./catalog/collection.ts";
import "./catalog/mutations.ts";
import "./catalog/collection-mutations.ts";
import "./catalog/variant-mutations.ts";
import "./content/post.ts";
import "./content/social-proof.ts";
import "./content/feed.ts";
import "./content/recommendations.ts";
import "./content/mutations/posts.ts";
import "./content/mutations/engagement.ts";
import "./privacy/consent.ts";
import "./privacy/mutations.ts";
import "./live/index.ts";
import "./delivery/address.ts";
import "./delivery/address-mutations.ts";
import "./cart/cart.ts";
import "./cart/discount-code.ts";
import "./cart/mutations.ts";
import "./delivery/shipping.ts";
import "./delivery/shipping-mutations.ts";
import "./delivery/tax.ts";
import "./delivery/tax-mutations.ts";
import "./checkout/order.ts";
import "./checkout/order-delivery.ts";
import "./checkout/fulfillment.ts";
import "./checkout/mutations.ts";
import "./checkout/return.ts";
import "./community/index.ts";
import "./search/index.ts";
import "./affiliate/index.ts";
import "./cart/subscriptions.ts";
import "./catalog/subscriptions.ts";
import "./checkout/subscriptions.ts";
import "./content/subscriptions.ts";
import "./live/subscriptions.ts";
import "./webhooks/webhook.ts";
import "./webhooks/mutations.ts";

export const schema = builder.toSchema({ sortSchema: false });
assertListsBounded(schema);

/** The SDL as committed in schema.graphql: sorted, so diffs show real changes only. */
export function sortedSchema() {
  return lexicographicSortSchema(schema);
}
