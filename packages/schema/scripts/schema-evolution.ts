/**
 * Schema evolution: third parties build against schema.graphql, so a release may only break
 * what the previous release announced. `breakingChanges(released, current)` compares the
 * current schema with the last released one (released/schema.graphql) with GraphQL Inspector
 * and returns the changes that would break a client: a field, argument, enum value or input
 * field removed or changed incompatibly, an argument or input field made required, and so on.
 * Removing a field, enum value or input field is allowed only when the released schema already
 * marked it `@deprecated` (Inspector's suppressRemovalOfDeprecatedField rule).
 *
 * `pnpm check` fails on any; `pnpm schema:release` records the current schema as released.
 */
import { CriticalityLevel, DiffRule, diff, type Change } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export async function breakingChanges(releasedSdl: string, currentSdl: string): Promise<Change[]> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl), [
    DiffRule.suppressRemovalOfDeprecatedField,
  ]);
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/** The lines `pnpm check` prints for breaking changes. */
export function describeBreakingChanges(changes: readonly Change[]): string {
  return changes.map((change) => `  - ${change.message}${change.path ? ` (${change.path})` : ""}`).join("\n");
}
