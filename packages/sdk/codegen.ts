/**
 * GraphQL Code Generator configuration: types and string documents for every operation in
 * src/operations/ (one .graphql file per operation, fragments in src/operations/fragments/),
 * checked against packages/schema/schema.graphql. Run through `pnpm generate`
 * (scripts/generate.ts), which then writes the named client functions.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema/schema.graphql",
  documents: ["src/operations/**/*.graphql"],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    "src/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false, gqlTagName: "graphql" },
      config: {
        // Documents are strings (TypedDocumentString): no `graphql` package at run time.
        documentMode: "string",
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        futureProofEnums: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          DateTime: { input: "string", output: "string" },
          Decimal: { input: "string", output: "string" },
          URL: { input: "string", output: "string" },
          JSON: { input: "unknown", output: "unknown" },
        },
      },
    },
  },
};

export default config;
