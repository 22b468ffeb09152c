/**
 * API keys: `shp_pk_…` (publishable, storefront) and `shp_sk_…` (secret, server-to-server).
 * 32 random base62 characters (~190 bits); only a SHA-256 digest is stored, which is enough for
 * secrets of this entropy (no slow hash needed) and allows a single indexed lookup.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyKind } from "@shoppable/db/enums";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PREFIX: Record<ApiKeyKind, string> = { PUBLISHABLE: "shp_pk_", SECRET: "shp_sk_" };

/** Random base62 text of `length` characters, without modulo bias. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function generateApiKey(kind: ApiKeyKind): string {
  return PREFIX[kind] + randomBase62(32);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The kind a key's text claims to be, or null for text that is not a Shoppable key. */
export function apiKeyKindOf(key: string): ApiKeyKind | null {
  if (!/^shp_(pk|sk)_[0-9A-Za-z]{32}$/.test(key)) return null;
  return key.startsWith(PREFIX.SECRET) ? "SECRET" : "PUBLISHABLE";
}

/**
 * How an erased host account is remembered (ErasedSubject): a SHA-256 digest of its token's
 * `sub`, so the list holds no host identifier in clear.
 */
export function subjectHash(sub: string): string {
  return createHash("sha256").update(`sub:${sub}`).digest("hex");
}

/** What lists show of a key: its prefix and first characters. */
export function displayPrefix(key: string): string {
  return key.slice(0, 11);
}
