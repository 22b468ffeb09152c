/**
 * Affiliate programs, invitations, links, clicks and the creator's and merchant's figures.
 * Commission and payout writes live in ledger.ts.
 */
import { randomUUID, createHash } from "node:crypto";
import { utc } from "../shared/sql.ts";
import type { Context } from "../context.ts";
import { Prisma, type PrismaClient } from "@shoppable/db/client";
import type { AffiliateAccess, AttributionModel } from "@shoppable/db/enums";
import { canManageShop, hasRole, isPlatform } from "../shared/access.ts";
import { forbidden, isUniqueViolation } from "../shared/errors.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { userError } from "../shared/user-error.ts";
import { inTransaction, Rollback, TX_OPTIONS } from "../shared/transaction.ts";
import type { AffiliateErrorCode } from "./errors.ts";
import { payCreator, releasePayableCommissions, type ReleasedCommission } from "./ledger.ts";
import { commissionIdChunks, transaction, type EventBus } from "../shared/events.ts";

/** commissionEvents (PAYABLE) for entries released outside a transaction(), after their commit. */
export function publishReleased(events: EventBus | undefined, released: ReleasedCommission[]): void {
  if (!events) return;
  const byCreator = new Map<string, string[]>();
  for (const c of released) byCreator.set(c.creatorId, [...(byCreator.get(c.creatorId) ?? []), c.id]);
  for (const [creatorId, ids] of byCreator)
    for (const commissionIds of commissionIdChunks(ids))
      events.publish("commissionEvents", creatorId, { kind: "PAYABLE", commissionIds });
}
import {
  CODE_PATTERN,
  DEFAULT_HOLD_DAYS,
  MAX_PRODUCT_RATES,
  DEFAULT_WINDOW_SEC,
  isBotUserAgent,
  newLinkCode,
  RATE_LOCK_MS,
  REPEAT_CLICK_MS,
  type RedirectTarget,
} from "./rules.ts";

const affiliateError = (
  code: AffiliateErrorCode,
  message: string,
  field: (string | number)[] | null = null,
) => userError(code, message, field);

// ───────────── programs ─────────────

export interface ProgramInput {
  shopId: string;
  defaultRate: number | null;
  productRates: { productId: string; rate: number | null }[] | null;
  attributionWindowSeconds: number | null;
  model: AttributionModel | null;
  access: AffiliateAccess | null;
  holdDays: number | null;
}

/**
 * Creates or changes a shop's program. On creation `defaultRate` is required; the window
 * defaults to 7 days, the model to LAST_CLICK, access to OPEN, the hold to 15 days. Absent
 * fields keep their value. `productRates` sets the given products' rates (`rate: null` removes
 * one); PRODUCT_NOT_IN_SHOP for a product of another shop. FORBIDDEN unless the caller manages
 * the shop. Lowering rates does not lower links' locked rates (see rules.ts `effectiveRate`).
 */
export async function upsertProgram(ctx: Context, input: ProgramInput): Promise<PayloadShape> {
  const shop = await ctx.db.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
  if (!shop) return failed([affiliateError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
  if (!(await canManageShop(ctx, shop.id)))
    throw forbidden("Only the shop's merchants and the platform manage its affiliate program.");
  const productIds = [...new Set((input.productRates ?? []).map((r) => r.productId))];
  if (productIds.length) {
    const inShop = new Set(
      (
        await ctx.db.product.findMany({
          where: { id: { in: productIds }, shopId: shop.id },
          select: { id: true },
        })
      ).map((p) => p.id),
    );
    const errors = (input.productRates ?? []).flatMap((r, i) =>
      inShop.has(r.productId)
        ? []
        : [
            affiliateError("PRODUCT_NOT_IN_SHOP", "The product is not one of the shop's.", [
              "productRates",
              i,
              "productId",
            ]),
          ],
    );
    if (errors.length) return failed(errors);
  }
  try {
    return await writeProgram(ctx, shop.id, input);
  } catch (error) {
    // Two first upserts at once: the loser finds the program the winner created.
    if (!isUniqueViolation(error, "shopId")) throw error;
    return writeProgram(ctx, shop.id, input);
  }
}

async function writeProgram(ctx: Context, shopId: string, input: ProgramInput): Promise<PayloadShape> {
  const shop = { id: shopId };
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.affiliateProgram.findUnique({
      where: { shopId: shop.id },
      select: { id: true },
    });
    if (!existing && input.defaultRate === null)
      throw new Rollback([affiliateError("BLANK", "A new program needs a defaultRate.", ["defaultRate"])]);
    const fields = {
      ...(input.defaultRate !== null ? { defaultRate: input.defaultRate } : {}),
      ...(input.attributionWindowSeconds !== null
        ? { attributionWindowSec: input.attributionWindowSeconds }
        : {}),
      ...(input.model !== null ? { model: input.model } : {}),
      ...(input.access !== null ? { access: input.access } : {}),
      ...(input.holdDays !== null ? { holdDays: input.holdDays } : {}),
    };
    const program = existing
      ? await tx.affiliateProgram.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.affiliateProgram.create({
          data: {
            shopId: shop.id,
            defaultRate: input.defaultRate!,
            attributionWindowSec: DEFAULT_WINDOW_SEC,
            holdDays: DEFAULT_HOLD_DAYS,
            ...fields,
          },
          select: { id: true },
        });
    // One writer of the program's rates at a time, so the count below holds.
    if (input.productRates?.length)
      await tx.$executeRaw`SELECT 1 FROM "AffiliateProgram" WHERE "id" = ${program.id}::uuid FOR UPDATE`;
    for (const r of input.productRates ?? []) {
      if (r.rate === null)
        await tx.affiliateProductRate.deleteMany({
          where: { programId: program.id, productId: r.productId },
        });
      else {
        await tx.affiliateProductRate.upsert({
          where: { programId_productId: { programId: program.id, productId: r.productId } },
          create: { programId: program.id, productId: r.productId, rate: r.rate },
          update: { rate: r.rate },
          select: { programId: true },
        });
      }
    }
    if (
      input.productRates?.some((r) => r.rate !== null) &&
      (await tx.affiliateProductRate.count({ where: { programId: program.id } })) > MAX_PRODUCT_RATES
    ) {
      throw new Rollback([
        affiliateError(
          "TOO_MANY_PRODUCT_RATES",
          `A program holds at most ${MAX_PRODUCT_RATES} per-product rates.`,
          ["productRates"],
        ),
      ]);
    }
    return succeeded(program.id);
  });
}

// ───────────── invitations ─────────────

/**
 * Invites a creator to the shop's program (PENDING). Inviting again after a decline asks
 * again; an accepted invitation stays accepted. NO_PROGRAM, NOT_FOUND, NOT_A_CREATOR.
 * FORBIDDEN unless the caller manages the shop.
 */
export async function inviteCreator(
  ctx: Context,
  input: { shopId: string; creatorId: string },
): Promise<PayloadShape> {
  const shop = await ctx.db.shop.findUnique({
    where: { id: input.shopId },
    select: { id: true, affiliateProgram: { select: { id: true } } },
  });
  if (!shop) return failed([affiliateError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
  if (!(await canManageShop(ctx, shop.id)))
    throw forbidden("Only the shop's merchants and the platform invite creators.");
  if (!shop.affiliateProgram)
    return failed([affiliateError("NO_PROGRAM", "The shop has no affiliate program.", ["shopId"])]);
  const creator = await ctx.db.user.findUnique({
    where: { id: input.creatorId },
    select: { id: true, roles: true },
  });
  if (!creator) return failed([affiliateError("NOT_FOUND", "No user has this id.", ["creatorId"])]);
  if (!hasRole(creator, "CREATOR"))
    return failed([affiliateError("NOT_A_CREATOR", "The user is not a creator.", ["creatorId"])]);
  const programId = shop.affiliateProgram.id;
  // One statement, so concurrent invitations of the same creator meet in the unique key: a
  // declined invitation becomes PENDING again, any other stays as it is.
  const [invitation] = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO "AffiliateInvitation" ("id", "programId", "creatorId", "status", "createdAt", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${programId}::uuid, ${creator.id}::uuid, 'PENDING', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("programId", "creatorId") DO UPDATE
      SET "status" = CASE WHEN "AffiliateInvitation"."status" = 'DECLINED' THEN 'PENDING'::"InvitationStatus" ELSE "AffiliateInvitation"."status" END,
          "updatedAt" = CASE WHEN "AffiliateInvitation"."status" = 'DECLINED' THEN now() AT TIME ZONE 'UTC' ELSE "AffiliateInvitation"."updatedAt" END
    RETURNING "id"::text AS "id"`;
  return succeeded(invitation!.id);
}

/**
 * The invited creator accepts or declines a PENDING invitation (one conditional UPDATE).
 * NOT_FOUND for someone else's invitation; INVITATION_NOT_PENDING once answered.
 */
export async function answerInvitation(
  ctx: Context,
  invitationId: string,
  answer: "ACCEPTED" | "DECLINED",
): Promise<PayloadShape> {
  const userId = ctx.user?.id;
  if (!userId) throw forbidden("Only the invited creator answers an invitation.");
  const changed = await ctx.db.affiliateInvitation.updateMany({
    where: { id: invitationId, creatorId: userId, status: "PENDING" },
    data: { status: answer },
  });
  if (changed.count === 1) return succeeded(invitationId);
  const invitation = await ctx.db.affiliateInvitation.findFirst({
    where: { id: invitationId, creatorId: userId },
    select: { status: true },
  });
  if (!invitation)
    return failed([affiliateError("NOT_FOUND", "No invitation of yours has this id.", ["id"])]);
  return failed([
    affiliateError(
      "INVITATION_NOT_PENDING",
      `The invitation was already ${invitation.status.toLowerCase()}.`,
      ["id"],
    ),
  ]);
}

// ───────────── links ─────────────

export interface LinkInput {
  productId: string | null;
  postId: string | null;
  shopId: string | null;
}

/**
 * Creates a link of the calling creator: to a product (its shop's program), a post (the
 * creator's own PUBLIC post tagging a product of the shop; `shopId` picks the shop when it
 * tags several) or a whole shop. The program must exist (NO_PROGRAM) and, when it is
 * INVITE_ONLY, have accepted the creator (NOT_INVITED). The link takes the target's rate now
 * (product rate, else default) and keeps it for 30 days if the shop lowers it. The code is
 * 12 random base62 characters (a collision, ~never, takes another).
 */
export async function createLink(ctx: Context, input: LinkInput, now = new Date()): Promise<PayloadShape> {
  const user = ctx.user;
  if (!user) throw forbidden("Only creators create affiliate links.");
  if (!hasRole(user, "CREATOR"))
    return failed([
      affiliateError("NOT_A_CREATOR", "Only users with the CREATOR role create affiliate links."),
    ]);
  if (!input.productId && !input.postId && !input.shopId)
    return failed([affiliateError("TARGET_REQUIRED", "Name a productId, a postId or a shopId.")]);
  let shopId = input.shopId;
  let targetKind: "PRODUCT" | "POST" | "SHOP" = "SHOP";
  if (input.productId) {
    const product = await ctx.db.product.findUnique({
      where: { id: input.productId },
      select: { shopId: true, status: true },
    });
    if (!product) return failed([affiliateError("NOT_FOUND", "No product has this id.", ["productId"])]);
    if (shopId && product.shopId !== shopId)
      return failed([
        affiliateError("PRODUCT_NOT_IN_SHOP", "The product is not one of the shop's.", ["productId"]),
      ]);
    if (product.status !== "ACTIVE")
      return failed([affiliateError("TARGET_NOT_PROMOTABLE", "The product is not for sale.", ["productId"])]);
    shopId = product.shopId;
    targetKind = "PRODUCT";
  } else if (input.postId) {
    const post = await ctx.db.post.findFirst({
      where: { id: input.postId, deletedAt: null },
      select: {
        authorId: true,
        visibility: true,
        productTags: { select: { product: { select: { shopId: true } } } },
      },
    });
    if (!post) return failed([affiliateError("NOT_FOUND", "No post has this id.", ["postId"])]);
    const shops = [...new Set(post.productTags.map((t) => t.product.shopId))];
    const chosen = shopId ?? (shops.length === 1 ? shops[0]! : null);
    if (
      post.authorId !== user.id ||
      post.visibility !== "PUBLIC" ||
      chosen === null ||
      !shops.includes(chosen)
    ) {
      return failed([
        affiliateError(
          "TARGET_NOT_PROMOTABLE",
          "Only your own public post tagging a product of the shop can be promoted (name the shopId when it tags several shops).",
          ["postId"],
        ),
      ]);
    }
    shopId = chosen;
    targetKind = "POST";
  }
  const program = await ctx.db.affiliateProgram.findUnique({
    where: { shopId: shopId! },
    select: {
      id: true,
      defaultRate: true,
      access: true,
      productRates: input.productId
        ? { where: { productId: input.productId }, select: { rate: true } }
        : false,
    },
  });
  if (!program)
    return failed([affiliateError("NO_PROGRAM", "The shop has no affiliate program.", ["shopId"])]);
  if (program.access === "INVITE_ONLY") {
    const invitation = await ctx.db.affiliateInvitation.findUnique({
      where: { programId_creatorId: { programId: program.id, creatorId: user.id } },
      select: { status: true },
    });
    if (invitation?.status !== "ACCEPTED")
      return failed([
        affiliateError("NOT_INVITED", "The shop's program is by invitation; accept an invitation first."),
      ]);
  }
  const rate = (program.productRates || [])[0]?.rate ?? program.defaultRate;
  for (let attempt = 0; ; attempt++) {
    try {
      const link = await ctx.db.affiliateLink.create({
        data: {
          code: newLinkCode(),
          creatorId: user.id,
          shopId: shopId!,
          targetKind,
          productId: input.productId,
          postId: targetKind === "POST" ? input.postId : null,
          rate,
          rateLockedUntil: new Date(now.getTime() + RATE_LOCK_MS),
          createdAt: now,
        },
        select: { id: true },
      });
      return succeeded(link.id);
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error, "code")) throw error;
    }
  }
}

// ───────────── clicks ─────────────

export interface ClickInput {
  code: string;
  /** The attribution cookie's visitor id, when the browser sent one. */
  visitorId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface RecordedClick extends RedirectTarget {
  counted: boolean;
  isBot: boolean;
  visitorId: string;
}

/** A stable visitor id for a browser without the cookie: a hash of address and user agent. */
export function anonymousVisitorId(ip: string | null, userAgent: string | null): string {
  return `anon-${createHash("sha256")
    .update(`${ip ?? ""}|${userAgent ?? ""}`)
    .digest("base64url")
    .slice(0, 22)}`;
}

/**
 * Records a click on an enabled link, in ONE statement: the click row, whether it counts (not
 * a known crawler, and the visitor's first on the link in 30 minutes: a conditional upsert of
 * their AffiliateVisit row, so concurrent repeats count once) and the link's hourly rollup.
 * Null for an unknown or disabled code (nothing written). Where the redirect goes is returned.
 */
export async function recordClick(
  db: PrismaClient,
  input: ClickInput,
  now = new Date(),
): Promise<RecordedClick | null> {
  if (!CODE_PATTERN.test(input.code)) return null;
  const isBot = isBotUserAgent(input.userAgent);
  const visitorId = input.visitorId ?? anonymousVisitorId(input.ip, input.userAgent);
  const ipHash = input.ip ? createHash("sha256").update(input.ip).digest("base64url").slice(0, 22) : null;
  const clickId = randomUUID();
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const repeatBefore = new Date(now.getTime() - REPEAT_CLICK_MS);
  const rows = await db.$queryRaw<
    {
      id: string;
      counted: boolean;
      targetKind: RedirectTarget["targetKind"];
      postId: string | null;
      shopHandle: string;
      productHandle: string | null;
    }[]
  >`
    WITH link AS (
      SELECT l."id", l."targetKind"::text AS "targetKind", l."postId"::text AS "postId", s."handle" AS "shopHandle", p."handle" AS "productHandle"
      FROM "AffiliateLink" l JOIN "Shop" s ON s."id" = l."shopId" LEFT JOIN "Product" p ON p."id" = l."productId"
      WHERE l."code" = ${input.code} AND l."disabledAt" IS NULL
    ), visit AS (
      INSERT INTO "AffiliateVisit" ("linkId", "visitorId", "countedAt")
      SELECT "id", ${visitorId}, ${utc(now)} FROM link WHERE NOT ${isBot}::boolean
      ON CONFLICT ("linkId", "visitorId") DO UPDATE SET "countedAt" = EXCLUDED."countedAt"
        WHERE "AffiliateVisit"."countedAt" <= ${utc(repeatBefore)}
      RETURNING 1
    ), click AS (
      INSERT INTO "AffiliateClick" ("id", "linkId", "visitorId", "ipHash", "userAgent", "isBot", "counted", "createdAt")
      SELECT ${clickId}::uuid, "id", ${visitorId}, ${ipHash}, ${input.userAgent?.slice(0, 512) ?? null}, ${isBot}::boolean, EXISTS (SELECT 1 FROM visit), ${utc(now)} FROM link
      RETURNING "linkId", "counted"
    ), rollup AS (
      INSERT INTO "AffiliateClickHour" ("linkId", "hour", "clicks", "countedClicks")
      SELECT "linkId", ${utc(hour)}, 1, CASE WHEN "counted" THEN 1 ELSE 0 END FROM click
      ON CONFLICT ("linkId", "hour") DO UPDATE
        SET "clicks" = "AffiliateClickHour"."clicks" + 1, "countedClicks" = "AffiliateClickHour"."countedClicks" + EXCLUDED."countedClicks"
    )
    SELECT click."counted", link.* FROM click JOIN link ON link."id" = click."linkId"`;
  const row = rows[0];
  if (!row) return null;
  return {
    code: input.code,
    clickId,
    counted: row.counted,
    isBot,
    visitorId,
    targetKind: row.targetKind,
    shopHandle: row.shopHandle,
    productHandle: row.productHandle,
    postId: row.postId,
  };
}

// ───────────── figures ─────────────

export interface EarningsShape {
  currencyCode: string;
  pending: number;
  payable: number;
  paid: number;
}

/** A creator's balance by currency and status (after releasing what became payable). */
export async function earnings(
  db: PrismaClient,
  creatorId: string,
  now = new Date(),
  events?: EventBus,
): Promise<EarningsShape[]> {
  publishReleased(events, await releasePayableCommissions(db, now, creatorId));
  const rows = await db.commission.groupBy({
    by: ["currencyCode", "status"],
    where: { creatorId },
    _sum: { amount: true },
    orderBy: [{ currencyCode: "asc" }],
  });
  const byCurrency = new Map<string, EarningsShape>();
  for (const row of rows) {
    const e = byCurrency.get(row.currencyCode) ?? {
      currencyCode: row.currencyCode,
      pending: 0,
      payable: 0,
      paid: 0,
    };
    const amount = row._sum.amount ?? 0;
    if (row.status === "PENDING") e.pending += amount;
    else if (row.status === "PAYABLE") e.payable += amount;
    else e.paid += amount;
    byCurrency.set(row.currencyCode, e);
  }
  return [...byCurrency.values()];
}

export type StatsGroup = "LINK" | "POST";

export interface StatsShape {
  linkId: string | null;
  postId: string | null;
  currencyCode: string;
  clicks: number;
  countedClicks: number;
  orders: number;
  revenue: number;
  commission: number;
}

/**
 * A creator's figures per link (or per post, over the post's links) for [from, to): clicks
 * (all, and counted) from the hourly rollup (so by whole hours: bounds round down to the
 * hour), and from the ledger the orders attributed, their revenue and the commission (net of
 * refunds made in the range). Self-referrals (the creator buying through their own link) are
 * left out, as they earn no commission. Two aggregate statements over indexed ranges, whatever
 * the number of clicks.
 */
export async function creatorStats(
  db: PrismaClient,
  creatorId: string,
  from: Date,
  to: Date,
  group: StatsGroup,
): Promise<StatsShape[]> {
  const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
  const key = group === "LINK" ? Prisma.sql`l."id"` : Prisma.sql`l."postId"`;
  const postOnly = group === "POST" ? Prisma.sql`AND l."postId" IS NOT NULL` : Prisma.empty;
  const clicks = await db.$queryRaw<{ key: string; currencyCode: string; clicks: bigint; counted: bigint }[]>`
    SELECT ${key}::text AS "key", s."currencyCode", sum(h."clicks")::bigint AS "clicks", sum(h."countedClicks")::bigint AS "counted"
    FROM "AffiliateLink" l
    JOIN "Shop" s ON s."id" = l."shopId"
    JOIN "AffiliateClickHour" h ON h."linkId" = l."id" AND h."hour" >= ${utc(hourOf(from))} AND h."hour" < ${utc(hourOf(to))}
    WHERE l."creatorId" = ${creatorId}::uuid ${postOnly}
    GROUP BY 1, 2`;
  const sales = await db.$queryRaw<
    { key: string; currencyCode: string; orders: bigint; revenue: bigint; commission: bigint }[]
  >`
    SELECT ${key}::text AS "key", c."currencyCode",
      count(DISTINCT c."orderId") FILTER (WHERE c."refundId" IS NULL)::bigint AS "orders",
      sum(c."revenue")::bigint AS "revenue", sum(c."amount")::bigint AS "commission"
    FROM "Commission" c JOIN "AffiliateLink" l ON l."id" = c."linkId"
    WHERE c."creatorId" = ${creatorId}::uuid AND c."createdAt" >= ${utc(from)} AND c."createdAt" < ${utc(to)} AND NOT c."selfReferral" ${postOnly}
    GROUP BY 1, 2`;
  const rows = new Map<string, StatsShape>();
  const row = (k: string, currencyCode: string) => {
    const id = `${k}/${currencyCode}`;
    let r = rows.get(id);
    if (!r) {
      r = {
        linkId: group === "LINK" ? k : null,
        postId: group === "POST" ? k : null,
        currencyCode,
        clicks: 0,
        countedClicks: 0,
        orders: 0,
        revenue: 0,
        commission: 0,
      };
      rows.set(id, r);
    }
    return r;
  };
  for (const c of clicks)
    Object.assign(row(c.key, c.currencyCode), { clicks: Number(c.clicks), countedClicks: Number(c.counted) });
  for (const s of sales)
    Object.assign(row(s.key, s.currencyCode), {
      orders: Number(s.orders),
      revenue: Number(s.revenue),
      commission: Number(s.commission),
    });
  return [...rows.values()].sort(
    (a, b) =>
      b.countedClicks - a.countedClicks ||
      b.orders - a.orders ||
      ((a.linkId ?? a.postId)! < (b.linkId ?? b.postId)! ? -1 : 1),
  );
}

/** What a shop owes its creators by currency: PENDING and PAYABLE entries (PAID ones were paid). */
export async function shopOwed(db: PrismaClient, shopId: string): Promise<EarningsShape[]> {
  const rows = await db.commission.groupBy({
    by: ["currencyCode", "status"],
    where: { shopId },
    _sum: { amount: true },
    orderBy: [{ currencyCode: "asc" }],
  });
  const byCurrency = new Map<string, EarningsShape>();
  for (const row of rows) {
    const e = byCurrency.get(row.currencyCode) ?? {
      currencyCode: row.currencyCode,
      pending: 0,
      payable: 0,
      paid: 0,
    };
    const amount = row._sum.amount ?? 0;
    if (row.status === "PENDING") e.pending += amount;
    else if (row.status === "PAYABLE") e.payable += amount;
    else e.paid += amount;
    byCurrency.set(row.currencyCode, e);
  }
  return [...byCurrency.values()];
}

// ───────────── payouts ─────────────

/**
 * Pays all PAYABLE commissions of a creator (one payout per currency, or only `currencyCode`).
 * For the platform only (a secret key without a user token, or an ADMIN). NOTHING_TO_PAY when
 * no currency has a positive payable balance.
 */
export async function payout(
  ctx: Context,
  input: { creatorId: string; currencyCode: string | null },
  now = new Date(),
): Promise<{ payoutIds: string[]; userErrors: ReturnType<typeof affiliateError>[] }> {
  if (!isPlatform(ctx)) throw forbidden("Only the platform pays creators out.");
  const creator = await ctx.db.user.findUnique({ where: { id: input.creatorId }, select: { id: true } });
  if (!creator)
    return {
      payoutIds: [],
      userErrors: [affiliateError("NOT_FOUND", "No user has this id.", ["creatorId"])],
    };
  const payoutIds = await transaction(
    ctx,
    (tx) => payCreator(tx, creator.id, input.currencyCode, now),
    TX_OPTIONS,
  );
  if (payoutIds.length === 0)
    return {
      payoutIds,
      userErrors: [affiliateError("NOTHING_TO_PAY", "The creator has no positive payable balance.")],
    };
  return { payoutIds, userErrors: [] };
}
