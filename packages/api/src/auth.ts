/**
 * Authentication of a request: the app's API key (`Authorization: Bearer <key>` or
 * `x-shoppable-key`) and optionally a host platform's user token (`x-shoppable-user`, a JWT
 * signed HS256 with the shared secret or RS256 with a key from the JWKS URL). Verified keys and
 * users are cached briefly so that a request normally costs no SQL for authentication.
 *
 * Erasure revokes at once, on every instance: a `userErased` event (event bus, through Redis
 * across instances) drops the user's cached tokens before the next request and tells the
 * listeners (WebSockets, open subscriptions) to let go of the user; their token then finds the
 * user erased and is refused. While the bus cannot carry events between instances
 * (`problem()`), users are not cached at all but looked up for every request.
 */
import {
  findApiKey,
  normaliseRoles,
  userFromClaims,
  type CallerKey,
  type CallerUser,
} from "@shoppable/schema";
import type { PrismaClient } from "@shoppable/db/client";
import { USER_ERASED_CHANNEL } from "@shoppable/schema/shared/events.ts";
import { GraphQLError } from "graphql";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { LRUCache } from "lru-cache";
import type { Config } from "./config.ts";
import type { ServerEventBus } from "./events.ts";

export interface Caller {
  key: CallerKey;
  user: CallerUser | null;
}

export interface Authenticator {
  /** The caller of a request; throws UNAUTHENTICATED for a missing or bad credential. */
  authenticate(headers: Headers): Promise<Caller>;
  /** Calls `listener` with the id of every user erased from now on, on any instance. */
  onUserErased(listener: (userId: string) => void): () => void;
  /** Stops listening to the event bus. */
  close(): void;
}

export const ACCOUNT_ERASED = "This account was erased.";

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

/** A cached user token: the lookup, and the user's id once it resolved. */
interface UserEntry {
  user: Promise<CallerUser>;
  userId?: string;
}

export function createAuthenticator(
  db: PrismaClient,
  config: Pick<Config, "jwt" | "authCacheTtlMs">,
  events: Pick<ServerEventBus, "listen" | "problem">,
): Authenticator {
  const ttl = Math.max(1, config.authCacheTtlMs);
  // Promises are cached, so concurrent first requests with one credential share one lookup.
  const keys = new LRUCache<string, Promise<CallerKey | null>>({ max: 10_000, ttl });
  const users = new LRUCache<string, UserEntry>({ max: 50_000, ttl });
  const secret = config.jwt.secret ? new TextEncoder().encode(config.jwt.secret) : null;
  const jwks: JWTVerifyGetKey | null = config.jwt.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwt.jwksUrl))
    : null;
  const erasedListeners = new Set<(userId: string) => void>();
  /** Moves on with every revocation: a lookup that overlapped one is not trusted. */
  let generation = 0;

  const stopListening = events.listen("userErased", USER_ERASED_CHANNEL, (delivery) => {
    generation++;
    if (delivery.kind === "refetch") {
      // Events may have been missed while the bus was down: trust nothing cached before.
      users.clear();
      return;
    }
    const { userId } = delivery.payload;
    // The user's tokens, and those still being looked up (they may name the user).
    const stale = [...users.entries()].filter(
      ([, entry]) => entry.userId === userId || entry.userId === undefined,
    );
    for (const [token] of stale) users.delete(token);
    for (const listener of erasedListeners) listener(userId);
  });

  function verifyKey(text: string): Promise<CallerKey | null> {
    let found = keys.get(text);
    if (!found) {
      found = findApiKey(db, text);
      keys.set(text, found);
      found.catch(() => keys.delete(text));
    }
    return found;
  }

  function verifyUser(token: string): Promise<CallerUser> {
    if (events.problem() !== null) {
      // Revocations may not reach this instance: look the user up for every request.
      if (users.size > 0) {
        generation++;
        users.clear();
      }
      return loadCurrentUser(token);
    }
    let entry = users.get(token);
    if (!entry) {
      const loaded: UserEntry = { user: loadCurrentUser(token) };
      entry = loaded;
      users.set(token, loaded);
      // Failures are not cached; a success is kept no longer than the token is valid.
      loaded.user.then(
        (user) => {
          if (users.get(token) !== loaded) return;
          loaded.userId = user.id;
          users.set(token, loaded, { ttl: userTtl(token) });
        },
        () => {
          if (users.get(token) === loaded) users.delete(token);
        },
      );
    }
    return entry.user;
  }

  /** `loadUser`, again when a revocation arrived meanwhile (the lookup may predate it). */
  async function loadCurrentUser(token: string): Promise<CallerUser> {
    for (;;) {
      const started = generation;
      const user = await loadUser(token);
      if (generation === started) return user;
    }
  }

  function userTtl(token: string): number {
    const exp = decodePart<{ exp?: number }>(token, 1)?.exp;
    const remaining = typeof exp === "number" ? exp * 1000 - Date.now() : ttl;
    return Math.max(1, Math.min(ttl, remaining));
  }

  async function loadUser(token: string): Promise<CallerUser> {
    if (!secret && !jwks)
      throw unauthenticated(
        "This server accepts no user tokens: configure SHOPPABLE_JWT_SECRET or SHOPPABLE_JWKS_URL.",
      );
    const header = decodePart<{ alg?: string }>(token, 0);
    const options = { issuer: config.jwt.issuer, audience: config.jwt.audience };
    let payload;
    try {
      if (header?.alg === "HS256" && secret)
        payload = (await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] })).payload;
      else if (header?.alg === "RS256" && jwks)
        payload = (await jwtVerify(token, jwks, { ...options, algorithms: ["RS256"] })).payload;
      else
        throw unauthenticated(
          "The user token's algorithm is not accepted here (HS256 with the shared secret, or RS256 via JWKS).",
        );
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The user token has expired.");
      if (error instanceof joseErrors.JOSEError)
        throw unauthenticated(`The user token is not valid (${error.code}).`);
      throw error;
    }
    if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > 200) {
      throw unauthenticated("The user token has no subject (`sub`).");
    }
    const user = await userFromClaims(db, {
      sub: payload.sub,
      handle: typeof payload.handle === "string" ? payload.handle : undefined,
      name: typeof payload.name === "string" ? payload.name.slice(0, 200) : undefined,
      email: typeof payload.email === "string" ? payload.email.slice(0, 320) : undefined,
      roles: normaliseRoles(payload.roles),
    });
    if (!user) throw unauthenticated(ACCOUNT_ERASED);
    return user;
  }

  async function authenticate(headers: Headers): Promise<Caller> {
    const authorization = headers.get("authorization");
    const keyText = headers.get("x-shoppable-key") ?? authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
    if (!keyText)
      throw unauthenticated("Send an API key: `Authorization: Bearer <key>` or `x-shoppable-key: <key>`.");
    const key = await verifyKey(keyText);
    if (!key) throw unauthenticated("The API key is not valid or was revoked.");
    const token = headers.get("x-shoppable-user");
    const user = token ? await verifyUser(token) : null;
    return { key, user };
  }

  return {
    authenticate,
    onUserErased(listener) {
      erasedListeners.add(listener);
      return () => erasedListeners.delete(listener);
    },
    close: stopListening,
  };
}

/** The JSON of a JWT's header (0) or payload (1), unverified; null when malformed. */
function decodePart<T>(token: string, index: 0 | 1): T | null {
  try {
    return JSON.parse(Buffer.from(token.split(".")[index] ?? "", "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}
