/**
 * Webhook delivery (README "Webhooks"): POSTs one attempt of a delivery, signed. Attempts are
 * jobs of the `webhook-delivery` queue (jobs.ts), so exactly one instance makes each.
 *
 * Each request: `POST <url>` with the JSON body `{ id, type, createdAt, data }` and headers
 * `Shoppable-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
 * `Shoppable-Event-Id` and `Shoppable-Delivery-Attempt`. A 2xx answer within the timeout is
 * success; anything else is retried (see the schema's webhooks service for the schedule).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { eventType, type AttemptOutcome, type DueDelivery } from "@shoppable/schema/webhooks/service.ts";
import { defaultWebhookTargets, failureReason, type WebhookTargets } from "./webhook-target.ts";

/** The `Shoppable-Signature` header value for `body` sent at `timestamp` (seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

/**
 * Checks a received webhook: the signature matches `body` with `secret` and its timestamp is
 * within `toleranceSeconds` (default 300) of now. What integrators run on their side.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, body, timestamp).split("v1=")[1]!, "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookSenderOptions {
  /** Per request (ms); longer is a failed attempt. */
  timeoutMs?: number;
  /** Send only to public addresses, resolved once per connection (production default; see webhook-target.ts). */
  blockPrivateTargets?: boolean;
  /** Where deliveries may connect when `blockPrivateTargets` (default: the shared public-only targets). */
  targets?: WebhookTargets;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Sends one attempt of a delivery (jobs.ts runs it for each `webhook-delivery` job). */
export class WebhookSender {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: WebhookSenderOptions = {}) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
  }

  /** POSTs the delivery's event, signed; the outcome never throws (a failure is an outcome). */
  send(delivery: DueDelivery): Promise<AttemptOutcome> {
    return this.attempt(delivery, this.now(), this.options.timeoutMs ?? 10_000);
  }

  private async attempt(delivery: DueDelivery, now: Date, timeoutMs: number): Promise<AttemptOutcome> {
    const url = new URL(delivery.url);
    const targets = this.options.blockPrivateTargets
      ? (this.options.targets ?? defaultWebhookTargets())
      : null;
    const refusal = targets?.refusal(url);
    if (refusal) return { ok: false, statusCode: null, error: refusal };
    const body = JSON.stringify({
      id: delivery.eventId,
      type: eventType(delivery.topic),
      createdAt: delivery.eventCreatedAt.toISOString(),
      data: delivery.payload,
    });
    try {
      const response = await (targets?.fetch ?? this.fetch)(url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": "Shoppable-Webhooks/1",
          "shoppable-event-id": delivery.eventId,
          "shoppable-delivery-attempt": String(delivery.attempts + 1),
          "shoppable-signature": signWebhook(delivery.secret, body, Math.floor(now.getTime() / 1000)),
        },
        body,
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      const name = (error as Error).name;
      return {
        ok: false,
        statusCode: null,
        error:
          name === "TimeoutError"
            ? `No answer within ${timeoutMs} ms.`
            : `Request failed: ${failureReason(error)}`,
      };
    }
  }
}
