import { builder } from "../builder.ts";
import { unauthenticated } from "../shared/errors.ts";
import { MAX_EVENT_COMMISSIONS, type CommissionEventKind, type EventTopics } from "../shared/events.ts";
import { listCost } from "../limits.ts";
import {
  currentStateArgs,
  REFETCH_DESCRIPTION,
  subscribeEvents,
  type SubscriptionEvent,
} from "../shared/subscription.ts";

const CommissionEventKindEnum = builder.enumType("CommissionEventKind", {
  values: {
    EARNED: { description: "An order through the creator's link was paid: new PENDING entries." },
    REVERSED: { description: "A refund reversed part of a commission: new negative entries." },
    HOLD_STARTED: { description: "The order was fulfilled: the entries will be PAYABLE at `payableAt`." },
    PAYABLE: { description: "The hold passed: the entries are PAYABLE." },
    PAID: { description: "A payout paid the entries." },
  } satisfies Record<CommissionEventKind, unknown>,
});

const CommissionEvent = builder
  .objectRef<SubscriptionEvent<EventTopics["commissionEvents"]>>("CommissionEvent")
  .implement({
    description: "A change in the viewer's commission ledger.",
    fields: (t) => ({
      kind: t.field({
        type: CommissionEventKindEnum,
        nullable: true,
        description: "What happened; null when `refetch` is true.",
        resolve: (e) => e.payload?.kind ?? null,
      }),
      commissions: t.prismaField({
        type: ["Commission"],
        description: `The entries that changed, as they are now (at most ${MAX_EVENT_COMMISSIONS} per event: a larger change comes as several events).`,
        complexity: listCost(MAX_EVENT_COMMISSIONS),
        resolve: (query, e, _args, ctx) =>
          e.payload
            ? ctx.db.commission.findMany({
                ...query,
                where: {
                  id: { in: e.payload.commissionIds.slice(0, MAX_EVENT_COMMISSIONS) },
                  creatorId: e.id,
                },
                orderBy: { id: "asc" },
              })
            : [],
      }),
      refetch: t.exposeBoolean("refetch", { description: REFETCH_DESCRIPTION }),
    }),
  });

builder.subscriptionField("commissionEvents", (t) =>
  t.field({
    type: CommissionEvent,
    description:
      "Changes of the viewer's own commissions (earned, reversed, hold started, payable, paid). Needs a user token: a creator sees only their own.",
    args: {
      ...currentStateArgs,
    },
    subscribe: (_root, args, ctx) => {
      if (!ctx.user)
        throw unauthenticated(
          "commissionEvents needs a user token: a creator hears only of their own commissions.",
        );
      return subscribeEvents(ctx, "commissionEvents", ctx.user.id, {
        withCurrentState: args.withCurrentState,
      });
    },
    resolve: (event) => event,
  }),
);
