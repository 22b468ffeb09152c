/**
 * Type tests (run by vitest's typecheck and by `pnpm typecheck`): they fail when a field's
 * type in schema.graphql or an operation document changes, so a breaking change to the SDK's
 * public types cannot go unnoticed.
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  AffiliateErrorCode,
  CartErrorCode,
  CartLinesAddInput,
  CheckoutCompleteInput,
  CurrencyCode,
  ShoppableClient,
  ShoppableSubscription,
  TypedDocument,
  WebhookErrorCode,
} from "../src/index.ts";

type Result<K extends keyof ShoppableClient> = ShoppableClient[K] extends (...args: any[]) => Promise<infer R>
  ? R
  : never;
type Product = NonNullable<Result<"product">>;
type Cart = NonNullable<Result<"cart">>;

describe("SDK types", () => {
  it("money amounts are decimal strings with a currency code", () => {
    expectTypeOf<Product["priceRange"]["min"]>().toEqualTypeOf<{
      amount: string;
      currencyCode: CurrencyCode;
    }>();
    expectTypeOf<"EUR">().toExtend<CurrencyCode>();
  });

  it("products and variants keep their field types and nullability", () => {
    expectTypeOf<Product["variants"][number]["quantityAvailable"]>().toEqualTypeOf<number>();
    expectTypeOf<Product["variants"][number]["sku"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Product["totalInventory"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Product["status"]>().toEqualTypeOf<"ACTIVE" | "ARCHIVED" | "DRAFT">();
    expectTypeOf<Result<"products">["totalCount"]>().toEqualTypeOf<number>();
    expectTypeOf<Result<"products">["pageInfo"]["endCursor"]>().toEqualTypeOf<string | null>();
  });

  it("mutations take their input and resolve to a payload with typed userErrors", () => {
    expectTypeOf<Parameters<ShoppableClient["cartLinesAdd"]>[0]>().toEqualTypeOf<CartLinesAddInput>();
    type Payload = Result<"cartLinesAdd">;
    expectTypeOf<Payload["cart"]>().toEqualTypeOf<Cart | null>();
    expectTypeOf<Payload["userErrors"][number]["code"]>().toEqualTypeOf<CartErrorCode>();
    expectTypeOf<Payload["userErrors"][number]["quantityAvailable"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Payload["userErrors"][number]["field"]>().toEqualTypeOf<string[] | null>();
    expectTypeOf<"OUT_OF_STOCK">().toExtend<CartErrorCode>();
    expectTypeOf<Result<"checkoutComplete">["userErrors"][number]["variantId"]>().toEqualTypeOf<
      string | null
    >();
  });

  it("required inputs and variables are required; optional ones may be omitted", () => {
    expectTypeOf<CheckoutCompleteInput["idempotencyKey"]>().toEqualTypeOf<string>();
    expectTypeOf<CheckoutCompleteInput["payment"]>().toEqualTypeOf<{ token: string }>();
    expectTypeOf<ShoppableClient["products"]>().toBeCallableWith();
    expectTypeOf<ShoppableClient["cartCreate"]>().toBeCallableWith();
    // @ts-expect-error post needs its id
    void ((client: ShoppableClient) => client.post());
    // @ts-expect-error cartLinesAdd needs a cartId
    void ((client: ShoppableClient) => client.cartLinesAdd({ lines: [] }));
  });

  it("request and subscribe are typed by the caller's document", () => {
    const Doc = "" as TypedDocument<{ shop: { name: string } | null }, { handle: string }>;
    expectTypeOf((client: ShoppableClient) => client.request(Doc, { handle: "x" })).returns.toEqualTypeOf<
      Promise<{ shop: { name: string } | null }>
    >();
    expectTypeOf((client: ShoppableClient) => client.subscribe(Doc, { handle: "x" })).returns.toEqualTypeOf<
      ShoppableSubscription<{ shop: { name: string } | null }>
    >();
    // @ts-expect-error wrong variables for the document
    void ((client: ShoppableClient) => client.request(Doc, { id: 1 }));
  });

  it("subscriptions yield their events: cartUpdated the same cart type as cart(id)", () => {
    type Events<K extends keyof ShoppableClient> = ShoppableClient[K] extends (
      ...args: any[]
    ) => ShoppableSubscription<infer E>
      ? E
      : never;
    expectTypeOf<Events<"cartUpdated">>().toEqualTypeOf<{ refetch: boolean; cart: Cart | null }>();
    expectTypeOf<ShoppableClient["cartUpdated"]>().toBeCallableWith({ cartId: "Z2lkOi8v" });
    // @ts-expect-error cartUpdated needs the cartId
    void ((client: ShoppableClient) => client.cartUpdated());
    expectTypeOf<Events<"liveSessionEvents">["kind"]>().toExtend<string>();
    expectTypeOf<ShoppableClient["commissionEvents"]>().toBeCallableWith();
  });

  it("affiliate and webhook payloads have their domain's error codes", () => {
    expectTypeOf<
      Result<"affiliateLinkCreate">["userErrors"][number]["code"]
    >().toEqualTypeOf<AffiliateErrorCode>();
    expectTypeOf<
      Result<"webhookEndpointCreate">["userErrors"][number]["code"]
    >().toEqualTypeOf<WebhookErrorCode>();
    expectTypeOf<
      NonNullable<Result<"webhookEndpointCreate">["webhookEndpoint"]>["signingSecret"]
    >().toEqualTypeOf<string>();
  });

  it("cart lines carry their attribution and cost", () => {
    type Line = Cart["lines"][number];
    expectTypeOf<Line["attribution"]["affiliateCode"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Line["cost"]["total"]["amount"]>().toEqualTypeOf<string>();
  });
});
