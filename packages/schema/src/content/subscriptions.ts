import { builder } from "../builder.ts";
import { badInput } from "../shared/cursor.ts";
import { forbidden } from "../shared/errors.ts";
import type { EventTopics } from "../shared/events.ts";
import { decodeId } from "../shared/input.ts";
import {
  currentStateArgs,
  endWhenHidden,
  REFETCH_DESCRIPTION,
  subscribeEvents,
  type SubscriptionEvent,
} from "../shared/subscription.ts";
import { visiblePostWhere } from "../shared/access.ts";
import { ENGAGEMENT_EVENT_INTERVAL_MS } from "./engagement.ts";

const PostEngagementEvent = builder
  .objectRef<SubscriptionEvent<EventTopics["postEngagement"]>>("PostEngagementEvent")
  .implement({
    description:
      "A post's counters now. At most one event per second per post: engagement meanwhile is summed up in the next one.",
    fields: (t) => {
      const counter = (
        key: "viewCount" | "likeCount" | "shareCount" | "purchaseCount" | "commentCount",
        description?: string,
      ) =>
        t.int({
          nullable: true,
          ...(description ? { description } : {}),
          resolve: (e) => e.payload?.[key] ?? null,
        });
      return {
        viewCount: counter("viewCount", "Null when `refetch` is true, like the other counters."),
        likeCount: counter("likeCount"),
        shareCount: counter("shareCount"),
        purchaseCount: counter("purchaseCount"),
        commentCount: counter("commentCount"),
        refetch: t.exposeBoolean("refetch", { description: REFETCH_DESCRIPTION }),
      };
    },
  });

builder.subscriptionField("postEngagement", (t) =>
  t.field({
    type: PostEngagementEvent,
    description:
      "Counters of a post the caller may see (as `post(id)`), at most once per second. FORBIDDEN otherwise.",
    args: {
      postId: t.arg.id({ required: true }),
      ...currentStateArgs,
    },
    subscribe: async (_root, args, ctx) => {
      const id = decodeId(String(args.postId), "Post");
      if (id === null) throw badInput("`postId` is not a valid Post ID.");
      const post = await ctx.db.post.findFirst({
        where: { id, ...visiblePostWhere(ctx) },
        select: { id: true },
      });
      if (!post) throw forbidden("No post you may see has this id.");
      return endWhenHidden(
        ctx,
        subscribeEvents(ctx, "postEngagement", id, {
          minIntervalMs: ENGAGEMENT_EVENT_INTERVAL_MS,
          withCurrentState: args.withCurrentState,
        }),
        id,
        "The post was hidden by moderation.",
      );
    },
    resolve: (event) => event,
  }),
);
