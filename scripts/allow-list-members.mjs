// `npm run allow-list:members`: expands APIM's allow-list (compiler/csharp/surface/apim-allow-list-docs.ts)
// into member names: for every row whose members are "All", the public members of the .NET type, read
// by reflection from Mono's class libraries (API-compatible with .NET Framework 4.x) and the
// Newtonsoft.Json in Mono's GAC. Writes compiler/csharp/surface/apim-allow-list.json. Needs mcs and mono
// (as `npm run record:csharp`); the output is committed, so nothing else needs Mono.
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { allowListJson } from "./allow-list-json.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "apimc-allow-list-"));
try {
  const docsJs = join(work, "docs.mjs");
  await build({ entryPoints: [join(root, "compiler/csharp/surface/apim-allow-list-docs.ts")], outfile: docsJs, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
  const { ALLOW_LIST_ROWS } = await import(pathToFileURL(docsJs).href);

  // Reflection names of the .NET types a row stands for (generic families and nested types spelled the CLR way).
  const clrNames = (type) => {
    if (type === "System.Nullable") return ["System.Nullable", "System.Nullable`1"];
    if (type === "System.Tuple") return ["System.Tuple", ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `System.Tuple\`${n}`)];
    const generic = /^(.*)<(.*)>$/.exec(type);
    if (generic) return [`${generic[1]}\`${generic[2].split(",").length}`];
    if (type.startsWith("System.TimeZoneInfo.")) return [type.replace("TimeZoneInfo.", "TimeZoneInfo+")];
    return [type];
  };
  // Mono 6.8's class libraries carry members .NET Core added later, which .NET Framework 4.8 (APIM's
  // runtime) lacks; span-based signatures are dropped by the program below, these by name (each is
  // listed as .NET Core 2.0+/3.0+ only in the "Applies to" section of its learn.microsoft.com page).
  const NOT_IN_NETFX = {
    "System.Math": ["Acosh", "Asinh", "Atanh", "Cbrt", "Clamp", "BitDecrement", "BitIncrement", "CopySign", "FusedMultiplyAdd", "ILogB", "Log2", "ScaleB"],
    "System.Double": ["IsFinite", "IsNegative", "IsNormal", "IsSubnormal"],
    "System.Single": ["IsFinite", "IsNegative", "IsNormal", "IsSubnormal"],
    "System.String": ["Create"],
    "System.StringComparer": ["FromComparison"],
    "System.Text.StringBuilder": ["AppendJoin", "GetChunks"],
    "System.Collections.Generic.Dictionary\`2": ["TryAdd", "EnsureCapacity"],
    "System.Collections.Generic.HashSet\`1": ["EnsureCapacity"],
    "System.Collections.Generic.Queue\`1": ["TryPeek", "TryDequeue", "EnsureCapacity"],
    "System.Collections.Generic.Stack\`1": ["TryPeek", "TryPop", "EnsureCapacity"],
    "System.Collections.Generic.KeyValuePair\`2": ["Deconstruct"],
    "System.Linq.Enumerable": ["SkipLast", "TakeLast"],
    "System.BitConverter": ["SingleToInt32Bits", "Int32BitsToSingle"],
    "System.Array": ["Fill"],
    "System.TimeSpan": ["Divide", "Multiply"],
    "System.Security.Cryptography.AsymmetricAlgorithm": ["ExportEncryptedPkcs8PrivateKey", "ExportPkcs8PrivateKey", "ExportSubjectPublicKeyInfo", "ImportEncryptedPkcs8PrivateKey", "ImportPkcs8PrivateKey", "ImportSubjectPublicKeyInfo"],
    "System.Security.Cryptography.RSA": ["ExportRSAPrivateKey", "ExportRSAPublicKey", "ImportRSAPrivateKey", "ImportRSAPublicKey"],
    "System.Xml.Linq.XDocument": ["LoadAsync", "SaveAsync", "WriteToAsync"],
    "System.Xml.Linq.XElement": ["LoadAsync", "SaveAsync", "WriteToAsync"],
    ...Object.fromEntries(["XNode", "XComment", "XText", "XCData", "XProcessingInstruction", "XDocumentType"].map((t) => [`System.Xml.Linq.${t}`, ["WriteToAsync"]])),
  };
  const rows = ALLOW_LIST_ROWS.map((r) => ({ ...r, clr: clrNames(r.type) }));
  const gac = "/usr/lib/mono/gac/Newtonsoft.Json";
  const newtonsoft = join(gac, readdirSync(gac).sort().reverse()[0], "Newtonsoft.Json.dll");

  const program = String.raw`using System;
using System.Linq;
using System.Reflection;
using System.Collections.Generic;
public static class Dump {
  static readonly Assembly[] Assemblies = {
    typeof(object).Assembly, typeof(Uri).Assembly, typeof(Enumerable).Assembly, typeof(System.Xml.Linq.XElement).Assembly,
    typeof(System.Xml.XmlNodeType).Assembly, typeof(Newtonsoft.Json.Linq.JToken).Assembly,
    typeof(System.Security.Cryptography.X509Certificates.X509Certificate2).Assembly,
  };
  static string Kind(MemberInfo m) {
    switch (m.MemberType) {
      case MemberTypes.Constructor: return "ctor";
      case MemberTypes.Method: return "method";
      case MemberTypes.Field: return "field";
      case MemberTypes.Property: return ((PropertyInfo)m).GetIndexParameters().Length > 0 ? "indexer" : "prop";
      case MemberTypes.Event: return "event";
      default: return null;
    }
  }
  static bool IsStatic(MemberInfo m) {
    var mb = m as MethodBase; if (mb != null) return mb.IsStatic;
    var f = m as FieldInfo; if (f != null) return f.IsStatic;
    var p = m as PropertyInfo; if (p != null) { var g = p.GetGetMethod() ?? p.GetSetMethod(); return g != null && g.IsStatic; }
    return false;
  }
  // Span, Memory, ValueTask and IAsyncEnumerable do not exist in .NET Framework 4.x: a signature that uses one is .NET Core's
  static bool CoreOnlyType(Type t) {
    if (t == null) return false;
    if (t.HasElementType) return CoreOnlyType(t.GetElementType());
    var n = t.IsGenericType ? t.GetGenericTypeDefinition().FullName ?? t.Name : t.FullName ?? t.Name;
    if (n.StartsWith("System.Span") || n.StartsWith("System.ReadOnlySpan") || n.StartsWith("System.Memory") || n.StartsWith("System.ReadOnlyMemory")
        || n.StartsWith("System.Threading.Tasks.ValueTask") || n.StartsWith("System.Collections.Generic.IAsyncEnumerable") || n.StartsWith("System.Buffers.")) return true;
    return t.IsGenericType && t.GetGenericArguments().Any(CoreOnlyType);
  }
  static bool CoreOnly(MemberInfo m) {
    var mb = m as MethodBase;
    if (mb != null) return mb.GetParameters().Any(p => CoreOnlyType(p.ParameterType)) || (mb is MethodInfo && CoreOnlyType(((MethodInfo)mb).ReturnType));
    var p2 = m as PropertyInfo; if (p2 != null) return CoreOnlyType(p2.PropertyType);
    var f = m as FieldInfo; if (f != null) return CoreOnlyType(f.FieldType);
    return false;
  }
  public static void Main(string[] args) {
    foreach (var name in args) {
      Type t = null;
      foreach (var a in Assemblies) { t = a.GetType(name); if (t != null) break; }
      if (t == null) { Console.WriteLine(name + "\t!missing"); continue; }
      var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
      foreach (var m in t.GetMembers(flags)) {
        var kind = Kind(m);
        if (kind == null) continue;
        var mb = m as MethodBase;
        // accessors, operators and explicit interface implementations are not members a policy names
        if (mb != null && mb.IsSpecialName && kind != "ctor") continue;
        if (kind == "field" && m.Name == "value__") continue;
        var n = kind == "ctor" ? "(Constructor)" : kind == "indexer" ? "Item" : m.Name;
        Console.WriteLine(name + "\t" + n + "\t" + kind + "\t" + (IsStatic(m) ? "static" : "instance") + "\t" + (CoreOnly(m) ? "core" : "fx"));
      }
    }
  }
}`;
  writeFileSync(join(work, "dump.cs"), program);
  execFileSync("mcs", ["-nologo", "-r:System.Core", "-r:System.Xml", "-r:System.Xml.Linq", `-r:${newtonsoft}`, "-out:" + join(work, "dump.exe"), join(work, "dump.cs")]);
  const out = execFileSync("mono", [join(work, "dump.exe"), ...rows.flatMap((r) => r.clr)], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  const byClr = new Map();
  for (const line of out.split("\n").filter(Boolean)) {
    const [clr, name, kind, scope, origin] = line.split("\t");
    if (name === "!missing") throw new Error(`${clr}: not found in the class libraries`);
    if (origin === "core" || NOT_IN_NETFX[clr]?.includes(name)) continue;
    const list = byClr.get(clr) ?? [];
    list.push({ name, kind, isStatic: scope === "static" });
    byClr.set(clr, list);
  }
  const version = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8" }).split("\n")[0].trim();
  const types = rows.map((r) => {
    // one entry a member name; the overload count says how many .NET signatures share it
    const members = new Map();
    for (const m of r.clr.flatMap((c) => byClr.get(c) ?? [])) {
      const key = m.name;
      const prev = members.get(key);
      if (prev) prev.overloads++;
      else members.set(key, { name: m.name, kind: m.kind, isStatic: m.isStatic, overloads: 1 });
    }
    const everything = [...members.values()];
    let list = everything;
    if (r.members !== "All") {
      const named = new Set(r.members);
      const missing = r.members.filter((n) => !members.has(n));
      if (missing.length) throw new Error(`${r.type}: the docs name ${missing.join(", ")}, which the class libraries lack`);
      list = list.filter((m) => named.has(m.name));
    }
    if (r.except) list = list.filter((m) => !r.except.includes(m.name));
    const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    list.sort(byName);
    // .NET members the row leaves out, keyed as the surface keys members (constructor ".ctor", indexer "this[]")
    const key = (m) => (m.kind === "ctor" ? ".ctor" : m.kind === "indexer" ? "this[]" : m.name);
    const restricted = everything.filter((m) => !list.includes(m)).sort(byName).map((m) => [key(m), m.isStatic ? 1 : 0]);
    return { type: r.type, clr: r.clr, docs: r.members, members: list.map((m) => [m.name, m.kind, m.isStatic ? 1 : 0, m.overloads]), restricted };
  });
  const readFrom = `${version("mono", ["--version"]).replace(/ \(.*/, "")} class libraries and Newtonsoft.Json ${newtonsoft.split("/").at(-2)}`;
  writeFileSync(join(root, "compiler/csharp/surface/apim-allow-list.json"), allowListJson(types, readFrom));
  console.log(`${types.length} types, ${types.reduce((n, t) => n + t.members.length, 0)} member names`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
