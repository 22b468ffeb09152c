/**
 * Expected failures are data: each domain has an error code enum and a `<Domain>UserError`
 * object implementing the `UserError` interface; payloads list them in `userErrors`.
 */
import { builder } from "../builder.ts";
import { limits, listCost } from "../limits.ts";

export interface UserErrorShape<Code extends string = string> {
  code: Code;
  /** Path to the input field at fault, relative to the mutation's `input`. */
  field: string[] | null;
  message: string;
}

export const UserErrorInterface = builder.interfaceRef<UserErrorShape>("UserError").implement({
  description: "An expected failure of a mutation, caused by its input or the state it acts on.",
  fields: (t) => ({
    field: t.stringList({
      nullable: true,
      description:
        'The path to the input field at fault, relative to `input`, such as ["variants", "0", "price"].',
      resolve: (e) => e.field,
    }),
    message: t.exposeString("message", { description: "A sentence for developers; not localised." }),
  }),
});

/** Declares `<Domain>ErrorCode` and `<Domain>UserError` for a list of codes with descriptions. */
export function defineUserError<const Codes extends Record<string, string>>(domain: string, codes: Codes) {
  const values: Record<string, { value: string; description: string }> = Object.fromEntries(
    Object.entries(codes).map(([code, description]) => [code, { value: code, description }]),
  );
  const codeEnum = builder.enumType(`${domain}ErrorCode`, { values });
  const type = builder
    .objectRef<UserErrorShape<Extract<keyof Codes, string>>>(`${domain}UserError`)
    .implement({
      interfaces: [UserErrorInterface],
      fields: (t) => ({
        code: t.field({ type: codeEnum, resolve: (e) => e.code as never }),
      }),
    });
  return { codeEnum, type, codes: Object.keys(codes) as Extract<keyof Codes, string>[] };
}

export function userError<Code extends string>(
  code: Code,
  message: string,
  field: (string | number)[] | null = null,
): UserErrorShape<Code> {
  return { code, message, field: field?.map(String) ?? null };
}

/** A payload's `userErrors` list: at most `limits.maxUserErrors`, the first found. */
export const userErrorsCost = listCost(limits.maxUserErrors);

export function firstUserErrors<E>(errors: readonly E[]): E[] {
  return errors.slice(0, limits.maxUserErrors);
}
