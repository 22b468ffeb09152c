/** The request context every resolver and service receives first. Built by `packages/api`. */
import type { PrismaClient } from "@shoppable/db/client";
import type { ApiKeyKind, Role } from "@shoppable/db/enums";
import type { PaymentProvider } from "./checkout/payment.ts";
import type { EventBus } from "./shared/events.ts";
import type { JobQueue } from "./shared/jobs.ts";
import type { TargetPolicy } from "./webhooks/target.ts";

/** The app credential of the request. */
export interface CallerKey {
  id: string;
  kind: ApiKeyKind;
}

/** The platform user named by a verified user token. */
export interface CallerUser {
  id: string;
  handle: string;
  roles: Role[];
}

export interface Context {
  db: PrismaClient;
  /** Every GraphQL request carries a valid API key; the transport rejects it otherwise. */
  key: CallerKey;
  user: CallerUser | null;
  requestId: string;
  /** Real-time events: publish after commit (see shared/events.ts), subscribe in subscriptions. */
  events: EventBus;
  /** Background jobs (shared/jobs.ts); absent where no queue runs (scripts, some tests): work then waits for a sweep. */
  jobs?: JobQueue;
  /** The payment provider checkout charges through; the built-in test provider when absent. */
  payments?: PaymentProvider;
  /** The API's public origin (such as https://api.example.com), for the affiliate link URLs it hands out; relative URLs when absent. */
  publicUrl?: string;
  /**
   * Where stored relative media URLs (the demo world's `/media/…`) are served (MEDIA_BASE_URL):
   * media fields answer them absolute against it; as stored when absent.
   */
  mediaBaseUrl?: string;
  /** How webhook endpoint URLs are vetted when created or changed; production's rules (https, public addresses only) when absent. */
  webhookTargets?: TargetPolicy;
}

/** What work without a caller (background jobs) has of a context: the database, events, jobs and payments. */
export type ServiceContext = Pick<Context, "db" | "events" | "jobs" | "payments">;
