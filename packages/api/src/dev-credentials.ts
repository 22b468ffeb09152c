/**
 * Development credentials: on a non-production start, demo API keys and user tokens for the
 * seeded demo users, written to `<DATA_DIR>/dev-credentials.json` and printed. They are made
 * on this machine at first start (never committed) and are for local use only. Keys are
 * stored hashed, so the file is the only place their text survives between starts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createApiKey, type Database } from "@shoppable/schema";
import { SignJWT } from "jose";

export interface DevCredentials {
  note: string;
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
  users: Record<string, { externalId: string; roles: string[]; token: string }>;
}

const DEMO_USERS = [
  { name: "buyer", externalId: "demo-buyer-1", roles: ["BUYER"] },
  { name: "creator", externalId: "demo-creator-1", roles: ["BUYER", "CREATOR"] },
  { name: "merchant", externalId: "demo-merchant-1", roles: ["BUYER", "MERCHANT"] },
  { name: "admin", externalId: "demo-admin-1", roles: ["BUYER", "ADMIN"] },
] as const;

/** The dev-only JWT secret: from the credentials file, else newly generated. */
export function devJwtSecret(dataDir: string): string {
  const file = join(dataDir, "dev-credentials.json");
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as Partial<DevCredentials>;
    if (saved.jwtSecret) return saved.jwtSecret;
  }
  return `dev-only-${randomBytes(24).toString("base64url")}`;
}

export async function signUserToken(
  secret: string,
  user: { externalId: string; roles: readonly string[] },
  expiresIn = "30d",
) {
  return new SignJWT({ roles: [...user.roles] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(user.externalId)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** Reuses the saved keys when they are still valid in the database, else creates new ones. */
export async function ensureDevCredentials(
  db: Database,
  dataDir: string,
  jwtSecret: string,
): Promise<DevCredentials> {
  const file = join(dataDir, "dev-credentials.json");
  let saved: Partial<DevCredentials> = {};
  if (existsSync(file)) saved = JSON.parse(readFileSync(file, "utf8"));
  const { findApiKey } = await import("@shoppable/schema");
  let publishableKey =
    saved.publishableKey && (await findApiKey(db.prisma, saved.publishableKey))
      ? saved.publishableKey
      : undefined;
  let secretKey =
    saved.secretKey && (await findApiKey(db.prisma, saved.secretKey)) ? saved.secretKey : undefined;
  publishableKey ??= (
    await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "Demo storefront (dev only)" })
  ).key;
  secretKey ??= (await createApiKey(db.prisma, { kind: "SECRET", name: "Demo server (dev only)" })).key;
  const users: DevCredentials["users"] = {};
  for (const user of DEMO_USERS) {
    users[user.name] = {
      externalId: user.externalId,
      roles: [...user.roles],
      token: await signUserToken(jwtSecret, user),
    };
  }
  const credentials: DevCredentials = {
    note: "DEVELOPMENT ONLY. Generated on this machine at first start; never use in production.",
    publishableKey,
    secretKey,
    jwtSecret,
    users,
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
