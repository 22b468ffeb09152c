import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { CHECKOUT, Commerce } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

const EMAIL = "log.watcher@example.test";
const ADDRESS = {
  lastName: "Logsworthy",
  address1: "Geheimstraße 12",
  city: "Berlin",
  zip: "10115",
  countryCode: "DE",
  phone: "+49 30 5550199",
};
const lines: string[] = [];
let api: TestApi;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  api = await startTestApi({ LOG_LEVEL: "trace" }, { logger: createLogger("trace", sink) });
});
afterAll(() => api?.close());

describe("logs", () => {
  it("never hold keys, user tokens, emails or payment details", async () => {
    const commerce = await Commerce.start(api);
    const shop = await commerce.shop("EUR");
    const product = await commerce.product(shop.id, ["12.00"], 5, "Logged");
    const buyer = await api.token("log-buyer", ["BUYER"]);
    const cartId = await commerce.cart(
      [{ variantId: product.variants[0]!.id, quantity: 1 }],
      { user: buyer },
      { buyerIdentity: { email: EMAIL } },
    );
    // A delivery address, refused (bad zip) and then saved, to the cart and the address book.
    const ADDRESS_MUTATION = `mutation($input: CartDeliveryAddressUpdateInput!) { cartDeliveryAddressUpdate(input: $input) { userErrors { code field } } }`;
    const refused = ok(
      await api.gql(
        ADDRESS_MUTATION,
        { input: { cartId, address: { ...ADDRESS, zip: "1011" } } },
        { user: buyer },
      ),
    ).cartDeliveryAddressUpdate;
    expect(refused.userErrors).toEqual([{ code: "INVALID_ZIP", field: ["address", "zip"] }]);
    ok(await api.gql(ADDRESS_MUTATION, { input: { cartId, address: ADDRESS } }, { user: buyer }));
    ok(
      await api.gql(
        `mutation($input: ViewerAddressCreateInput!) { viewerAddressCreate(input: $input) { userErrors { code } } }`,
        { input: { address: ADDRESS } },
        { user: buyer },
      ),
    );
    const idempotencyKey = randomUUID();
    ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey, payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    );
    const declined = await commerce.cart(
      [{ variantId: product.variants[0]!.id, quantity: 1 }],
      { user: buyer },
      { buyerIdentity: { email: EMAIL } },
    );
    ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId: declined, idempotencyKey: randomUUID(), payment: { token: "tok_declined" } } },
        { user: buyer },
      ),
    );
    // Refused credentials and a server error are logged too.
    await api.gql(`{ viewer { roles } }`, {}, { key: "pk_test_not_a_key_0000000000000000" });
    await api.gql(`{ viewer { roles } }`, {}, { user: `${buyer}tampered` });
    await api.server.yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shoppable-key": api.keys.publishable,
        "x-shoppable-user": buyer,
      },
      body: "{not json",
    });

    expect(lines.length).toBeGreaterThan(10);
    const log = lines.join("\n");
    for (const secret of [
      api.keys.publishable,
      api.keys.secret,
      buyer,
      commerce.merchant,
      EMAIL,
      "tok_success",
      "tok_declined",
      idempotencyKey,
      ADDRESS.lastName,
      ADDRESS.address1,
      ADDRESS.phone,
    ]) {
      expect(log, `the logs hold ${secret.slice(0, 24)}…`).not.toContain(secret);
    }
    // What they do hold: one line per request, without bodies.
    expect(lines.some((l) => JSON.parse(l).msg === "request")).toBe(true);
  });
});
