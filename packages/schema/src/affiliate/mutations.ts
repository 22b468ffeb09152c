import { z } from "zod";
import { builder } from "../builder.ts";
import { currencyCode, globalId, parseInput } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { AffiliateAccessEnum, AttributionModelEnum } from "./affiliate.ts";
import { AffiliateError } from "./errors.ts";
import * as affiliate from "./service.ts";
import { firstUserErrors, userErrorsCost } from "../shared/user-error.ts";
import { listCost } from "../limits.ts";
import { CURRENCY_CODES } from "../money.ts";

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const rate = z.number().int().min(0).max(10_000);

// ───────────── programs ─────────────

const AffiliateProductRateInput = builder.inputType("AffiliateProductRateInput", {
  fields: (t) => ({
    productId: t.id(),
    rate: t.int({
      required: false,
      description: "Basis points (1000 = 10%); null removes the product's rate (the default applies).",
    }),
  }),
});

const AffiliateProgramUpsertInput = builder.inputType("AffiliateProgramUpsertInput", {
  description: "Absent fields keep their value (or take their default when the program is created).",
  fields: (t) => ({
    shopId: t.id(),
    defaultRate: t.int({
      required: false,
      description: "Basis points (1000 = 10%), 0 to 10000. Required to create the program.",
    }),
    productRates: t.field({
      type: [AffiliateProductRateInput],
      required: false,
      description: "Per-product rates to set or (rate null) remove; at most 100.",
    }),
    attributionWindowSeconds: t.int({ required: false, description: "1 second to 90 days; default 7 days." }),
    model: t.field({ type: AttributionModelEnum, required: false, description: "Default LAST_CLICK." }),
    access: t.field({ type: AffiliateAccessEnum, required: false, description: "Default OPEN." }),
    holdDays: t.int({
      required: false,
      description: "Days after fulfilment before commissions become payable, 0 to 365; default 15.",
    }),
  }),
});

const programSchema = z.object({
  shopId: globalId("Shop"),
  defaultRate: optional(rate),
  productRates: optional(
    z.array(z.object({ productId: globalId("Product"), rate: optional(rate) })).max(100),
  ),
  attributionWindowSeconds: optional(
    z
      .number()
      .int()
      .min(1)
      .max(90 * 86_400),
  ),
  model: optional(z.enum(["LAST_CLICK", "FIRST_CLICK"])),
  access: optional(z.enum(["OPEN", "INVITE_ONLY"])),
  holdDays: optional(z.number().int().min(0).max(365)),
});

builder.mutationField("affiliateProgramUpsert", (t) =>
  t.field({
    authScopes: { secretKey: true },
    type: definePayload(
      "AffiliateProgramUpsert",
      { field: "affiliateProgram", model: "AffiliateProgram" },
      AffiliateError.type,
    ),
    description:
      "Creates or changes the shop's affiliate program. For the shop's merchants (secret key) and the platform.",
    args: { input: t.arg({ type: AffiliateProgramUpsertInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(programSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return affiliate.upsertProgram(ctx, parsed.data);
    },
  }),
);

// ───────────── invitations ─────────────

const invitationPayload = (name: string) =>
  definePayload(name, { field: "invitation", model: "AffiliateInvitation" }, AffiliateError.type);

const AffiliateInviteInput = builder.inputType("AffiliateInviteInput", {
  fields: (t) => ({ shopId: t.id(), creatorId: t.id({ description: "A User with the CREATOR role." }) }),
});
const inviteSchema = z.object({ shopId: globalId("Shop"), creatorId: globalId("User") });

builder.mutationField("affiliateInvite", (t) =>
  t.field({
    authScopes: { secretKey: true },
    type: definePayload(
      "AffiliateInvite",
      { field: "invitation", model: "AffiliateInvitation" },
      AffiliateError.type,
    ),
    description:
      "Invites a creator to the shop's program. For the shop's merchants (secret key) and the platform. The invitation is read by the creator.",
    args: { input: t.arg({ type: AffiliateInviteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(inviteSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return affiliate.inviteCreator(ctx, parsed.data);
    },
  }),
);

const AffiliateInvitationAnswerInput = builder.inputType("AffiliateInvitationAnswerInput", {
  fields: (t) => ({ id: t.id() }),
});
const answerSchema = z.object({ id: globalId("AffiliateInvitation") });

for (const [name, answer] of [
  ["affiliateInvitationAccept", "ACCEPTED"],
  ["affiliateInvitationDecline", "DECLINED"],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      authScopes: { user: true },
      type: invitationPayload(name[0]!.toUpperCase() + name.slice(1)),
      description: `The invited creator ${answer === "ACCEPTED" ? "accepts" : "declines"} a PENDING invitation.`,
      args: { input: t.arg({ type: AffiliateInvitationAnswerInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(answerSchema, input);
        if (!parsed.ok) return failed(parsed.errors);
        return affiliate.answerInvitation(ctx, parsed.data.id, answer);
      },
    }),
  );
}

// ───────────── links ─────────────

const AffiliateLinkCreateInput = builder.inputType("AffiliateLinkCreateInput", {
  description:
    "One target: productId, postId (with shopId when the post tags several shops) or shopId alone.",
  fields: (t) => ({
    productId: t.id({ required: false }),
    postId: t.id({ required: false }),
    shopId: t.id({ required: false }),
  }),
});
const linkSchema = z.object({
  productId: optional(globalId("Product")),
  postId: optional(globalId("Post")),
  shopId: optional(globalId("Shop")),
});

builder.mutationField("affiliateLinkCreate", (t) =>
  t.field({
    authScopes: { creator: true },
    type: definePayload(
      "AffiliateLinkCreate",
      { field: "affiliateLink", model: "AffiliateLink" },
      AffiliateError.type,
    ),
    description:
      "Creates a link of the calling creator to a product, a post or a shop they may promote: a random code and its URL.",
    args: { input: t.arg({ type: AffiliateLinkCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(linkSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return affiliate.createLink(ctx, parsed.data);
    },
  }),
);

// ───────────── payouts ─────────────

interface PayoutPayloadShape {
  payoutIds: string[];
  userErrors: { code: string; field: string[] | null; message: string }[];
}

const AffiliatePayoutPayload = builder.objectRef<PayoutPayloadShape>("AffiliatePayoutPayload").implement({
  fields: (t) => ({
    payouts: t.prismaField({
      type: ["Payout"],
      description: "One payout per currency paid; empty when nothing was paid.",
      complexity: listCost(CURRENCY_CODES.length),
      resolve: (query, p, _a, ctx) =>
        p.payoutIds.length
          ? ctx.db.payout.findMany({
              ...query,
              where: { id: { in: p.payoutIds } },
              orderBy: { currencyCode: "asc" },
            })
          : [],
    }),
    userErrors: t.field({
      type: [AffiliateError.type],
      complexity: userErrorsCost,
      resolve: (p) => firstUserErrors(p.userErrors) as never,
    }),
  }),
});

const AffiliatePayoutInput = builder.inputType("AffiliatePayoutInput", {
  fields: (t) => ({
    creatorId: t.id(),
    currencyCode: t.string({
      required: false,
      description: "Pay only this currency; default every currency.",
    }),
  }),
});
const payoutSchema = z.object({ creatorId: globalId("User"), currencyCode: optional(currencyCode) });

builder.mutationField("affiliatePayout", (t) =>
  t.field({
    authScopes: { secretKey: true },
    type: AffiliatePayoutPayload,
    description:
      "Pays a creator all their PAYABLE commissions (negative entries from refunds after an earlier payout included): one payout per currency with a positive balance. For the platform.",
    args: { input: t.arg({ type: AffiliatePayoutInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(payoutSchema, input);
      if (!parsed.ok) return { payoutIds: [], userErrors: parsed.errors };
      return affiliate.payout(ctx, parsed.data);
    },
  }),
);
