// runtime/headers.ts on its own: case-insensitive names, several values a name, the comma-join rule
// and its exceptions, and the headers a policy cannot change. Generated over the runtime's own tables
// (every listed name, in several casings) and over names outside them.
import { describe, expect, it } from "vitest";
import { HOP_BY_HOP, HeaderMap, NO_COMMA_JOIN, PROTECTED_HEADERS, joinValues, setHeader, wireValue } from "../../runtime/headers.js";
import { PolicyError } from "../../runtime/errors.js";

/** The same name in several casings: lower, upper, title, alternating. */
function casings(name: string): string[] {
  const title = name.replace(/(^|-)([a-z])/g, (_, d, c: string) => d + c.toUpperCase());
  const alt = [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join("");
  return [...new Set([name, name.toUpperCase(), title, alt])];
}
const ORDINARY = ["x-custom", "accept", "content-type", "authorization", "x-forwarded-for", "cache-control"];

describe("headers: case-insensitive names, several values a name", () => {
  it("every casing of a name reads, tests and deletes the same entry; the first spelling is kept for the wire", () => {
    for (const name of [...ORDINARY, ...NO_COMMA_JOIN]) {
      const [first, ...others] = casings(name);
      for (const other of others) {
        const h = new HeaderMap();
        h.appendValues(first!, ["1"]);
        h.appendValues(other, ["2"]);
        expect(h.Count, other).toBe(1);
        expect(h.ContainsKey(other)).toBe(true);
        expect(h.Item(other)).toEqual(["1", "2"]);
        expect(h.Keys).toEqual([first]);
        h.delete(other.toUpperCase());
        expect(h.ContainsKey(first!)).toBe(false);
      }
    }
  });

  it("fromRaw keeps repeated lines as several values, in order, under the first spelling", () => {
    const h = HeaderMap.fromRaw(["X-A", "1", "x-a", "2", "X-B", "3", "X-A", "4"]);
    expect(h.toRecord()).toEqual({ "x-a": ["1", "2", "4"], "x-b": ["3"] });
    expect(h.Keys).toEqual(["X-A", "X-B"]);
  });

  it("the .NET surface: missing key throws KeyNotFound, GetValueOrDefault joins with ',' or gives the default", () => {
    const h = HeaderMap.from({ Accept: ["a", "b"] });
    expect(h.GetValueOrDefault("ACCEPT")).toBe("a,b");
    expect(h.GetValueOrDefault("x-none", "d")).toBe("d");
    expect(h.TryGetValue("x-none")).toBeUndefined();
    expect(() => h.Item("x-none")).toThrow(/x-none/);
    // Values handed out are copies: changing them does not change the map.
    h.Item("accept").push("c");
    expect(h.Item("accept")).toEqual(["a", "b"]);
  });
});

describe("headers: comma-joining on the wire and its exceptions", () => {
  it("names outside NO_COMMA_JOIN go out as one comma-joined line; listed names as repeated lines, in any casing", () => {
    for (const name of [...ORDINARY, ...NO_COMMA_JOIN]) {
      for (const spelled of casings(name)) {
        const h = new HeaderMap("response");
        h.appendValues(spelled, ["v1", "v 2"]);
        const wire = h.toWire();
        expect(Object.keys(wire), spelled).toEqual([spelled]);
        expect(wire[spelled], spelled).toEqual(NO_COMMA_JOIN.has(name) ? ["v1", "v 2"] : "v1,v 2");
      }
    }
  });

  it("the exception list holds what the set-header reference names (Set-Cookie, Date, User-Agent, ...)", () => {
    for (const n of ["set-cookie", "cookie", "date", "user-agent", "www-authenticate", "expires", "last-modified", "retry-after"]) expect(NO_COMMA_JOIN.has(n), n).toBe(true);
    for (const n of ORDINARY) expect(NO_COMMA_JOIN.has(n), n).toBe(false);
  });

  it("one value is never an array; joinValues joins with ',' without spaces", () => {
    for (const name of [...ORDINARY, ...NO_COMMA_JOIN]) expect(wireValue(name, ["only"])).toBe("only");
    expect(joinValues(["a", "b", "c"])).toBe("a,b,c");
  });

  it("hop-by-hop headers are not passed on, in any casing", () => {
    for (const name of HOP_BY_HOP)
      for (const spelled of casings(name)) {
        const h = new HeaderMap();
        h.appendValues(spelled, ["x"]);
        h.appendValues("x-keep", ["y"]);
        expect(Object.keys(h.toWire()), spelled).toEqual(["x-keep"]);
      }
  });
});

describe("headers: headers a policy cannot change", () => {
  const ACTIONS = ["override", "skip", "append", "delete"] as const;

  function policyError(f: () => void): PolicyError {
    try {
      f();
    } catch (e) {
      if (e instanceof PolicyError) return e;
      throw e;
    }
    throw new Error("no policy error");
  }

  it("every protected header, in every casing, for every action, on requests and responses: HeaderNotAllowed, map unchanged", () => {
    for (const name of PROTECTED_HEADERS)
      for (const spelled of casings(name))
        for (const action of ACTIONS)
          for (const kind of ["request", "response"] as const) {
            const h = HeaderMap.from({ [name]: "orig" }, kind);
            const e = policyError(() => setHeader(h, spelled, action, ["new"]));
            expect(e.reason, `${spelled} ${action} ${kind}`).toBe("HeaderNotAllowed");
            expect(h.toRecord()).toEqual({ [name]: ["orig"] });
          }
  });

  it("Server may be set on responses but not deleted; on requests it is an ordinary header", () => {
    for (const spelled of casings("server")) {
      const res = HeaderMap.from({ Server: "s" }, "response");
      expect(policyError(() => setHeader(res, spelled, "delete", [])).reason).toBe("HeaderNotAllowed");
      setHeader(res, spelled, "override", ["t"]);
      expect(res.Item("server")).toEqual(["t"]);
      const req = HeaderMap.from({ Server: "s" }, "request");
      setHeader(req, spelled, "delete", []);
      expect(req.ContainsKey("server")).toBe(false);
    }
  });

  it("ordinary headers follow the exists-action: override replaces, skip keeps, append adds, delete removes", () => {
    for (const name of ORDINARY) {
      const run = (action: string, present: boolean) => {
        const h = present ? HeaderMap.from({ [name]: "old" }) : new HeaderMap();
        setHeader(h, name.toUpperCase(), action, ["new"]);
        return h.TryGetValue(name) ?? null;
      };
      expect(run("override", true)).toEqual(["new"]);
      expect(run("override", false)).toEqual(["new"]);
      expect(run("skip", true)).toEqual(["old"]);
      expect(run("skip", false)).toEqual(["new"]);
      expect(run("append", true)).toEqual(["old", "new"]);
      expect(run("append", false)).toEqual(["new"]);
      expect(run("delete", true)).toBeNull();
    }
  });

  it("computed names and values are checked: not a token, a line break or NUL, an unknown action", () => {
    const h = new HeaderMap();
    for (const bad of ["", "a b", "a:b", "a\r\nb", "é"]) expect(policyError(() => setHeader(h, bad, "override", ["v"])).reason, JSON.stringify(bad)).toBe("ExpressionValueEvaluationFailure");
    for (const bad of ["a\nb", "a\rb", "a\0b"]) expect(policyError(() => setHeader(h, "x-a", "override", [bad])).reason).toBe("ExpressionValueEvaluationFailure");
    expect(policyError(() => setHeader(h, "x-a", "replace", ["v"])).reason).toBe("ExpressionValueEvaluationFailure");
    // null values are dropped, other values become strings
    setHeader(h, "x-a", "override", [null, 1, "s"]);
    expect(h.Item("x-a")).toEqual(["1", "s"]);
  });
});
