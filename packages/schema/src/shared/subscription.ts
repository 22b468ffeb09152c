/**
 * Subscription plumbing shared by the domains: an event stream for a subscription field, and
 * the `refetch` flag every event type carries.
 */
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { EventTopics, Topic } from "./events.ts";
import { forgetRequestCaches } from "./loader.ts";

/** What a subscription field's resolvers receive for each event. */
export interface SubscriptionEvent<P> {
  /** The id subscribed to (a cart's, a product's, ...). */
  id: string;
  /** True when events may have been missed (see REFETCH_DESCRIPTION); `payload` is null then. */
  refetch: boolean;
  payload: P | null;
}

export const CURRENT_STATE_DESCRIPTION =
  "When true, the first event comes as soon as the subscription is live, before any change: `refetch` is true and the fields that describe the state hold the state now. Subscribe, wait for it, then act (add to the cart, pin a product): no event after it is missed.";

/** `withCurrentState`, the argument every subscription field takes (CURRENT_STATE_DESCRIPTION). */
export const currentStateArgs = builder.args((t) => ({
  withCurrentState: t.boolean({
    required: false,
    defaultValue: false,
    description: CURRENT_STATE_DESCRIPTION,
  }),
}));

export const REFETCH_DESCRIPTION =
  "True when events may have been missed (the server's event bus reconnected, or this client fell too far behind): refetch the data with a query. The other fields then describe the state now, or are null when they come only with events.";

/**
 * The events of (topic, id) for a subscription field. Returning the iterator ends the bus
 * subscription at once, also while it waits for an event (an async generator would not).
 */
export function subscribeEvents<T extends Topic>(
  ctx: Context,
  topic: T,
  id: string,
  options?: { minIntervalMs?: number; withCurrentState?: boolean | null | undefined },
): AsyncIterableIterator<SubscriptionEvent<EventTopics[T]>> {
  const source = ctx.events.subscribe(topic, id, { minIntervalMs: options?.minIntervalMs ?? 0 });
  // The first event, when asked for: sent once the subscription receives every instance's events.
  let first: Promise<void> | null = options?.withCurrentState ? ctx.events.live(topic, id) : null;
  const iterator: AsyncIterableIterator<SubscriptionEvent<EventTopics[T]>> = {
    async next() {
      if (first) {
        await first;
        first = null;
        return { value: { id, refetch: true, payload: null }, done: false };
      }
      const result = await source.next();
      if (result.done) return { value: undefined, done: true };
      // One context serves every event of a subscription: read fresh data for each.
      forgetRequestCaches(ctx);
      const d = result.value;
      return {
        value:
          d.kind === "refetch"
            ? { id, refetch: true, payload: null }
            : { id, refetch: false, payload: d.payload },
        done: false,
      };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * `inner`, ended with FORBIDDEN as soon as moderation hides the content `targetId` (a
 * `contentModerated` event): hidden content leaves subscriptions at once, as it leaves reads.
 */
export function endWhenHidden<T>(
  ctx: Context,
  inner: AsyncIterableIterator<T>,
  targetId: string,
  message: string,
): AsyncIterableIterator<T> {
  const moderated = ctx.events.subscribe("contentModerated", targetId, { minIntervalMs: 0 });
  let hidden: Promise<"hidden"> | null = null;
  const whenHidden = (): Promise<"hidden"> =>
    (hidden ??= (async () => {
      for (;;) {
        const next = await moderated.next();
        if (next.done || (next.value.kind === "event" && next.value.payload.hidden)) return "hidden" as const;
      }
    })());
  const close = async () => {
    await moderated.return?.();
    await inner.return?.();
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      const result = await Promise.race([inner.next(), whenHidden()]);
      if (result === "hidden") {
        await close();
        throw new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
      }
      if (result.done) await moderated.return?.();
      return result;
    },
    async return() {
      await close();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
