/** Catalog (server side, secret key): create a shop and a product, then search as a storefront. */
import { createShoppableClient, type ProductCreateInput } from "@shoppable/sdk";

export async function catalogExample(
  url: string,
  secretKey: string,
  publishableKey: string,
  merchantToken: string,
) {
  const admin = createShoppableClient({ url, apiKey: secretKey, userToken: merchantToken });
  const { shop, userErrors } = await admin.shopCreate({
    handle: "example-shop",
    name: "Example Shop",
    currencyCode: "EUR",
  });
  if (!shop) throw new Error(userErrors.map((e) => `${e.code}: ${e.message}`).join(", "));

  const tee: ProductCreateInput = {
    shopId: shop.id,
    title: "Organic Tee",
    handle: "organic-tee",
    status: "ACTIVE",
    options: [{ name: "Size", values: ["M", "L"] }],
    variants: [
      { price: "25.00", inventoryQuantity: 10, selectedOptions: [{ name: "Size", value: "M" }] },
      { price: "25.00", inventoryQuantity: 4, selectedOptions: [{ name: "Size", value: "L" }] },
    ],
  };
  await admin.productCreate(tee);

  const storefront = createShoppableClient({ url, apiKey: publishableKey });
  const page = await storefront.products({ query: "organic", first: 10, sortKey: "PRICE" });
  return page.edges.map(
    ({ node }) => `${node.title}: ${node.priceRange.min.amount} ${node.priceRange.min.currencyCode}`,
  );
}
