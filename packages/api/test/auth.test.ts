import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const VIEWER = `{ viewer { apiKey { kind } roles user { handle isCreator } } }`;

describe("authentication", () => {
  it("refuses a request without an API key with 401 UNAUTHENTICATED", async () => {
    const res = await api.gql(VIEWER, {}, { key: "none" });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses an unknown key, a malformed key and a revoked key", async () => {
    for (const key of ["shp_pk_" + "a".repeat(32), "not-a-key", "Bearer"]) {
      const res = await api.gql(VIEWER, {}, { key });
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const { createApiKey } = await import("@shoppable/schema");
    const { key, record } = await createApiKey(api.db.prisma, { kind: "PUBLISHABLE", name: "to revoke" });
    await api.db.prisma.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    expect((await api.gql(VIEWER, {}, { key })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("accepts the key as a Bearer token or in x-shoppable-key, and tells its kind", async () => {
    const viaHeader = ok(await api.gql(VIEWER, {}, { key: "secret" }));
    expect(viaHeader.viewer).toEqual({ apiKey: { kind: "SECRET" }, roles: [], user: null });
    const viaBearer = ok(
      await api.gql(
        VIEWER,
        {},
        { key: "none", headers: { authorization: `Bearer ${api.keys.publishable}` } },
      ),
    );
    expect(viaBearer.viewer.apiKey.kind).toBe("PUBLISHABLE");
  });

  it("creates a user on first sight of a token, once, with the token's roles", async () => {
    const token = await api.token("host-user-42", ["BUYER", "CREATOR"]);
    const first = ok(await api.gql(VIEWER, {}, { user: token }));
    expect(first.viewer.roles).toEqual(["BUYER", "CREATOR"]);
    expect(first.viewer.user).toEqual({ handle: "host-user-42", isCreator: true });
    await Promise.all([1, 2, 3].map(() => api.gql(VIEWER, {}, { user: token })));
    expect(await api.db.prisma.user.count({ where: { externalId: "host-user-42" } })).toBe(1);
  });

  it("creates a user once when its first requests arrive together", async () => {
    const token = await api.token("burst-user", ["BUYER"]);
    const results = await Promise.all(Array.from({ length: 8 }, () => api.gql(VIEWER, {}, { user: token })));
    for (const r of results) expect(ok(r).viewer.user.handle).toBe("burst-user");
    expect(await api.db.prisma.user.count({ where: { externalId: "burst-user" } })).toBe(1);
  });

  it("refuses forged, expired, unsigned and subject-less user tokens", async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("another-secret-another-secret-another-secret"));
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(api.config.jwt.secret!));
    const noSubject = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(api.config.jwt.secret!));
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"x"}').toString("base64url")}.`;
    for (const [token, words] of [
      [forged, "not valid"],
      [expired, "expired"],
      [noSubject, "subject"],
      [unsigned, "algorithm"],
      ["garbage", "algorithm"],
    ] as const) {
      const res = await api.gql(VIEWER, {}, { user: token });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.errors?.[0]?.message).toContain(words);
    }
    expect(await api.db.prisma.user.count({ where: { externalId: "x" } })).toBe(0);
  });

  it("looks a key up once for concurrent first requests, then serves it from cache", async () => {
    const { createApiKey } = await import("@shoppable/schema");
    const { key } = await createApiKey(api.db.prisma, { kind: "PUBLISHABLE", name: "fresh" });
    const { statements } = await api.db.statementsDuring(() =>
      Promise.all(Array.from({ length: 10 }, () => api.gql(VIEWER, {}, { key }))),
    );
    expect(statements.filter((sql) => sql.includes('"ApiKey"'))).toHaveLength(1);
    const again = await api.db.statementsDuring(() => api.gql(VIEWER, {}, { key }));
    expect(again.statements).toHaveLength(0);
  });

  it("ignores roles that do not exist and always keeps BUYER", async () => {
    const token = await api.token("role-mixer", ["ADMIN", "WIZARD"]);
    expect(ok(await api.gql(VIEWER, {}, { user: token })).viewer.roles).toEqual(["BUYER", "ADMIN"]);
  });

  it("hides a user's email from other users", async () => {
    const alice = await api.token("alice", ["BUYER"]);
    await api.gql(VIEWER, {}, { user: alice });
    await api.db.prisma.user.update({
      where: { externalId: "alice" },
      data: { email: "alice@example.test" },
    });
    const user = await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "alice" } });
    const { encodeGlobalID } = await import("@pothos/plugin-relay");
    const id = encodeGlobalID("User", user.id);
    const q = `query($id: ID!) { node(id: $id) { ... on User { handle email } } }`;
    expect(ok(await api.gql(q, { id }, { user: alice })).node.email).toBe("alice@example.test");
    const bob = await api.token("bob", ["BUYER"]);
    expect(ok(await api.gql(q, { id }, { user: bob })).node).toEqual({ handle: "alice", email: null });
  });
});

describe("RS256 user tokens via JWKS", () => {
  it("accepts tokens signed by a key in the JWKS and refuses others", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const other = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "host-1", alg: "RS256", use: "sig" };
    const jwksServer = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
    const rsApi = await startTestApi({
      SHOPPABLE_JWKS_URL: jwksUrl,
      SHOPPABLE_JWT_ISSUER: "https://host.example",
    });
    try {
      const sign = (key: CryptoKey, claims: Record<string, unknown> = {}, issuer = "https://host.example") =>
        new SignJWT({ roles: ["CREATOR"], ...claims })
          .setProtectedHeader({ alg: "RS256", kid: "host-1" })
          .setSubject("rs-user")
          .setIssuer(issuer)
          .setExpirationTime("1h")
          .sign(key);
      const good = ok(await rsApi.gql(VIEWER, {}, { user: await sign(privateKey) }));
      expect(good.viewer.roles).toEqual(["BUYER", "CREATOR"]);
      const wrongKey = await rsApi.gql(VIEWER, {}, { user: await sign(other.privateKey) });
      expect(wrongKey.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const wrongIssuer = await rsApi.gql(
        VIEWER,
        {},
        { user: await sign(privateKey, {}, "https://evil.example") },
      );
      expect(wrongIssuer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    } finally {
      await rsApi.close();
      jwksServer.close();
    }
  });
});
