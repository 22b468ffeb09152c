/** Identity: API keys and users created on first sight from verified token claims. Who may do what: shared/access.ts. */
import type { CallerKey, CallerUser } from "../context.ts";
import type { PrismaClient } from "@shoppable/db/client";
import type { ApiKeyKind, Role } from "@shoppable/db/enums";
import { isUniqueViolation } from "../shared/errors.ts";
import { apiKeyKindOf, displayPrefix, generateApiKey, hashApiKey, subjectHash } from "./keys.ts";

const ROLES: readonly Role[] = ["BUYER", "CREATOR", "MERCHANT", "ADMIN"];

/**
 * Creates an API key and returns its text, which is shown once and never stored.
 */
export async function createApiKey(db: PrismaClient, input: { kind: ApiKeyKind; name: string }) {
  const key = generateApiKey(input.kind);
  const record = await db.apiKey.create({
    data: { kind: input.kind, name: input.name, prefix: displayPrefix(key), hash: hashApiKey(key) },
  });
  return { key, record };
}

/** The caller's key, or null when the text is not a live key. One indexed lookup. */
export async function findApiKey(db: PrismaClient, key: string): Promise<CallerKey | null> {
  if (apiKeyKindOf(key) === null) return null;
  const record = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, kind: true, revokedAt: true },
  });
  if (!record || record.revokedAt) return null;
  return { id: record.id, kind: record.kind };
}

/** Verified claims of a host platform's user token. */
export interface UserClaims {
  sub: string;
  handle?: string;
  name?: string;
  email?: string;
  roles?: Role[];
}

export function normaliseRoles(value: unknown): Role[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const roles = value.filter((r): r is Role => typeof r === "string" && (ROLES as string[]).includes(r));
  return [...new Set<Role>(["BUYER", ...roles])];
}

function handleFromSub(sub: string): string {
  const base =
    sub
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "user";
  return base;
}

/**
 * The user a token names, created on first sight. Roles in the token are authoritative: when
 * they differ from the stored ones, the stored ones are updated. Null when the host account's
 * user was erased (`viewerErase`): its tokens are refused from then on, and it is not created
 * again. One indexed lookup for a known user; a new one costs a lookup in ErasedSubject too.
 */
export async function userFromClaims(db: PrismaClient, claims: UserClaims): Promise<CallerUser | null> {
  const select = { id: true, handle: true, roles: true } as const;
  const existing = await db.user.findUnique({
    where: { externalId: claims.sub },
    select: { ...select, erasedAt: true },
  });
  if (existing) {
    if (existing.erasedAt) return null;
    if (claims.roles && !sameRoles(claims.roles, existing.roles)) {
      return db.user.update({ where: { id: existing.id }, data: { roles: claims.roles }, select });
    }
    return { id: existing.id, handle: existing.handle, roles: existing.roles };
  }
  // Not found: new, or erased (erasure renames externalId and records the sub's digest in the
  // same transaction, so a lookup after this one sees the digest).
  if (
    await db.erasedSubject.findUnique({
      where: { subjectHash: subjectHash(claims.sub) },
      select: { subjectHash: true },
    })
  )
    return null;
  const base = claims.handle ? handleFromSub(claims.handle) : handleFromSub(claims.sub);
  for (let attempt = 0; ; attempt++) {
    const handle = attempt === 0 ? base : `${base}-${Math.random().toString(36).slice(2, 7)}`;
    try {
      return await db.user.upsert({
        where: { externalId: claims.sub },
        update: {},
        create: {
          externalId: claims.sub,
          handle,
          displayName: claims.name ?? null,
          email: claims.email ?? null,
          roles: claims.roles ?? ["BUYER"],
        },
        select,
      });
    } catch (error) {
      // A handle taken by someone else: try another suffix (a few times at most).
      if (attempt >= 4 || !isUniqueViolation(error)) throw error;
    }
  }
}

function sameRoles(a: Role[], b: Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
