// Operation matching: an index by first literal segment, keeping configuration order.
import { describe, expect, it } from "vitest";
import { candidates, compileTemplate, firstLiteral, indexOperations, type ApiRoute, type OperationRoute } from "../../gateway/routes.js";

const op = (id: string, urlTemplate: string, order: number) =>
  ({ id, urlTemplate, method: "GET", match: compileTemplate({ urlTemplate }), first: firstLiteral(urlTemplate), order }) as unknown as OperationRoute;

describe("operation index", () => {
  const ops = [op("any-id", "/{id}", 0), op("items", "/items/{id}", 1), op("orders", "/orders/{id}?v={v}", 2), op("all", "/*", 3), op("items2", "/items", 4)];
  const api = { index: indexOperations(ops) } as ApiRoute;
  const first = (path: string, query = "") =>
    candidates(api, path).find((o) => o.match(path, () => new URLSearchParams(query)))?.id;

  it("keeps configuration order across indexed and parameter-first templates", () => {
    expect(candidates(api, "/items/1").map((o) => o.id)).toEqual(["any-id", "items", "all", "items2"]);
    expect(first("/items/1")).toBe("items");
    expect(first("/x")).toBe("any-id");
  });

  it("matches query template parameters only when present", () => {
    expect(first("/orders/7", "v=2")).toBe("orders");
    expect(first("/orders/7")).toBe("all");
  });

  it("indexes literal first segments only", () => {
    expect([firstLiteral("/items/{id}"), firstLiteral("/{id}"), firstLiteral("/*"), firstLiteral("/")]).toEqual(["items", null, null, null]);
  });
});
