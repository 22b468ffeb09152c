// The affiliate domain's GraphQL types and mutations (imported for their side effects).
import "./affiliate.ts";
import "./mutations.ts";
import "./subscriptions.ts";
