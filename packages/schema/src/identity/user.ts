import { builder } from "../builder.ts";
import { ApiKeyKind, Role } from "@shoppable/db/enums";
import { hasRole, isSelfOrAdmin } from "../shared/access.ts";
import { mediaUrl } from "../shared/media-url.ts";

export const RoleEnum = builder.enumType(Role, { name: "Role" });
export const ApiKeyKindEnum = builder.enumType(ApiKeyKind, { name: "ApiKeyKind" });

export const UserType = builder.prismaNode("User", {
  id: { field: "id" },
  nullable: true,
  description: "A person on the host platform: buyer, creator, merchant staff or admin.",
  fields: (t) => ({
    handle: t.exposeString("handle"),
    displayName: t.exposeString("displayName", { nullable: true }),
    avatarUrl: t.string({ nullable: true, resolve: (u, _, ctx) => mediaUrl(ctx, u.avatarUrl) }),
    followerCount: t.exposeInt("followerCount"),
    followingCount: t.exposeInt("followingCount"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    isCreator: t.boolean({ resolve: (u) => hasRole(u, "CREATOR") }),
    email: t.string({
      nullable: true,
      description: "Visible to the user themself and to admins only.",
      resolve: (u, _args, ctx) => (isSelfOrAdmin(ctx, u.id) ? u.email : null),
    }),
  }),
});

const ViewerKey = builder.objectRef<{ kind: ApiKeyKind }>("ViewerApiKey").implement({
  fields: (t) => ({ kind: t.expose("kind", { type: ApiKeyKindEnum }) }),
});

/** The caller: the app's key and, when a user token was sent, the user. */
export const Viewer = builder.objectRef<{ kind: "viewer" }>("Viewer").implement({
  fields: (t) => ({
    apiKey: t.field({ type: ViewerKey, resolve: (_v, _a, ctx) => ({ kind: ctx.key.kind }) }),
    roles: t.field({
      type: [RoleEnum],
      description: "The user's roles; empty when no user token was sent.",
      resolve: (_v, _a, ctx) => ctx.user?.roles ?? [],
    }),
    user: t.prismaField({
      type: "User",
      nullable: true,
      resolve: (query, _v, _a, ctx) =>
        ctx.user ? ctx.db.user.findUnique({ ...query, where: { id: ctx.user.id } }) : null,
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({ type: Viewer, description: "The caller.", resolve: () => ({ kind: "viewer" as const }) }),
);
