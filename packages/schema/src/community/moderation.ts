/**
 * Reports and moderation as the API shows them: `contentReport` (anyone signed in),
 * `moderationQueue` and `moderationResolve` (the platform), `ModerationCase` and
 * `ContentReport`, and `moderationStatus` on posts, comments and reviews (their authors see
 * their hidden content with HIDDEN). moderation.service.ts holds the rules.
 */
import { ContentReportReason, ModerationCaseStatus, ModerationTargetKind } from "@shoppable/db/enums";
import type { Prisma } from "@shoppable/db/client";
import { z } from "zod";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { limits, listCost } from "../limits.ts";
import { isPlatform } from "../shared/access.ts";
import { forbidden } from "../shared/errors.ts";
import { globalId, parseInput } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { CommunityError } from "./errors.ts";
import * as moderation from "./moderation.service.ts";

export const ModerationStatusEnum = builder.enumType("ModerationStatus", {
  description:
    "VISIBLE to everyone who may see it, or HIDDEN by moderation (then to its author and the platform only).",
  values: ["VISIBLE", "HIDDEN"] as const,
});

const ReasonEnum = builder.enumType(ContentReportReason, {
  name: "ContentReportReason",
  description: "Why content is reported.",
});
const CaseStatusEnum = builder.enumType(ModerationCaseStatus, {
  name: "ModerationCaseStatus",
  description:
    "OPEN: reports wait for a decision. HIDDEN: the content is hidden. DISMISSED: the reports were unfounded (a new report opens the case again). RESTORED: hidden, then shown again.",
});
const TargetKindEnum = builder.enumType(ModerationTargetKind, {
  name: "ModerationTargetKind",
  description: "What a case is about.",
});

/** Moderation cases are the platform's: for anyone else, no case exists. */
function platformOnly(ctx: Context): Prisma.ModerationCaseWhereInput {
  return isPlatform(ctx) ? {} : { id: { in: [] } };
}

/** At most this many reports show on a case (its `reportCount` counts them all). */
const CASE_REPORTS = 20;

builder.prismaObject("ContentReport", {
  description: "One user's report of content, with a reason.",
  fields: (t) => ({
    reason: t.expose("reason", { type: ReasonEnum }),
    details: t.exposeString("details", { description: "The reporter's words; empty when none." }),
    reporter: t.relation("reporter", { description: "Who reported it." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaNode("ModerationCase", {
  id: { field: "id" },
  nullable: true,
  description:
    "The reports about one post, comment, review, live session or product, and the platform's latest decision. The platform's only.",
  findUnique: (id, ctx) => ({ id, AND: [platformOnly(ctx)] }),
  fields: (t) => ({
    targetKind: t.expose("targetKind", { type: TargetKindEnum }),
    status: t.expose("status", { type: CaseStatusEnum }),
    reportCount: t.exposeInt("reportCount"),
    lastReportedAt: t.expose("lastReportedAt", { type: "DateTime" }),
    post: t.prismaField({
      type: "Post",
      nullable: true,
      description: "The reported post (targetKind POST), hidden or not; null once deleted for good.",
      select: { targetKind: true, targetId: true },
      resolve: (query, c, _args, ctx) =>
        c.targetKind === "POST" ? ctx.db.post.findUnique({ ...query, where: { id: c.targetId } }) : null,
    }),
    comment: t.prismaField({
      type: "PostComment",
      nullable: true,
      description: "The reported comment (targetKind COMMENT); null once deleted.",
      select: { targetKind: true, targetId: true },
      resolve: (query, c, _args, ctx) =>
        c.targetKind === "COMMENT"
          ? ctx.db.postComment.findUnique({ ...query, where: { id: c.targetId } })
          : null,
    }),
    review: t.prismaField({
      type: "ProductReview",
      nullable: true,
      description: "The reported review (targetKind REVIEW).",
      select: { targetKind: true, targetId: true },
      resolve: (query, c, _args, ctx) =>
        c.targetKind === "REVIEW"
          ? ctx.db.productReview.findUnique({ ...query, where: { id: c.targetId } })
          : null,
    }),
    liveSession: t.prismaField({
      type: "LiveSession",
      nullable: true,
      description: "The reported live session (targetKind LIVE_SESSION).",
      select: { targetKind: true, targetId: true },
      resolve: (query, c, _args, ctx) =>
        c.targetKind === "LIVE_SESSION"
          ? ctx.db.liveSession.findUnique({ ...query, where: { id: c.targetId } })
          : null,
    }),
    product: t.prismaField({
      type: "Product",
      nullable: true,
      description: "The reported product (targetKind PRODUCT).",
      select: { targetKind: true, targetId: true },
      resolve: (query, c, _args, ctx) =>
        c.targetKind === "PRODUCT"
          ? ctx.db.product.findUnique({ ...query, where: { id: c.targetId } })
          : null,
    }),
    reports: t.relation("reports", {
      description: `Its latest reports, newest first (at most ${CASE_REPORTS}).`,
      query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: CASE_REPORTS },
      complexity: listCost(CASE_REPORTS),
    }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    decidedBy: t.relation("decidedBy", { nullable: true, description: "The admin who decided last." }),
    note: t.exposeString("note", { nullable: true, description: "The moderator's note on the decision." }),
  }),
});

builder.queryField("moderationQueue", (t) =>
  t.prismaConnection({
    type: "ModerationCase",
    cursor: "id",
    description:
      "Moderation cases, longest waiting first (by their latest report): OPEN ones unless `status` says otherwise. The platform only (a secret key, alone or with an ADMIN user); FORBIDDEN for others.",
    authScopes: { secretKey: true },
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    args: {
      status: t.arg({ type: CaseStatusEnum, required: false, defaultValue: "OPEN" }),
      targetKind: t.arg({ type: TargetKindEnum, required: false }),
    },
    totalCount: (_root, args, ctx) =>
      ctx.db.moderationCase.count({
        where: { status: args.status ?? "OPEN", ...(args.targetKind ? { targetKind: args.targetKind } : {}) },
      }),
    resolve: (query, _root, args, ctx) => {
      if (!isPlatform(ctx)) throw forbidden("Only the platform works the moderation queue.");
      return ctx.db.moderationCase.findMany({
        ...query,
        where: { status: args.status ?? "OPEN", ...(args.targetKind ? { targetKind: args.targetKind } : {}) },
        orderBy: [{ lastReportedAt: "asc" }, { id: "asc" }],
      });
    },
  }),
);

/**
 * Content moderation may hide that only its author (and the platform) still sees, as a `where`
 * on a model with `hiddenAt` and `authorId` (comments, reviews).
 */
export function hiddenOnlyToAuthor(ctx: Context): {
  OR?: [{ hiddenAt: null }, { authorId: string }];
  hiddenAt?: null;
} {
  if (isPlatform(ctx)) return {};
  return ctx.user ? { OR: [{ hiddenAt: null }, { authorId: ctx.user.id }] } : { hiddenAt: null };
}

/** `moderationStatus` of content with `hiddenAt`, for the type of each model that moderation hides. */
export const moderationStatusField = (who: string) => ({
  type: ModerationStatusEnum,
  description: `HIDDEN when moderation hid it: then only ${who} and the platform see it.`,
  select: { hiddenAt: true },
  resolve: (o: { hiddenAt: Date | null }) => (o.hiddenAt ? ("HIDDEN" as const) : ("VISIBLE" as const)),
});
builder.prismaObjectFields("Post", (t) => ({
  moderationStatus: t.field(moderationStatusField("its author and its shop's members")),
}));
builder.prismaObjectFields("LiveSession", (t) => ({
  moderationStatus: t.field(moderationStatusField("its host and its shop's members")),
}));
builder.prismaObjectFields("Product", (t) => ({
  moderationStatus: t.field(moderationStatusField("its shop's merchants")),
}));

const ContentReportInput = builder.inputType("ContentReportInput", {
  fields: (t) => ({
    targetId: t.id({ description: "A post, comment, review, live session or product the caller can see." }),
    reason: t.field({ type: ReasonEnum }),
    details: t.string({
      required: false,
      description: "What is wrong, in the reporter's words (at most 1,000 characters).",
    }),
  }),
});

builder.mutationField("contentReport", (t) =>
  t.field({
    type: definePayload("ContentReport", { field: "report", model: "ContentReport" }, CommunityError.type),
    description:
      "Reports a post, comment, review, live session or product the caller can see, with a reason; once per user and content. The platform decides (moderationQueue, moderationResolve). Needs a user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ContentReportInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        targetId: z.string().max(200),
        reason: z.nativeEnum(ContentReportReason),
        details: z.string().trim().max(1_000).nullish(),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return moderation.reportContent(ctx, { ...parsed.data, details: parsed.data.details ?? "" });
    },
  }),
);

const ModerationActionEnum = builder.enumType("ModerationAction", {
  values: {
    HIDE: { description: "Hide the content from everyone but its author and the platform." },
    RESTORE: { description: "Show hidden content again." },
    DISMISS: { description: "The reports are unfounded; the content stays as it is." },
  },
});

const ModerationResolveInput = builder.inputType("ModerationResolveInput", {
  fields: (t) => ({
    caseId: t.id(),
    action: t.field({ type: ModerationActionEnum }),
    note: t.string({ required: false, description: "Why, for the record (at most 1,000 characters)." }),
  }),
});

builder.mutationField("moderationResolve", (t) =>
  t.field({
    type: definePayload("ModerationResolve", { field: "case", model: "ModerationCase" }, CommunityError.type),
    description:
      "The platform decides a moderation case: HIDE, RESTORE or DISMISS. Hidden content leaves every feed, list, lookup and subscription at once for everyone but its author and the platform; a CONTENT_MODERATED webhook follows. FORBIDDEN for others.",
    authScopes: { secretKey: true },
    args: { input: t.arg({ type: ModerationResolveInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (!isPlatform(ctx)) throw forbidden("Only the platform moderates.");
      const schema = z.object({
        caseId: globalId("ModerationCase"),
        action: z.enum(["HIDE", "RESTORE", "DISMISS"]),
        note: z.string().trim().max(1_000).nullish(),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return moderation.resolveCase(ctx, { ...parsed.data, note: parsed.data.note || null });
    },
  }),
);
