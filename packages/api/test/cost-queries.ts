/**
 * Queries for the cost property test (cost-bound.test.ts): a seeded random generator over the
 * schema, and the SDK's own operations (packages/sdk/src/operations) with real variables.
 *
 * The generator starts from Query's root fields and picks random fields down to depth ~8:
 * random page sizes (first or last, 1..100; sometimes both, or neither), aliases (the same
 * field twice with other arguments), inline and named fragments with type conditions on the
 * Node interface and on objects, @include/@skip with variables, arguments inline or as
 * variables, and required arguments filled with ids, handles and codes of the world
 * (cost-world.ts) so that queries return data. Each query is built within a cost budget
 * (drawn log-uniformly up to the per-operation maximum) estimated with the declared model, and
 * within the document limits (aliases, directives, tokens, depth, breadth); a budget estimate
 * may still be off, and such queries are refused for cost: the test counts them apart.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  getNamedType,
  getOperationAST,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLUnionType,
  type InlineFragmentNode,
  type SelectionSetNode,
} from "graphql";
import type { CostWorld } from "./cost-world.ts";
import type { CallAs } from "./harness.ts";
import { prng } from "./prng.ts";

/** The per-operation maximum of the cost model. */
export const MAX_OPERATION_COST = 100_000;
/** The default page size of connections, and their largest. */
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/**
 * The most items each list of objects returns, as the model declares them (the generator's
 * budget estimate only: the server's requested cost is what the test checks). Unknown lists
 * are estimated at 100.
 */
const LIST_BOUNDS: Record<string, number> = {
  "Product.variants": 100,
  "Product.options": 3,
  "Product.media": 50,
  "ProductVariant.selectedOptions": 3,
  "Post.productTags": 30,
  "Cart.lines": 100,
  "Cart.discountCodes": 10,
  "Order.lines": 100,
  "Order.payments": 1,
  "Order.refunds": 10,
  "Order.fulfillments": 50,
  "Fulfillment.lines": 100,
  "Order.commissions": 1100,
  "LiveSession.pinnedProducts": 30,
  "AffiliateProgram.productRates": 250,
  "Viewer.affiliateStats": 200,
  "Refund.lines": 100,
  "Shop.webhookEndpoints": 20,
  "Shop.shippingZones": 50,
  "ShippingZone.rates": 20,
  "Cart.deliveryGroups": 100,
  "CartDeliveryGroup.lines": 100,
  "CartDeliveryGroup.deliveryOptions": 20,
  "Shop.taxRates": 200,
  "Query.platformTaxRates": 500,
  "Query.platformWebhookEndpoints": 20,
  userErrors: 20,
};

export type CallerName = keyof CostWorld["callers"];
export const CALLERS: CallerName[] = ["anonymous", "buyer", "merchant", "creator", "platform"];

export interface GeneratedQuery {
  index: number;
  caller: CallerName;
  query: string;
  variables: Record<string, unknown>;
  /** The generator's estimate of the requested cost (the budget it kept to). */
  estimate: number;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType;
interface Built {
  text: string;
  cost: number;
}

/** Document limits of the API's defaults (graphql-armor, complexity plugin), with a margin. */
const LIMITS = { aliases: 25, directives: 15, tokens: 2_600, depth: 10, breadth: 200 };

/** Per query: variables, fragments and counters. */
class Draft {
  readonly variableDefs: string[] = [];
  readonly variables: Record<string, unknown> = {};
  readonly fragments: string[] = [];
  aliases = 0;
  directives = 0;
  fields = 0;
  /**
   * A focused query follows one path (one object field per level, few leaves) down to
   * `stopDepth`: nothing else in it is priced above what it returns, so a list or connection
   * priced below its items shows, which a broad query's other fields would make up for.
   */
  constructor(
    readonly caller: CallerName,
    readonly focused: boolean,
    public stopDepth: number,
  ) {}
  variable(type: string, value: unknown): string {
    const name = `v${this.variableDefs.length}`;
    this.variableDefs.push(`$${name}: ${type}`);
    this.variables[name] = value;
    return `$${name}`;
  }
}

const isConnection = (type: GraphQLNamedType) => type.name.endsWith("Connection");

function typeOfGlobalId(id: string): string {
  return Buffer.from(id, "base64").toString("utf8").split(":")[0]!;
}

/** A GraphQL literal for a JSON value of an input type. */
function literal(type: GraphQLInputType, value: unknown): string {
  if (value === null || value === undefined) return "null";
  const nullable = getNullableType(type);
  if (isListType(nullable))
    return `[${(value as unknown[]).map((v) => literal(nullable.ofType, v)).join(", ")}]`;
  if (isEnumType(nullable)) return String(value);
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(fields[k]!.type, v)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value);
}

export class QueryGenerator {
  readonly rand: () => number;
  private counter = 0;

  constructor(
    readonly schema: GraphQLSchema,
    readonly world: CostWorld,
    readonly seed: number,
  ) {
    this.rand = prng(seed);
  }

  private chance(p: number) {
    return this.rand() < p;
  }
  private int(lo: number, hi: number) {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  /** A page size: mostly small, sometimes large, rarely 0. */
  private pageSize(max = MAX_PAGE) {
    const r = this.rand();
    const size =
      r < 0.03
        ? 0
        : r < 0.45
          ? this.int(1, 10)
          : r < 0.7
            ? this.int(1, 40)
            : r < 0.85
              ? this.int(1, 100)
              : this.pick([50, 100]);
    return Math.min(size, max);
  }

  /** Generates query number `index`, as `caller`; valid against the schema. */
  next(index: number, caller: CallerName): GeneratedQuery {
    for (let attempt = 0; ; attempt++) {
      const focused = this.chance(0.4);
      const draft = new Draft(caller, focused, focused ? this.int(2, 9) : LIMITS.depth);
      // The budget: log-uniform from 10 to the maximum, so both small and huge queries come up.
      const budget = Math.floor(10 * Math.pow(MAX_OPERATION_COST / 10, this.rand()));
      const built = this.operation(draft, budget);
      const vars = draft.variableDefs.length ? `(${draft.variableDefs.join(", ")})` : "";
      const query = `query Cost${index}${vars} {\n${built.text}\n}${draft.fragments.length ? `\n${draft.fragments.join("\n")}` : ""}`;
      const document = parse(query);
      const errors = validate(this.schema, document);
      if (errors.length)
        throw new Error(
          `generated an invalid query (seed ${this.seed}, #${index}): ${errors.map((e) => e.message).join("; ")}\n${query}`,
        );
      if ((tokenCount(query) > LIMITS.tokens || draft.fields > LIMITS.breadth) && attempt < 5) continue;
      return { index, caller, query, variables: draft.variables, estimate: built.cost };
    }
  }

  private operation(draft: Draft, budget: number): Built {
    const query = this.schema.getQueryType()!;
    const count = draft.focused ? 1 : this.pick([1, 1, 1, 2, 2, 3]);
    const parts: string[] = [];
    const scope = new Set<string>();
    let cost = 0;
    for (let i = 0; i < count; i++) {
      const name = this.pick(ROOTS);
      const field = query.getFields()[name]!;
      if (draft.focused && this.chance(0.5)) draft.stopDepth = isConnection(getNamedType(field.type)) ? 4 : 2;
      const built = this.field(
        draft,
        query,
        field,
        Math.max(1, Math.floor((budget - cost) / (count - i))),
        1,
        scope,
      );
      if (built) {
        parts.push(built.text);
        cost += built.cost;
      }
    }
    if (!parts.length) parts.push("viewer { roles }"), scope.add("viewer");
    return { text: parts.join("\n"), cost };
  }

  /** One field of `parent` with arguments, alias, directive and sub-selection; null when it cannot be had within the limits. */
  private field(
    draft: Draft,
    parent: GraphQLObjectType | GraphQLInterfaceType,
    field: GraphQLField<unknown, unknown>,
    budget: number,
    depth: number,
    scope: Set<string>,
  ): Built | null {
    // Fields only some callers may read: now and then for the others too (an error, and null data).
    const only = RESTRICTED[`${parent.name}.${field.name}`];
    if (only && !only.includes(draft.caller) && !this.chance(0.05)) return null;
    const named = getNamedType(field.type);
    const leaf = isLeafType(named);
    if (!leaf && depth >= LIMITS.depth) return null;
    if (draft.fields >= LIMITS.breadth) return null;
    const aliased = scope.has(field.name);
    if (aliased && draft.aliases >= LIMITS.aliases) return null;
    const values = this.argValues(draft.caller, parent, field);
    if (!values) return null;
    // Committed: from here on the field is in the query (its variables are used).
    let key = field.name;
    let alias = "";
    if (aliased) {
      draft.aliases++;
      key = `a${draft.aliases}_${field.name}`;
      alias = `${key}: `;
    }
    scope.add(key);
    draft.fields++;
    const args = { text: this.renderArgs(draft, field, values), values };
    const directive = this.directive(draft);
    const head = `${alias}${field.name}${args.text}${directive}`;
    if (leaf) return { text: head, cost: 0 };
    const multiplier = this.multiplier(parent, field, named, args.values);
    const childBudget = Math.max(0, Math.floor((budget - 1) / Math.max(1, multiplier)) - 1);
    const sub = this.selection(draft, named as Composite, childBudget, depth + 1, isConnection(named));
    return { text: `${head} {\n${sub.text}\n}`, cost: 1 + multiplier * (1 + sub.cost) };
  }

  /** How many times the children of `field` count: a connection's page size, a list's bound. */
  private multiplier(
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
    named: GraphQLNamedType,
    args: Record<string, unknown>,
  ): number {
    if (isConnection(named)) {
      const size =
        typeof args.first === "number"
          ? args.first
          : typeof args.last === "number"
            ? args.last
            : DEFAULT_PAGE;
      return Math.max(0, Math.min(MAX_PAGE, size));
    }
    if (parent.name.endsWith("Connection") && field.name === "edges") return 1;
    if (!isListType(getNullableType(field.type))) return 1;
    if (field.name === "nodes" && Array.isArray(args.ids)) return args.ids.length;
    if (field.name === "products" && parent.name === "ProductRecommendations") return 100;
    return LIST_BOUNDS[`${parent.name}.${field.name}`] ?? LIST_BOUNDS[field.name] ?? 100;
  }

  /** A random @include/@skip on a field or fragment, literal or with a variable; mostly none. */
  private directive(draft: Draft): string {
    if (draft.directives >= LIMITS.directives || !this.chance(0.07)) return "";
    draft.directives++;
    const name = this.pick(["include", "skip"]);
    const value = this.chance(0.7);
    return ` @${name}(if: ${this.chance(0.7) ? draft.variable("Boolean!", value) : String(value)})`;
  }

  /** The selection set of `type` (object, interface or union) within `budget`. */
  private selection(draft: Draft, type: Composite, budget: number, depth: number, connection = false): Built {
    const scope = new Set<string>();
    const parts: string[] = [];
    let cost = 0;
    const add = (built: Built | null) => {
      if (!built) return;
      parts.push(built.text);
      cost += built.cost;
    };
    if (isUnionType(type) || isInterfaceType(type)) {
      // Fields of the interface itself, then fragments on some of its types (each priced: split the budget).
      if (isInterfaceType(type))
        for (const f of Object.values(type.getFields()))
          if (isLeafType(getNamedType(f.type)) && this.chance(0.6))
            add(this.field(draft, type, f, 0, depth, scope));
      if (this.chance(0.3)) parts.push("__typename");
      const possible = this.schema.getPossibleTypes(type);
      const preferred = this.preferredTypes.filter((name) => possible.some((p) => p.name === name));
      const chosen = new Set<string>(preferred.filter(() => draft.focused || this.chance(0.8)));
      if (!draft.focused) for (const p of possible) if (this.chance(3 / possible.length)) chosen.add(p.name);
      const share = Math.floor(budget / Math.max(1, chosen.size));
      for (const name of chosen)
        add(this.fragment(draft, this.schema.getType(name) as GraphQLObjectType, share, depth, scope));
      if (!parts.length) parts.push("__typename");
      return { text: parts.join("\n"), cost };
    }
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    if (draft.focused) return this.path(draft, type, budget, depth, scope, connection);
    // Leaves cost nothing: a random handful.
    const leafChance = connection ? 0.3 : Math.max(0.15, 0.5 - depth * 0.05);
    for (const f of leaves) if (this.chance(leafChance)) add(this.field(draft, type, f, 0, depth, scope));
    if (this.chance(0.1)) parts.push("__typename");
    // Objects: in a connection the edges (and their nodes) nearly always; elsewhere a few, shallower ones more.
    let remaining = budget;
    const objectChance = Math.max(0.12, 0.55 - depth * 0.06);
    for (const f of this.shuffle(objects)) {
      const wanted = connection
        ? f.name === "edges"
          ? 0.92
          : 0.35
        : type.name.endsWith("Edge") && f.name === "node"
          ? 0.97
          : objectChance;
      if (!this.chance(wanted) || remaining < 1) continue;
      const share =
        connection || type.name.endsWith("Edge")
          ? remaining
          : Math.max(1, Math.floor(remaining * (0.3 + 0.7 * this.rand())));
      const built = this.field(draft, type, f, share, depth, scope);
      if (!built) continue;
      add(built);
      remaining -= built.cost;
      // The same field again, with other arguments, under an alias.
      if (f.args.length && this.chance(0.15) && remaining > 1) {
        const again = this.field(draft, type, f, Math.max(1, Math.floor(remaining / 2)), depth, scope);
        if (again) add(again), (remaining -= again.cost);
      }
    }
    // Fragments on the object's own type, or on the Node interface it implements.
    if (this.chance(0.12) && remaining > 1 && depth < LIMITS.depth) {
      add(this.fragment(draft, type, Math.floor(remaining / 2), depth, scope));
    }
    if (this.chance(0.06) && type.getInterfaces().some((i) => i.name === "Node")) {
      parts.push(`... on Node${this.directive(draft)} {\n${scope.has("id") ? "" : "id\n"}__typename\n}`);
      scope.add("id");
    }
    if (!parts.length) {
      const f = leaves[0];
      if (f) add(this.field(draft, type, f, 0, depth, scope));
      else parts.push("__typename");
    }
    if (!parts.length) parts.push("__typename");
    return { text: parts.join("\n"), cost };
  }

  /** A focused selection: a leaf or two, and one object field (a list or connection mostly) until the stop depth. */
  private path(
    draft: Draft,
    type: GraphQLObjectType,
    budget: number,
    depth: number,
    scope: Set<string>,
    connection: boolean,
  ): Built {
    const parts: string[] = [];
    let cost = 0;
    const fields = this.shuffle(Object.values(type.getFields()));
    for (const f of fields) {
      if (!isLeafType(getNamedType(f.type)) || !this.chance(0.15)) continue;
      const built = this.field(draft, type, f, 0, depth, scope);
      if (built) parts.push(built.text);
    }
    // A connection's edges and their nodes always: a page of nothing would show nothing.
    if (depth < draft.stopDepth || connection || type.name.endsWith("Edge")) {
      const many = (f: GraphQLField<unknown, unknown>) =>
        isListType(getNullableType(f.type)) || isConnection(getNamedType(f.type));
      let objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
      if (connection) objects = objects.filter((f) => f.name === "edges");
      else if (type.name.endsWith("Edge")) objects = objects.filter((f) => f.name === "node");
      else if (this.chance(0.7) && objects.some(many))
        objects = [...objects.filter(many), ...objects.filter((f) => !many(f))];
      for (const f of objects) {
        // Often the items of a list or connection are its last objects: nothing below makes up for their price.
        const stopDepth = draft.stopDepth;
        if (many(f) && this.chance(0.5))
          draft.stopDepth = Math.min(draft.stopDepth, depth + (isConnection(getNamedType(f.type)) ? 3 : 1));
        const built = this.field(draft, type, f, budget, depth, scope);
        if (!built) {
          draft.stopDepth = stopDepth;
          continue;
        }
        parts.push(built.text);
        cost += built.cost;
        break;
      }
    }
    if (!parts.length) parts.push("__typename");
    return { text: parts.join("\n"), cost };
  }

  /** An inline fragment or a named one (spread here) on `type`, sharing the enclosing scope of response keys. */
  private fragment(
    draft: Draft,
    type: GraphQLObjectType,
    budget: number,
    depth: number,
    scope: Set<string>,
  ): Built | null {
    const inner = this.selectionInScope(draft, type, budget, depth, scope);
    if (!inner) return null;
    const directive = this.directive(draft);
    if (this.chance(0.35)) {
      const name = `F${++this.counter}`;
      draft.fragments.push(`fragment ${name} on ${type.name} {\n${inner.text}\n}`);
      return { text: `...${name}${directive}`, cost: inner.cost };
    }
    return { text: `... on ${type.name}${directive} {\n${inner.text}\n}`, cost: inner.cost };
  }

  /** A selection of `type` whose response keys join `scope` (fragments merge into their parent). */
  private selectionInScope(
    draft: Draft,
    type: GraphQLObjectType,
    budget: number,
    depth: number,
    scope: Set<string>,
  ): Built | null {
    if (draft.focused) return this.path(draft, type, budget, depth, scope, false);
    const parts: string[] = [];
    let cost = 0;
    const fields = this.shuffle(Object.values(type.getFields()));
    let remaining = budget;
    for (const f of fields) {
      const leaf = isLeafType(getNamedType(f.type));
      if (!this.chance(leaf ? 0.4 : Math.max(0.15, 0.5 - depth * 0.06))) continue;
      const built = this.field(
        draft,
        type,
        f,
        leaf ? 0 : Math.max(1, Math.floor(remaining * (0.3 + 0.7 * this.rand()))),
        depth,
        scope,
      );
      if (!built) continue;
      parts.push(built.text);
      cost += built.cost;
      remaining -= built.cost;
    }
    if (!parts.length) return null;
    return { text: parts.join("\n"), cost };
  }

  private shuffle<T>(items: T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** The objects filled to their bounds: the big product, the full cart, order, post and live session, a shop, a program. */
  private get full(): string[] {
    const w = this.world;
    return [
      w.big.id,
      w.cart,
      w.orders[0]!,
      w.posts[0]!,
      w.liveSessions[0]!,
      w.shops[0]!.id,
      w.programs[0]!,
      w.webhookEndpoints[0]!,
    ].filter(Boolean);
  }

  /** The types of the ids the current node/nodes field asked for, preferred in its fragments. */
  private preferredTypes: string[] = [];

  // ───────────── arguments ─────────────

  /** Argument values for `field`: required ones from the world, optional ones at random; null when a required one cannot be had. */
  private argValues(
    caller: CallerName,
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
  ): Record<string, unknown> | null {
    const values: Record<string, unknown> = {};
    const w = this.world;
    const where = `${parent.name}.${field.name}`;
    const has = (name: string) => field.args.some((a) => a.name === name);
    switch (where) {
      case "Query.node": {
        const id = this.chance(0.4)
          ? this.pick(this.full)
          : this.chance(0.9)
            ? this.pick(w.allIds)
            : "bm90LWFuLWlk";
        values.id = id;
        this.preferredTypes = [typeOfGlobalId(id)];
        break;
      }
      case "Query.nodes": {
        const ids = Array.from({ length: this.pick([1, 2, 3, 5, 8, 13, 21, 40, 100]) }, () =>
          this.chance(0.3) ? this.pick(this.full) : this.chance(0.95) ? this.pick(w.allIds) : "bm90LWFuLWlk",
        );
        values.ids = ids;
        this.preferredTypes = [...new Set(ids.map(typeOfGlobalId))].slice(0, 4);
        break;
      }
      case "Query.cart":
        values.id =
          caller === "buyer" && this.chance(0.8) ? w.cart : this.chance(0.8) ? w.anonymousCart : w.cart;
        break;
      case "Query.order":
        values.id = this.chance(0.5) ? w.orders[0]! : this.pick(w.orders);
        break;
      case "Query.liveSession":
        values.id = this.chance(0.6) ? w.liveSessions[0]! : this.pick(w.liveSessions);
        break;
      case "Query.post":
        values.id = this.chance(0.4) ? w.posts[0]! : this.pick(w.posts);
        break;
      case "Query.product":
        if (this.chance(0.5)) values.id = this.chance(0.4) ? w.big.id : this.pick(w.products).id;
        else values.handle = this.chance(0.4) ? w.big.handle : this.pick(w.products).handle;
        break;
      case "Query.shop":
        values.handle = this.pick(w.shops).handle;
        break;
      case "Query.collection":
        values.handle = this.pick(w.collections).handle;
        break;
      case "Query.affiliateLink":
        values.code = this.pick(w.affiliateLinks).code;
        break;
      case "Query.feed":
        values.kind = this.pick(["TRENDING", "FOR_YOU", "FOLLOWING", "HASHTAG"]);
        if (values.kind === "HASHTAG" || this.chance(0.1)) values.hashtag = this.pick(w.hashtags);
        break;
      case "Query.liveSessions":
        values.status = this.pick(["LIVE", "SCHEDULED", "ENDED", "CANCELLED"]);
        if (this.chance(0.2)) values.shopId = this.pick(w.shops).id;
        // biome-ignore lint/suspicious/noDuplicateElseIf: two independent draws, not the same condition
        else if (this.chance(0.2)) values.hostId = this.pick([w.users.merchant, w.users.creator]);
        break;
      case "Query.recommendedProducts":
        if (this.chance(0.6)) values.productId = this.pick([w.big.id, ...w.products.map((p) => p.id)]);
        else values.forViewer = true;
        // At most 50 recommendations (a larger `first` is an argument error).
        if (this.chance(0.7)) values.first = this.pageSize(this.chance(0.97) ? 50 : 100);
        break;
      case "Query.trendingProducts":
        if (this.chance(0.5)) values.window = this.pick(["HOUR", "DAY", "WEEK"]);
        break;
      case "Viewer.affiliateStats": {
        const now = Date.now();
        values.from = new Date(now - 30 * 86_400_000).toISOString();
        values.to = new Date(now + 86_400_000).toISOString();
        if (this.chance(0.5)) values.groupBy = this.pick(["LINK", "POST"]);
        break;
      }
      case "Post.productTags":
        if (this.chance(0.3)) values.atMs = this.int(0, 8000);
        break;
      case "Shop.orders":
        if (this.chance(0.25))
          values.status = this.pick([
            ["PAID"],
            ["PARTIALLY_REFUNDED", "FULFILLED"],
            ["CANCELLED", "PAID", "REFUNDED"],
          ]);
        if (this.chance(0.1)) values.createdAfter = new Date(Date.now() - 86_400_000).toISOString();
        break;
      case "Viewer.commissions":
      case "Shop.affiliateCommissions":
        if (this.chance(0.2)) values.status = this.pick(["PENDING", "PAYABLE", "PAID"]);
        break;
      case "WebhookEndpoint.deliveries":
        if (this.chance(0.2)) values.status = this.pick(["PENDING", "FAILED", "SUCCEEDED"]);
        break;
    }
    if (has("first") && has("last") && values.first === undefined) this.pageArgs(values);
    if (has("sortKey") && this.chance(0.3))
      values.sortKey = this.pick(["CREATED_AT", "ID", "PRICE", "TITLE", "UPDATED_AT", "RELEVANCE"]);
    if (has("reverse") && this.chance(0.2)) values.reverse = this.chance(0.5);
    if (has("query") && (values.sortKey === "RELEVANCE" || this.chance(0.1)))
      values.query = this.pick(["linen", "merino silk", "cedar", "mug"]);
    if (has("filter") && this.chance(0.25)) values.filter = this.productFilter();
    // Whatever is still required: generic values of its type.
    for (const arg of field.args) {
      if (values[arg.name] !== undefined || !isNonNullType(arg.type) || arg.defaultValue !== undefined)
        continue;
      const generic = this.generic(arg);
      if (generic === undefined) return null;
      values[arg.name] = generic;
    }
    return values;
  }

  /** The arguments as written: each inline, or as a variable of the argument's type. */
  private renderArgs(
    draft: Draft,
    field: GraphQLField<unknown, unknown>,
    values: Record<string, unknown>,
  ): string {
    const parts = Object.entries(values).map(([name, value]) => {
      const arg = field.args.find((a) => a.name === name)!;
      return `${name}: ${this.chance(0.3) ? draft.variable(String(arg.type), value) : literal(arg.type, value)}`;
    });
    return parts.length ? `(${parts.join(", ")})` : "";
  }

  /** first / last: one of them mostly; sometimes neither (the default page), rarely both. */
  private pageArgs(values: Record<string, unknown>) {
    const r = this.rand();
    if (r < 0.7) values.first = this.pageSize();
    else if (r < 0.85) values.last = this.pageSize();
    else if (r < 0.95) return;
    else {
      values.first = this.pageSize();
      values.last = this.pageSize();
    }
  }

  private productFilter(): Record<string, unknown> {
    const w = this.world;
    const r = this.rand();
    if (r < 0.25) return { shopId: this.pick(w.shops).id };
    if (r < 0.4) return { available: this.chance(0.8) };
    if (r < 0.55) return { status: this.pick([["ACTIVE"], ["ACTIVE", "DRAFT"], ["DRAFT", "ARCHIVED"]]) };
    if (r < 0.65) return { tags: ["tag1", "tag3"] };
    if (r < 0.75) return { price: { currencyCode: "EUR", min: "10.00", max: "60.00" } };
    if (r < 0.85) return { collectionId: this.pick(w.collections).id };
    return {
      vendor: this.pick(["Acme", "Globex", "Initech"]),
      productType: this.pick(["Shirt", "Mug", "Bag"]),
    };
  }

  private generic(arg: GraphQLArgument): unknown {
    const type = getNullableType(arg.type);
    if (isEnumType(type)) return this.pick(type.getValues()).value;
    if (isListType(type) || isInputObjectType(type)) return undefined;
    switch (type.name) {
      case "ID":
        return this.pick(this.world.allIds);
      case "Int":
        return this.int(1, 10);
      case "Boolean":
        return this.chance(0.5);
      case "DateTime":
        return new Date().toISOString();
      case "String":
        return this.pick(this.world.shops).handle;
      default:
        return undefined;
    }
  }
}

/** Fields that answer FORBIDDEN (an error) to callers other than these. */
const RESTRICTED: Record<string, CallerName[]> = {
  "Query.platformWebhookEndpoints": ["platform"],
  "Shop.orders": ["merchant", "platform"],
  "Shop.affiliateOrders": ["merchant", "platform"],
  "Shop.affiliateCommissions": ["merchant", "platform"],
  "Shop.affiliateOwed": ["merchant", "platform"],
  "Shop.webhookEndpoints": ["merchant", "platform"],
  "Viewer.affiliateStats": ["creator"],
};

/** Query's root fields the generator starts from (all of them but introspection). */
const ROOTS = [
  "products",
  "products",
  "products",
  "product",
  "product",
  "shops",
  "shop",
  "shop",
  "feed",
  "feed",
  "viewer",
  "viewer",
  "viewer",
  "cart",
  "cart",
  "order",
  "order",
  "node",
  "node",
  "nodes",
  "nodes",
  "liveSession",
  "liveSessions",
  "post",
  "collection",
  "affiliateLink",
  "recommendedProducts",
  "trendingProducts",
  "platformWebhookEndpoints",
];

/**
 * The objects a result holds, counted by the rules of the cost model on their own (an oracle
 * for `actualQueryCost`, written apart from the server's count): every object in `data` 1,
 * wherever it is (list items each); scalars, enums and JSON values nothing, found by walking
 * the operation's selections with their types; the edges and page info of a connection
 * nothing; each root field of a mutation 10 more.
 */
export function objectsReturned(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  data: unknown,
): number {
  const operation = getOperationAST(document)!;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) =>
    (node.directives ?? []).every((d) => {
      const arg = d.arguments?.find((a) => a.name.value === "if");
      if (!arg || (d.name.value !== "skip" && d.name.value !== "include")) return true;
      const value =
        arg.value.kind === Kind.VARIABLE
          ? variables[arg.value.name.value]
          : arg.value.kind === Kind.BOOLEAN
            ? arg.value.value
            : undefined;
      return d.name.value === "skip" ? value !== true : value === true;
    });
  // Response key → each field selected under it with the type that selects it (the enclosing
  // type, or a fragment's type condition) and its sub-selections.
  type Selected = { name: string; parent: GraphQLCompositeType; sets: SelectionSetNode[] };
  const collect = (type: GraphQLCompositeType, sets: SelectionSetNode[]) => {
    const out = new Map<string, Selected[]>();
    const visit = (set: SelectionSetNode, parent: GraphQLCompositeType) => {
      for (const s of set.selections) {
        if (!included(s)) continue;
        if (s.kind === Kind.FIELD) {
          const key = s.alias?.value ?? s.name.value;
          const entries = out.get(key) ?? [];
          out.set(key, entries);
          let entry = entries.find((e) => e.parent === parent && e.name === s.name.value);
          if (!entry) entries.push((entry = { name: s.name.value, parent, sets: [] }));
          if (s.selectionSet) entry.sets.push(s.selectionSet);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          visit(
            s.selectionSet,
            s.typeCondition ? (schema.getType(s.typeCondition.name.value) as GraphQLCompositeType) : parent,
          );
        } else {
          const f = fragments.get(s.name.value)!;
          visit(f.selectionSet, schema.getType(f.typeCondition.name.value) as GraphQLCompositeType);
        }
      }
    };
    for (const set of sets) visit(set, type);
    return out;
  };
  // Whether fields selected on `parent` (a type condition) apply to an object of type `runtime`.
  const applies = (parent: GraphQLCompositeType, runtime: GraphQLObjectType) =>
    parent === runtime || (!isObjectType(parent) && schema.isSubType(parent, runtime));
  // The object's own type: the static one, else its __typename, else the one type whose selections hold all its keys.
  const runtimeType = (
    v: Record<string, unknown>,
    type: GraphQLCompositeType,
    selected: Map<string, Selected[]>,
  ): GraphQLObjectType | undefined => {
    if (isObjectType(type)) return type;
    for (const [key, entries] of selected)
      if (entries.some((e) => e.name === "__typename") && typeof v[key] === "string")
        return schema.getType(v[key] as string) as GraphQLObjectType;
    const keys = [...selected.keys()].filter((k) => k in v);
    const candidates = schema
      .getPossibleTypes(type as GraphQLInterfaceType | GraphQLUnionType)
      .filter((t) => keys.every((k) => selected.get(k)!.some((e) => applies(e.parent, t))));
    // Several types select all these keys (fragments on two types selecting one key): the one whose selections also hold the keys one level down.
    const fits = (t: GraphQLObjectType) =>
      keys.every((k) => {
        const child = [v[k]].flat().find((c) => c !== null && typeof c === "object" && !Array.isArray(c)) as
          | Record<string, unknown>
          | undefined;
        const entries = selected.get(k)!.filter((e) => applies(e.parent, t));
        const field = t.getFields()[entries[0]?.name ?? ""];
        if (!child || !field || isLeafType(getNamedType(field.type))) return true;
        const below = collect(
          getNamedType(field.type) as GraphQLCompositeType,
          entries.flatMap((e) => e.sets),
        );
        return Object.keys(child).every((c) => below.has(c));
      });
    return candidates.find(fits) ?? candidates[0];
  };
  let objects = 0;
  const value = (v: unknown, type: GraphQLCompositeType, sets: SelectionSetNode[], free: boolean) => {
    if (Array.isArray(v)) {
      for (const item of v) value(item, type, sets, free);
      return;
    }
    if (v === null || typeof v !== "object") return;
    if (!free) objects++;
    const selected = collect(type, sets);
    const runtime = runtimeType(v as Record<string, unknown>, type, selected);
    for (const [key, all] of selected) {
      const child = (v as Record<string, unknown>)[key];
      const entries = runtime ? all.filter((e) => applies(e.parent, runtime)) : all.slice(0, 1);
      if (child === null || child === undefined || !entries.length || entries[0]!.name.startsWith("__"))
        continue;
      const owner = runtime ?? entries[0]!.parent;
      const field =
        isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[entries[0]!.name] : undefined;
      if (!field) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) continue;
      const connectionPart =
        owner.name.endsWith("Connection") && (field.name === "edges" || field.name === "pageInfo");
      value(
        child,
        named as GraphQLCompositeType,
        entries.flatMap((e) => e.sets),
        connectionPart,
      );
    }
  };
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()!
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()!
        : schema.getQueryType()!;
  if (data && typeof data === "object") {
    // The root object itself is not counted: only what its fields return.
    value(data, root, [operation.selectionSet], true);
  }
  return objects + (operation.operation === "mutation" ? operation.selectionSet.selections.length * 10 : 0);
}

export function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

// ───────────── the SDK's operations ─────────────

const SDK_OPERATIONS = join(import.meta.dirname, "../../sdk/src/operations");

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(path);
    return entry.name.endsWith(".graphql") ? [path] : [];
  });
}

export interface SdkOperation {
  name: string;
  kind: "query" | "mutation" | "subscription";
  /** The operation with the fragments it spreads, transitively, as the SDK sends it. */
  document: string;
}

/** Every operation of packages/sdk/src/operations, by its name (its root field, as the SDK's functions). */
export function sdkOperations(): Map<string, SdkOperation> {
  const fragments = new Map<string, string>();
  const spreads = (text: string) =>
    [...text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)].map((m) => m[1]!).filter((n) => n !== "on");
  const operations = new Map<string, SdkOperation>();
  const files = graphqlFiles(SDK_OPERATIONS);
  for (const file of files) {
    const document: DocumentNode = parse(readFileSync(file, "utf8"));
    for (const def of document.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(def.name.value, def.loc!.source.body.slice(def.loc!.start, def.loc!.end));
    }
  }
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const document: DocumentNode = parse(text);
    for (const def of document.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      const body = text.slice(def.loc!.start, def.loc!.end);
      const needed = new Set<string>();
      const visit = (t: string) => {
        for (const name of spreads(t)) {
          if (needed.has(name)) continue;
          needed.add(name);
          visit(fragments.get(name) ?? "");
        }
      };
      visit(body);
      const root = def.selectionSet.selections[0]!;
      const name = root.kind === Kind.FIELD ? root.name.value : def.name!.value;
      operations.set(name, {
        name,
        kind: def.operation,
        document: [body, ...[...needed].map((n) => fragments.get(n)!)].join("\n"),
      });
    }
  }
  return operations;
}
