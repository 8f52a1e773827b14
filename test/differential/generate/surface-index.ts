// The surface index: every member of the compiler's surface tables the generator can call, with
// generic owners and methods instantiated over a few types, by return type; the skip lists say why
// a member is left out. Also the names, areas and enums the generator reads off the surface.
import "../../../compiler/csharp/index.js";
import { allTypeNames, lookupTypeAnyArity, signatureOf, substitute, type Member, type Type, type TypeDef } from "../../../compiler/csharp/types.js";
import { parseTypeText, typeText } from "./type-text.js";

/** A member instantiated over concrete types: receiver (null for static), parameter and return types. */
export interface Callable {
  m: Member;
  owner: TypeDef;
  recv: string | null;
  params: { type: string; mod: string; name: string; optional: boolean }[];
  ret: string;
  typeArgs: string[];
  /** Extension method called as `recv.Name(...)` with the first parameter as receiver. */
  ext: boolean;
}

/** Members whose results are not deterministic, or that the reference cannot run (no context, no network). */
const SKIP_MEMBERS = new Set([
  "DateTime.Now",
  "DateTime.UtcNow",
  "DateTime.Today",
  "DateTimeOffset.Now",
  "DateTimeOffset.UtcNow",
  "Guid.NewGuid",
  // hash codes are the runtime's own (string hashes differ between .NET Framework builds and Mono)
  "GetHashCode",
  "DateTime.ToLocalTime",
  "DateTime.IsDaylightSavingTime",
  "DateTimeOffset.LocalDateTime",
  "Enum.Parse",
  "Enum.TryParse",
  "Convert.ChangeType",
  "string.Normalize",
  "object.GetType",
  "JToken.Values",
  "JToken.Value",
  "JToken.ToObject",
  "Extensions.Value",
  "JsonConvert.DeserializeObject",
  // Environment.NewLine is "\n" on Mono/Linux, "\r\n" on APIM's Windows: a length or index differs
  "AppendLine",
  // a StringBuilder's capacity is its runtime's chunk growth (Mono's differs from .NET Framework's MakeRoom/ExpandByABlock)
  "StringBuilder.Capacity",
  "StringBuilder.EnsureCapacity",
  // a List's capacity after ToList() of a LINQ iterator: Mono's System.Linq (corefx) sizes it exactly
  // (IIListProvider: Range, Select over an array, ...), .NET Framework's grows it by adds
  // (allow-sys-cases.ts capacity.* test it on the lists both build alike)
  "List.Capacity",
]);
/**
 * Members whose result depends on a freshly generated key (RSA.Create(), AsymmetricAlgorithm.Create(),
 * new HMACSHA256(), Aes.Create() pick random keys): not deterministic, so not compared. Members that
 * take the key or only check it (VerifyData, CreateEncryptor(key, iv), KeySize) stay.
 */
const RANDOM_KEY_MEMBERS = new Set(["AsymmetricAlgorithm.ToXmlString", "RSA.ExportParameters", "RSA.SignData", "RSA.SignHash", "RSA.Encrypt", "RSA.EncryptValue", "SymmetricAlgorithm.Key", "SymmetricAlgorithm.IV", "KeyedHashAlgorithm.Key"]);
/** The same for parameterless members and constructors: CreateEncryptor() uses the random Key/IV, new HMACSHA256() a random key. */
const RANDOM_KEY_NO_ARGS = /^(?:SymmetricAlgorithm\.Create(?:En|De)cryptor|HMAC\w*\.\.ctor)$/;
function randomKeyMember(def: TypeDef, m: Member, paramCount: number): boolean {
  const name = `${def.name}.${m.name}`;
  return RANDOM_KEY_MEMBERS.has(name) || (paramCount === 0 && RANDOM_KEY_NO_ARGS.test(name));
}
/**
 * Surface rows the generator cannot call as the table types them, or that the reference (Mono's .NET
 * Framework profile) lacks: ThenBy/ThenByDescending need an IOrderedEnumerable (the table types them
 * over IEnumerable; linqChain and the anonymous templates call them after OrderBy), InDocumentOrder
 * needs T : XNode (the generator instantiates over value types and string), ToIsoString is an
 * apimc/APIM extension, and IDictionary has no GetValueOrDefault in C# (CollectionExtensions, .NET Core only, extends IReadOnlyDictionary).
 */
const NOT_ON_REFERENCE = new Set(["Enumerable.ThenBy", "Enumerable.ThenByDescending", "Extensions.InDocumentOrder", "DateTime.ToIsoString", "DateTimeOffset.ToIsoString", "IDictionary.GetValueOrDefault"]);
const SKIP_TYPES = new Set(["Random", "RNGCryptoServiceProvider", "RandomNumberGenerator", "Exception", "Type", "Jwt", "JwtClaims", "BasicAuthCredentials", "ApimExtensions", "Console"]);
const SKIP_NS = ["Microsoft.Azure.ApiManagement", "System.Security.Cryptography.X509Certificates"];

/** Instantiations of a generic owner's type parameters. */
function ownerInstances(def: TypeDef): string[][] {
  const n = def.typeParams.length;
  if (n === 0) return [[]];
  if (def.name === "Nullable") return [["int"], ["double"], ["DateTime"]];
  if (n === 1) return [["int"], ["string"], ["double"], ["long"], ["decimal"]];
  if (n === 2 && /Dictionary|KeyValuePair/.test(def.name)) return [["string", "int"], ["string", "string"], ["int", "string"]];
  return [];
}

/** Methods whose type parameter is constrained to reference types. */
const CLASS_CONSTRAINED = new Set(["Annotation", "Annotations", "RemoveAnnotations"]);
/** Element types an extension method's source sequence is instantiated over. */
const ELEMS = ["int", "string", "double", "long", "decimal", "bool", "char", "DateTime"];
/** Choices for a method's own type parameters not fixed by its receiver. */
const METHOD_TARGS = ["int", "string", "double", "long", "decimal", "bool"];

let INDEX: Map<string, Callable[]> | null = null;
/** Every callable by return type. */
export function surfaceIndex(): Map<string, Callable[]> {
  if (INDEX) return INDEX;
  const byRet = new Map<string, Callable[]>();
  const add = (c: Callable) => {
    const list = byRet.get(c.ret) ?? [];
    list.push(c);
    byRet.set(c.ret, list);
  };
  const defs = new Set<TypeDef>();
  for (const name of allTypeNames()) for (const d of lookupTypeAnyArity(name)) defs.add(d);
  for (const def of defs) {
    if (SKIP_TYPES.has(def.name) || SKIP_NS.some((ns) => def.ns.startsWith(ns)) || def.forbidden) continue;
    const tables: [Map<string, Member[]>, boolean][] = [[def.members, false]];
    if (def.extensions) tables.push([def.extensions, true]);
    for (const [table, isExt] of tables) {
      for (const list of table.values()) {
        for (const m of list) {
          if (SKIP_MEMBERS.has(`${def.name}.${m.name}`) || SKIP_MEMBERS.has(m.name) || NOT_ON_REFERENCE.has(`${def.name}.${m.name}`)) continue;
          // an overload apimc refuses by design (XElement.Load(string uri): a file or URL)
          if (m.notSupported) continue;
          let sig;
          try {
            sig = signatureOf(m);
          } catch {
            continue;
          }
          if (randomKeyMember(def, m, sig.params.length)) continue;
          for (const inst of ownerInstances(def)) {
            const map = new Map<string, Type>();
            def.typeParams.forEach((tp, i) => map.set(tp, parseTypeText(inst[i]!)));
            const ownerText = def.typeParams.length ? `${def.name}<${inst.join(", ")}>` : def.name;
            // method type parameters: the first from an extension receiver IEnumerable<TSource> over ELEMS
            const mtps = sig.typeParams;
            const combos: string[][] = [];
            if (mtps.length === 0) combos.push([]);
            else {
              for (let k = 0; k < 6; k++) {
                combos.push(mtps.map((_, j) => (j === 0 ? ELEMS[k % ELEMS.length]! : METHOD_TARGS[(k * 3 + j) % METHOD_TARGS.length]!)));
              }
            }
            for (const targs of combos) {
              // Annotation<T>() and its kin require `where T : class`: mcs rejects a value type there
              if (CLASS_CONSTRAINED.has(m.name) && targs.some((t) => t !== "string")) continue;
              const mm = new Map(map);
              mtps.forEach((tp, i) => mm.set(tp, parseTypeText(targs[i]!)));
              const conc = (t: Type) => typeText(substitute(t, mm));
              const params = sig.params.map((p) => ({ type: conc(p.type), mod: p.mod, name: p.name, optional: p.def !== undefined }));
              if (params.some((p) => p.mod === "out" || p.mod === "ref" || p.type.includes("?error"))) continue;
              const ret = m.kind === "ctor" ? ownerText : conc(sig.ret);
              if (ret.includes("?error")) continue;
              const ext = isExt;
              const recv = m.isStatic || m.kind === "ctor" ? null : ownerText;
              if (def.isStatic && !m.isStatic) continue;
              add({ m, owner: def, recv, params, ret, typeArgs: targs, ext });
            }
          }
        }
      }
    }
  }
  INDEX = byRet;
  return byRet;
}

/** How a static member's owner is written in a call (its name as the surface has it). */
export function staticName(owner: string): string {
  return owner;
}
/**
 * A generic extension method whose type parameters are not all inferable from its parameters
 * (Cast<T>, OfType<T>, JToken Values<U>(this IEnumerable<JToken>)) is written with its type
 * arguments: without them C# picks another overload (the non-generic Values()) or none.
 */
export function needsExplicitTypeArgs(m: Member): boolean {
  if (m.name === "Cast" || m.name === "OfType") return true;
  let sig;
  try {
    sig = signatureOf(m);
  } catch {
    return false;
  }
  const mentioned = sig.params.map((p) => typeText(p.type)).join(" ");
  return sig.typeParams.some((tp) => !new RegExp(`\\b${tp}\\b`).test(mentioned));
}

/** The area a member's owner belongs to: the label its generated nodes carry. */
export function areaOf(def: TypeDef): string {
  if (def.ns.startsWith("Newtonsoft")) return "json";
  if (def.ns.startsWith("System.Xml")) return "xml";
  if (def.ns === "System.Linq") return "linq";
  if (def.ns.startsWith("System.Collections")) return "collections";
  if (["DateTime", "DateTimeOffset", "TimeSpan"].includes(def.name)) return def.name.toLowerCase();
  if (["string", "StringBuilder", "char"].includes(def.name)) return "strings";
  if (["Uri", "WebUtility", "HttpUtility"].includes(def.name)) return "uri";
  if (["double", "float", "decimal", "int", "long", "Math", "Convert", "BitConverter"].includes(def.name)) return def.name === "double" || def.name === "Math" ? "double" : "numbers";
  return def.name.toLowerCase();
}

let ENUMS: Map<string, string[]> | null = null;
/** The constant members of a value type made only of constants (an enum): its member names. */
export function enumValues(name: string): string[] | null {
  if (!ENUMS) {
    ENUMS = new Map();
    for (const n of allTypeNames()) {
      for (const d of lookupTypeAnyArity(n)) {
        const ms = [...d.members.values()].flat();
        if (d.valueType && ms.length && ms.every((m) => m.kind === "field" && m.constant !== undefined)) ENUMS.set(d.name, ms.map((m) => m.name));
      }
    }
  }
  return ENUMS.get(name) ?? null;
}

/** The enum types of the surface (by the names enumValues knows). */
export function enumTypes(): string[] {
  enumValues("");
  return [...ENUMS!.keys()].sort();
}
