import type { Context } from "../context.ts";

/**
 * A stored media URL as the API answers it: an absolute URL as it is; a relative one (the demo
 * world's `/media/…`) resolved against `ctx.mediaBaseUrl` (MEDIA_BASE_URL), so a page on any
 * origin can load it. Without a base, as stored.
 */
export function mediaUrl(ctx: Pick<Context, "mediaBaseUrl">, stored: string): string;
export function mediaUrl(ctx: Pick<Context, "mediaBaseUrl">, stored: string | null): string | null;
export function mediaUrl(ctx: Pick<Context, "mediaBaseUrl">, stored: string | null): string | null {
  if (stored === null || !ctx.mediaBaseUrl || /^[a-z][a-z\d+.-]*:/i.test(stored)) return stored;
  return new URL(stored, ctx.mediaBaseUrl).href;
}
