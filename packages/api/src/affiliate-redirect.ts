/**
 * GET /r/<code>: the affiliate click endpoint (transport only; the affiliate service records
 * the click and decides whether it counts). Answers 302 to the storefront URL of the link's
 * target (AFFILIATE_REDIRECT_TEMPLATE) and sets the first-party attribution cookie
 * `<name>=<visitorId>.<clickId>`; an unknown, disabled or malformed code answers 404 with a
 * short page, never a redirect, never a 500. A network (IPv4 /24, IPv6 /64) or a visitor cookie
 * clicking faster than AFFILIATE_CLICKS_PER_MINUTE is throttled: 429 with Retry-After, and
 * nothing is recorded.
 */
import { recordClick, storefrontUrl, type Database } from "@shoppable/schema";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { clientAddress } from "./client-address.ts";
import type { BucketStore } from "./limits/bucket.ts";

const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link not found</title></head><body><h1>Link not found</h1><p>This link does not exist or is no longer active.</p></body></html>`;
const VISITOR = /^[A-Za-z0-9_-]{8,64}$/;

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** The visitor id of the attribution cookie, when it holds a well-formed one. */
export function visitorFromCookie(header: string | null, name: string): string | null {
  const visitor = cookieValue(header, name)?.split(".")[0];
  return visitor && VISITOR.test(visitor) ? visitor : null;
}

/** The link code of a `/r/<code>` path; null when its percent-encoding is malformed. */
function decodedCode(path: string): string | null {
  try {
    return decodeURIComponent(path).replace(/\/$/, "");
  } catch {
    return null;
  }
}

const THROTTLED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many clicks</title></head><body><h1>Too many clicks</h1><p>Too many links were opened from your network. Try again in a minute.</p></body></html>`;

/** The network a client address belongs to, for click throttling: IPv4 /24, IPv6 /64. */
export function networkOf(ip: string | null): string {
  if (!ip) return "unknown";
  const v4 = ip.replace(/^::ffff:/, "").match(/^(\d+)\.(\d+)\.(\d+)\.\d+$/);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(":")) {
    const [head, tail = ""] = ip.split("::");
    const groups = [...head!.split(":").filter(Boolean), ...Array(8).fill("0")].slice(
      0,
      8 - tail.split(":").filter(Boolean).length,
    );
    return `${[...groups, ...tail.split(":").filter(Boolean)].slice(0, 4).join(":")}::/64`;
  }
  return ip;
}

export function affiliateRedirect(
  db: Database,
  config: Config,
  logger: Logger,
  clickBuckets: BucketStore,
): Plugin {
  const { cookie, redirectTemplate } = config.affiliate;
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (!url.pathname.startsWith("/r/")) return;
      const notFound = () =>
        endResponse(
          new fetchAPI.Response(NOT_FOUND_PAGE, {
            status: 404,
            headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
          }),
        );
      if (request.method !== "GET" && request.method !== "HEAD") return notFound();
      const code = decodedCode(url.pathname.slice(3));
      if (code === null) return notFound();
      const visitorId = visitorFromCookie(request.headers.get("cookie"), cookie.name);
      const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } }).req?.socket;
      const ip = clientAddress(request.headers, socket?.remoteAddress, config.trustProxy);
      // One bucket per network, and one per visitor cookie (a visitor hopping networks).
      let allowance = await clickBuckets.take(`click:${networkOf(ip)}`, 1);
      if (allowance.allowed && visitorId)
        allowance = await clickBuckets.take(`click:visitor:${visitorId}`, 1);
      if (!allowance.allowed) {
        const seconds = String(Math.max(1, Math.ceil(allowance.retryAfterMs / 1000)));
        return endResponse(
          new fetchAPI.Response(THROTTLED_PAGE, {
            status: 429,
            headers: {
              "content-type": "text/html; charset=utf-8",
              "retry-after": seconds,
              "cache-control": "no-store",
            },
          }),
        );
      }
      try {
        const click = await recordClick(
          db.prisma,
          { code, visitorId, ip, userAgent: request.headers.get("user-agent") },
          new Date(),
        );
        if (!click) return notFound();
        const attributes = [
          `${cookie.name}=${click.visitorId}.${click.clickId}`,
          "Path=/",
          `Max-Age=${cookie.maxAgeSeconds}`,
          "SameSite=Lax",
          "HttpOnly",
        ];
        if (cookie.domain) attributes.push(`Domain=${cookie.domain}`);
        if (cookie.secure) attributes.push("Secure");
        return endResponse(
          new fetchAPI.Response(null, {
            status: 302,
            headers: {
              location: storefrontUrl(redirectTemplate, click),
              "set-cookie": attributes.join("; "),
              "cache-control": "no-store",
              "referrer-policy": "no-referrer-when-downgrade",
            },
          }),
        );
      } catch (error) {
        logger.error({ err: error, code }, "affiliate click not recorded");
        return notFound();
      }
    },
  };
}
