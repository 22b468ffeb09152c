/**
 * Mutation payloads: `<Name>Payload { <entity>, userErrors }`. The entity is re-read after the
 * write with the GraphQL selection, so nested fields load in the same statement.
 */
import type { ObjectRef } from "@pothos/core";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type PrismaTypes from "@shoppable/db/pothos-types";
import { firstUserErrors, userErrorsCost, type UserErrorShape } from "./user-error.ts";

export interface PayloadShape {
  /** Database id of the entity the mutation acted on, or null when it failed. */
  id: string | null;
  userErrors: UserErrorShape[];
}

type Delegate = { findUnique(args: object): Promise<unknown> };

export function definePayload(
  name: string,
  entity: { field: string; model: keyof PrismaTypes & string },
  errorType: ObjectRef<any, any>,
) {
  const delegateName = entity.model[0]!.toLowerCase() + entity.model.slice(1);
  return builder.objectRef<PayloadShape>(`${name}Payload`).implement({
    fields: (t) => ({
      [entity.field]: t.prismaField({
        type: entity.model,
        nullable: true,
        resolve: (query: object, payload: PayloadShape, _args: unknown, ctx: Context) =>
          payload.id === null
            ? null
            : ((ctx.db as unknown as Record<string, Delegate>)[delegateName]!.findUnique({
                ...query,
                where: { id: payload.id },
              }) as never),
      } as never),
      userErrors: t.field({
        type: [errorType],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors) as never,
      }),
    }),
  });
}

export function failed(userErrors: UserErrorShape[]): PayloadShape {
  return { id: null, userErrors };
}

export function succeeded(id: string): PayloadShape {
  return { id, userErrors: [] };
}
