/**
 * Privacy rights: everything stored about a user, as JSON (`exportUserData`), and erasure
 * (`eraseUser`), which removes or anonymises it at once and keeps every counter consistent.
 *
 * `USER_DATA` says, for every column that holds a user's id (foreign keys to User and the
 * viewer/buyer keys built from it), what export and erasure do with it, and whether a new
 * reference to an erased user is refused by the database (`afterErasure: "refused"`: the
 * column has a `refuse_erased_user` trigger) or allowed (accounting that still owes the
 * anonymised user). Tests fail when a table refers to users and is missing here, and when a
 * "refused" column has no trigger, so new domains cannot forget privacy.
 */
import type { Context } from "../context.ts";
import type { Prisma, PrismaClient } from "@shoppable/db/client";
import { Prisma as P } from "@shoppable/db/client";
import { subjectHash } from "../identity/keys.ts";
import { queueEvent, transaction, USER_ERASED_CHANNEL } from "../shared/events.ts";
import { utc } from "../shared/sql.ts";

type Tx = Prisma.TransactionClient;

/** Every column that refers to a user, and its fate: `table.column` → what happens. */
export const USER_DATA: Record<
  string,
  { exported: string; erased: string; afterErasure: "refused" | "allowed" }
> = {
  "ShopMember.userId": { exported: "memberships", erased: "deleted", afterErasure: "refused" },
  "Post.authorId": {
    exported: "posts",
    erased:
      "own posts deleted (with their tags and engagement); posts made for a shop stay, authored by the anonymised user",
    afterErasure: "refused",
  },
  "PostLike.userId": {
    exported: "likes",
    erased: "deleted; the posts' likeCount and hourly likes go down",
    afterErasure: "refused",
  },
  "PostComment.authorId": {
    exported: "comments",
    erased: "deleted; the posts' commentCount goes down",
    afterErasure: "refused",
  },
  "ProductReview.authorId": {
    exported: "reviews",
    erased:
      "anonymised: title, text and images removed and the author cleared, so it leaves Product.reviews; the rating stays in the product's rating (a star count tied to no one is not personal data, and the product's average does not move when a reviewer leaves)",
    afterErasure: "refused",
  },
  "ContentReport.reporterId": {
    exported: "reports",
    erased: "deleted; their cases' reportCount goes down",
    afterErasure: "refused",
  },
  "ModerationCase.decidedById": {
    exported: "moderationDecisions",
    erased: "cleared: the decision stays on the case, by no one",
    afterErasure: "allowed",
  },
  "PostView.viewerKey": {
    exported: "views",
    erased: "deleted; viewCount and hourly views go down",
    afterErasure: "refused",
  },
  "PostShare.userId": {
    exported: "shares",
    erased: "deleted; shareCount and hourly shares go down",
    afterErasure: "refused",
  },
  "UserFollow.followerId": {
    exported: "following",
    erased: "deleted; the followees' followerCount goes down",
    afterErasure: "refused",
  },
  "UserFollow.followeeId": {
    exported: "followers (count only)",
    erased: "deleted; the followers' followingCount goes down",
    afterErasure: "refused",
  },
  "ShopFollow.followerId": {
    exported: "shopsFollowed",
    erased: "deleted; the shops' followerCount goes down",
    afterErasure: "refused",
  },
  "LiveSession.hostId": {
    exported: "liveSessions",
    erased: "own sessions (not for a shop) deleted; a shop's sessions stay, hosted by the anonymised user",
    afterErasure: "refused",
  },
  "LiveSessionViewer.viewerKey": {
    exported: "liveSessionsWatching",
    erased: "deleted; viewerCount goes down",
    afterErasure: "refused",
  },
  "Cart.userId": {
    exported: "carts (with their delivery addresses)",
    erased: "deleted with their lines and delivery addresses",
    afterErasure: "refused",
  },
  "BuyerAddress.userId": { exported: "addresses", erased: "deleted", afterErasure: "refused" },
  "Order.buyerId": {
    exported: "orders",
    erased:
      "kept for the merchant's accounting: buyer, email and country removed; the delivery address cut to its country and province (the tax jurisdiction)",
    afterErasure: "refused",
  },
  "DiscountRedemption.buyerKey": {
    exported: "orders[].discountCodes",
    erased: "the buyer key replaced by an anonymous one",
    afterErasure: "refused",
  },
  "InventoryAdjustment.actorId": {
    exported: "inventoryAdjustments",
    erased: "kept (a shop's stock history), pointing at the anonymised user",
    afterErasure: "refused",
  },
  "AffiliateLink.creatorId": {
    exported: "affiliateLinks",
    erased: "disabled (their codes stop redirecting); kept, as order lines and commissions refer to them",
    afterErasure: "refused",
  },
  "AffiliateInvitation.creatorId": {
    exported: "affiliateInvitations",
    erased: "deleted",
    afterErasure: "refused",
  },
  "Commission.creatorId": {
    exported: "commissions",
    erased: "kept for the shops' accounting, owed to the anonymised user",
    afterErasure: "allowed",
  },
  "Payout.creatorId": {
    exported: "payouts",
    erased: "kept for the shops' accounting",
    afterErasure: "allowed",
  },
  "AffiliateClick.visitorId": {
    exported:
      "affiliateClicks (the clicks of the visitor ids the user's carts and orders were attributed through)",
    erased: "deleted with their visits; the links' hourly click counts go down; order lines forget the click",
    afterErasure: "allowed",
  },
};

/** The affiliate visitor ids that are the user's: those of clicks their cart lines and orders carry. */
function userVisitors(userId: string) {
  return sql`
    SELECT DISTINCT c."visitorId" FROM "AffiliateClick" c WHERE c."id" IN (
      SELECT cl."affiliateClickId" FROM "CartLine" cl JOIN "Cart" ca ON ca."id" = cl."cartId"
      WHERE ca."userId" = ${userId}::uuid AND cl."affiliateClickId" IS NOT NULL
      UNION
      SELECT ol."affiliateClickId" FROM "OrderLine" ol JOIN "Order" o ON o."id" = ol."orderId"
      WHERE o."buyerId" = ${userId}::uuid AND ol."affiliateClickId" IS NOT NULL)`;
}

/** Everything stored about the user, by section. Nothing of other users but counts. */
export async function exportUserData(db: PrismaClient, userId: string): Promise<Record<string, unknown>> {
  const viewerKey = `user:${userId}`;
  const [
    user,
    memberships,
    posts,
    likes,
    views,
    shares,
    following,
    shopsFollowed,
    liveSessions,
    watching,
    carts,
    addresses,
    orders,
    inventoryAdjustments,
    affiliateLinks,
    affiliateInvitations,
    commissions,
    payouts,
    affiliateClicks,
    comments,
    reviews,
    reports,
    moderationDecisions,
  ] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId } }),
    db.shopMember.findMany({ where: { userId }, orderBy: { shopId: "asc" } }),
    db.post.findMany({
      where: { authorId: userId },
      include: { productTags: { orderBy: { position: "asc" } } },
      orderBy: { id: "asc" },
    }),
    db.postLike.findMany({ where: { userId }, orderBy: { postId: "asc" } }),
    db.postView.findMany({ where: { viewerKey }, orderBy: [{ postId: "asc" }, { bucket: "asc" }] }),
    db.postShare.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.userFollow.findMany({ where: { followerId: userId }, orderBy: { followeeId: "asc" } }),
    db.shopFollow.findMany({ where: { followerId: userId }, orderBy: { shopId: "asc" } }),
    db.liveSession.findMany({ where: { hostId: userId }, orderBy: { id: "asc" } }),
    db.liveSessionViewer.findMany({ where: { viewerKey }, orderBy: { liveSessionId: "asc" } }),
    db.cart.findMany({
      where: { userId },
      include: { lines: { orderBy: { id: "asc" } } },
      orderBy: { id: "asc" },
    }),
    db.buyerAddress.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.order.findMany({
      where: { buyerId: userId },
      include: { lines: { orderBy: { id: "asc" } }, payments: true, refunds: true, redemptions: true },
      orderBy: { id: "asc" },
    }),
    db.inventoryAdjustment.findMany({ where: { actorId: userId }, orderBy: { id: "asc" } }),
    db.affiliateLink.findMany({ where: { creatorId: userId }, orderBy: { id: "asc" } }),
    db.affiliateInvitation.findMany({ where: { creatorId: userId }, orderBy: { id: "asc" } }),
    db.commission.findMany({ where: { creatorId: userId }, orderBy: { id: "asc" } }),
    db.payout.findMany({ where: { creatorId: userId }, orderBy: { id: "asc" } }),
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT c."id", c."linkId", c."visitorId", c."isBot", c."counted", c."createdAt" FROM "AffiliateClick" c
      WHERE c."visitorId" IN (${userVisitors(userId)}) ORDER BY c."id"`,
    db.postComment.findMany({ where: { authorId: userId }, orderBy: { id: "asc" } }),
    db.productReview.findMany({ where: { authorId: userId }, orderBy: { id: "asc" } }),
    db.contentReport.findMany({ where: { reporterId: userId }, orderBy: { id: "asc" } }),
    db.moderationCase.findMany({
      where: { decidedById: userId },
      select: { id: true, targetKind: true, targetId: true, status: true, decidedAt: true, note: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    user,
    memberships,
    posts,
    likes,
    views,
    shares,
    following,
    followers: { count: user.followerCount },
    shopsFollowed,
    liveSessions,
    liveSessionsWatching: watching,
    carts,
    addresses,
    orders,
    inventoryAdjustments,
    affiliateLinks,
    affiliateInvitations,
    commissions,
    payouts,
    affiliateClicks,
    comments,
    reviews,
    reports,
    moderationDecisions,
  };
}

const sql = P.sql;

/**
 * Deletes counted post events (`remove`: a DELETE of PostView or PostShare rows) and takes them
 * off the posts' counter and the hourly rows they were counted in.
 */
async function forgetPostEvents(
  tx: Tx,
  remove: Prisma.Sql,
  counter: "viewCount" | "shareCount",
  column: "views" | "shares",
): Promise<void> {
  const c = P.raw(`"${counter}"`);
  const h = P.raw(`"${column}"`);
  await tx.$executeRaw`
    WITH gone AS (${remove} RETURNING "postId", date_trunc('hour', "createdAt") AS "hour"),
    per_post AS (SELECT "postId", count(*)::int AS n FROM gone GROUP BY "postId"),
    per_hour AS (SELECT "postId", "hour", count(*)::int AS n FROM gone GROUP BY "postId", "hour"),
    counted AS (UPDATE "Post" p SET ${c} = p.${c} - per_post.n FROM per_post WHERE p."id" = per_post."postId" RETURNING p."id")
    UPDATE "PostEngagementHour" h SET ${h} = h.${h} - per_hour.n FROM per_hour WHERE h."postId" = per_hour."postId" AND h."hour" = per_hour."hour"`;
}

/**
 * Erases a user in one transaction (see USER_DATA for each kind of data): engagement, follows,
 * presence, carts and own posts go, with every counter they fed brought down; orders stay with
 * personal fields removed; the user row stays, anonymised, so what must refer to it still can.
 * The host account's `sub` goes on the ErasedSubject list (its tokens are refused from then
 * on), and after the commit a `userErased` event tells every instance to drop the user's
 * cached credentials and connections. Writes for the user racing the erasure are refused by
 * the database (the `refuse_erased_user` triggers), so none lands on the anonymised row.
 */
export async function eraseUser(
  ctx: Pick<Context, "db" | "events">,
  userId: string,
  now = new Date(),
): Promise<void> {
  const viewerKey = `user:${userId}`;
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await transaction(ctx, async (tx: Tx) => {
    // The user row first: concurrent erasures of one user queue here, and writes for the user
    // (which lock it FOR KEY SHARE, see the triggers) either finish before or are refused after.
    const [user] = await tx.$queryRaw<{ id: string; externalId: string }[]>`
      SELECT "id", "externalId" FROM "User" WHERE "id" = ${userId}::uuid AND "erasedAt" IS NULL FOR UPDATE`;
    if (!user) return;
    await tx.erasedSubject.upsert({
      where: { subjectHash: subjectHash(user.externalId) },
      create: { subjectHash: subjectHash(user.externalId) },
      update: {},
      select: { subjectHash: true },
    });
    queueEvent("userErased", USER_ERASED_CHANNEL, { userId });

    // Likes, views and shares: counters and the hourly rows they were counted in go down.
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "PostLike" WHERE "userId" = ${userId}::uuid RETURNING "postId"),
      counted AS (UPDATE "Post" p SET "likeCount" = p."likeCount" - 1 FROM gone WHERE p."id" = gone."postId" RETURNING p."id")
      INSERT INTO "PostEngagementHour" ("postId", "hour", "likes")
      SELECT "postId", ${utc(hour)}, -1 FROM gone
      ON CONFLICT ("postId", "hour") DO UPDATE SET "likes" = "PostEngagementHour"."likes" + EXCLUDED."likes"`;
    // Comments go, counted off their posts; reviews keep their rating only (USER_DATA says why).
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "PostComment" WHERE "authorId" = ${userId}::uuid RETURNING "postId"),
      per_post AS (SELECT "postId", count(*)::int AS n FROM gone GROUP BY "postId")
      UPDATE "Post" p SET "commentCount" = p."commentCount" - per_post.n FROM per_post WHERE p."id" = per_post."postId"`;
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "ContentReport" WHERE "reporterId" = ${userId}::uuid RETURNING "caseId")
      UPDATE "ModerationCase" c SET "reportCount" = c."reportCount" - 1 FROM gone WHERE c."id" = gone."caseId"`;
    await tx.moderationCase.updateMany({ where: { decidedById: userId }, data: { decidedById: null } });
    await tx.productReview.updateMany({
      where: { authorId: userId },
      data: { authorId: null, title: "", body: "", mediaUrls: [], anonymisedAt: now },
    });
    await forgetPostEvents(
      tx,
      P.sql`DELETE FROM "PostView" WHERE "viewerKey" = ${viewerKey}`,
      "viewCount",
      "views",
    );
    await forgetPostEvents(
      tx,
      P.sql`DELETE FROM "PostShare" WHERE "userId" = ${userId}::uuid`,
      "shareCount",
      "shares",
    );

    // Affiliate clicks made as the user (before carts and orders lose the trail to them).
    await tx.$executeRaw`
      WITH visitors AS (${userVisitors(userId)}),
      gone AS (
        DELETE FROM "AffiliateClick" c USING visitors v WHERE c."visitorId" = v."visitorId"
        RETURNING c."id", c."linkId", c."counted", date_trunc('hour', c."createdAt") AS "hour"
      ),
      per_hour AS (SELECT "linkId", "hour", count(*)::int AS n, (count(*) FILTER (WHERE "counted"))::int AS k FROM gone GROUP BY 1, 2),
      hours AS (
        UPDATE "AffiliateClickHour" h SET "clicks" = h."clicks" - per_hour.n, "countedClicks" = h."countedClicks" - per_hour.k
        FROM per_hour WHERE h."linkId" = per_hour."linkId" AND h."hour" = per_hour."hour" RETURNING 1
      ),
      visits AS (DELETE FROM "AffiliateVisit" a USING visitors v WHERE a."visitorId" = v."visitorId" RETURNING 1),
      carts AS (UPDATE "CartLine" cl SET "affiliateClickId" = NULL FROM gone WHERE cl."affiliateClickId" = gone."id" RETURNING 1)
      UPDATE "OrderLine" ol SET "affiliateClickId" = NULL FROM gone WHERE ol."affiliateClickId" = gone."id"`;

    // Follows both ways, and followed shops.
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "UserFollow" WHERE "followerId" = ${userId}::uuid RETURNING "followeeId")
      UPDATE "User" u SET "followerCount" = u."followerCount" - 1 FROM gone WHERE u."id" = gone."followeeId"`;
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "UserFollow" WHERE "followeeId" = ${userId}::uuid RETURNING "followerId")
      UPDATE "User" u SET "followingCount" = u."followingCount" - 1 FROM gone WHERE u."id" = gone."followerId"`;
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "ShopFollow" WHERE "followerId" = ${userId}::uuid RETURNING "shopId")
      UPDATE "Shop" s SET "followerCount" = s."followerCount" - 1 FROM gone WHERE s."id" = gone."shopId"`;

    // Live presence; the user's own sessions and posts (shop content stays).
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM "LiveSessionViewer" WHERE "viewerKey" = ${viewerKey} RETURNING "liveSessionId")
      UPDATE "LiveSession" s SET "viewerCount" = GREATEST(0, s."viewerCount" - 1) FROM gone WHERE s."id" = gone."liveSessionId"`;
    await tx.post.deleteMany({ where: { authorId: userId, shopId: null } });
    await tx.liveSession.deleteMany({ where: { hostId: userId, shopId: null } });
    await tx.shopMember.deleteMany({ where: { userId } });
    await tx.affiliateInvitation.deleteMany({ where: { creatorId: userId } });
    await tx.affiliateLink.updateMany({
      where: { creatorId: userId, disabledAt: null },
      data: { disabledAt: now },
    });

    // Carts go; orders stay for the merchant, without the buyer.
    await tx.cart.deleteMany({ where: { userId } });
    await tx.buyerAddress.deleteMany({ where: { userId } });
    const orders = await tx.order.findMany({ where: { buyerId: userId }, select: { id: true, email: true } });
    const emails = [...new Set(orders.map((o) => o.email?.toLowerCase()).filter((e): e is string => !!e))];
    // The delivery address shrinks to the tax jurisdiction (country and province), the
    // evidence the order's tax lines rest on; names, street, city, zip and phone go.
    await tx.$executeRaw`
      UPDATE "Order" SET "shippingAddress" = jsonb_build_object(
        'countryCode', "shippingAddress"->'countryCode', 'provinceCode', "shippingAddress"->'provinceCode')
      WHERE "buyerId" = ${userId}::uuid AND "shippingAddress" IS NOT NULL`;
    await tx.order.updateMany({
      where: { buyerId: userId },
      data: { buyerId: null, email: null, countryCode: null },
    });
    const anonymous = `erased:${userId}`;
    await tx.discountRedemption.updateMany({
      where: {
        OR: [
          { buyerKey: viewerKey },
          ...(emails.length
            ? [
                {
                  buyerKey: { in: emails.map((e) => `email:${e}`) },
                  orderId: { in: orders.map((o) => o.id) },
                },
              ]
            : []),
        ],
      },
      data: { buyerKey: anonymous },
    });

    // The user row, anonymised: nothing personal left, counters zeroed with the follows gone.
    await tx.user.update({
      where: { id: userId },
      data: {
        externalId: anonymous,
        handle: `erased-${userId.replace(/-/g, "").slice(0, 16)}`,
        displayName: null,
        email: null,
        avatarUrl: null,
        roles: [],
        consentPersonalization: false,
        consentAnalytics: false,
        followerCount: 0,
        followingCount: 0,
        erasedAt: now,
      },
      select: { id: true },
    });
  });
}

/** The caller's own data (see exportUserData). */
export function exportViewerData(ctx: Context) {
  return exportUserData(ctx.db, ctx.user!.id);
}
