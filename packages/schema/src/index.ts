// Public surface of @shoppable/schema.
export { schema, sortedSchema } from "./schema.ts";
export type { Context, CallerKey, CallerUser } from "./context.ts";
export { limits } from "./limits.ts";
export { openDatabase, type Database, type OpenDatabaseOptions, type Driver } from "@shoppable/db";
export {
  createApiKey,
  findApiKey,
  userFromClaims,
  normaliseRoles,
  type UserClaims,
} from "./identity/service.ts";
export {
  TestPaymentProvider,
  TEST_PAYMENT_TOKENS,
  PaymentProviderError,
  type PaymentProvider,
} from "./checkout/payment.ts";
export { recordClick, type RecordedClick, type ClickInput } from "./affiliate/service.ts";
export { releasePayableCommissions, type ReleasedCommission } from "./affiliate/ledger.ts";
export { publishReleased } from "./affiliate/service.ts";
export { storefrontUrl } from "./affiliate/rules.ts";
export { operationCost, resultCost, MUTATION_FIELD_COST } from "./cost.ts";
