/**
 * GET /r/<code>: the affiliate click endpoint (transport only; the affiliate service records
 * the click and decides whether it counts). Answers 302 to the storefront URL of the link's
 * target (AFFILIATE_REDIRECT_TEMPLATE) and sets the first-party attribution cookie
 * `<name>=<visitorId>.<clickId>`; an unknown, disabled or malformed code answers 404 with a
 * short page, never a redirect, never a 500.
 */
import { recordClick, storefrontUrl, type Database } from "@shoppable/schema";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { Config } from "./config.ts";

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

export function affiliateRedirect(db: Database, config: Config, logger: Logger): Plugin {
  const { cookie, redirectTemplate } = config.affiliate;
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (!url.pathname.startsWith("/r/")) return;
      const notFound = () =>
        endResponse(new fetchAPI.Response(NOT_FOUND_PAGE, { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } }));
      if (request.method !== "GET" && request.method !== "HEAD") return notFound();
      const code = decodeURIComponent(url.pathname.slice(3)).replace(/\/$/, "");
      const visitorId = visitorFromCookie(request.headers.get("cookie"), cookie.name);
      const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } }).req?.socket;
      const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || socket?.remoteAddress || null;
      try {
        const click = await recordClick(db.prisma, { code, visitorId, ip, userAgent: request.headers.get("user-agent") }, new Date());
        if (!click) return notFound();
        const attributes = [`${cookie.name}=${click.visitorId}.${click.clickId}`, "Path=/", `Max-Age=${cookie.maxAgeSeconds}`, "SameSite=Lax", "HttpOnly"];
        if (cookie.domain) attributes.push(`Domain=${cookie.domain}`);
        if (cookie.secure) attributes.push("Secure");
        return endResponse(
          new fetchAPI.Response(null, {
            status: 302,
            headers: { location: storefrontUrl(redirectTemplate, click), "set-cookie": attributes.join("; "), "cache-control": "no-store", "referrer-policy": "no-referrer-when-downgrade" },
          }),
        );
      } catch (error) {
        logger.error({ err: error, code }, "affiliate click not recorded");
        return notFound();
      }
    },
  };
}
