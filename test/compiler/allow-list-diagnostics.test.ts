// What apimc says about a name it cannot bind depends on APIM's allow-list (compiler/csharp/surface/
// apim-allow-list.ts): a type or member APIM allows but apimc lacks is "allowed in APIM policy
// expressions but apimc does not support it yet" (APIMC3009); a member APIM leaves out of a type whose
// members it lists, and the types it forbids, are "not allowed" (APIMC3005). One expression is
// generated per member of each kind, from the data, so the list cannot drift from the diagnostics.
import { describe, expect, it } from "vitest";
import "../../compiler/csharp/surface/index.js";
import { ALLOWED_TYPES, memberTitle, surfaceDefsOf, surfaceHas, surfaceKey, type AllowedType } from "../../compiler/csharp/surface/allow-list.js";
import { NOT_SUPPORTED } from "../../compiler/csharp/surface/allow-list-unsupported.js";
import { compile } from "../csharp/helpers.js";

const KEYWORDS: Record<string, string> = {
  "System.String": "string", "System.Boolean": "bool", "System.Byte": "byte", "System.SByte": "sbyte", "System.Char": "char",
  "System.Int16": "short", "System.UInt16": "ushort", "System.Int32": "int", "System.UInt32": "uint", "System.Int64": "long",
  "System.UInt64": "ulong", "System.Single": "float", "System.Double": "double", "System.Decimal": "decimal",
};
/** How an expression writes the type of a row (generic rows closed over int / string). */
function typeRef(row: AllowedType): string {
  if (KEYWORDS[row.type]) return KEYWORDS[row.type]!;
  if (row.type === "System.Array") return "int[]";
  if (row.type === "System.Tuple") return "Tuple<int, int, int, int>";
  if (row.type === "System.Nullable") return "Nullable<int>";
  // two allowed classes are named Extensions: C# needs the namespace
  if (row.type.endsWith(".Extensions")) return row.type;
  const simple = row.type.replace(/^([\w.]*\.)?(\w+)(<.*>)?$/, "$2");
  const args = /<(.*)>$/.exec(row.type)?.[1]?.split(",");
  return args ? `${simple}<${args.map((_, i) => (i === 0 && args.length === 2 ? "string" : "int")).join(", ")}>` : simple;
}
const staticRef = (row: AllowedType) => (row.type === "System.Array" ? "Array" : typeRef(row).replace(/<.*>$/, ""));

/** An expression that names member `key` of `row` (kind and static-ness from the data). */
function expressionFor(row: AllowedType, key: string, kind: string, isStatic: boolean): string {
  const t = typeRef(row);
  if (kind === "ctor") return `@(new ${t}())`;
  if (kind === "indexer") return `@{ ${t} v = default(${t}); return v[0]; }`;
  if (isStatic) return kind === "method" ? `@(${staticRef(row)}.${key}())` : `@(${staticRef(row)}.${key})`;
  return kind === "method" ? `@{ ${t} v = default(${t}); return v.${key}(); }` : `@{ ${t} v = default(${t}); return v.${key}; }`;
}

function diagnosticOf(source: string): { code: string; message: string } {
  const r = compile(source);
  expect(r.ok, `${source} compiled, but the surface does not declare the member`).toBe(false);
  const d = r.diagnostics[0]!;
  return { code: d.code, message: d.message };
}

const declared = ALLOWED_TYPES.filter((row) => surfaceDefsOf(row).length > 0);
const undeclared = ALLOWED_TYPES.filter((row) => surfaceDefsOf(row).length === 0);

describe("allowed but not supported yet: APIMC3009 names the member", () => {
  const cases = declared.flatMap((row) =>
    row.members.filter((m) => !surfaceHas(surfaceDefsOf(row), surfaceKey(m))).map((m) => ({ row, m, source: expressionFor(row, m[0], m[1], m[2] === 1) })),
  );
  it("there are such members (the table is not complete yet)", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [`${c.row.type}.${c.m[0]}`, c] as const))("%s", (_name, { row, m, source }) => {
    const d = diagnosticOf(source);
    expect(d.code, `${source}: ${d.message}`).toBe("APIMC3009");
    // the member by its allowed type, or (a static class of a generic family the surface has only in generic form) the type
    const title = memberTitle(row, surfaceKey(m));
    // a member apimc will never support says why (allow-list-unsupported.ts), the others "yet"
    const why = NOT_SUPPORTED[title];
    const expected = why ? `'${title}' is allowed in APIM policy expressions but apimc does not support it: ${why}.` : `'${title}' is allowed in APIM policy expressions but apimc does not support it yet`;
    expect(d.message.includes(expected) || d.message.includes(`'${row.type}' is allowed`), `${source}: ${d.message}`).toBe(true);
  });
});

describe("members not supported by design", () => {
  it("each names an allowed member the surface does not declare, with a reason", () => {
    const titles = new Map(ALLOWED_TYPES.flatMap((row) => row.members.map((m) => [memberTitle(row, surfaceKey(m)), { row, m }] as const)));
    for (const [title, why] of Object.entries(NOT_SUPPORTED)) {
      const hit = titles.get(title);
      expect(hit, `${title} is on the allow-list`).toBeDefined();
      expect(surfaceHas(surfaceDefsOf(hit!.row), surfaceKey(hit!.m)), `${title} is not declared`).toBe(false);
      expect(why.length).toBeGreaterThan(20);
    }
  });
});

describe("allowed types apimc does not declare: APIMC3009 names the type, by every way of writing it", () => {
  const cases = undeclared.flatMap((row) => {
    const simple = row.type.replace(/<.*>$/, "").replace(/^.*\./, "");
    const full = row.type.replace(/<.*>$/, "");
    const generic = row.type.endsWith(">") ? `<${row.type.replace(/^.*</, "").replace(/>$/, "").split(",").map(() => "int").join(", ")}>` : "";
    const written = [`@(${simple}${generic}.X)`, `@{ ${simple}${generic} v = default(${simple}${generic}); return 1; }`];
    if (!row.type.startsWith("System.TimeZoneInfo.")) written.push(`@(${full}${generic}.X)`, `@{ ${full}${generic} v = default(${full}${generic}); return 1; }`);
    else written.push(`@(${full}.X)`);
    return written.map((source) => ({ row, source }));
  });
  it.each(cases.map((c) => [c.source, c] as const))("%s", (_s, { row, source }) => {
    const d = diagnosticOf(source);
    expect(d.code, d.message).toBe("APIMC3009");
    // TimeZoneInfo.AdjustmentRule written with its outer type is named by the missing outer type
    const named = [row.type, ...(row.type.startsWith("System.TimeZoneInfo.") ? ["System.TimeZoneInfo"] : [])];
    expect(named.some((n) => d.message.includes(`'${n}' is allowed in APIM policy expressions but apimc does not support it yet`)), d.message).toBe(true);
  });
});

describe("not allowed: APIMC3005", () => {
  const restricted = declared.flatMap((row) =>
    (row.restricted ?? [])
      .filter(([k]) => !surfaceHas(surfaceDefsOf(row), k) && k !== ".ctor" && k !== "this[]")
      .map(([k, isStatic]) => ({ row, k, source: expressionFor(row, k, "method", isStatic === 1) })),
  );
  it("a restricted row leaves members out (DateTime, Regex, Enum, ...)", () => expect(restricted.length).toBeGreaterThan(10));
  it.each(restricted.map((c) => [`${c.row.type}.${c.k}`, c] as const))("%s is not allowed", (_n, { row, k, source }) => {
    const d = diagnosticOf(source);
    expect(d.code, `${source}: ${d.message}`).toBe("APIMC3005");
    expect(d.message).toContain(`'${memberTitle(row, k)}' is not allowed in APIM policy expressions`);
  });

  const forbidden = [
    "@(System.IO.File.ReadAllText(\"x\"))",
    "@(Environment.MachineName)",
    "@(new System.Net.Http.HttpClient())",
    "@(System.Reflection.Assembly.GetExecutingAssembly())",
    "@(System.Diagnostics.Process.Start(\"x\"))",
    "@(System.Threading.Thread.Sleep(1))",
    "@(Activator.CreateInstance(null))",
    "@(Console.ReadLine())",
  ];
  it.each(forbidden)("%s", (source) => {
    const d = diagnosticOf(source);
    expect(d.code, d.message).toBe("APIMC3005");
    expect(d.message).toMatch(/is not (available|allowed) in (APIM )?policy expressions/);
    expect(d.message).not.toMatch(/does not support it yet/);
  });
});
