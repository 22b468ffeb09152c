/**
 * Shared subscription execution: subscribers whose operation, variables and authorisation scope
 * are the same share one execution per event, and its JSON is serialised once for all of them.
 *
 * Each subscriber still subscribes on its own first (through the whole envelope: its field's
 * authorisation, its cost charge, its own context). When a group with its key is already
 * running, that subscriber's own event stream is closed at once (before it ran a single event)
 * and the subscriber becomes a member of the group: from then on it receives the group's
 * results, executed once per event with the context of the subscriber that started the group.
 * The first subscriber's stream is the group's source. A group ends with its last member.
 *
 * The key holds everything an execution's result may depend on: the document (by identity,
 * which Yoga's parser cache keeps for a repeated text), the operation name, the variables and
 * the scope — the API key, and the user with their roles. Two viewers of different rights are
 * never in one group, so a viewer-dependent field is never resolved for one and sent to another.
 *
 * A subscription asking for the state now (`withCurrentState: true` on its field) gets its own
 * first event, executed with its own context, before any of the group's; it joins the group
 * before that first event is read, so nothing published meanwhile is missed (an event may then
 * also be in the state, never neither).
 *
 * Results that supersede each other (`coalescingKey`: per pin and for the viewer count of a
 * live session; the state of a cart, product or post) are coalesced, keeping the latest, where
 * they wait: in the group while a fan-out is under way (a fan-out to thousands takes a while,
 * in slices between the event loop's other work), and in a member whose transport has not taken
 * them yet. Business events (an order's statuses, commissions) and refetches are all kept. A
 * burst of events on a session therefore costs one fan-out per pin per fan-out time, not one
 * per event, and no subscriber falls behind. A member past `queueLimit` results ends with
 * SLOW_CONSUMER (a WebSocket is closed with 1013 first, when its unsent frames pass
 * WS_MAX_BUFFERED_BYTES: websocket.ts).
 */
import {
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from "graphql";
import { isAsyncIterable as isIterable, type Plugin } from "graphql-yoga";
import type { Context } from "@shoppable/schema";

/** The argument of every subscription field that asks for a first event with the state now. */
export const CURRENT_STATE_ARGUMENT = "withCurrentState";

type Result = ExecutionResult & { stringify?: (result: unknown) => string };

const jsonOfResult = new WeakMap<object, string>();

/**
 * The JSON of a result that one execution produced for several subscribers, serialised once; undefined
 * for any other result. Also Yoga's `stringify` of such a result (SSE).
 */
export function sharedJson(result: unknown): string | undefined {
  if (result === null || typeof result !== "object") return undefined;
  let json = jsonOfResult.get(result);
  if (json === undefined && (result as Result).stringify === stringifyShared) {
    json = JSON.stringify(result);
    jsonOfResult.set(result, json);
  }
  return json;
}

function stringifyShared(result: unknown): string {
  return sharedJson(result) ?? JSON.stringify(result);
}

/** Members woken per turn of the event loop when a result fans out. */
const FAN_OUT_SLICE = 256;

/** Coalescing keys of shared results (see `coalescingKey`). */
const keyOfResult = new WeakMap<object, string>();

/**
 * What a later result of the same group makes obsolete in a lagging member's queue: results
 * with the same key; null for a result that must be delivered (a refetch, an error, a business
 * event, a selection without what tells events apart).
 */
export function coalescingKey(result: ExecutionResult): string | null {
  if (result.errors?.length || !result.data) return null;
  const [field, value] = Object.entries(result.data)[0] ?? [];
  if (field === undefined || value === null || typeof value !== "object") return null;
  const event = value as { refetch?: unknown; kind?: unknown; pinnedProduct?: unknown };
  if (event.refetch !== false) return null;
  switch (field) {
    case "liveSessionEvents": {
      if (event.kind === "VIEWER_COUNT") return "viewers";
      const pin = event.pinnedProduct as { pinnedProductId?: unknown; productId?: unknown } | null;
      const id = pin?.pinnedProductId ?? pin?.productId;
      const pinKind = event.kind === "PRODUCT_PINNED" || event.kind === "PRICE_CHANGED";
      return pinKind && typeof id === "string" ? `pin:${id}` : null;
    }
    // Each event re-reads the entity: the latest holds the state now.
    case "cartUpdated":
    case "inventoryChanged":
    case "postEngagement":
      return field;
    default:
      return null;
  }
}

/**
 * Puts `result` in `queue`: in the place of a waiting result it supersedes (same coalescing
 * key), else at the end. Whether it was appended.
 */
function enqueue(queue: Result[], result: Result): boolean {
  const key = keyOfResult.get(result);
  const superseded = key === undefined ? -1 : queue.findIndex((queued) => keyOfResult.get(queued) === key);
  if (superseded < 0) return queue.push(result) > 0;
  queue[superseded] = result;
  return false;
}

/** One subscriber of a group: the results meant for it, consumed by its transport. */
class Member implements AsyncIterableIterator<Result> {
  private queue: Result[] = [];
  private waiting: ((result: IteratorResult<Result>) => void) | null = null;
  private failing: ((error: unknown) => void) | null = null;
  private done = false;
  private error: unknown = null;
  /** Results held back until this member's own first event (`withCurrentState`) is in front. */
  private holding: boolean;
  /** A transport that writes results itself (`deliverDirectly`): whether it took this one. */
  private direct: ((result: Result) => boolean) | null = null;

  constructor(
    private readonly limit: number,
    holdForFirst: boolean,
    // The group itself, not a closure: a closure made in `join` would keep everything of that
    // subscriber's join alive (its own execution's context and stream) for its whole life.
    private readonly group: Group,
  ) {
    this.holding = holdForFirst;
  }

  /** The member's own first event: before anything the group delivered meanwhile. */
  first(result: Result): void {
    if (this.done) return;
    this.queue.unshift(result);
    this.holding = false;
    this.flush();
  }

  /** See `deliverDirectly`. */
  deliverDirectly(write: (result: Result) => boolean): void {
    this.direct = write;
  }

  push(result: Result): void {
    if (this.done) return;
    // The transport is idle (waiting for the next result, nothing queued before this one): it
    // may write this result at once, without a turn through the iterator.
    if (this.direct && this.waiting && !this.holding && this.queue.length === 0 && this.direct(result))
      return;
    const superseding =
      keyOfResult.has(result) && this.queue.some((q) => keyOfResult.get(q) === keyOfResult.get(result));
    if (!superseding && this.queue.length >= this.limit) {
      this.fail(
        new GraphQLError("This subscriber fell too far behind its events: subscribe again and refetch.", {
          extensions: { code: "SLOW_CONSUMER" },
        }),
      );
      return;
    }
    if (enqueue(this.queue, result)) this.flush();
  }

  /** Ends this member: its transport sees `error` (or the end when null) after what is queued. */
  fail(error: unknown): void {
    if (this.done) return;
    this.error = error ?? null;
    this.done = true;
    if (error) this.queue = [];
    this.group.leave(this);
    this.flush();
  }

  private flush(): void {
    const resolve = this.waiting;
    const reject = this.failing;
    if (!resolve || !reject) return;
    const next = this.holding ? undefined : this.queue.shift();
    if (next === undefined && !this.done) return;
    this.waiting = this.failing = null;
    if (next !== undefined) resolve({ value: next, done: false });
    else if (this.error) reject(this.error);
    else resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<Result>> {
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failing = reject;
      this.flush();
    });
  }

  async return(): Promise<IteratorResult<Result>> {
    if (!this.done) {
      this.done = true;
      this.queue = [];
      this.group.leave(this);
    }
    this.flush();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/** Subscribers of one key and the one event stream executed for all of them. */
class Group {
  readonly members = new Set<Member>();
  /** The founder's own first event (`withCurrentState`) goes to the founder only. */
  private founderFirst: Member | null = null;
  private ended = false;

  /** Results read while a fan-out was under way, coalesced like a member's queue. */
  private pending: Result[] = [];
  private fanningOut = false;

  constructor(
    private readonly source: AsyncIterator<Result>,
    private readonly onEnd: () => void,
    private readonly slice: number,
  ) {}

  start(founder: Member, founderWantsFirst: boolean): void {
    this.members.add(founder);
    if (founderWantsFirst) this.founderFirst = founder;
    void this.read();
  }

  /** Reads the source: each result is executed once; it waits in `pending` for its fan-out. */
  private async read(): Promise<void> {
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done || this.ended) break;
        const result = next.value;
        if (this.founderFirst) {
          this.founderFirst.first(result);
          this.founderFirst = null;
          continue;
        }
        const shared: Result = { ...result, stringify: stringifyShared };
        const key = coalescingKey(shared);
        if (key !== null) keyOfResult.set(shared, key);
        enqueue(this.pending, shared);
        void this.fanOut();
      }
      this.finish(null);
    } catch (error) {
      this.finish(error);
    }
  }

  /**
   * Hands the pending results to every member, one result at a time. Each push wakes a
   * transport that writes its frame at once, so this goes in slices, with the event loop's
   * other work (requests, other groups, reading the next events) between them: a fan-out to
   * thousands never holds the process for its whole duration, and events that arrive meanwhile
   * coalesce in `pending` (a burst on a session costs a fan-out per pin per fan-out time, not
   * one per event).
   */
  private async fanOut(): Promise<void> {
    if (this.fanningOut) return;
    this.fanningOut = true;
    try {
      for (let result = this.pending.shift(); result; result = this.pending.shift()) {
        let pushed = 0;
        for (const member of [...this.members]) {
          member.push(result);
          if (++pushed % this.slice === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      this.fanningOut = false;
    }
  }

  private finish(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    for (const member of [...this.members]) member.fail(error);
  }

  leave(member: Member): void {
    this.members.delete(member);
    if (this.members.size > 0 || this.ended) return;
    this.ended = true;
    this.onEnd();
    void this.source.return?.();
  }
}

/** Whether the operation's (single) root field asks for `withCurrentState`. */
function wantsCurrentState(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  const field = operation?.selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) return false;
  const argument = field.arguments?.find((a) => a.name.value === CURRENT_STATE_ARGUMENT);
  if (!argument) return false;
  if (argument.value.kind === Kind.BOOLEAN) return argument.value.value;
  if (argument.value.kind === Kind.VARIABLE)
    return (
      (args.variableValues as Record<string, unknown> | null | undefined)?.[argument.value.name.value] ===
      true
    );
  return false;
}

/**
 * Lets a transport write a group's results to its subscriber itself (websocket.ts: the same
 * serialised JSON into every socket's frame), instead of taking each one through the
 * subscription's async iterator: a fan-out to thousands then costs a write per subscriber, not a
 * chain of promises and a serialisation. `write` is called only when the transport is idle (it
 * waits on the iterator and nothing is queued before the result), so order is kept; it returns
 * false for a result it leaves to the iterator (an error to format). Whether the subscription
 * of `context` (its execution's context) is a member of a group (otherwise nothing changes).
 */
export function deliverDirectly(context: unknown, write: (result: ExecutionResult) => boolean): boolean {
  const member = typeof context === "object" && context !== null ? memberOfContext.get(context) : undefined;
  if (member === undefined) return false;
  member.deliverDirectly(write);
  return true;
}

/**
 * The member each subscription's context became: the stream a transport gets is the member
 * wrapped by other plugins (masked errors, erasure), which only map errors or end it, so a
 * transport that writes results itself finds the member by its context.
 */
const memberOfContext = new WeakMap<object, Member>();

export interface SubscriptionSharing {
  /** The Yoga plugin that shares executions (every transport's subscriptions pass through it). */
  plugin: Plugin;
  /** Running groups and the subscribers in them. */
  stats(): { groups: number; members: number };
}

export function createSubscriptionSharing(options: {
  queueLimit: number;
  /** Members woken per turn of the event loop in a fan-out (FAN_OUT_SLICE). */
  fanOutSlice?: number;
}): SubscriptionSharing {
  const groups = new Map<string, Group>();
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;

  const keyOf = (args: ExecutionArgs): string => {
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = ++nextDocumentId));
    const ctx = args.contextValue as Context;
    const user = ctx.user ? `${ctx.user.id}:${[...ctx.user.roles].sort().join(",")}` : "";
    return JSON.stringify([
      documentId,
      args.operationName ?? null,
      args.variableValues ?? null,
      ctx.key.id,
      user,
    ]);
  };

  const join = async (key: string, own: AsyncIterable<Result>, wantsFirst: boolean) => {
    const iterator = own[Symbol.asyncIterator]();
    const existing = groups.get(key);
    const group: Group =
      existing ??
      new Group(
        iterator,
        () => {
          if (groups.get(key) === group) groups.delete(key);
        },
        options.fanOutSlice ?? FAN_OUT_SLICE,
      );
    const member = new Member(options.queueLimit, wantsFirst && existing !== undefined, group);
    if (!existing) {
      groups.set(key, group);
      group.start(member, wantsFirst);
      return member;
    }
    group.members.add(member);
    if (wantsFirst) {
      // This subscriber's own first event (the state now, executed with its own context), then
      // its own stream closes: the group's events, held meanwhile, follow.
      try {
        const first = await iterator.next();
        if (first.done) member.fail(null);
        else member.first(first.value);
      } catch (error) {
        member.fail(error);
      }
    }
    void iterator.return?.();
    return member;
  };

  return {
    plugin: {
      onSubscribe({ subscribeFn, setSubscribeFn }) {
        setSubscribeFn(async (args) => {
          const own = await subscribeFn(args);
          // Subscribe functions stream execution results (envelop types their items unknown).
          if (!isIterable(own)) return own;
          const member = await join(keyOf(args), own as AsyncIterable<Result>, wantsCurrentState(args));
          if (typeof args.contextValue === "object" && args.contextValue !== null)
            memberOfContext.set(args.contextValue, member);
          return member;
        });
      },
    },
    stats() {
      let members = 0;
      for (const group of groups.values()) members += group.members.size;
      return { groups: groups.size, members };
    },
  };
}
