import { z } from "zod";
import { builder } from "../builder.ts";
import { parseInput } from "../shared/input.ts";
import type { UserErrorShape } from "../shared/user-error.ts";
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

const ViewerConsentUpdatePayload = builder.objectRef<ConsentPayloadShape>("ViewerConsentUpdatePayload").implement({
  fields: (t) => ({
    consent: t.field({ type: ViewerConsentType, nullable: true, description: "The consents after the change.", resolve: (p) => p.consent }),
    userErrors: t.field({ type: [PrivacyError.type], resolve: (p) => p.userErrors as never }),
  }),
});

const schema = z.object({
  personalization: z.boolean().nullish().transform((v) => v ?? undefined),
  analytics: z.boolean().nullish().transform((v) => v ?? undefined),
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
