/**
 * Cost limits: before an operation runs its requested cost is computed (`operationCost`); over
 * the per-operation maximum it is refused with QUERY_TOO_COMPLEX; otherwise the caller's leaky
 * bucket must hold that many points (else RATE_LIMITED, HTTP 429 with Retry-After) and gives
 * them up; after a query or mutation ran, the unused part (requested − actual) goes back. A
 * subscription is priced and charged the same way when it starts, over SSE and WebSocket
 * alike. Every query and mutation response carries `extensions.cost`.
 */
import { rateLimited } from "@shoppable/schema/shared/errors.ts";
import { operationCost, resultCost, type Context } from "@shoppable/schema";
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { BucketStore } from "./bucket.ts";

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** The context the transport builds: the schema's, plus the client's address (socket or trusted proxy). */
export type LimitedContext = Context & { clientAddress?: string | null };

/** The bucket a request draws from: a secret key's own; a publishable key's per user, else per client address. */
export function bucketOf(ctx: LimitedContext): string {
  if (ctx.key.kind === "SECRET") return `key:${ctx.key.id}`;
  if (ctx.user) return `key:${ctx.key.id}:user:${ctx.user.id}`;
  return `key:${ctx.key.id}:ip:${ctx.clientAddress ?? "unknown"}`;
}

/** A bucket's state as `extensions.cost.throttleStatus` shows it. */
export function throttleStatus(
  settings: BucketStore["settings"],
  available: number,
): CostExtension["throttleStatus"] {
  return {
    maximumAvailable: settings.capacity,
    currentlyAvailable: available,
    restoreRate: settings.restorePerSecond,
  };
}

/** The refusal of an operation costing `cost` when the bucket holds too little: RATE_LIMITED, HTTP 429 with Retry-After. */
export function rateLimitedError(cost: number, available: number, retryAfterMs: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return rateLimited(
    `Rate limited: this operation costs ${cost} and ${available} points are available; retry in ${seconds} s.`,
    seconds,
  );
}

function withCost(result: ExecutionResult, cost: CostExtension): ExecutionResult {
  return { ...result, extensions: { ...result.extensions, cost } };
}

export function useCostLimits(options: { store: BucketStore; maxCost: number }): Plugin<Context> {
  const { store, maxCost } = options;
  const status = (available: number) => throttleStatus(store.settings, available);

  /** Prices the operation and takes its cost from the caller's bucket; a refusal is the result to answer with. */
  async function charge(args: ExecutionArgs): Promise<
    | { refused: ExecutionResult }
    | {
        refused?: undefined;
        operation: OperationDefinitionNode;
        bucket: string;
        requested: number;
        available: number;
      }
    | null
  > {
    const operation = getOperationAST(args.document, args.operationName) as OperationDefinitionNode | null;
    const ctx = args.contextValue as LimitedContext;
    if (!operation || !ctx?.key) return null;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    // Variables that do not fit their definitions: execution refuses the whole operation with
    // the proper errors before any field runs, so there is nothing to charge for.
    if (getVariableValues(args.schema, operation.variableDefinitions ?? [], variables).errors) return null;
    let requested: number;
    try {
      requested = operationCost(args.document, operation, variables, ctx);
    } catch (error) {
      // An argument the schema refuses (a page size over its maximum, too many ids): the other
      // root fields would run unpriced, so nothing runs.
      const refusal =
        error instanceof GraphQLError
          ? new GraphQLError(error.message, { extensions: { code: "BAD_USER_INPUT", ...error.extensions } })
          : new GraphQLError("The operation's arguments could not be priced.", {
              extensions: { code: "BAD_USER_INPUT" },
            });
      return {
        refused: withCost(
          { errors: [refusal] },
          { requestedQueryCost: 0, actualQueryCost: 0, throttleStatus: status(-1) },
        ),
      };
    }
    if (requested > maxCost) {
      const error = new GraphQLError(
        `Query cost ${requested} exceeds the maximum of ${maxCost} for one operation.`,
        {
          extensions: { code: "QUERY_TOO_COMPLEX", limit: "cost" },
        },
      );
      return {
        refused: withCost(
          { errors: [error] },
          { requestedQueryCost: requested, actualQueryCost: 0, throttleStatus: status(-1) },
        ),
      };
    }
    const bucket = bucketOf(ctx);
    const take = await store.take(bucket, requested);
    if (!take.allowed) {
      const error = rateLimitedError(requested, take.available, take.retryAfterMs);
      return {
        refused: withCost(
          { errors: [error] },
          { requestedQueryCost: requested, actualQueryCost: 0, throttleStatus: status(take.available) },
        ),
      };
    }
    return { operation, bucket, requested, available: take.available };
  }

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const charged = await charge(args);
      if (!charged) return;
      if (charged.refused) return setResultAndStopExecution(charged.refused);
      const { operation, bucket, requested } = charged;
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return; // streamed results are charged their requested cost
          // Not clamped: the requested cost is an upper bound (a property test holds it to that).
          const actual = resultCost(
            result.data,
            args.document,
            operation,
            (args.variableValues ?? {}) as Record<string, unknown>,
          );
          const available =
            requested > actual ? await store.giveBack(bucket, requested - actual) : charged.available;
          setResult(
            withCost(result, {
              requestedQueryCost: requested,
              actualQueryCost: actual,
              throttleStatus: status(available),
            }),
          );
        },
      };
    },
    // A subscription is charged its requested cost once, when it starts; events are not charged.
    async onSubscribe({ args, setResultAndStopExecution }) {
      const charged = await charge(args);
      if (charged?.refused) setResultAndStopExecution(charged.refused);
    },
  };
}
