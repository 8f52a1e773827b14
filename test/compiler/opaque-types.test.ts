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
/** An expression making a value of each opaque type through allowed members (TextReader/TextWriter: none has that static type; a StringReader/StringWriter goes where they do). */
const MAKE: Record<string, string | null> = {
  JsonReader: `JToken.Parse("[1]").CreateReader()`,
  JsonWriter: `new JArray().CreateWriter()`,
  JTokenEqualityComparer: `JToken.EqualityComparer`,
  XmlReader: `XElement.Parse("<a/>").CreateReader()`,
  XmlWriter: `new XElement("a").CreateWriter()`,
  TextReader: null,
  TextWriter: null,
};

describe("opaque types", () => {
  it("the surface declares the reader, writer and comparer types as opaque, and this test knows each", () => {
    expect(OPAQUE.map((d) => d.name).sort()).toEqual(Object.keys(MAKE).sort());
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
  it.each(OPAQUE.filter((d) => MAKE[d.name]).flatMap((d) => uses(MAKE[d.name]!).map(([how, src]) => [d.name, how, src] as const)))("%s: %s is APIMC3005", (name, _how, src) => {
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
  it.each(OPAQUE.filter((d) => MAKE[d.name]).map((d) => [d.name, MAKE[d.name]!] as const))("%s: passing the value along with var compiles", (_name, make) => {
    const r = compile(`@{ var v = ${make}; var o = (object)v; return o == null ? "a" : "b"; }`);
    expect(r.ok, r.diagnostics.map((d) => d.message).join("; ")).toBe(true);
  });
});

// Overloads of allowed members that cannot work in a policy (Member.notSupported): APIMC3009 with the reason.
const REFUSED = allTypeNames()
  .flatMap((n) => lookupTypeAnyArity(n))
  .flatMap((d) => [...d.members.values()].flat().filter((m) => m.notSupported).map((m) => `${d.name}.${m.sig}`));
const CALLS: Record<string, string> = {
  "XElement.XElement Load(string uri)": `@(XElement.Load("f.xml").ToString())`,
  "XElement.XElement Load(string uri, LoadOptions options)": `@(XElement.Load("http://example.com/x", LoadOptions.None).ToString())`,
  "XElement.void Save(string fileName)": `@{ new XElement("a").Save("f.xml"); return "x"; }`,
  "XElement.void Save(string fileName, SaveOptions options)": `@{ new XElement("a").Save("f.xml", SaveOptions.None); return "x"; }`,
  "XDocument.void Save(string fileName)": `@{ new XDocument().Save("f.xml"); return "x"; }`,
  "XDocument.void Save(string fileName, SaveOptions options)": `@{ new XDocument().Save("f.xml", SaveOptions.DisableFormatting); return "x"; }`,
};
describe("overloads refused by design", () => {
  it("each refused overload has a call here", () => expect(REFUSED.sort()).toEqual(Object.keys(CALLS).sort()));
  it.each(Object.entries(CALLS))("%s is APIMC3009 with the reason", (_k, src) => {
    const r = compile(src);
    expect(r.ok, src).toBe(false);
    expect(r.diagnostics[0]!.code).toBe("APIMC3009");
    expect(r.diagnostics[0]!.message).toMatch(/does not support it: it (reads|writes) a file/);
  });
  it("the TextReader/TextWriter overloads next to them compile", () => {
    expect(compile(`@(XElement.Load(new StringReader("<a/>")).ToString())`).ok).toBe(true);
    expect(compile(`@{ var sw = new StringWriter(); new XDocument(new XElement("a")).Save(sw); return sw.ToString(); }`).ok).toBe(true);
  });
});
