/** Your own documents: typed with your codegen (string mode) or gql.tada, run with `request`; errors by class. */
import {
  ShoppableAuthError,
  ShoppableGraphQLError,
  ShoppableNetworkError,
  createShoppableClient,
  type TypedDocument,
} from "@shoppable/sdk";

const ShopNames =
  "query ShopNames($first: Int) { shops(first: $first) { edges { node { name } } } }" as TypedDocument<
    { shops: { edges: { node: { name: string } }[] } },
    { first?: number }
  >;

export async function ownDocumentsExample(url: string, publishableKey: string) {
  const client = createShoppableClient({ url, apiKey: publishableKey });
  try {
    const { shops } = await client.request(ShopNames, { first: 3 });
    return shops.edges.map((edge) => edge.node.name);
  } catch (error) {
    if (error instanceof ShoppableAuthError) return `auth: ${error.code}`; // UNAUTHENTICATED or FORBIDDEN
    if (error instanceof ShoppableGraphQLError) return `graphql: ${error.code}`;
    if (error instanceof ShoppableNetworkError) return `network: ${error.status ?? "unreachable"}`;
    throw error;
  }
}
