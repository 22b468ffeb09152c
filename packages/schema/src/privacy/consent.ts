import { builder } from "../builder.ts";
import { Viewer } from "../identity/user.ts";
import { viewerConsent, type Consent } from "./service.ts";

export const ViewerConsentType = builder.objectRef<Consent>("ViewerConsent").implement({
  description: "What the viewer allows the platform to do with their activity. Both default to false.",
  fields: (t) => ({
    personalization: t.exposeBoolean("personalization", {
      description:
        "FOR_YOU feeds and recommendations may use the viewer's own signals (likes, views, follows, purchases).",
    }),
    analytics: t.exposeBoolean("analytics", {
      description: "The viewer's activity may be used for analytics.",
    }),
  }),
});

builder.objectField(Viewer, "consent", (t) =>
  t.field({
    type: ViewerConsentType,
    nullable: true,
    description: "The user's consents; null without a user token.",
    resolve: (_v, _a, ctx) => viewerConsent(ctx),
  }),
);
