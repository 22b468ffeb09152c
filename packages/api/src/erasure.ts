/**
 * What a user's erasure means for requests already under way (see auth.ts for new ones):
 * - a write the database refused because the caller's own user was erased meanwhile (the
 *   request was authenticated just before) answers UNAUTHENTICATED "This account was erased."
 *   instead of a masked internal error;
 * - an open subscription of the user (SSE or WebSocket) ends with that error at once.
 */
import type { Context } from "@shoppable/schema";
import { erasedUserOf } from "@shoppable/schema/shared/errors.ts";
import { GraphQLError, type ExecutionResult } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { ACCOUNT_ERASED, type Authenticator } from "./auth.ts";

function accountErased(original?: GraphQLError): GraphQLError {
  return new GraphQLError(ACCOUNT_ERASED, {
    nodes: original?.nodes,
    path: original?.path,
    extensions: { code: "UNAUTHENTICATED" },
  });
}

/** The events of `source` until `userId` is erased; then one result with the error, and the end. */
function untilErased<T>(
  source: AsyncIterable<T>,
  userId: string,
  authenticator: Pick<Authenticator, "onUserErased">,
): AsyncIterableIterator<T | ExecutionResult> {
  const inner = source[Symbol.asyncIterator]();
  let done = false;
  let stop = () => {};
  const erased = new Promise<"erased">((resolve) => {
    stop = authenticator.onUserErased((id) => id === userId && resolve("erased"));
  });
  const finish = async () => {
    done = true;
    stop();
    await inner.return?.();
  };
  const iterator: AsyncIterableIterator<T | ExecutionResult> = {
    async next() {
      if (done) return { value: undefined, done: true };
      const next = await Promise.race([inner.next(), erased]);
      if (next === "erased") {
        await finish();
        return { value: { errors: [accountErased()] }, done: false };
      }
      if (next.done) {
        done = true;
        stop();
      }
      return next;
    },
    async return() {
      if (!done) await finish();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

export function erasurePlugin(authenticator: Pick<Authenticator, "onUserErased">): Plugin<Context> {
  return {
    onExecute({ args }) {
      const userId = (args.contextValue as Context).user?.id;
      if (!userId) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (
            isAsyncIterable(result) ||
            !result.errors?.some((e) => erasedUserOf(e.originalError) === userId)
          )
            return;
          setResult({
            ...result,
            errors: result.errors.map((e) =>
              erasedUserOf(e.originalError) === userId ? accountErased(e) : e,
            ),
          });
        },
      };
    },
    onSubscribe({ args }) {
      const userId = (args.contextValue as Context).user?.id;
      if (!userId) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(untilErased(result, userId, authenticator) as never);
        },
      };
    },
  };
}
