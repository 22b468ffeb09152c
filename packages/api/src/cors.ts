/**
 * Which browser origins may call the API (CORS_ORIGINS): any (`*`, the default outside
 * production), the listed ones, or none but the API's own (the default in production). The
 * same rule answers CORS requests and preflights over HTTP and decides WebSocket upgrades,
 * which browsers send with an `Origin` and never check themselves. Credentials are never
 * allowed: the API reads keys and user tokens from headers, no cookie.
 */
import type { IncomingMessage } from "node:http";
import type { CORSOptions } from "graphql-yoga";

/** Whether `origin` may call the API; a request without Origin is not a cross-origin browser request. */
export function originAllowed(
  allowed: "*" | string[],
  origin: string | null | undefined,
  host: string | null | undefined,
): boolean {
  if (!origin || allowed === "*" || allowed.includes(origin)) return true;
  try {
    return host != null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Yoga's `cors` option: the caller's origin echoed when allowed (with Vary: Origin), no CORS headers otherwise. */
export function corsPolicy(allowed: "*" | string[]): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get("origin");
    if (!originAllowed(allowed, origin, request.headers.get("host"))) return false;
    return { credentials: false, maxAge: 600 };
  };
}

/** For the WebSocket server's `verifyClient`: a browser's upgrade from an origin that may not call the API is refused (403). */
export function upgradeAllowed(allowed: "*" | string[], request: IncomingMessage): boolean {
  return originAllowed(allowed, request.headers.origin, request.headers.host);
}
