// The JObject model of runtime/dotnet/newtonsoft.ts (properties in an array, a name index past 8
// properties) against a Map-per-object model, and the fast paths of jconv, toJValue and jsonQuote
// against the general paths they shortcut.
import { describe, expect, it } from "vitest";
import { pick, rng } from "../helpers/rng.js";
import { JArray, JObject, JProperty, JToken, JValue, jconv, jsonQuote, parseJson, toJValue } from "../../runtime/dotnet/newtonsoft.js";

const outcome = (f: () => unknown): string => {
  try {
    const v = f();
    if (v instanceof JToken) return `token ${v.Type} ${v.ToString(0)}`;
    return `${typeof v} ${typeof v === "bigint" ? `${v}n` : Object.is(v, -0) ? "-0" : JSON.stringify(v)}`;
  } catch (e) {
    return `throws ${(e as Error).constructor.name} ${(e as Error).message}`;
  }
};

describe("JObject model", () => {
  it("random edits agree with a Map of properties (order, lookups, removal, re-adding), small and indexed objects", () => {
    const NAMES = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "1", "0", "__proto__", "constructor"];
    let indexed = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const r = rng(seed);
      const o = new JObject();
      const ref = new Map<string, number>();
      for (let step = 0; step < 60; step++) {
        const name = pick(r, NAMES);
        const k = r();
        if (k < 0.4) {
          const n = Math.floor(r() * 100);
          o.SetItem(name, new JValue(6, n));
          ref.set(name, n);
        } else if (k < 0.6) {
          expect(o.RemoveProperty(name)).toBe(ref.delete(name));
        } else if (k < 0.7) {
          const n = Math.floor(r() * 100);
          const had = ref.has(name);
          expect(outcome(() => o.Add(new JProperty(name, new JValue(6, n))))).toBe(had ? `throws DotNetException Can not add property ${name} to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.` : "undefined undefined");
          if (!had) ref.set(name, n);
        } else if (k < 0.8) {
          const p = o.Property(name);
          if (p) {
            const other = pick(r, NAMES);
            p.Replace(new JProperty(other, new JValue(6, 7)));
            // as the Map rebuild: the new property in p's place, a repeated name keeps its first place and the last value
            const m = new Map<string, number>();
            for (const [x, v] of ref) {
              if (x === name) m.set(other, 7);
              else m.set(x, v);
            }
            ref.clear();
            for (const [x, v] of m) ref.set(x, v);
          }
        } else {
          expect(o.ContainsKey(name)).toBe(ref.has(name));
          expect(outcome(() => o.Item(name))).toBe(ref.has(name) ? `token 6 ${ref.get(name)}` : "object null");
        }
        expect(o.Properties().map((p) => p.Name)).toEqual([...ref.keys()]);
        expect(o.Count).toBe(ref.size);
        if (ref.size > 8) indexed++;
        for (const p of o.Properties()) {
          expect(p.Parent).toBe(o);
          expect((p.Value as JValue).Value).toBe(ref.get(p.Name));
          expect(o.Item(p.Name)).toBe(p.Value);
        }
      }
      const text = o.ToString(0);
      expect(text).toBe(`{${[...ref].map(([x, v]) => `${JSON.stringify(x)}:${v}`).join(",")}}`);
      expect(JToken.DeepEquals(parseJson(text), o)).toBe(true);
      expect(JToken.DeepEquals(o.DeepClone(), o)).toBe(true);
    }
    expect(indexed).toBeGreaterThan(100);
  });
  it("the reader keeps the first place and the last value of a duplicate name, with and without the index", () => {
    for (let n = 1; n <= 20; n++) {
      const names = Array.from({ length: n }, (_, i) => `p${i}`);
      const r = rng(n);
      const doc: string[] = [];
      const ref = new Map<string, number>();
      for (let i = 0; i < n * 2; i++) {
        const name = pick(r, names);
        doc.push(`"${name}":${i}`);
        ref.set(name, i);
      }
      const o = parseJson(`{${doc.join(",")}}`) as JObject;
      expect(o.ToString(0)).toBe(`{${[...ref].map(([x, v]) => `"${x}":${v}`).join(",")}}`);
      for (const [x, v] of ref) expect((o.Item(x) as JValue).Value).toBe(v);
      expect(o.Item("missing")).toBe(null);
      for (const p of o.Properties()) expect(p.Parent).toBe(o);
    }
  });
});

describe("fast paths", () => {
  const values: JToken[] = [
    ...parseJson('[0, -0, 1, -1, 2147483648, 9007199254740993, 1.0, 1.5, -2.5, 2.5, 1e300, "1", "x", "", true, false, null, "2024-01-02T03:04:05Z", {"a":1}, [1]]').Children(),
    new JValue(7, NaN),
    new JValue(7, Infinity),
    new JValue(11, null),
    new JValue(8, null),
    new JProperty("p", new JValue(6, 1)),
  ];
  it("jconv to int, long, double, string, bool agrees with the general path (the nullable key of a non-null value)", () => {
    for (const t of values)
      for (const key of ["int", "long", "double", "string", "bool"]) {
        if (t instanceof JValue && (t.Value === null || t.Type === 10 || t.Type === 11)) continue;
        expect(outcome(() => jconv(t, key)), `${t.ToString(0)} ${key}`).toBe(outcome(() => jconv(t, `${key}?`)));
      }
  });
  it("jconv to token types returns the token or throws as before", () => {
    const arr = new JArray();
    const obj = new JObject();
    expect(jconv(arr, "JArray")).toBe(arr);
    expect(jconv(obj, "JObject")).toBe(obj);
    expect(jconv(obj, "JToken")).toBe(obj);
    expect(outcome(() => jconv(obj, "JArray"))).toBe("throws DotNetException Unable to cast object of type 'Newtonsoft.Json.Linq.JObject' to type 'Newtonsoft.Json.Linq.JArray'.");
    expect(outcome(() => jconv(arr, "JObject"))).toBe("throws DotNetException Unable to cast object of type 'Newtonsoft.Json.Linq.JArray' to type 'Newtonsoft.Json.Linq.JObject'.");
    expect(outcome(() => jconv(new JProperty("p", new JValue(6, 1)), "JObject"))).toMatch(/^throws /);
  });
  it("toJValue of strings and numbers agrees with the general path (the nullable type)", () => {
    for (const v of ["", "x", 0, -0, 1, 1.5, NaN, Infinity, 2 ** 60])
      for (const type of ["string", "double", "int"]) expect(outcome(() => toJValue(v, type)), `${String(v)} ${type}`).toBe(outcome(() => toJValue(v, `${type}?`)));
  });
  it("jsonQuote of short and long strings escapes as the regex-decided path", () => {
    const CHARS = ["a", "Z", " ", "é", "€", '"', "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\ud83d\ude00", "/"];
    const r = rng(9);
    const ref = (s: string) => JSON.stringify(s).replace(/[\x7f\x85\u2028\u2029]/g, (c) => (c === "\x7f" ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
    for (let k = 0; k < 5000; k++) {
      const len = Math.floor(r() * 45);
      let s = "";
      for (let i = 0; i < len; i++) s += r() < 0.8 ? "x" : pick(r, CHARS);
      expect(jsonQuote(s), JSON.stringify(s)).toBe(ref(s));
    }
  });
});

describe("reader numbers", () => {
  it("decimals without exponent read as Number() reads them (the exact-quotient fast path and the general one)", () => {
    const r = rng(31);
    for (let k = 0; k < 20000; k++) {
      const intLen = Math.floor(r() * 10);
      const fracLen = Math.floor(r() * 14);
      let tok = r() < 0.3 ? "-" : "";
      tok += intLen === 0 ? "0" : String(1 + Math.floor(r() * 9));
      for (let i = 1; i < intLen; i++) tok += String(Math.floor(r() * 10));
      tok += ".";
      for (let i = 0; i < fracLen; i++) tok += String(Math.floor(r() * 10));
      if (r() < 0.1) tok += "0000";
      const v = (parseJson(`[${tok}]`) as JArray).items[0] as JValue;
      expect(v.Type, tok).toBe(7);
      expect(Object.is(v.Value, Number(tok)), tok).toBe(true);
    }
    for (const tok of ["0.0", "-0.0", "1.", "-1.", "007.50", "0.1", "0.3", "123456789012345.0", "1234567890123456.0", "0.000000000000001", "9007199254740.993", "-999999999999999.9", "2.5e3", "1.0E-2"]) {
      const v = (parseJson(`[${tok}]`) as JArray).items[0] as JValue;
      expect(Object.is(v.Value, Number(tok)), tok).toBe(true);
    }
  });
});
