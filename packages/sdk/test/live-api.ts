/**
 * The real API on a free port for SDK tests: the API package's test harness (its own database,
 * real keys, signed user tokens) listening on 127.0.0.1, and SDK clients pointed at it.
 */
import { startTestApi, type TestApi } from "../../api/test/harness.ts";
import { createShoppableClient, type ShoppableClient, type ShoppableClientOptions } from "../src/index.ts";

export interface LiveApi {
  api: TestApi;
  url: string;
  /** A client with the publishable key (or `secret`), optionally as a user. */
  client(
    options?: {
      key?: "publishable" | "secret";
      userToken?: ShoppableClientOptions["userToken"];
    } & Partial<ShoppableClientOptions>,
  ): ShoppableClient;
  /**
   * A merchant's shop (`handle`, `name`, EUR) with one active product that needs no shipping;
   * resolves to its variant's id. Price 20.00 and stock 10 unless given.
   */
  shopWithProduct(
    shop: { handle: string; name: string },
    product?: { price?: string; stock?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

/**
 * `env`: configuration of the API beyond the test defaults (PERSISTED_OPERATIONS_FILE, limits);
 * with `PORT` it listens there (a free port chosen first, when PUBLIC_URL must name it), else on any.
 */
export async function startLiveApi(env: Record<string, string> = {}): Promise<LiveApi> {
  const api = await startTestApi(env);
  const { url } = await api.server.listen(Number(env.PORT ?? 0), "127.0.0.1");
  return {
    api,
    url,
    client: ({ key = "publishable", ...options } = {}) =>
      createShoppableClient({ url, apiKey: api.keys[key], ...options }),
    async shopWithProduct({ handle, name }, { price = "20.00", stock = 10 } = {}) {
      const merchant = createShoppableClient({
        url,
        apiKey: api.keys.secret,
        userToken: await api.token(`${handle}-merchant`, ["MERCHANT"]),
      });
      const { shop } = await merchant.shopCreate({ handle, name, currencyCode: "EUR" });
      const { product } = await merchant.productCreate({
        shopId: shop?.id ?? "",
        title: `${name} product`,
        handle: `${handle}-product`,
        status: "ACTIVE",
        variants: [{ price, inventoryQuantity: stock, requiresShipping: false }],
      });
      const variantId = product?.variants[0]?.id;
      if (!variantId) throw new Error(`no product in ${handle}`);
      return variantId;
    },
    close: () => api.close(),
  };
}
