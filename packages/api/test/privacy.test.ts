import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const UPDATE = `mutation($input: ViewerConsentUpdateInput!) {
  viewerConsentUpdate(input: $input) { consent { personalization analytics } userErrors { code field message } }
}`;

describe("viewerConsentUpdate", () => {
  it("sets the viewer's consents; those left out keep their value; Viewer.consent reads them", async () => {
    const token = await api.token("consenting", ["BUYER"]);
    expect(
      ok(await api.gql(`{ viewer { consent { personalization analytics } } }`, {}, { user: token })).viewer
        .consent,
    ).toEqual({ personalization: false, analytics: false });
    expect(
      ok(await api.gql(UPDATE, { input: { personalization: true } }, { user: token })).viewerConsentUpdate,
    ).toEqual({
      consent: { personalization: true, analytics: false },
      userErrors: [],
    });
    expect(
      ok(await api.gql(UPDATE, { input: { analytics: true, personalization: null } }, { user: token }))
        .viewerConsentUpdate.consent,
    ).toEqual({ personalization: true, analytics: true });
    expect(ok(await api.gql(UPDATE, { input: {} }, { user: token })).viewerConsentUpdate.consent).toEqual({
      personalization: true,
      analytics: true,
    });
    expect(
      ok(await api.gql(UPDATE, { input: { personalization: false } }, { user: token, key: "secret" }))
        .viewerConsentUpdate.consent,
    ).toEqual({ personalization: false, analytics: true });
    const row = await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "consenting" } });
    expect([row.consentPersonalization, row.consentAnalytics]).toEqual([false, true]);
  });

  it("needs a user token: UNAUTHENTICATED with a publishable key, FORBIDDEN with a secret key; Viewer.consent is null", async () => {
    expect((await api.gql(UPDATE, { input: { analytics: true } })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      (await api.gql(UPDATE, { input: { analytics: true } }, { key: "secret" })).errors?.[0]?.extensions
        ?.code,
    ).toBe("FORBIDDEN");
    expect(ok(await api.gql(`{ viewer { consent { analytics } } }`)).viewer.consent).toBeNull();
  });
});
