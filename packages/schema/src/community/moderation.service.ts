/**
 * Reports and moderation: a signed-in user reports a post, comment, review, live session or
 * product they can see, with
 * a reason (`reportContent`); the reports about one piece of content form its ModerationCase;
 * the platform works the queue of OPEN cases and hides, restores or dismisses
 * (`resolveCase`).
 *
 * Hiding sets the content's `hiddenAt`: from the commit on it is left out of every list, feed
 * and lookup for everyone but its author (a post's shop's members too) and the platform, who see
 * it with `moderationStatus: HIDDEN`; the counters it fed go down (a comment's post's
 * commentCount, a review's product rating) and come back on restore. A `contentModerated` event
 * ends the subscriptions to it and drops cached answers holding it; a CONTENT_MODERATED webhook
 * goes to the platform's endpoints and the content's shop's.
 *
 * A case is locked (FOR UPDATE) by every report and decision, so concurrent reports count once
 * each and a decision sees them all.
 */
import { encodeGlobalID, decodeGlobalID } from "@pothos/plugin-relay";
import type { ContentReportReason, ModerationTargetKind, Prisma } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import {
  isPlatform,
  visibleLiveSessionWhere,
  visiblePostWhere,
  visibleProductWhere,
} from "../shared/access.ts";
import { forbidden, isUniqueViolation, unauthenticated } from "../shared/errors.ts";
import { queueEvent } from "../shared/events.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { inTransaction, Rollback } from "../shared/transaction.ts";
import { UUID } from "../shared/uuid.ts";
import { emitWebhookEvents } from "../webhooks/service.ts";
import { visibleCommentWhere } from "./comment.ts";
import { communityError } from "./errors.ts";
import { visibleReviewWhere } from "./review.ts";

type Tx = Prisma.TransactionClient;

/** The content that may be reported, by GraphQL type. */
export const REPORTABLE: Record<string, ModerationTargetKind> = {
  Post: "POST",
  PostComment: "COMMENT",
  ProductReview: "REVIEW",
  LiveSession: "LIVE_SESSION",
  Product: "PRODUCT",
};
const TYPENAME: Record<ModerationTargetKind, string> = {
  POST: "Post",
  COMMENT: "PostComment",
  REVIEW: "ProductReview",
  LIVE_SESSION: "LiveSession",
  PRODUCT: "Product",
};

/** A reportable global id as its kind and database id, or null. */
export function reportTarget(globalId: string): { kind: ModerationTargetKind; id: string } | null {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    const kind = REPORTABLE[typename];
    return kind && UUID.test(id) ? { kind, id: id.toLowerCase() } : null;
  } catch {
    return null;
  }
}

/** Whether the caller can see the content now (as its lists and lookups would show it). */
async function canSee(ctx: Context, kind: ModerationTargetKind, id: string): Promise<boolean> {
  switch (kind) {
    case "POST":
      return (await ctx.db.post.count({ where: { id, ...visiblePostWhere(ctx) } })) > 0;
    case "COMMENT":
      return (await ctx.db.postComment.count({ where: { id, AND: [visibleCommentWhere(ctx)] } })) > 0;
    case "REVIEW":
      return (await ctx.db.productReview.count({ where: { id, AND: [await visibleReviewWhere(ctx)] } })) > 0;
    case "LIVE_SESSION":
      return (await ctx.db.liveSession.count({ where: { id, AND: [visibleLiveSessionWhere(ctx)] } })) > 0;
    case "PRODUCT":
      return (await ctx.db.product.count({ where: { id, AND: [await visibleProductWhere(ctx)] } })) > 0;
  }
}

export interface ReportInput {
  targetId: string;
  reason: ContentReportReason;
  details: string;
}

/**
 * The caller reports content they can see. Errors, nothing written: INVALID_ID (not the id of
 * reportable content), NOT_FOUND (nothing the caller can see has it), ALREADY_REPORTED (the
 * caller reported it before). A report of DISMISSED or RESTORED content opens its case again.
 * The payload names the report.
 */
export async function reportContent(ctx: Context, input: ReportInput): Promise<PayloadShape> {
  const user = ctx.user;
  if (!user) throw unauthenticated("Sign in to report content.");
  const target = reportTarget(input.targetId);
  if (!target)
    return failed([
      communityError(
        "INVALID_ID",
        "Reports take the id of a post, a comment, a review, a live session or a product.",
        ["targetId"],
      ),
    ]);
  if (!(await canSee(ctx, target.kind, target.id)))
    return failed([communityError("NOT_FOUND", "Nothing you can see has this id.", ["targetId"])]);
  try {
    return await inTransaction(ctx, async (tx) => {
      const caseId = await lockCase(tx, target.kind, target.id);
      const report = await tx.contentReport.create({
        data: { caseId, reporterId: user.id, reason: input.reason, details: input.details },
        select: { id: true },
      });
      await tx.$executeRaw`
        UPDATE "ModerationCase" SET "reportCount" = "reportCount" + 1, "lastReportedAt" = now(), "updatedAt" = now(),
          "status" = CASE WHEN "status" IN ('DISMISSED', 'RESTORED') THEN 'OPEN'::"ModerationCaseStatus" ELSE "status" END
        WHERE "id" = ${caseId}::uuid`;
      return succeeded(report.id);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return failed([communityError("ALREADY_REPORTED", "You reported this already.", ["targetId"])]);
    throw error;
  }
}

/** The case of (kind, id), created when absent, locked for the transaction; its id. */
async function lockCase(tx: Tx, kind: ModerationTargetKind, targetId: string): Promise<string> {
  await tx.$executeRaw`
    INSERT INTO "ModerationCase" ("id", "targetKind", "targetId", "updatedAt")
    VALUES (gen_random_uuid(), ${kind}::"ModerationTargetKind", ${targetId}::uuid, now())
    ON CONFLICT ("targetKind", "targetId") DO NOTHING`;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text FROM "ModerationCase"
    WHERE "targetKind" = ${kind}::"ModerationTargetKind" AND "targetId" = ${targetId}::uuid FOR UPDATE`;
  if (!row) throw new Error(`The moderation case of ${kind} ${targetId} vanished`);
  return row.id;
}

export type ModerationAction = "HIDE" | "RESTORE" | "DISMISS";

/** What hiding or showing a piece of content changes: its row, the counters it fed; its shop and parent. */
async function setHidden(
  tx: Tx,
  kind: ModerationTargetKind,
  id: string,
  hidden: boolean,
): Promise<{ shopId: string | null; parent: { typename: string; id: string } | null } | null> {
  const at = hidden ? new Date() : null;
  const changing = hidden ? { hiddenAt: null } : { hiddenAt: { not: null } };
  switch (kind) {
    case "POST": {
      const post = await tx.post.findUnique({ where: { id }, select: { shopId: true } });
      if (!post) return null;
      await tx.post.updateMany({ where: { id, ...changing }, data: { hiddenAt: at } });
      return { shopId: post.shopId, parent: null };
    }
    case "COMMENT": {
      const comment = await tx.postComment.findUnique({
        where: { id },
        select: { postId: true, post: { select: { shopId: true } } },
      });
      if (!comment) return null;
      const delta = hidden ? -1 : 1;
      await tx.$executeRaw`
        WITH changed AS (
          UPDATE "PostComment" SET "hiddenAt" = ${at} WHERE "id" = ${id}::uuid
            AND ("hiddenAt" IS NULL) = ${hidden} RETURNING "postId")
        UPDATE "Post" p SET "commentCount" = p."commentCount" + ${delta}::int FROM changed WHERE p."id" = changed."postId"`;
      return { shopId: comment.post.shopId, parent: { typename: "Post", id: comment.postId } };
    }
    case "REVIEW": {
      const review = await tx.productReview.findUnique({
        where: { id },
        select: { productId: true, product: { select: { shopId: true } } },
      });
      if (!review) return null;
      const sign = hidden ? -1 : 1;
      await tx.$executeRaw`
        WITH changed AS (
          UPDATE "ProductReview" SET "hiddenAt" = ${at} WHERE "id" = ${id}::uuid
            AND ("hiddenAt" IS NULL) = ${hidden} RETURNING "productId", "rating")
        UPDATE "Product" p SET "ratingSum" = p."ratingSum" + ${sign}::int * changed."rating",
          "ratingCount" = p."ratingCount" + ${sign}::int
        FROM changed WHERE p."id" = changed."productId"`;
      return { shopId: review.product.shopId, parent: { typename: "Product", id: review.productId } };
    }
    case "LIVE_SESSION": {
      const session = await tx.liveSession.findUnique({ where: { id }, select: { shopId: true } });
      if (!session) return null;
      await tx.liveSession.updateMany({ where: { id, ...changing }, data: { hiddenAt: at } });
      return { shopId: session.shopId, parent: null };
    }
    case "PRODUCT": {
      const product = await tx.product.findUnique({ where: { id }, select: { shopId: true } });
      if (!product) return null;
      await tx.product.updateMany({ where: { id, ...changing }, data: { hiddenAt: at } });
      return { shopId: product.shopId, parent: null };
    }
  }
}

/**
 * The platform decides a case: HIDE (OPEN or DISMISSED or RESTORED content is hidden), RESTORE
 * (HIDDEN content is shown again), DISMISS (an OPEN case's reports were unfounded). FORBIDDEN
 * for others. Errors, nothing changed: NOT_FOUND (no such case), INVALID_TRANSITION (hiding
 * hidden content, restoring content that is not hidden, dismissing a case that is not OPEN),
 * TARGET_GONE (the content was deleted since; the case is closed as DISMISSED).
 */
export async function resolveCase(
  ctx: Context,
  input: { caseId: string; action: ModerationAction; note: string | null },
): Promise<PayloadShape> {
  if (!isPlatform(ctx)) throw forbidden("Only the platform moderates.");
  const now = new Date();
  let gone = false;
  const result = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.$queryRaw<{ kind: ModerationTargetKind; targetId: string; status: string }[]>`
      SELECT "targetKind"::text AS "kind", "targetId"::text AS "targetId", "status"::text AS "status"
      FROM "ModerationCase" WHERE "id" = ${input.caseId}::uuid FOR UPDATE`;
    if (!row)
      throw new Rollback([communityError("NOT_FOUND", "No moderation case has this id.", ["caseId"])]);
    const allowed: Record<ModerationAction, string[]> = {
      HIDE: ["OPEN", "DISMISSED", "RESTORED"],
      RESTORE: ["HIDDEN"],
      DISMISS: ["OPEN"],
    };
    if (!allowed[input.action].includes(row.status))
      throw new Rollback([
        communityError("INVALID_TRANSITION", `A ${row.status} case cannot be decided with ${input.action}.`, [
          "action",
        ]),
      ]);
    const status = { HIDE: "HIDDEN", RESTORE: "RESTORED", DISMISS: "DISMISSED" } as const;
    const effect =
      input.action === "DISMISS"
        ? undefined
        : await setHidden(tx, row.kind, row.targetId, input.action === "HIDE");
    if (effect === null) gone = true;
    await tx.moderationCase.update({
      where: { id: input.caseId },
      data: {
        status: gone ? "DISMISSED" : status[input.action],
        decidedAt: now,
        decidedById: ctx.user?.id ?? null,
        note: input.note,
      },
      select: { id: true },
    });
    if (gone) return succeeded(input.caseId);
    if (effect) {
      const typename = TYPENAME[row.kind];
      queueEvent("contentModerated", row.targetId, {
        typename,
        targetId: row.targetId,
        hidden: input.action === "HIDE",
        parent: effect.parent,
      });
      await emitWebhookEvents(tx, "CONTENT_MODERATED", [
        {
          shopId: effect.shopId,
          data: {
            caseId: encodeGlobalID("ModerationCase", input.caseId),
            targetId: encodeGlobalID(typename, row.targetId),
            targetKind: row.kind,
            action: input.action,
            status: status[input.action],
            decidedAt: now.toISOString(),
          },
        },
      ]);
    }
    return succeeded(input.caseId);
  });
  if (gone)
    return failed([
      communityError("TARGET_GONE", "The content was deleted; the case is closed as dismissed.", ["caseId"]),
    ]);
  return result;
}
