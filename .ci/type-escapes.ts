/**
 * Keeps the escapes from TypeScript's checks from growing: `as never`, `x as unknown as T` and
 * non-null assertions (`x!`), counted in the syntax tree of every tracked .ts/.tsx file outside
 * generated/ folders. Fails when a count is above the baseline in type-escapes.json; `--update`
 * writes the current counts there (after removing some, to lower the bar).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..");
const baselineFile = join(import.meta.dirname, "type-escapes.json");
type Counts = { asNever: number; asUnknownAs: number; nonNullAssertions: number };

const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((f) => f && !f.split("/").includes("generated") && !f.endsWith(".d.ts"));

const counts: Counts = { asNever: 0, asUnknownAs: 0, nonNullAssertions: 0 };
for (const file of files) {
  const text = readFileSync(join(root, file), "utf8");
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node)) {
      if (node.type.kind === ts.SyntaxKind.NeverKeyword) counts.asNever++;
      const inner = ts.isParenthesizedExpression(node.expression)
        ? node.expression.expression
        : node.expression;
      if (ts.isAsExpression(inner) && inner.type.kind === ts.SyntaxKind.UnknownKeyword) counts.asUnknownAs++;
    }
    if (ts.isNonNullExpression(node)) counts.nonNullAssertions++;
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (process.argv.includes("--update")) {
  writeFileSync(baselineFile, `${JSON.stringify(counts, null, 2)}\n`);
  console.log("type escapes baseline written:", counts);
} else {
  const baseline = JSON.parse(readFileSync(baselineFile, "utf8")) as Counts;
  const over = (Object.keys(counts) as (keyof Counts)[]).filter((k) => counts[k] > baseline[k]);
  console.log(
    "type escapes (now / baseline):",
    Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, `${v} / ${baseline[k as keyof Counts]}`])),
  );
  if (over.length) {
    console.error(
      `More type escapes than the baseline (${over.join(", ")}): type the code instead, or lower other escapes first.`,
    );
    process.exit(1);
  }
}
