// cartDeliveryAddressUpdate and Cart.deliveryAddress: inline or from the address book, kept at sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADDRESS_CREATE, AUSTIN, BERLIN } from "./addresses.ts";
import { Commerce, dbId, type Product } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let commerce: Commerce;
let product: Product;
beforeAll(async () => {
  api = await startTestApi();
  commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  product = await commerce.product(shop.id, ["20.00"], 50);
});
afterAll(() => api?.close());

const ADDRESS = `deliveryAddress { lastName address1 city zip countryCode provinceCode }`;
const UPDATE = `mutation($input: CartDeliveryAddressUpdateInput!) {
  cartDeliveryAddressUpdate(input: $input) { cart { id buyerIdentity { countryCode } ${ADDRESS} } userErrors { code field message } }
}`;
const IDENTITY = `mutation($input: CartBuyerIdentityUpdateInput!) {
  cartBuyerIdentityUpdate(input: $input) { cart { id totalQuantity ${ADDRESS} } userErrors { code field message } }
}`;

const berlin = BERLIN;
const austin = AUSTIN;

const line = () => [{ variantId: product.variants[0]!.id, quantity: 1 }];

describe("cartDeliveryAddressUpdate", () => {
  it("sets an inline address and the cart's country; no address and no id clears it", async () => {
    const cartId = await commerce.cart(line());
    const set = ok(await api.gql(UPDATE, { input: { cartId, address: berlin } })).cartDeliveryAddressUpdate;
    expect(set.userErrors).toEqual([]);
    expect(set.cart.deliveryAddress).toMatchObject({ city: "Berlin", zip: "10115", countryCode: "DE" });
    expect(set.cart.buyerIdentity.countryCode).toBe("DE");
    const cleared = ok(await api.gql(UPDATE, { input: { cartId } })).cartDeliveryAddressUpdate;
    expect(cleared.cart.deliveryAddress).toBeNull();
  });

  it("answers a bad address with userErrors on address.<field> and leaves the cart as it was", async () => {
    const cartId = await commerce.cart(line());
    ok(await api.gql(UPDATE, { input: { cartId, address: berlin } }));
    for (const [address, error] of [
      [
        { ...berlin, zip: "ABC" },
        { code: "INVALID_ZIP", field: ["address", "zip"] },
      ],
      [
        { ...berlin, countryCode: "ZZ" },
        { code: "UNKNOWN_COUNTRY", field: ["address", "countryCode"] },
      ],
      [
        { ...austin, provinceCode: undefined },
        { code: "BLANK", field: ["address", "provinceCode"] },
      ],
    ] as const) {
      const res = ok(await api.gql(UPDATE, { input: { cartId, address } })).cartDeliveryAddressUpdate;
      expect(res.cart).toBeNull();
      expect(res.userErrors).toEqual([expect.objectContaining(error)]);
    }
    const after = await api.db.prisma.cart.findUniqueOrThrow({ where: { id: dbId(cartId) } });
    expect(after.deliveryAddress).toMatchObject({ city: "Berlin" });
  });

  it("copies a saved address of the viewer; another user's saved address is NOT_FOUND; both inputs at once are refused", async () => {
    const owner = await api.token("cart-address-owner", ["BUYER"]);
    const other = await api.token("cart-address-other", ["BUYER"]);
    const saved = ok(await api.gql(ADDRESS_CREATE, { input: { address: austin } }, { user: owner }))
      .viewerAddressCreate.address.id;
    const cartId = await commerce.cart(line(), { user: owner });
    const set = ok(
      await api.gql(UPDATE, { input: { cartId, addressId: saved } }, { user: owner }),
    ).cartDeliveryAddressUpdate;
    expect(set.cart.deliveryAddress).toMatchObject({ city: "Austin", provinceCode: "TX", countryCode: "US" });

    const theirCart = await commerce.cart(line(), { user: other });
    const refused = ok(
      await api.gql(UPDATE, { input: { cartId: theirCart, addressId: saved } }, { user: other }),
    ).cartDeliveryAddressUpdate;
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: ["addressId"] }),
    ]);

    const both = ok(
      await api.gql(UPDATE, { input: { cartId, address: berlin, addressId: saved } }, { user: owner }),
    ).cartDeliveryAddressUpdate;
    expect(both.userErrors).toEqual([expect.objectContaining({ code: "INVALID", field: ["addressId"] })]);
  });

  it("keeps the address entered before sign-in when the cart merges into the user's cart", async () => {
    const user = await api.token("cart-address-signin", ["BUYER"]);
    const usersCart = await commerce.cart(line(), { user });
    const anonymous = await commerce.cart(line());
    ok(await api.gql(UPDATE, { input: { cartId: anonymous, address: berlin } }));
    const merged = ok(
      await api.gql(IDENTITY, { input: { cartId: anonymous, buyerIdentity: {} } }, { user }),
    ).cartBuyerIdentityUpdate;
    expect(merged.userErrors).toEqual([]);
    expect(merged.cart.id).toBe(usersCart);
    expect(merged.cart.totalQuantity).toBe(2);
    expect(merged.cart.deliveryAddress).toMatchObject({ city: "Berlin", countryCode: "DE" });
  });
});
