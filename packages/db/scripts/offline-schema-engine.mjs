#!/usr/bin/env node
// Stand-in for Prisma's native schema engine on machines that cannot download it (see
// prisma.config.ts). `prisma generate` never starts the engine; any other command that would
// lands here and is told where the offline equivalents are.
process.stderr.write(
  [
    "Prisma's native schema engine is not installed on this machine (it could not be downloaded).",
    "Shoppable runs the same engine compiled to WebAssembly instead:",
    "  pnpm db:migrate                 apply pending migrations (DATABASE_URL or the embedded database)",
    "  pnpm db:migrate:create <name>   write a new migration from changes to prisma/schema.prisma",
    "  pnpm check                      fail when the schema and the migrations disagree",
    "",
  ].join("\n"),
);
process.exit(1);
