/**
 * Where this package's files are (`packages/db`): its migrations, its Prisma schema and its
 * development dependencies. Found through the package's name, not the importing file's location,
 * so the answer is the same from the TypeScript source (tsx, vitest) and from a bundle that
 * inlines it elsewhere (the API's `packages/api/dist`, where `import.meta.url` is the bundle's).
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";

export const packageDir = dirname(createRequire(import.meta.url).resolve("@shoppable/db/package.json"));
