/** Privacy: the viewer's consents (and, later, data export and erasure). */
import type { Context } from "../context.ts";

export interface Consent {
  /** Feeds and recommendations may use the viewer's own signals (likes, views, follows). */
  personalization: boolean;
  /** The viewer's activity may be used for analytics. */
  analytics: boolean;
}

/**
 * Sets the caller's consents; a consent left out (or null) keeps its value. Needs a user;
 * returns the consents after the change.
 */
export async function updateConsent(ctx: Context, input: Partial<Consent>): Promise<Consent> {
  if (!ctx.user) throw new Error("viewerConsentUpdate needs a user.");
  const data = {
    ...(input.personalization !== undefined ? { consentPersonalization: input.personalization } : {}),
    ...(input.analytics !== undefined ? { consentAnalytics: input.analytics } : {}),
  };
  const select = { consentPersonalization: true, consentAnalytics: true } as const;
  const user = Object.keys(data).length
    ? await ctx.db.user.update({ where: { id: ctx.user.id }, data, select })
    : await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select });
  return { personalization: user.consentPersonalization, analytics: user.consentAnalytics };
}

/** The caller's consents; null without a user token. */
export async function viewerConsent(ctx: Context): Promise<Consent | null> {
  if (!ctx.user) return null;
  const user = await ctx.db.user.findUnique({
    where: { id: ctx.user.id },
    select: { consentPersonalization: true, consentAnalytics: true },
  });
  return user && { personalization: user.consentPersonalization, analytics: user.consentAnalytics };
}
