import { describe, expect, it } from "vitest";
import { matchPath } from "./router.tsx";

describe("matchPath", () => {
  it("matches the paths the API's affiliate redirect builds, decoding their segments", () => {
    expect(matchPath("/products/:handle", "/products/linen-shirt")).toEqual({ handle: "linen-shirt" });
    expect(matchPath("/posts/:id", "/posts/UG9zdDox%3D")).toEqual({ id: "UG9zdDox=" });
    expect(matchPath("/shops/:handle", "/shops/studio-nord/")).toEqual({ handle: "studio-nord" });
  });

  it("refuses other paths", () => {
    expect(matchPath("/products/:handle", "/products")).toBeNull();
    expect(matchPath("/products/:handle", "/shops/x")).toBeNull();
    expect(matchPath("/live/:id", "/live/a/b")).toBeNull();
  });
});
