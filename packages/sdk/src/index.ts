/**
 * @shoppable/sdk: the typed client of the Shoppable GraphQL API. See README.md.
 */
export {
  createShoppableClient,
  type ShoppableClient,
  type ShoppableClientOptions,
  type AnyDocument,
  type DocumentLike,
  type VariablesArgument,
  type WebSocketClass,
} from "./client.ts";
export { backoffDelay, type RetryOptions } from "./backoff.ts";
export {
  ShoppableError,
  ShoppableNetworkError,
  ShoppableGraphQLError,
  ShoppableAuthError,
  type GraphQLErrorEntry,
  type ShoppableErrorCode,
} from "./errors.ts";
export type {
  TypedDocument,
  ResultOf,
  VariablesOf,
  RequestOptions,
  ShoppableSubscription,
  ThrottleStatus,
  ViewerDataExport,
  ExportedRecord,
  JsonValue,
} from "./types.ts";
export { persistedOperationsManifest } from "./manifest.ts";
// The operation table and fragments stay internal: only the interface is public.
export type { ShoppableOperations } from "./generated/operations.ts";
export type * from "./generated/types.ts";
