import { z } from "zod";
import { builder } from "../builder.ts";
import { parseInput } from "../shared/input.ts";
import { firstUserErrors, userError, userErrorsCost, type UserErrorShape } from "../shared/user-error.ts";
import { forgetMemberships } from "../shared/access.ts";
import { eraseUser, exportViewerData } from "./data.ts";
import { ViewerConsentType } from "./consent.ts";
import { PrivacyError } from "./errors.ts";
import { updateConsent, type Consent } from "./service.ts";

const ViewerConsentUpdateInput = builder.inputType("ViewerConsentUpdateInput", {
  fields: (t) => ({
    personalization: t.boolean({ required: false, description: "Left out or null: unchanged." }),
    analytics: t.boolean({ required: false, description: "Left out or null: unchanged." }),
  }),
});

interface ConsentPayloadShape {
  consent: Consent | null;
  userErrors: UserErrorShape[];
}

const ViewerConsentUpdatePayload = builder
  .objectRef<ConsentPayloadShape>("ViewerConsentUpdatePayload")
  .implement({
    fields: (t) => ({
      consent: t.field({
        type: ViewerConsentType,
        nullable: true,
        description: "The consents after the change.",
        resolve: (p) => p.consent,
      }),
      userErrors: t.field({
        type: [PrivacyError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors) as never,
      }),
    }),
  });

const schema = z.object({
  personalization: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
  analytics: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
});

builder.mutationField("viewerConsentUpdate", (t) =>
  t.field({
    type: ViewerConsentUpdatePayload,
    description: "Sets the viewer's consents to personalisation and analytics. Needs a user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ViewerConsentUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return { consent: null, userErrors: parsed.errors };
      return { consent: await updateConsent(ctx, parsed.data), userErrors: [] };
    },
  }),
);

// ───────────── data export and erasure ─────────────

const ViewerDataExportInput = builder.inputType("ViewerDataExportInput", {
  fields: (t) => ({
    sections: t.stringList({
      required: false,
      description: 'Only these sections (such as "orders", "likes"); all when left out.',
    }),
  }),
});

const ViewerDataExportPayload = builder
  .objectRef<{ data: Record<string, unknown> | null; userErrors: UserErrorShape[] }>(
    "ViewerDataExportPayload",
  )
  .implement({
    fields: (t) => ({
      data: t.field({
        type: "JSON",
        nullable: true,
        description: 'Everything stored about the viewer, by section (see README "Privacy").',
        resolve: (p) => p.data,
      }),
      userErrors: t.field({
        type: [PrivacyError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors) as never,
      }),
    }),
  });

builder.mutationField("viewerDataExport", (t) =>
  t.field({
    type: ViewerDataExportPayload,
    description: "Everything Shoppable stores about the viewer, as JSON. Needs a user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ViewerDataExportInput, required: false }) },
    resolve: async (_root, { input }, ctx) => {
      const all = await exportViewerData(ctx);
      const wanted = input?.sections;
      if (!wanted?.length) return { data: all, userErrors: [] };
      const unknown = wanted.findIndex((s) => s === "exportedAt" || !(s in all));
      if (unknown >= 0)
        return {
          data: null,
          userErrors: [
            userError("UNKNOWN_SECTION", `No section is called "${wanted[unknown]}".`, ["sections", unknown]),
          ],
        };
      return {
        data: Object.fromEntries(
          Object.entries(all).filter(([k]) => k === "exportedAt" || wanted.includes(k)),
        ),
        userErrors: [],
      };
    },
  }),
);

const ViewerEraseInput = builder.inputType("ViewerEraseInput", {
  fields: (t) => ({ confirm: t.boolean({ description: "Must be true: erasure cannot be undone." }) }),
});

const ViewerErasePayload = builder
  .objectRef<{ erasedAt: Date | null; userErrors: UserErrorShape[] }>("ViewerErasePayload")
  .implement({
    fields: (t) => ({
      erasedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.erasedAt }),
      userErrors: t.field({
        type: [PrivacyError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors) as never,
      }),
    }),
  });

builder.mutationField("viewerErase", (t) =>
  t.field({
    type: ViewerErasePayload,
    description:
      "Erases the viewer at once: engagement, follows, carts and own posts are deleted (counters follow), orders stay for the merchants with personal fields removed, the user is anonymised. From then on, on every instance, the user's tokens (and any later token of the same host account) are refused with UNAUTHENTICATED and their open subscriptions end. Needs a user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ViewerEraseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.confirm !== true)
        return {
          erasedAt: null,
          userErrors: [userError("CONFIRMATION_REQUIRED", "Send confirm: true to erase.", ["confirm"])],
        };
      const now = new Date();
      await eraseUser(ctx, ctx.user!.id, now);
      // The user is a member of no shop now: later fields of this request must not use the cached memberships.
      forgetMemberships(ctx);
      return { erasedAt: now, userErrors: [] };
    },
  }),
);
