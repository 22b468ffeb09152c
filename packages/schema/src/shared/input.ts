/**
 * Mutation input validation with zod: failures become typed userErrors with the path of the
 * offending field, never thrown errors. Every domain's error code enum includes
 * `INPUT_ERROR_CODES`.
 */
import { decodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { isCurrencyCode } from "../money.ts";
import { userError, type UserErrorShape } from "./user-error.ts";

export const INPUT_ERROR_CODES = {
  BLANK: "Returned when a required text is empty.",
  TOO_LONG: "Returned when a text or list is longer than allowed.",
  TOO_SHORT: "Returned when a text or list is shorter than allowed.",
  LESS_THAN_MINIMUM:
    "Returned when a number is below its minimum (for example a negative price or quantity).",
  GREATER_THAN_MAXIMUM: "Returned when a number is above its maximum.",
  INVALID: "Returned when a value has the wrong format.",
  INVALID_ID: "Returned when an ID is malformed or names an object of another type.",
  UNKNOWN_CURRENCY: "Returned when a currency code is not an ISO 4217 currency.",
  NOT_FOUND: "Returned when an ID or handle names nothing the caller can see.",
} as const;

export type InputErrorCode = keyof typeof INPUT_ERROR_CODES;

import { UUID } from "./uuid.ts";

/** Decodes a relay global ID of the given type into the database id, or null. */
export function decodeId(globalId: string, typename: string): string | null {
  if (typeof globalId !== "string" || globalId.length > 200) return null;
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename && UUID.test(decoded.id) ? decoded.id.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** A zod type for a global ID of `typename`, decoded to the database id. */
export function globalId(typename: string) {
  return z.string().transform((value, ctx) => {
    const id = decodeId(value, typename);
    if (id === null) {
      ctx.addIssue({
        code: "custom",
        message: `Not a valid ${typename} ID.`,
        params: { code: "INVALID_ID" },
      });
      return z.NEVER;
    }
    return id;
  });
}

/** A required single-line text, trimmed, 1..max characters. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

export const currencyCode = z.string().refine(isCurrencyCode, {
  message: "Not an ISO 4217 currency code.",
  params: { code: "UNKNOWN_CURRENCY" },
});

/** An absolute http(s) URL of at most `max` characters. */
export function httpUrl(max: number) {
  return z
    .string()
    .max(max)
    .url()
    .refine((u) => /^https?:\/\//.test(u), "Must be an http(s) URL.");
}

/** A handle argument of a lookup (query fields): bounded so lookups stay cheap. */
export const handleArg = z.string().max(100);

/** URL-safe handle: lowercase letters, digits and single dashes. */
export const handle = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A handle uses lowercase letters, digits and single dashes.");

function codeOf<Extra extends string>(
  issue: z.core.$ZodIssue,
  extra: Readonly<Record<Extra, string>> | undefined,
): InputErrorCode | Extra {
  const custom = (issue as { params?: { code?: string } }).params?.code;
  if (custom && custom in INPUT_ERROR_CODES) return custom as InputErrorCode;
  if (custom && extra && custom in extra) return custom as Extra;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return issue.minimum === 1 ? "BLANK" : "TOO_SHORT";
      if (issue.origin === "array" || issue.origin === "set") return "TOO_SHORT";
      return "LESS_THAN_MINIMUM";
    case "too_big":
      if (issue.origin === "string" || issue.origin === "array" || issue.origin === "set") return "TOO_LONG";
      return "GREATER_THAN_MAXIMUM";
    default:
      return "INVALID";
  }
}

function describe(issue: z.core.$ZodIssue, path: string): string {
  const where = path ? `${path}: ` : "";
  if (issue.code === "too_big" && issue.origin === "string")
    return `${where}must be at most ${issue.maximum} characters.`;
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1)
    return `${where}must not be blank.`;
  return `${where}${issue.message}`;
}

/**
 * Parses `input` with `schema`; on failure returns one userError per problem (at most 20),
 * with `field` the path inside `input`. Custom issues may carry a code from `extra` (a domain's
 * own codes, such as an address's UNKNOWN_COUNTRY) in `params.code`.
 */
export function parseInput<S extends z.ZodType, Extra extends string = never>(
  schema: S,
  input: unknown,
  extra?: Readonly<Record<Extra, string>>,
): { ok: true; data: z.output<S> } | { ok: false; errors: UserErrorShape<InputErrorCode | Extra>[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map((p) => String(p));
    return userError(codeOf(issue, extra), describe(issue, path.join(".")), path.length ? path : null);
  });
  return { ok: false, errors };
}
