import { builder } from "../builder.ts";
import { FEED_KINDS, listFeed, type FeedConnectionShape } from "./feed-service.ts";
import { pageComplexity, PostType } from "./post.ts";

export const FeedKindEnum = builder.enumType("FeedKind", {
  description: "Which feed to read.",
  values: {
    FOR_YOU: {
      description:
        "Ranked for the viewer from their own signals (hashtags and products they engaged with, creators and shops they follow) when they consented to personalisation; otherwise TRENDING.",
    },
    FOLLOWING: {
      description:
        "Newest first: posts of the creators and shops the viewer follows. Empty without a user token.",
    },
    TRENDING: {
      description:
        "Public posts ranked by time-decayed engagement (views, likes, shares, purchases) over the last 48 completed hours; ties by id.",
    },
    HASHTAG: { description: "Newest first: posts with `hashtag`." },
  } satisfies Record<(typeof FEED_KINDS)[number], unknown>,
});

export const FeedConnection = builder.connectionObject({
  type: PostType,
  name: "FeedConnection",
  fields: (t) => ({
    kind: t.field({
      type: FeedKindEnum,
      description: "The kind actually served: TRENDING when FOR_YOU could not be personalised.",
      resolve: (c) => (c as unknown as FeedConnectionShape).kind,
    }),
    personalized: t.boolean({
      description:
        "Whether the viewer's own signals ranked this page (FOR_YOU with consent to personalisation).",
      resolve: (c) => (c as unknown as FeedConnectionShape).personalized,
    }),
    rankedAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "Ranked feeds: the instant every page of this walk is ranked as of (carried by the cursors). Null for newest-first feeds.",
      resolve: (c) => (c as unknown as FeedConnectionShape).rankedAt,
    }),
  }),
});

builder.queryField("feed", (t) =>
  t.field({
    type: FeedConnection,
    description:
      "A feed of posts the caller may see, deleted posts excluded. Cursors are stable: posts (and, for ranked feeds, engagement) that arrive between pages neither repeat nor skip posts.",
    args: {
      ...t.arg.connectionArgs(),
      kind: t.arg({ type: FeedKindEnum, required: true }),
      hashtag: t.arg.string({
        required: false,
        description: "For HASHTAG (required there): with or without #, any case.",
      }),
    },
    complexity: pageComplexity,
    resolve: (_root, args, ctx, info) => listFeed(ctx, args, info) as never,
  }),
);
