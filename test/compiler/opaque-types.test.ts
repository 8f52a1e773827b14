// Types off APIM's allow-list whose values flow between allowed members (TypeDef.opaque: Json.NET's
// JsonReader/JsonWriter, JTokenEqualityComparer, System.Xml's XmlReader/XmlWriter): the flow compiles,
// naming the type or touching any member of it is APIMC3005. Generated over every opaque type of the
// surface and the ways an expression can name or use one.
import { describe, expect, it } from "vitest";
import "../../compiler/csharp/surface/index.js";
import { allTypeNames, lookupTypeAnyArity } from "../../compiler/csharp/types.js";
import { compile } from "../csharp/helpers.js";

const OPAQUE = allTypeNames()
  .flatMap((n) => lookupTypeAnyArity(n))
  .filter((d) => d.opaque);
/** An expression making a value of each opaque type through allowed members. */
const MAKE: Record<string, string> = {
  JsonReader: `JToken.Parse("[1]").CreateReader()`,
  JsonWriter: `new JArray().CreateWriter()`,
  JTokenEqualityComparer: `JToken.EqualityComparer`,
  XmlReader: `XElement.Parse("<a/>").CreateReader()`,
  XmlWriter: `new XElement("a").CreateWriter()`,
};

describe("opaque types", () => {
  it("the surface declares the reader, writer and comparer types as opaque", () => {
    expect(OPAQUE.map((d) => d.name).sort()).toEqual(Object.keys(MAKE).filter((n) => OPAQUE.some((d) => d.name === n)).sort());
    expect(OPAQUE.map((d) => d.name)).toEqual(expect.arrayContaining(["JsonReader", "JsonWriter", "JTokenEqualityComparer"]));
  });
  const uses = (make: string) => [
    [`member property`, `@{ var v = ${make}; return v.Depth.ToString(); }`],
    [`member method`, `@{ var v = ${make}; v.Close(); return "x"; }`],
    [`object member`, `@{ var v = ${make}; return v.ToString(); }`],
    [`indexer`, `@{ var v = ${make}; return v[0].ToString(); }`],
  ];
  const names = (t: string) => [
    [`declaration`, `@{ ${t} v = null; return "x"; }`],
    [`cast`, `@(((${t})null) == null ? "a" : "b")`],
    [`is`, `@((object)"s" is ${t} ? "a" : "b")`],
    [`static member`, `@(${t}.Create(null).ToString())`],
  ];
  it.each(OPAQUE.flatMap((d) => uses(MAKE[d.name]!).map(([how, src]) => [d.name, how, src] as const)))("%s: %s is APIMC3005", (name, _how, src) => {
    const r = compile(src!);
    expect(r.ok, src).toBe(false);
    expect(r.diagnostics[0]!.code, r.diagnostics[0]!.message).toBe("APIMC3005");
    expect(r.diagnostics[0]!.message).toContain(`${name} is not on APIM's allow-list`);
  });
  it.each(OPAQUE.flatMap((d) => names(d.name).map(([how, src]) => [d.name, how, src] as const)))("%s: naming it (%s) is APIMC3005", (name, _how, src) => {
    const r = compile(src!);
    expect(r.ok, src).toBe(false);
    expect(r.diagnostics[0]!.code, r.diagnostics[0]!.message).toBe("APIMC3005");
    expect(r.diagnostics[0]!.message).toContain(name);
  });
  it.each(OPAQUE.map((d) => [d.name, MAKE[d.name]!] as const))("%s: passing the value along with var compiles", (_name, make) => {
    const r = compile(`@{ var v = ${make}; var o = (object)v; return o == null ? "a" : "b"; }`);
    expect(r.ok, r.diagnostics.map((d) => d.message).join("; ")).toBe(true);
  });
});
