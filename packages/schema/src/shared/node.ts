/**
 * `node(id)` and `nodes(ids)`: any entity by its global id.
 *
 * An id that names nothing the caller may see is null, with no error: an absent object, an
 * object hidden from the caller (each node type's `findUnique` filters by who may see it, so a
 * hidden object is never loaded), and a malformed id (not base64 `Type:uuid`, or a type that
 * is not a node). The answer thus never tells a hidden object from an absent one, and in
 * `nodes` one bad id is null in its own slot while the others resolve.
 */
import { decodeGlobalID, resolveNodes } from "@pothos/plugin-relay";
import { type GraphQLResolveInfo, isObjectType } from "graphql";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { isUuid } from "./uuid.ts";
import { z } from "zod";
import { limits, listCost } from "../limits.ts";

/** The node a global id names, or null when it is malformed or its type is not a node. */
function parseNodeId(globalId: unknown, info: GraphQLResolveInfo): { typename: string; id: string } | null {
  if (typeof globalId !== "string" || globalId.length > 200) return null;
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    return null;
  }
  const type = info.schema.getType(decoded.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === "Node")) return null;
  return isUuid(decoded.id) ? { typename: decoded.typename, id: decoded.id.toLowerCase() } : null;
}

function loadNodes(ids: readonly unknown[], ctx: Context, info: GraphQLResolveInfo) {
  return resolveNodes(
    builder,
    ctx,
    info,
    ids.map((id) => parseNodeId(id, info)),
  );
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      "The object with this global id; null when it is absent, hidden from the caller, or the id is malformed.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx, info) => (await loadNodes([args.id], ctx, info))[0] as never,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `The objects with these global ids (at most ${limits.maxNodeIds}), in order; null in the slot of an id that \`node\` would answer null for.`,
    args: { ids: t.arg.idList({ required: true, validate: z.array(z.unknown()).max(limits.maxNodeIds) }) },
    complexity: listCost((args) =>
      Math.min((args.ids as unknown[] | undefined)?.length ?? 0, limits.maxNodeIds),
    ),
    resolve: (_root, args, ctx, info) => loadNodes(args.ids, ctx, info) as never,
  }),
}));
