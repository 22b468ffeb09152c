// The buyer's address book: viewerAddressCreate / Update / Delete and viewer.addresses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUSTIN, BERLIN } from "./addresses.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const FIELDS = `id isDefault address { firstName lastName address1 city provinceCode zip countryCode formatted }`;
const CREATE = `mutation($input: ViewerAddressCreateInput!) {
  viewerAddressCreate(input: $input) { address { ${FIELDS} } userErrors { code field message } }
}`;
const UPDATE = `mutation($input: ViewerAddressUpdateInput!) {
  viewerAddressUpdate(input: $input) { address { ${FIELDS} } userErrors { code field message } }
}`;
const DELETE = `mutation($input: ViewerAddressDeleteInput!) {
  viewerAddressDelete(input: $input) { deletedAddressId userErrors { code field message } }
}`;
const LIST = `{ viewer { addresses { ${FIELDS} } } }`;

const berlin = BERLIN;
const austin = AUSTIN;

async function list(user: string) {
  return ok(await api.gql(LIST, {}, { user })).viewer.addresses as {
    id: string;
    isDefault: boolean;
    address: { city: string; formatted: string };
  }[];
}

describe("the address book", () => {
  it("saves addresses; the first is the default until another is made it; viewer.addresses lists the default first", async () => {
    const user = await api.token("book-owner", ["BUYER"]);
    const first = ok(await api.gql(CREATE, { input: { address: berlin } }, { user })).viewerAddressCreate;
    expect(first.userErrors).toEqual([]);
    expect(first.address).toMatchObject({
      isDefault: true,
      address: {
        city: "Berlin",
        zip: "10115",
        countryCode: "DE",
        formatted: "Lena Vogel, Torstraße 1, 10115 Berlin, DE",
      },
    });
    const second = ok(await api.gql(CREATE, { input: { address: austin } }, { user })).viewerAddressCreate;
    expect(second.address.isDefault).toBe(false);
    expect((await list(user)).map((a) => [a.address.city, a.isDefault])).toEqual([
      ["Berlin", true],
      ["Austin", false],
    ]);

    const made = ok(
      await api.gql(UPDATE, { input: { id: second.address.id, isDefault: true } }, { user }),
    ).viewerAddressUpdate;
    expect(made.address.isDefault).toBe(true);
    expect((await list(user)).map((a) => [a.address.city, a.isDefault])).toEqual([
      ["Austin", true],
      ["Berlin", false],
    ]);

    const moved = ok(
      await api.gql(
        UPDATE,
        { input: { id: first.address.id, address: { ...berlin, city: "Potsdam", zip: "14467" } } },
        { user },
      ),
    ).viewerAddressUpdate;
    expect(moved.address).toMatchObject({ isDefault: false, address: { city: "Potsdam", zip: "14467" } });

    const deleted = ok(
      await api.gql(DELETE, { input: { id: second.address.id } }, { user }),
    ).viewerAddressDelete;
    expect(deleted).toEqual({ deletedAddressId: second.address.id, userErrors: [] });
    expect((await list(user)).map((a) => [a.address.city, a.isDefault])).toEqual([["Potsdam", true]]);
  });

  it("answers bad addresses with userErrors on the field, and saves nothing", async () => {
    const user = await api.token("book-typos", ["BUYER"]);
    const cases: [object, { code: string; field: string[] }][] = [
      [
        { ...berlin, countryCode: "XX" },
        { code: "UNKNOWN_COUNTRY", field: ["address", "countryCode"] },
      ],
      [
        { ...berlin, zip: null },
        { code: "BLANK", field: ["address", "zip"] },
      ],
      [
        { ...berlin, zip: "1011" },
        { code: "INVALID_ZIP", field: ["address", "zip"] },
      ],
      [
        { ...austin, provinceCode: null },
        { code: "BLANK", field: ["address", "provinceCode"] },
      ],
      [
        { ...austin, provinceCode: "QQ" },
        { code: "INVALID_PROVINCE", field: ["address", "provinceCode"] },
      ],
      [
        { ...berlin, city: "  " },
        { code: "BLANK", field: ["address", "city"] },
      ],
    ];
    for (const [address, error] of cases) {
      const res = ok(await api.gql(CREATE, { input: { address } }, { user })).viewerAddressCreate;
      expect(res.address).toBeNull();
      expect(res.userErrors).toEqual([expect.objectContaining(error)]);
    }
    expect(await list(user)).toEqual([]);
  });

  it("never shows or changes another user's addresses: NOT_FOUND", async () => {
    const owner = await api.token("book-private", ["BUYER"]);
    const other = await api.token("book-snoop", ["BUYER"]);
    const saved = ok(
      await api.gql(CREATE, { input: { address: berlin } }, { user: owner }),
    ).viewerAddressCreate;
    const id = saved.address.id;
    expect(await list(other)).toEqual([]);
    for (const [query, input] of [
      [UPDATE, { id, isDefault: false }],
      [DELETE, { id }],
    ] as const) {
      const res = ok(await api.gql(query, { input }, { user: other }));
      expect(Object.values(res)[0]).toMatchObject({ userErrors: [{ code: "NOT_FOUND", field: ["id"] }] });
    }
    expect((await list(owner)).map((a) => a.isDefault)).toEqual([true]);
  });

  it("needs a user token", async () => {
    const res = await api.gql(CREATE, { input: { address: berlin } });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(ok(await api.gql(LIST)).viewer.addresses).toEqual([]);
  });

  it("holds at most 20 addresses and one default, even when saves race", async () => {
    const user = await api.token("book-racer", ["BUYER"]);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        api.gql(
          CREATE,
          { input: { address: { ...berlin, address1: `Torstraße ${i + 1}` }, isDefault: i % 3 === 0 } },
          { user },
        ),
      ),
    );
    const payloads = results.map((r) => ok(r).viewerAddressCreate);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(20);
    expect(payloads.filter((p) => p.userErrors[0]?.code === "TOO_MANY_ADDRESSES")).toHaveLength(4);
    const saved = await list(user);
    expect(saved).toHaveLength(20);
    expect(saved.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it("addresses are personal data: in viewerDataExport, deleted by viewerErase", async () => {
    const user = await api.token("book-erased", ["BUYER"]);
    ok(await api.gql(CREATE, { input: { address: berlin } }, { user }));
    const exported = ok(
      await api.gql(`mutation { viewerDataExport { data userErrors { code } } }`, {}, { user }),
    ).viewerDataExport;
    expect(exported.data.addresses).toEqual([
      expect.objectContaining({ city: "Berlin", zip: "10115", isDefault: true }),
    ]);
    const erased = ok(
      await api.gql(
        `mutation { viewerErase(input: { confirm: true }) { erasedAt userErrors { code } } }`,
        {},
        { user },
      ),
    ).viewerErase;
    expect(erased.userErrors).toEqual([]);
    expect(await api.db.prisma.buyerAddress.count({ where: { userId: exported.data.user.id } })).toBe(0);
  });
});
