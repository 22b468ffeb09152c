/**
 * Type tests (run by vitest's typecheck and by `pnpm typecheck`): they fail when a field's
 * type in schema.graphql or an operation document changes, so a breaking change to the SDK's
 * public types cannot go unnoticed.
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  AddressErrorCode,
  AffiliateErrorCode,
  CartErrorCode,
  CartLinesAddInput,
  CheckoutCompleteInput,
  CurrencyCode,
  DeliveryUnavailableReason,
  ExportedRecord,
  ReturnErrorCode,
  ShippingErrorCode,
  ShoppableAuthError,
  ShoppableClient,
  ShoppableClientOptions,
  ShoppableErrorCode,
  ShoppableGraphQLError,
  ShoppableSubscription,
  TaxErrorCode,
  TypedDocument,
  ViewerDataExport,
  WebhookErrorCode,
  WebSocketClass,
} from "../src/index.ts";
import type WsWebSocket from "ws";

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

  it("a document's required variables cannot be left out; a document without them needs none", () => {
    const Doc = "" as TypedDocument<{ shop: { name: string } | null }, { handle: string }>;
    const NoVariables = "" as TypedDocument<{ shops: string[] }, { [key: string]: never }>;
    const OptionalOnly = "" as TypedDocument<{ shops: string[] }, { first?: number | null }>;
    // @ts-expect-error the document needs its handle
    void ((client: ShoppableClient) => client.request(Doc));
    // @ts-expect-error the document needs its handle
    void ((client: ShoppableClient) => client.subscribe(Doc));
    void ((client: ShoppableClient) => client.request(Doc, { handle: "x" }, { headers: {} }));
    void ((client: ShoppableClient) => client.request(NoVariables));
    void ((client: ShoppableClient) => client.request(OptionalOnly));
    void ((client: ShoppableClient) => client.subscribe(NoVariables));
    // Untyped (string) documents take any variables, or none.
    void ((client: ShoppableClient) => client.request("{ shops { handle } }"));
  });

  it("webSocketImpl takes a WebSocket class, not any value", () => {
    type Options = Pick<ShoppableClientOptions, "webSocketImpl">;
    expectTypeOf<{ webSocketImpl: typeof WsWebSocket }>().toExtend<Options>();
    expectTypeOf<{ webSocketImpl: typeof WebSocket }>().toExtend<Options>();
    expectTypeOf<{ webSocketImpl: string }>().not.toExtend<Options>();
    expectTypeOf<{ webSocketImpl: { OPEN: 1 } }>().not.toExtend<Options>();
    expectTypeOf<WebSocketClass>().toEqualTypeOf<NonNullable<Options["webSocketImpl"]>>();
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

  it("carts show delivery groups, shipping and tax; orders keep the address, shipping line and tax lines", () => {
    type Group = Cart["deliveryGroups"][number];
    expectTypeOf<Group["deliveryUnavailableReason"]>().toEqualTypeOf<DeliveryUnavailableReason | null>();
    expectTypeOf<Group["deliveryOptions"][number]["cost"]["amount"]>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Group["selectedDeliveryOption"]>["estimatedDays"]>().toEqualTypeOf<{
      min: number;
      max: number;
    }>();
    expectTypeOf<NonNullable<Cart["cost"]>["includedTax"]["amount"]>().toEqualTypeOf<string>();
    expectTypeOf<Cart["lines"][number]["cost"]["taxIncluded"]>().toEqualTypeOf<boolean>();
    type Order = NonNullable<Result<"order">>;
    expectTypeOf<NonNullable<Order["shippingAddress"]>["provinceCode"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Order["taxLines"][number]["percentage"]>().toEqualTypeOf<string>();
    expectTypeOf<Order["taxesIncluded"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Order["fulfillmentStatus"]>().toEqualTypeOf<
      "FULFILLED" | "PARTIALLY_FULFILLED" | "UNFULFILLED"
    >();
    expectTypeOf<NonNullable<Order["fulfillments"][number]["tracking"]>["number"]>().toEqualTypeOf<
      string | null
    >();
    expectTypeOf<Order["returns"][number]["status"]>().toEqualTypeOf<"APPROVED" | "DECLINED" | "REQUESTED">();
    expectTypeOf<Result<"checkoutComplete">["userErrors"][number]["shopId"]>().toEqualTypeOf<string | null>();
  });

  it("delivery, tax and return payloads have their domain's error codes", () => {
    expectTypeOf<
      Result<"viewerAddressCreate">["userErrors"][number]["code"]
    >().toEqualTypeOf<AddressErrorCode>();
    expectTypeOf<
      Result<"shippingZoneCreate">["userErrors"][number]["code"]
    >().toEqualTypeOf<ShippingErrorCode>();
    expectTypeOf<Result<"taxRateSet">["userErrors"][number]["code"]>().toEqualTypeOf<TaxErrorCode>();
    expectTypeOf<Result<"returnRequest">["userErrors"][number]["code"]>().toEqualTypeOf<ReturnErrorCode>();
    expectTypeOf<Result<"returnRequest">["userErrors"][number]["quantityReturnable"]>().toEqualTypeOf<
      number | null
    >();
    expectTypeOf<Result<"orderFulfill">["userErrors"][number]["quantityFulfillable"]>().toEqualTypeOf<
      number | null
    >();
  });

  it("product takes exactly one of id and handle", () => {
    void ((client: ShoppableClient) => client.product({ id: "1" }));
    void ((client: ShoppableClient) => client.product({ handle: "tee" }));
    // @ts-expect-error neither id nor handle
    void ((client: ShoppableClient) => client.product({}));
    // @ts-expect-error no variables at all
    void ((client: ShoppableClient) => client.product());
    // @ts-expect-error both
    void ((client: ShoppableClient) => client.product({ id: "1", handle: "tee" }));
    // @ts-expect-error a null handle is no handle
    void ((client: ShoppableClient) => client.product({ handle: null }));
  });

  it("errors carry the API's error codes, not any string", () => {
    expectTypeOf<ShoppableGraphQLError["code"]>().toEqualTypeOf<ShoppableErrorCode | undefined>();
    expectTypeOf<ShoppableAuthError["code"]>().toEqualTypeOf<"UNAUTHENTICATED" | "FORBIDDEN">();
    const error = {} as ShoppableGraphQLError;
    // @ts-expect-error not a code the API sends
    void (error.code === "RATE_LIMIT");
  });

  it("viewerDataExport's data is typed by section", () => {
    type Data = NonNullable<Result<"viewerDataExport">["data"]>;
    expectTypeOf<Data>().toEqualTypeOf<ViewerDataExport>();
    expectTypeOf<Data["exportedAt"]>().toEqualTypeOf<string>();
    expectTypeOf<Data["orders"]>().toEqualTypeOf<ExportedRecord[] | undefined>();
    expectTypeOf<Data["followers"]>().toEqualTypeOf<{ count: number } | undefined>();
  });

  it("exports no internal type", () => {
    // @ts-expect-error codegen's Incremental (for @defer) is not the SDK's
    type Internal = import("../src/index.ts").Incremental<unknown>;
    // @ts-expect-error the helper that documents are built with stays inside
    void import("../src/index.ts").then((sdk) => sdk.documentText);
  });
});
