// What the browser tests load: the SDK and the elements, bundled by esbuild as an app would.
export * from "../src/index.ts";
export * from "../src/elements/index.ts";
