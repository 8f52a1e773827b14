// Two APIs with the same path are a configuration error naming both (the path identifies an API;
// the gateway routes by longest prefix, so one of the two could never be reached). "Same" is
// computed by the rule stated in gateway/config.ts: without trailing slashes ("/" is the root, as
// ""), ignoring case. Generated: spellings of one path against each other, and against paths that
// only look alike (a prefix, a longer name, another segment), through validateConfig and through
// a gateway.json loaded from disk.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadGatewayConfig, validateConfig } from "../../gateway/config.js";

/** Build spellings of a path: as written, trailing slash(es), other letter cases. */
const spellings = (p: string) => [p, `${p}/`, `${p}//`, p.toUpperCase(), p.replace(/\b\w/g, (c) => c.toUpperCase()) + "/"];
const GROUPS = [["", "/"], spellings("/orders"), spellings("/orders/v2"), spellings("/a/b-c")];
const LOOKALIKES = ["/order", "/orders-old", "/ordersv2", "/orders/v", "/v2", "/a/b", "/a/b-c/d", "/x"];

const config = (paths: string[]) => ({ apis: paths.map((path, i) => ({ id: `api${i}`, path, serviceUrl: "http://127.0.0.1:9" })) });
const errorOf = (c: unknown): string | null => {
  try {
    validateConfig(c, "gateway.json");
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
};

describe("API paths are unique", () => {
  it("every two spellings of one path are rejected, naming the later API's path and the earlier API", () => {
    let n = 0;
    for (const group of GROUPS)
      for (const a of group)
        for (const b of group) {
          const m = errorOf(config([a, b]));
          expect({ a, b, m }).toEqual({ a, b, m: `gateway.json: apis[1].path: '${b}' is the path of API 'api0' too (apis[0].path '${a}'); each API needs its own path (paths are compared without trailing slashes and ignoring case)` });
          n++;
        }
    expect(n).toBe(GROUPS.reduce((s, g) => s + g.length * g.length, 0));
  });

  it("different paths are accepted, however alike they look", () => {
    const distinct = [...GROUPS.map((g) => g[0]!), ...LOOKALIKES];
    for (const a of distinct) for (const b of distinct) if (a !== b) expect({ a, b, m: errorOf(config([a, b])) }).toEqual({ a, b, m: null });
    expect(errorOf(config(distinct))).toBeNull();
  });

  it("the third of three APIs is reported against the first it repeats", () => {
    expect(errorOf(config(["/x", "/orders", "/Orders/"]))).toContain("apis[2].path: '/Orders/' is the path of API 'api1' too (apis[1].path '/orders')");
  });

  it("a gateway.json with two APIs on one path does not load", () => {
    const dir = mkdtempSync(join(tmpdir(), "apimc-paths-"));
    const file = join(dir, "gateway.json");
    writeFileSync(file, JSON.stringify(config(["/shop", "/shop/"])));
    expect(() => loadGatewayConfig(file)).toThrow(/apis\[1\]\.path: '\/shop\/' is the path of API 'api0' too/);
  });
});
