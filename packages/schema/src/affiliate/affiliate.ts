/**
 * Affiliate types and the queries that read them: programs, invitations, links, commissions,
 * payouts; `affiliateLink(code)`, `viewer { affiliateLinks, affiliateInvitations,
 * commissions, earnings, affiliateStats }`, `shop { affiliateProgram, affiliateOrders,
 * affiliateCommissions, affiliateOwed }`.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { canManageShop, isUser } from "../shared/access.ts";
import type { Context } from "../context.ts";
import {
  AffiliateAccess,
  AffiliateTargetKind,
  AttributionModel,
  CommissionStatus,
  InvitationStatus,
} from "@shoppable/db/enums";
import { Viewer } from "../identity/user.ts";
import { limits, listCost } from "../limits.ts";
import { CURRENCY_CODES } from "../money.ts";
import { ORDER_LIMITS } from "../checkout/limits.ts";
import { badInput } from "../shared/cursor.ts";
import { forbidden } from "../shared/errors.ts";
import { Money, money } from "../shared/money.ts";
import { CurrencyCode } from "../shared/scalars.ts";
import { CODE_PATTERN, MAX_PRODUCT_RATES, MAX_STATS_ROWS, MAX_VIEWER_INVITATIONS } from "./rules.ts";
import { creatorStats, earnings, shopOwed, type EarningsShape, type StatsShape } from "./service.ts";

export const AttributionModelEnum = builder.enumType(AttributionModel, {
  name: "AttributionModel",
  description:
    "Which link wins when a buyer clicked several within the window: the latest (LAST_CLICK) or the earliest (FIRST_CLICK).",
});
export const AffiliateAccessEnum = builder.enumType(AffiliateAccess, {
  name: "AffiliateAccess",
  description: "OPEN to any creator, or INVITE_ONLY.",
});
const AffiliateTargetKindEnum = builder.enumType(AffiliateTargetKind, { name: "AffiliateTargetKind" });
const InvitationStatusEnum = builder.enumType(InvitationStatus, { name: "AffiliateInvitationStatus" });
const CommissionStatusEnum = builder.enumType(CommissionStatus, {
  name: "CommissionStatus",
  description:
    "PENDING (on hold until `payableAt`, set to fulfilment + the program's hold days) → PAYABLE → PAID (in a payout).",
});

/** Owner of the link, or a merchant of its shop (secret key), or the platform. */
async function canReadLinkTerms(ctx: Context, link: { creatorId: string; shopId: string }): Promise<boolean> {
  return isUser(ctx, link.creatorId) || (await canManageShop(ctx, link.shopId));
}

builder.prismaObject("AffiliateProductRate", {
  name: "AffiliateProductRate",
  fields: (t) => ({
    productId: t.id({ resolve: (r) => encodeGlobalID("Product", r.productId) }),
    rate: t.exposeInt("rate", { description: "Basis points (1000 = 10%)." }),
  }),
});

builder.prismaNode("AffiliateProgram", {
  id: { field: "id" },
  nullable: true,
  description: "A shop's affiliate program. Rates are basis points (1000 = 10%).",
  findUnique: (id) => ({ id }),
  fields: (t) => ({
    shop: t.relation("shop"),
    defaultRate: t.exposeInt("defaultRate", {
      description: "Basis points (1000 = 10%) for products without a rate of their own.",
    }),
    productRates: t.relation("productRates", {
      description: `Per-product rates (at most ${MAX_PRODUCT_RATES}).`,
      query: { orderBy: { productId: "asc" }, take: MAX_PRODUCT_RATES },
      complexity: listCost(MAX_PRODUCT_RATES),
    }),
    attributionWindowSeconds: t.exposeInt("attributionWindowSec", {
      description: "How old a click may be when the order is paid to be credited (default 7 days).",
    }),
    model: t.expose("model", { type: AttributionModelEnum }),
    access: t.expose("access", { type: AffiliateAccessEnum }),
    holdDays: t.exposeInt("holdDays", {
      description: "Days after fulfilment before commissions become PAYABLE (default 15).",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaNode("AffiliateInvitation", {
  id: { field: "id" },
  nullable: true,
  description:
    "A shop's invitation of a creator to its program; needed to create links when the program is INVITE_ONLY.",
  findUnique: (id, ctx) => ({ id, creatorId: ctx.user?.id ?? "00000000-0000-0000-0000-000000000000" }),
  fields: (t) => ({
    status: t.expose("status", { type: InvitationStatusEnum }),
    program: t.relation("program"),
    creator: t.relation("creator"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** The public URL of a link: `<publicUrl>/r/<code>`. */
export function linkUrl(ctx: Context, code: string): string {
  return `${(ctx.publicUrl ?? "").replace(/\/$/, "")}/r/${code}`;
}

export const AffiliateLinkType = builder.prismaNode("AffiliateLink", {
  id: { field: "id" },
  nullable: true,
  description:
    "A creator's link to a product, a post or a shop. Clicks go through `url` (GET /r/<code>), which redirects to the storefront.",
  findUnique: (id) => ({ id }),
  fields: (t) => ({
    code: t.exposeString("code"),
    url: t.string({ select: { code: true }, resolve: (l, _a, ctx) => linkUrl(ctx, l.code) }),
    targetKind: t.expose("targetKind", { type: AffiliateTargetKindEnum }),
    shop: t.relation("shop"),
    product: t.relation("product", { nullable: true }),
    postId: t.id({
      nullable: true,
      select: { postId: true },
      resolve: (l) => (l.postId ? encodeGlobalID("Post", l.postId) : null),
    }),
    creator: t.relation("creator"),
    enabled: t.boolean({ select: { disabledAt: true }, resolve: (l) => l.disabledAt === null }),
    rate: t.int({
      nullable: true,
      description:
        "The rate (basis points) locked at creation; for its creator and the shop's merchants, null for others.",
      select: { rate: true, creatorId: true, shopId: true },
      resolve: async (l, _a, ctx) => ((await canReadLinkTerms(ctx, l)) ? l.rate : null),
    }),
    rateLockedUntil: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "Until when `rate` holds if the shop lowers its rates; for its creator and the shop's merchants.",
      select: { rateLockedUntil: true, creatorId: true, shopId: true },
      resolve: async (l, _a, ctx) => ((await canReadLinkTerms(ctx, l)) ? l.rateLockedUntil : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("affiliateLink", (t) =>
  t.prismaField({
    type: "AffiliateLink",
    nullable: true,
    description: "The enabled link with this code; null when there is none.",
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      if (!CODE_PATTERN.test(args.code)) return null;
      return ctx.db.affiliateLink.findFirst({ ...query, where: { code: args.code, disabledAt: null } });
    },
  }),
);

builder.prismaObject("Payout", {
  name: "AffiliatePayout",
  description: "Money paid to a creator: the sum of the PAYABLE commissions it took.",
  fields: (t) => ({
    id: t.id({ resolve: (p) => encodeGlobalID("AffiliatePayout", p.id) }),
    amount: t.field({
      type: Money,
      select: { amount: true, currencyCode: true },
      resolve: (p) => money(p.amount, p.currencyCode),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    creator: t.relation("creator"),
    commissionCount: t.relationCount("commissions"),
  }),
});

builder.prismaObject("Commission", {
  name: "Commission",
  description:
    "A ledger entry: earned on an order line (rate × line revenue after discounts, rounded down to the minor unit), or negative when a refund reverses part of it.",
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeGlobalID("Commission", c.id) }),
    link: t.relation("link"),
    amount: t.field({
      type: Money,
      select: { amount: true, currencyCode: true },
      resolve: (c) => money(c.amount, c.currencyCode),
    }),
    revenue: t.field({
      type: Money,
      description: "The line revenue the entry is computed on.",
      select: { revenue: true, currencyCode: true },
      resolve: (c) => money(c.revenue, c.currencyCode),
    }),
    rate: t.exposeInt("rate", { description: "Basis points (1000 = 10%)." }),
    status: t.expose("status", { type: CommissionStatusEnum }),
    reversal: t.boolean({
      description: "Whether the entry reverses part of a commission after a refund.",
      select: { refundId: true },
      resolve: (c) => c.refundId !== null,
    }),
    selfReferral: t.exposeBoolean("selfReferral", {
      description: "The buyer bought through their own link: the entry earns nothing.",
    }),
    orderId: t.id({ select: { orderId: true }, resolve: (c) => encodeGlobalID("Order", c.orderId) }),
    orderNumber: t.int({ select: { order: { select: { number: true } } }, resolve: (c) => c.order.number }),
    payableAt: t.expose("payableAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const Earnings = builder.objectRef<EarningsShape>("AffiliateEarnings").implement({
  description: "Commission totals in one currency: pending + payable + paid = the sum of the ledger entries.",
  fields: (t) => ({
    currencyCode: t.field({ type: CurrencyCode, resolve: (e) => e.currencyCode as never }),
    pending: t.field({ type: Money, resolve: (e) => money(e.pending, e.currencyCode) }),
    payable: t.field({ type: Money, resolve: (e) => money(e.payable, e.currencyCode) }),
    paid: t.field({ type: Money, resolve: (e) => money(e.paid, e.currencyCode) }),
  }),
});

const StatsGroupEnum = builder.enumType("AffiliateStatsGroup", { values: ["LINK", "POST"] as const });

const Stats = builder.objectRef<StatsShape>("AffiliateStats").implement({
  description: "A link's (or a post's, over its links) figures for a date range.",
  fields: (t) => ({
    linkId: t.id({
      nullable: true,
      resolve: (s) => (s.linkId ? encodeGlobalID("AffiliateLink", s.linkId) : null),
    }),
    postId: t.id({ nullable: true, resolve: (s) => (s.postId ? encodeGlobalID("Post", s.postId) : null) }),
    clicks: t.exposeInt("clicks", { description: "Every click recorded, bots and repeats included." }),
    countedClicks: t.exposeInt("countedClicks", {
      description: "Clicks counted: not crawlers, not repeated by a visitor within 30 minutes.",
    }),
    orders: t.exposeInt("orders", {
      description:
        "Orders attributed (paid in the range); the creator's own purchases through their links (self-referrals) are left out, as they earn no commission.",
    }),
    revenue: t.field({
      type: Money,
      description: "Attributed line revenue after discounts, net of refunds.",
      resolve: (s) => money(s.revenue, s.currencyCode),
    }),
    commission: t.field({ type: Money, resolve: (s) => money(s.commission, s.currencyCode) }),
    conversionRate: t.float({
      description: "orders ÷ countedClicks; 0 without counted clicks.",
      resolve: (s) => (s.countedClicks ? s.orders / s.countedClicks : 0),
    }),
  }),
});

const creatorOnly = (ctx: Context) => {
  if (!ctx.user) throw forbidden("Affiliate figures need a user token.");
  return ctx.user.id;
};

builder.objectFields(Viewer, (t) => ({
  affiliateLinks: t.prismaConnection({
    type: "AffiliateLink",
    cursor: "id",
    description: "The user's affiliate links, newest first; empty without a user token.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    resolve: (query, _v, _a, ctx) =>
      ctx.user
        ? ctx.db.affiliateLink.findMany({
            ...query,
            where: { creatorId: ctx.user.id },
            orderBy: { id: "desc" },
          })
        : [],
  }),
  affiliateInvitations: t.prismaField({
    type: ["AffiliateInvitation"],
    description: `Invitations the user received, newest first (the ${MAX_VIEWER_INVITATIONS} newest).`,
    complexity: listCost(MAX_VIEWER_INVITATIONS),
    resolve: (query, _v, _a, ctx) =>
      ctx.user
        ? ctx.db.affiliateInvitation.findMany({
            ...query,
            where: { creatorId: ctx.user.id },
            orderBy: { id: "desc" },
            take: MAX_VIEWER_INVITATIONS,
          })
        : [],
  }),
  commissions: t.prismaConnection({
    type: "Commission",
    cursor: "id",
    description: "The user's commission ledger entries, newest first.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    args: { status: t.arg({ type: CommissionStatusEnum, required: false }) },
    resolve: (query, _v, args, ctx) =>
      ctx.user
        ? ctx.db.commission.findMany({
            ...query,
            where: { creatorId: ctx.user.id, ...(args.status ? { status: args.status } : {}) },
            orderBy: { id: "desc" },
          })
        : [],
  }),
  earnings: t.field({
    type: [Earnings],
    description: "The user's commissions by currency: pending, payable and paid. Empty without a user token.",
    complexity: listCost(CURRENCY_CODES.length),
    resolve: (_v, _a, ctx) => (ctx.user ? earnings(ctx.db, ctx.user.id, new Date(), ctx.events) : []),
  }),
  affiliateStats: t.field({
    type: [Stats],
    description: `The user's figures per link or per post for [from, to), at most 366 days; clicks by whole hours. The ${MAX_STATS_ROWS} rows with the most counted clicks, then orders.`,
    complexity: listCost(MAX_STATS_ROWS),
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
      groupBy: t.arg({ type: StatsGroupEnum, required: false, defaultValue: "LINK" }),
    },
    resolve: async (_v, args, ctx) => {
      const userId = creatorOnly(ctx);
      if (args.to <= args.from || args.to.getTime() - args.from.getTime() > 366 * 86_400_000)
        throw badInput("`to` must be after `from`, at most 366 days later.");
      return (await creatorStats(ctx.db, userId, args.from, args.to, args.groupBy ?? "LINK")).slice(
        0,
        MAX_STATS_ROWS,
      );
    },
  }),
}));

const merchantOnly = async (ctx: Context, shopId: string) => {
  if (!(await canManageShop(ctx, shopId)))
    throw forbidden("Only the shop's merchants see its affiliate figures.");
};

builder.prismaObjectFields("Shop", (t) => ({
  affiliateProgram: t.relation("affiliateProgram", {
    nullable: true,
    description: "The shop's affiliate program, if it has one.",
  }),
  affiliateOrders: t.prismaConnection({
    type: "Order",
    cursor: "id",
    description:
      "The shop's orders with affiliate commissions, newest first. For its merchants (secret key) and the platform.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    resolve: async (query, shop, _a, ctx) => {
      await merchantOnly(ctx, shop.id);
      return ctx.db.order.findMany({
        ...query,
        where: { shopId: shop.id, commissions: { some: {} } },
        orderBy: { id: "desc" },
      });
    },
  }),
  affiliateCommissions: t.prismaConnection({
    type: "Commission",
    cursor: "id",
    description:
      "The commissions the shop's orders earned creators, newest first. For its merchants (secret key) and the platform.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    args: { status: t.arg({ type: CommissionStatusEnum, required: false }) },
    resolve: async (query, shop, args, ctx) => {
      await merchantOnly(ctx, shop.id);
      return ctx.db.commission.findMany({
        ...query,
        where: { shopId: shop.id, ...(args.status ? { status: args.status } : {}) },
        orderBy: { id: "desc" },
      });
    },
  }),
  affiliateOwed: t.field({
    type: [Earnings],
    description:
      "What the shop's commissions add up to by currency: pending and payable are still owed, paid were paid out.",
    complexity: listCost(CURRENCY_CODES.length),
    resolve: async (shop, _a, ctx) => {
      await merchantOnly(ctx, shop.id);
      return shopOwed(ctx.db, shop.id);
    },
  }),
}));

builder.prismaObjectField("Order", "commissions", (t) =>
  t.relation("commissions", {
    description:
      "Affiliate commissions of the order (for the shop's merchants and the platform; empty for others).",
    query: { orderBy: { id: "asc" }, take: ORDER_LIMITS.commissions },
    complexity: listCost(ORDER_LIMITS.commissions),
    authScopes: { secretKey: true },
  }),
);
