// A deterministic generator of well-typed C# policy expressions and statement blocks for the
// differential suite (`npm run fuzz:csharp`, and the recorded fixed-seed set in generated.test.ts).
//
// Type-directed: `gen(type, depth)` builds an expression tree whose static C# type is exactly `type`.
// Producers of a type are
//   - literals from values.ts (limits, NaN, ±0, surrogate pairs, month/year ends, offsets, null),
//   - every member of the compiler's surface tables (compiler/csharp/surface) whose signature, with
//     generic owners instantiated over a few element types, uses only types the generator can
//     produce: instance and static methods, properties, constructors, indexers, LINQ extension
//     methods (lambdas for Func parameters). The generator grows with the table.
//   - operators (arithmetic, comparison, bitwise, checked/unchecked, casts, ternary, ??, concat),
//   - templates for the issue-11 areas: anonymous types, string interpolation with format
//     specifiers, JSON and XML round trips, JSONPath, collection mutation blocks, checked blocks.
// A tree keeps its children so the fuzzer can shrink a mismatch (shrink.ts).
import "../../../compiler/csharp/index.js";
import { allTypeNames, lookupTypeAnyArity, signatureOf, substitute, typeName, type Member, type Type, type TypeDef } from "../../../compiler/csharp/types.js";
import { pick, rng } from "../../helpers/rng.js";
import type { DiffCase } from "../cases.js";
import { CONSTRUCTOR_TEXTS, FORMATS, POOLS, valueText } from "./values.js";
import { regexNodes } from "./regex-gen.js";

/** A generated expression: its exact static C# type, the area it exercises, children and printer. */
export interface Node {
  t: string;
  area: string;
  kids: Node[];
  out: (k: string[]) => string;
  /** A leaf without children (a literal or a variable). */
  leaf?: boolean;
  /** The root is a statement block (`return` inside). */
  block?: boolean;
  /** The printer joins the children as a list: the shrinker may drop one. */
  variadic?: boolean;
}

export const text = (n: Node): string => n.out(n.kids.map(text));
export const size = (n: Node): number => 1 + n.kids.reduce((s, k) => s + size(k), 0);

const vary = (n: Node): Node => ({ ...n, variadic: true });
const leaf = (t: string, s: string, area = "literal"): Node => ({ t, area, kids: [], out: () => s, leaf: true });
const node = (t: string, area: string, kids: Node[], out: (k: string[]) => string, isBlock = false): Node => (isBlock ? { t, area, kids, out, block: true } : { t, area, kids, out });

// ---- types ---------------------------------------------------------------------------------------

const BASE = ["int", "long", "double", "decimal", "bool", "char", "string", "DateTime", "DateTimeOffset", "TimeSpan"];
const ELEMS = ["int", "string", "double", "long", "decimal", "bool", "char", "DateTime"];
const NUM = ["int", "long", "double", "decimal"];
/** Values comparers tell apart differently (generator.comparerSource). */
const COMPARER_VALUES: Record<string, string[]> = {
  string: ["\"a\"", "\"A\"", "\"b\"", "\"\\u00df\"", "\"ss\"", "\"SS\"", "\"\\u00e9\"", "\"e\\u0301\"", "\"\\u00c9\"", "\"i\"", "\"I\"", "\"\\u0130\"", "\"\\u0131\"", "\"\"", "null", "\"a\\u00adb\"", "\"ab\""],
  double: ["double.NaN", "-0.0", "0.0", "1.5", "0.0 / 0.0", "-1.5"],
};
/** Types a case may have at its root, with weights (the areas the issue lists get more). */
const ROOTS: [string, number][] = [
  ["string", 10],
  ["int", 5],
  ["long", 2],
  ["double", 4],
  ["decimal", 3],
  ["bool", 4],
  ["char", 1],
  ["DateTime", 1],
  ["DateTimeOffset", 1],
  ["TimeSpan", 1],
  ["int[]", 1],
  ["List<string>", 1],
  ["List<int>", 1],
  ["double[]", 1],
  ["JToken", 1],
  ["object", 1],
];

/** Splits "List<int>" into ["List", ["int"]]; "int[]" into ["[]", ["int"]]; "int?" into ["?", ["int"]]. */
export function splitType(t: string): [string, string[]] {
  if (t.endsWith("[]")) return ["[]", [t.slice(0, -2)]];
  if (t.endsWith("?")) return ["?", [t.slice(0, -1)]];
  const lt = t.indexOf("<");
  if (lt < 0) return [t, []];
  const args: string[] = [];
  let depth = 0;
  let start = lt + 1;
  for (let i = lt + 1; i < t.length - 1; i++) {
    const c = t[i];
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (c === "," && depth === 0) {
      args.push(t.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(t.slice(start, t.length - 1).trim());
  return [t.slice(0, lt), args];
}

// ---- the surface index -----------------------------------------------------------------------------

/** A member instantiated over concrete types: receiver (null for static), parameter and return types. */
interface Callable {
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
/** Choices for a method's own type parameters not fixed by its receiver. */
const METHOD_TARGS = ["int", "string", "double", "long", "decimal", "bool"];

let INDEX: Map<string, Callable[]> | null = null;
/** Every callable by return type. */
function surfaceIndex(): Map<string, Callable[]> {
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

/** A surface Type as C# text (aliases kept), e.g. "List<int>", "int?", "string[]". */
function typeText(t: Type): string {
  if (t.k === "tp") return "?error";
  const s = typeName(t);
  return s;
}

/** A type text → a surface Type (only for instantiating type parameters). */
function parseTypeText(s: string): Type {
  const [head, args] = splitType(s);
  if (head === "[]") return { k: "array", elem: parseTypeText(args[0]!) };
  const def = lookupTypeAnyArity(head === "?" ? "Nullable" : head).find((d) => d.typeParams.length === (head === "?" ? 1 : args.length));
  if (!def) throw new Error(`generator: unknown type ${s}`);
  return { k: "named", def, args: args.map(parseTypeText) };
}

// ---- constants (mcs rejects what C# makes a compile-time error) -------------------------------------

/** The value of a literal leaf (a number with a suffix, a type's constant field, negated or in parentheses); null when it is not one. */
function constValue(n: Node): number | null {
  if (!n.leaf) return null;
  let s = text(n).trim();
  let sign = 1;
  for (;;) {
    if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
    else if (s.startsWith("-")) {
      sign = -sign;
      s = s.slice(1).trim();
    } else break;
  }
  const lit = /^(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?:[uU]?[lL]?|[lL][uU]|[mMdDfF])$/.exec(s);
  if (lit) return sign * Number(lit[1]);
  const FIELDS: Record<string, number> = {
    "int.MaxValue": 2147483647, "int.MinValue": -2147483648, "long.MaxValue": 9223372036854775807, "long.MinValue": -9223372036854775808,
    "short.MaxValue": 32767, "short.MinValue": -32768, "sbyte.MaxValue": 127, "sbyte.MinValue": -128, "byte.MaxValue": 255, "ushort.MaxValue": 65535,
    "uint.MaxValue": 4294967295, "ulong.MaxValue": 18446744073709551615, "char.MaxValue": 65535, "char.MinValue": 0,
    "double.MaxValue": Number.MAX_VALUE, "double.MinValue": -Number.MAX_VALUE, "double.Epsilon": Number.MIN_VALUE, "double.NaN": NaN,
    "double.PositiveInfinity": Infinity, "double.NegativeInfinity": -Infinity, "float.MaxValue": 3.4028234663852886e38, "float.MinValue": -3.4028234663852886e38,
    "float.NaN": NaN, "float.PositiveInfinity": Infinity, "float.NegativeInfinity": -Infinity, "float.Epsilon": 1.401298464324817e-45,
    "decimal.MaxValue": 7.922816251426434e28, "decimal.MinValue": -7.922816251426434e28, "decimal.Zero": 0, "decimal.One": 1, "decimal.MinusOne": -1,
  };
  return s in FIELDS ? sign * FIELDS[s]! : null;
}
const isConstZero = (n: Node): boolean => constValue(n) === 0;
const RANGES: Record<string, [number, number]> = {
  int: [-2147483648, 2147483647], long: [-9223372036854775808, 9223372036854775807], char: [0, 65535], short: [-32768, 32767],
  sbyte: [-128, 127], byte: [0, 255], ushort: [0, 65535], uint: [0, 4294967295], ulong: [0, 18446744073709551615], decimal: [-7.9228162514264337e28, 7.9228162514264337e28],
};
/** A literal leaf whose value the conversion to `t` cannot hold (a compile-time error in C#). */
function outOfRangeConstant(n: Node, t: string): boolean {
  const v = constValue(n);
  const r = RANGES[t];
  if (v === null || !r) return false;
  // (long's and ulong's limits are not exact doubles: their neighbourhood counts as out of range)
  return Number.isNaN(v) || v < r[0] || v > r[1] || (t !== "decimal" && (v <= -9.2e18 || v >= 9.2e18) && (t === "long" || t === "ulong"));
}

// ---- the generator ---------------------------------------------------------------------------------

interface Env {
  vars: { name: string; t: string }[];
  lambdaDepth: number;
}

export class Generator {
  private r: () => number;
  private n = 0;
  constructor(seed: number) {
    this.r = rng(seed);
  }

  private chance(p: number): boolean {
    return this.r() < p;
  }
  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  private pick<T>(xs: readonly T[]): T {
    return pick(this.r, xs);
  }
  private fresh(): string {
    return `v${this.n++}`;
  }

  /** One random case: an expression or a block, with its exact type. */
  generate(id: string): { node: Node; case: DiffCase } {
    this.n = 0;
    const areas: [() => Node, number][] = [
      [() => this.gen(this.weighted(ROOTS), this.int(2, 4), { vars: [], lambdaDepth: 0 }), 40],
      [() => this.anonymous(), 6],
      [() => this.interpolation(), 6],
      [() => this.jsonTemplate(), 7],
      [() => this.xmlTemplate(), 4],
      [() => this.linqChain(), 10],
      [() => this.mutationBlock(), 8],
      [() => this.checkedBlock(), 4],
      [() => this.doubleSemantics(), 6],
      [() => this.stringCompare(), 4],
      [() => this.collectionToString(), 3],
      [() => this.dateOffset(), 3],
      [() => this.boxing(), 4],
    ];
    const n = this.weighted(areas)();
    return { node: n, case: toCase(id, n) };
  }

  private weighted<T>(xs: readonly [T, number][]): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let x = this.r() * total;
    for (const [v, w] of xs) {
      if ((x -= w) < 0) return v;
    }
    return xs[xs.length - 1]![0];
  }

  /** An expression of exactly type `t`. */
  gen(t: string, depth: number, env: Env): Node {
    const vars = env.vars.filter((v) => v.t === t);
    if (vars.length && this.chance(0.5)) {
      const v = this.pick(vars);
      return leaf(t, v.name, "var");
    }
    if (depth <= 0 || this.chance(0.25)) {
      const l = this.literal(t, env);
      if (l) return l;
    }
    const producers: [() => Node | null, number][] = [
      [() => this.member(t, depth, env), 6],
      [() => this.operator(t, depth, env), NUM.includes(t) || t === "bool" || t === "string" ? 4 : 0],
      [() => this.conversion(t, depth, env), NUM.includes(t) || t === "object" || t === "char" ? 2 : 0],
      [() => (t === "string" ? this.interpolationOf(depth, env) : null), t === "string" ? 1 : 0],
      [() => this.ternary(t, depth, env), 1],
      [() => this.enumUse(t, depth, env), t === "string" || t === "int" || t === "bool" ? 1 : 0],
    ];
    for (let tries = 0; tries < 4; tries++) {
      const made = this.weighted(producers)();
      if (made) return made;
    }
    return this.literal(t, env) ?? this.constructed(t, depth, env) ?? leaf(t, `default(${t})`);
  }

  /** A literal or a simple constructed value of `t`; null when there is none. */
  literal(t: string, env: Env): Node | null {
    const pool = POOLS[t];
    if (pool) return leaf(t, valueText(this.pick(pool), this.r()));
    return this.constructed(t, 1, env);
  }

  /** Collections, nullables, enums, lambdas-free composite values built directly. */
  private constructed(t: string, depth: number, env: Env): Node | null {
    const [head, args] = splitType(t);
    const items = (elem: string) => {
      const n = this.int(0, 4);
      return Array.from({ length: n }, () => this.gen(elem, Math.min(depth - 1, 1), env));
    };
    switch (head) {
      case "[]":
        if (!this.canMake(args[0]!)) return null;
        return vary(node(t, "collections", items(args[0]!), (k) => `new ${args[0]}[] { ${k.join(", ")} }`));
      case "List":
      case "HashSet":
      case "IEnumerable":
      case "ICollection":
      case "IList":
      case "IReadOnlyList":
      case "IReadOnlyCollection": {
        // the non-generic IEnumerable (Cast, OfType): any sequence
        if (!args.length) return head === "IEnumerable" ? this.constructed(`List<${this.pick(["int", "string", "object", "double"])}>`, depth, env) : null;
        if (!this.canMake(args[0]!)) return null;
        const concrete = head === "HashSet" ? "HashSet" : "List";
        const made = vary(node(t, "collections", items(args[0]!), (k) => `new ${concrete}<${args[0]}> { ${k.join(", ")} }`));
        return head === concrete ? made : node(t, "collections", [made], (k) => `(${t})${k[0]}`);
      }
      case "Dictionary":
      case "IDictionary":
      case "IReadOnlyDictionary": {
        const [kt, vt] = args as [string, string];
        if (!this.canMake(kt) || !this.canMake(vt)) return null;
        const n = this.int(0, 3);
        const kids: Node[] = [];
        for (let i = 0; i < n; i++) kids.push(this.nonNull(kt, env), this.gen(vt, 1, env));
        const made = node(t, "collections", kids, (k) => {
          const parts: string[] = [];
          for (let i = 0; i < k.length; i += 2) parts.push(`[${k[i]}] = ${k[i + 1]}`);
          return `new Dictionary<${kt}, ${vt}> { ${parts.join(", ")} }`;
        });
        return head === "Dictionary" ? made : node(t, "collections", [made], (k) => `(${t})${k[0]}`);
      }
      case "KeyValuePair":
        return node(t, "collections", [this.gen(args[0]!, 1, env), this.gen(args[1]!, 1, env)], (k) => `new KeyValuePair<${args[0]}, ${args[1]}>(${k[0]}, ${k[1]})`);
      case "?":
        if (!this.canMake(args[0]!)) return null;
        return this.chance(0.3) ? leaf(t, `(${t})null`) : node(t, "nullable", [this.gen(args[0]!, depth - 1, env)], (k) => `(${t})${paren(k[0]!)}`);
      case "Func":
        return this.lambda(args, depth, env);
      case "object": {
        const inner = this.pick(BASE);
        return node("object", "object", [this.gen(inner, depth - 1, env)], (k) => `(object)${paren(k[0]!)}`);
      }
      case "IFormatProvider":
      case "CultureInfo":
        return leaf(t, "CultureInfo.InvariantCulture");
      case "StringComparer":
        return leaf(t, this.pick(["StringComparer.Ordinal", "StringComparer.OrdinalIgnoreCase", "StringComparer.InvariantCultureIgnoreCase"]));
      case "IEqualityComparer":
        return args.length === 1 ? this.comparer(args[0]!) : null;
      // reader, writer and comparer types off the allow-list: only their making members name them (never default(T))
      case "JsonReader":
        return node(t, "json", [this.gen("JToken", 0, env)], (k) => `${paren(k[0]!)}.CreateReader()`);
      case "JsonWriter":
        return leaf(t, this.pick(["new JArray().CreateWriter()", "new JObject().CreateWriter()"]), "json");
      case "JTokenEqualityComparer":
        return leaf(t, "JToken.EqualityComparer", "json");
      case "XmlReader":
        return node(t, "xml", [this.gen("XElement", 0, env)], (k) => `${paren(k[0]!)}.CreateReader()`);
      case "XmlWriter":
      case "TextWriter":
      case "TextReader":
        // (a writer from CreateWriter shows nothing outside a using block; a TextReader/TextWriter is a StringReader/StringWriter)
        return t === "TextReader" ? node(t, "xml", [this.gen("XElement", 0, env)], (k) => `new StringReader(${paren(k[0]!)}.ToString())`) : leaf(t, t === "XmlWriter" ? "new XElement(\"w\").CreateWriter()" : "new StringWriter()", "xml");
      case "JToken":
      case "JValue":
      case "JContainer":
        if (POOLS[head]) return null;
        return node(t, "json", [this.gen("JObject", 0, env)], (k) => `(${t})${k[0]}`);
      case "char[]":
        return null;
    }
    const en = enumValues(head);
    if (en) return leaf(t, `${head}.${this.pick(en)}`, "enum");
    return null;
  }

  private nonNull(t: string, env: Env): Node {
    if (t === "string") return leaf(t, this.pick(POOLS.string!.filter((v) => !v.text.includes("null")).map((v) => v.text)));
    return this.gen(t, 0, env);
  }

  private canMake(t: string | undefined): boolean {
    if (t === undefined) return false;
    if (POOLS[t] || t === "object") return true;
    const [head, args] = splitType(t);
    if (["[]", "List", "HashSet", "IEnumerable", "?"].includes(head)) return args.every((a) => this.canMake(a));
    if (head === "Dictionary" || head === "KeyValuePair") return args.every((a) => this.canMake(a));
    return false;
  }

  /** A lambda for Func<A.., R>: parameters in scope in its body. */
  private lambda(args: string[], depth: number, env: Env): Node | null {
    const ret = args[args.length - 1]!;
    const ps = args.slice(0, -1);
    if (env.lambdaDepth > 1 || !ps.every((p) => this.canMake(p) || POOLS[p])) return null;
    if (!this.canMake(ret) && !POOLS[ret] && !enumValues(ret)) return null;
    const names = ps.map(() => this.fresh());
    const inner: Env = { vars: [...env.vars, ...ps.map((p, i) => ({ name: names[i]!, t: p }))], lambdaDepth: env.lambdaDepth + 1 };
    const body = this.gen(ret, Math.max(1, depth - 1), inner);
    const head = names.length === 1 ? names[0]! : `(${names.join(", ")})`;
    return node(`Func<${args.join(", ")}>`, "lambda", [body], (k) => `${head} => ${k[0]}`);
  }

  /** A surface member returning `t`, with receiver and arguments generated. */
  private member(t: string, depth: number, env: Env): Node | null {
    const list = surfaceIndex().get(t);
    if (!list?.length) return null;
    for (let tries = 0; tries < 5; tries++) {
      const c = this.pick(list);
      const made = this.call(c, depth, env);
      if (made) return made;
    }
    return null;
  }

  private call(c: Callable, depth: number, env: Env): Node | null {
    const m = c.m;
    const kids: Node[] = [];
    if (c.recv) {
      const r = this.gen(c.recv, depth - 1, env);
      kids.push(r);
    }
    // optional parameters: sometimes left out
    let params = c.params;
    while (params.length && params[params.length - 1]!.optional && this.chance(0.5)) params = params.slice(0, -1);
    const argForms: ((k: string) => string)[] = [];
    for (const p of params) {
      if (p.mod === "params") {
        const elem = p.type.slice(0, -2);
        if (!this.canMake(elem) && !POOLS[elem]) return null;
        const n = this.int(0, 3);
        // expanded form: n arguments; kept as one child (an array printer) for shrinking simplicity
        const arr = vary(node(p.type, "params", Array.from({ length: n }, () => this.gen(elem, depth - 1, env)), (k) => k.join(", ")));
        kids.push(arr);
        argForms.push((k) => k);
        continue;
      }
      const small = (p.type === "int" || p.type === "long") && smallFor(p.name);
      // counts and widths always small (Enumerable.Repeat(x, int.MaxValue) would only measure memory)
      const a = small && (this.chance(0.85) || /count|width|capacity/i.test(p.name)) ? leaf(p.type, `${this.pick(small)}${p.type === "long" ? "L" : ""}`) : this.arg(p.type, depth - 1, env);
      if (!a) return null;
      kids.push(a);
      argForms.push((k) => k);
    }
    const owner = c.owner.name;
    const targs = c.typeArgs.length && !c.ext ? `<${c.typeArgs.join(", ")}>` : "";
    const area = areaOf(c.owner);
    const hasRecv = c.recv !== null;
    const out = (k: string[]): string => {
      const recv = hasRecv ? paren(k[0]!) : "";
      const args = (hasRecv ? k.slice(1) : k).filter((x, i) => !(params[i]?.mod === "params" && x === "") || true);
      const argList = args.filter((x, i) => !(params[i]?.mod === "params" && x === "")).join(", ");
      switch (m.kind) {
        case "ctor":
          return `new ${c.ret}(${argList})`;
        case "prop":
        case "field":
          return hasRecv ? `${recv}.${m.name}` : `${staticName(owner)}.${m.name}`;
        case "indexer":
          return `${recv}[${argList}]`;
        case "method":
          if (c.ext) {
            // extension: first argument is the receiver
            const [first, ...rest] = args;
            const restList = rest.filter((x, i) => !(params[i + 1]?.mod === "params" && x === "")).join(", ");
            return `${paren(first!)}.${m.name}${c.typeArgs.length && needsExplicitTypeArgs(m) ? `<${c.typeArgs.join(", ")}>` : ""}(${restList})`;
          }
          return hasRecv ? `${recv}.${m.name}${targs}(${argList})` : `${staticName(owner)}.${m.name}${targs}(${argList})`;
      }
    };
    // A culture-sensitive string comparison is -1/0/1 on .NET Framework but any magnitude on Mono:
    // compare signs (ordinal differences are tested by the stringCompare template).
    const cultureCompare = (owner === "string" || owner === "StringComparer") && (m.name === "Compare" || m.name === "CompareTo");
    // Mono's JIT folds Math.Round of a constant double with C's round() (Math.Round(0.5) is 1 there; .NET
    // and Mono's Math.Round at run time give 0): the argument goes through an array element, which the
    // JIT does not fold (it does fold a box and unbox).
    const roundConst = owner === "Math" && m.name === "Round" && params[0]?.type === "double";
    if (roundConst) return node(c.ret, area, kids, (k) => out([`new double[] { ${k[0]!} }[0]`, ...k.slice(1)]));
    return node(c.ret, area, kids, cultureCompare ? (k) => `Math.Sign(${out(k)})` : out);
  }

  /**
   * A member answering an enum (DayOfWeek, TypeCode from GetTypeCode(), UnicodeCategory, ...) used as
   * expressions use one: its name (ToString()), its value (a cast to int), or == with another.
   */
  private enumUse(t: string, depth: number, env: Env): Node | null {
    const types = [...surfaceIndex().keys()].filter((k) => enumValues(k));
    if (!types.length) return null;
    const et = this.pick(types);
    const m = this.member(et, depth - 1, env);
    if (!m) return null;
    if (t === "string") return node(t, "enum", [m], (k) => `${paren(k[0]!)}.ToString()`);
    if (t === "int") return node(t, "enum", [m], (k) => `(int)${paren(k[0]!)}`);
    const other = this.member(et, depth - 1, env) ?? this.constructed(et, 1, env);
    return other ? node(t, "enum", [m, other], (k) => `(${k[0]} ${this.pick(["==", "!="])} ${k[1]})`) : null;
  }

  /** An argument for a parameter of type `t` (an exact value, or a value convertible to an interface). */
  private arg(t: string, depth: number, env: Env): Node | null {
    if (POOLS[t] || t === "object") return this.gen(t, depth, env);
    const [head] = splitType(t);
    if (head === "Func") return this.constructed(t, depth, env);
    const viaMember = surfaceIndex().get(t);
    if (viaMember?.length && this.chance(0.5)) {
      const m = this.member(t, depth, env);
      if (m) return m;
    }
    return this.constructed(t, depth, env) ?? (viaMember?.length ? this.member(t, depth, env) : null);
  }

  private ternary(t: string, depth: number, env: Env): Node | null {
    if (!this.canMake(t) && !POOLS[t]) return null;
    return node(t, "operators", [this.gen("bool", depth - 1, env), this.gen(t, depth - 1, env), this.gen(t, depth - 1, env)], (k) => `(${k[0]} ? ${k[1]} : ${k[2]})`);
  }

  /** Binary and unary operators whose result is exactly `t`. */
  private operator(t: string, depth: number, env: Env): Node | null {
    const d = depth - 1;
    const bin = (a: string, b: string, op: string, area = "operators") => {
      let right = this.gen(b, d, env);
      // mcs rejects an integral or decimal division by a constant zero (CS0020): the zero is read at run time
      if ((op === "/" || op === "%") && b !== "double" && isConstZero(right)) right = leaf(b, `${b}.Parse("0")`);
      return node(t, area, [this.gen(a, d, env), right], (k) => `(${k[0]} ${op} ${k[1]})`);
    };
    switch (t) {
      case "int":
      case "long": {
        const op = this.pick(["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]);
        if (op === "<<" || op === ">>") return bin(t, "int", op);
        if (this.chance(0.15)) return node(t, "checked", [bin(t, t, op)], (k) => `checked${k[0]}`);
        if (this.chance(0.1)) return node(t, "checked", [bin(t, t, op)], (k) => `unchecked${k[0]}`);
        if (this.chance(0.1)) return node(t, "operators", [this.gen(t, d, env)], (k) => `${this.pick(["-", "~"])}${paren(k[0]!)}`);
        return bin(t, t, op);
      }
      case "double":
      case "decimal":
        if (this.chance(0.1)) return node(t, "operators", [this.gen(t, d, env)], (k) => `-${paren(k[0]!)}`);
        return bin(t, t, this.pick(["+", "-", "*", "/", "%"]), t === "double" ? "double" : "decimal");
      case "bool": {
        const kind = this.int(0, 4);
        if (kind === 0) return bin("bool", "bool", this.pick(["&&", "||", "==", "!=", "^"]));
        if (kind === 1) return node(t, "operators", [this.gen("bool", d, env)], (k) => `!${paren(k[0]!)}`);
        const ct = this.pick(["int", "long", "double", "decimal", "char", "DateTime", "TimeSpan", "string", "double"]);
        const ops = ct === "string" ? ["==", "!="] : ["==", "!=", "<", "<=", ">", ">="];
        return bin(ct, ct, this.pick(ops), ct === "double" ? "double" : "operators");
      }
      case "string": {
        const other = this.pick(["string", "string", "int", "double", "char", "bool", "decimal", "object"]);
        if (this.chance(0.15)) return bin("string", "string", "??");
        return this.chance(0.5) ? bin("string", other, "+", "strings") : bin(other, "string", "+", "strings");
      }
    }
    return null;
  }

  /** Explicit and implicit numeric conversions, boxing. */
  private conversion(t: string, depth: number, env: Env): Node | null {
    // (no float → decimal: Mono converts with 15 digits where .NET Framework uses 7, cases.ts dec.from.float)
    const from = this.pick(t === "char" ? ["int"] : t === "object" ? BASE : t === "decimal" ? ["int", "long", "double", "char"] : ["int", "long", "double", "decimal", "char", "float"]);
    if (from === t) return null;
    const inner = this.gen(from, depth - 1, env);
    const wrap = this.chance(0.2) && t !== "object" && from !== "decimal" && t !== "decimal" ? "checked" : "";
    // a constant outside the target's range is a compile error (CS0221/CS0266/CS0031): convert it at run time
    const runtime = outOfRangeConstant(inner, t);
    const operand = (k: string) => (runtime ? `(${from})(object)${paren(k)}` : paren(k));
    return node(t, wrap ? "checked" : "conversions", [inner], (k) => (wrap ? `checked((${t})${operand(k[0]!)})` : `(${t})${operand(k[0]!)}`));
  }

  // ---- area templates -----------------------------------------------------------------------

  private env0(): Env {
    return { vars: [], lambdaDepth: 0 };
  }

  /** Anonymous types: ToString, equality, arrays of them, GroupBy keys, Select with index. */
  private anonymous(): Node {
    const e = this.env0();
    const at = this.pick(["int", "string", "double", "decimal", "bool", "DateTime"]);
    const bt = this.pick(["int", "string", "long"]);
    const a = () => this.gen(at, 1, e);
    const b = () => this.gen(bt, 1, e);
    switch (this.int(0, 6)) {
      case 0:
        return node("string", "anonymous", [a(), b()], (k) => `new { n = ${k[0]}, v = ${k[1]} }.ToString()`);
      case 1:
        return node("bool", "anonymous", [a(), b(), a(), b()], (k) => `new { n = ${k[0]}, v = ${k[1]} }.Equals(new { n = ${k[2]}, v = ${k[3]} })`);
      case 2:
        return node("string", "anonymous", [a(), b(), a(), b()], (k) => `string.Join("|", new[] { new { n = ${k[0]}, v = ${k[1]} }, new { n = ${k[2]}, v = ${k[3]} } }.Select(o => o.n + ":" + o.v))`);
      case 3:
        return node("string", "anonymous", [this.list(at, e)], (k) => `string.Join(";", ${paren(k[0]!)}.Select((x, i) => new { x, i }).Where(p => p.i % 2 == 0).Select(p => p.ToString()))`);
      case 4:
        return node(
          "string",
          "anonymous",
          [this.list("int", e)],
          (k) => `string.Join(";", ${paren(k[0]!)}.GroupBy(x => new { odd = x % 2 != 0, big = x > 10 }).Select(g => g.Key + "=" + g.Count()))`,
        );
      case 5:
        return node("string", "anonymous", [a(), b()], (k) => `JsonConvert.SerializeObject(new { n = ${k[0]}, v = ${k[1]}, inner = new { ok = true } })`);
      default:
        return node("int", "anonymous", [this.list("int", e)], (k) => `${paren(k[0]!)}.Select(x => new { x, sq = x * x }).OrderBy(p => p.sq).ThenBy(p => p.x).First().x`);
    }
  }

  /** An IEqualityComparer<elem> a policy can reach (fuzz-comparer-cases.ts lists the same), null among them. */
  private comparer(elem: string): Node | null {
    const t = `IEqualityComparer<${elem}>`;
    const any = [`(${t})null`, `new HashSet<${elem}>().Comparer`, `new Dictionary<${elem}, int>().Comparer`];
    if (elem === "string") {
      const named = ["Ordinal", "OrdinalIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase", "CurrentCulture", "CurrentCultureIgnoreCase"].map((n) => `StringComparer.${n}`);
      const made = [`StringComparer.Create(CultureInfo.InvariantCulture, ${this.chance(0.5)})`, `new HashSet<string>(${this.pick(named)}).Comparer`, `new Dictionary<string, int>(${this.pick(named)}).Comparer`];
      return leaf(t, this.chance(0.7) ? this.pick(named) : this.pick([...any, ...made]), "comparer");
    }
    if (elem === "JToken") return leaf(t, this.chance(0.8) ? "JToken.EqualityComparer" : this.pick(any), "comparer");
    const set = /^HashSet<(.+)>$/.exec(elem);
    if (set) return leaf(t, this.chance(0.8) ? `HashSet<${set[1]}>.CreateSetComparer()` : this.pick(any), "comparer");
    if (!this.canMake(elem)) return null;
    return leaf(t, this.pick(any), "comparer");
  }
  /** A sequence for a comparer to tell apart: case variants, culture-equal spellings, nulls (strings); NaN, -0 (doubles). */
  private comparerSource(elem: string, e: Env): Node {
    const pool = COMPARER_VALUES[elem];
    if (!pool || this.chance(0.3)) return this.chance(0.5) ? this.list(elem, e) : this.array(elem, e);
    const n = this.int(0, 6);
    const items = Array.from({ length: n }, () => this.pick(pool));
    if (this.chance(0.5)) return leaf(`List<${elem}>`, `new List<${elem}> { ${items.join(", ")} }`, "collections");
    return leaf(`${elem}[]`, `new ${elem}[] { ${items.join(", ")} }`, "collections");
  }
  private list(elem: string, e: Env): Node {
    const n = this.int(0, 5);
    const kids = Array.from({ length: n }, () => this.gen(elem, 1, e));
    return vary(node(`List<${elem}>`, "collections", kids, (k) => `new List<${elem}> { ${k.join(", ")} }`));
  }
  private array(elem: string, e: Env): Node {
    const n = this.int(0, 5);
    const kids = Array.from({ length: n }, () => this.gen(elem, 1, e));
    return vary(node(`${elem}[]`, "collections", kids, (k) => `new ${elem}[] { ${k.join(", ")} }`));
  }

  /** `$"..."` with holes of several types, format specifiers and alignments. */
  private interpolation(): Node {
    return this.interpolationOf(2, this.env0());
  }
  private interpolationOf(depth: number, env: Env): Node {
    const n = this.int(1, 3);
    const kids: Node[] = [];
    const specs: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = this.pick(["int", "long", "double", "decimal", "DateTime", "DateTimeOffset", "TimeSpan", "string", "bool", "char"]);
      kids.push(this.gen(t, depth - 1, env));
      const fmts = FORMATS[t];
      let spec = "";
      if (this.chance(0.3)) spec += `,${this.pick(["5", "-6", "12"])}`;
      if (fmts && this.chance(0.7)) spec += `:${this.pick(fmts)}`;
      specs.push(spec);
    }
    // (no "}}" right after a hole with a format: Mono's mcs reads it into the format string)
    const seps = kids.map((_k, i) => this.pick(i > 0 && specs[i - 1]!.includes(":") ? ["", " ", "|", "="] : ["", " ", "|", "=", "{{", "}}"]));
    // Mono's mcs misreads an interpolated string with a hole nested in an initializer's braces inside
    // another interpolation's hole ($"{(new[] { $"{2}" }.Length)}": CS1525 "expecting `${'"; Roslyn
    // takes it): such holes are written as the same composite formatting, string.Format("{0,5:F1}", x).
    const mcsMisreads = (x: string) => x.includes('$"') && x.includes("{ ");
    return node("string", "interpolation", kids, (k) =>
      k.some(mcsMisreads)
        ? `(${k.map((x, i) => `${JSON.stringify(seps[i]!.slice(0, 1) + "")} + string.Format(${JSON.stringify(`{0${specs[i]}}`)}, ${paren(x)})`).join(" + ")} + "!")`
        : `$"${k.map((x, i) => `${seps[i]}{${paren(x)}${specs[i]}}`).join("")}!"`,
    );
  }

  /** JSON round trips, JSONPath, number writing, reading into object. */
  private jsonTemplate(): Node {
    const e = this.env0();
    const vt = this.pick(["int", "long", "double", "decimal", "string", "bool", "DateTime", "DateTimeOffset", "TimeSpan"]);
    const v = () => this.gen(vt, 1, e);
    switch (this.int(0, 13)) {
      case 13: {
        // JSON constructors as the reader takes them: JToken.Parse, and DeserializeObject (new Date(ms) becomes a date)
        const text = this.pick(CONSTRUCTOR_TEXTS);
        const how = this.pick([`JToken.Parse(${csStr(text)})`, `((JToken)JsonConvert.DeserializeObject(${csStr(`[${text}]`)}))`, `JsonConvert.DeserializeObject<JToken>(${csStr(text)})`]);
        const show = this.pick([`.ToString(Formatting.None)`, `.Type.ToString()`, `.ToString()`]);
        return node("string", "json", [], () => `${how}${show}`);
      }
      case 10: {
        // JContainer.CreateWriter + JToken.WriteTo: what each write adds to the container, inside `using` or not
        const cont = this.pick(["new JArray()", "new JObject()", "new JArray(1)"]);
        const toks = [this.gen(this.pick(["JToken", "JObject", "JArray", "JValue"]), 1, e), this.jsonWritable(e)];
        const use = this.chance(0.5);
        return node("string", "json", toks, (k) => {
          const writes = k.map((x) => `${paren(x)}.WriteTo(w);`).join(" ");
          return block(`var c = ${cont}; ${use ? `using (var w = c.CreateWriter()) { ${writes} }` : `var w = c.CreateWriter(); ${writes}`} return c.ToString(Formatting.None);`);
        }, true);
      }
      case 11: {
        // JToken.CreateReader + Load/ReadFrom/JRaw.Create: consecutive loads from one reader
        const loads = ["JToken.ReadFrom(r)", "JToken.Load(r)", "JObject.Load(r)", "JArray.Load(r)", "JProperty.Load(r)", "JRaw.Create(r)"];
        const a = this.pick(loads);
        const b2 = this.pick(loads);
        return node("string", "json", [this.gen(this.pick(["JToken", "JObject", "JArray", "JProperty"]), 1, e)], (k) => block(`var r = ${paren(k[0]!)}.CreateReader(); var x = ${a}; var y = ${b2}; return x.ToString(Formatting.None) + "|" + y.Type + "|" + y.ToString(Formatting.None);`), true);
      }
      case 12:
        return node("string", "json", [this.gen("JToken", 1, e), this.gen("JToken", 1, e), this.gen("JToken", 1, e)], (k) => `string.Join(";", new JToken[] { ${k.join(", ")} }.ToLookup(t => t, JToken.EqualityComparer).Select(g => g.Key.Type + "x" + g.Count()))`);
      case 0:
        return node("string", "json", [v()], (k) => `JsonConvert.SerializeObject(${k[0]})`);
      case 1:
        return node("string", "json", [v()], (k) => `new JObject { ["p"] = ${k[0]} }.ToString(Formatting.None)`);
      case 2:
        return node("string", "json", [v()], (k) => `new JArray(${k[0]}, ${k[0]}).ToString(Formatting.None)`);
      case 3: {
        const path = this.pick([
          "$.items[?(@.p > 10)].n",
          "$..x",
          "$.b[1:3]",
          "$.items[-1:]",
          "$.b[0]",
          "$.c.d",
          "$..p",
          "$.items[*].n",
          "$['a']",
          "$.items[?(@.n == 'b')].p",
          "$.b[::2]",
          "$.b[-2:]",
          "$.b[:-1]",
          "$.items[?(@.p >= 15 && @.n != 'c')].n",
          "$.items[?(@.p < 10 || @.n == 'c')].p",
          "$.items[?(@.n)].p",
          "$.b[?(@ > 1)]",
        ]);
        return node("string", "jsonpath", [this.gen("JObject", 0, e)], (k) => `string.Join(",", ${paren(k[0]!)}.SelectTokens("${path}").Select(t => t.ToString(Formatting.None)))`);
      }
      case 4:
        return node("string", "json", [this.gen("string", 0, e)], (k) => `JsonConvert.SerializeObject(JsonConvert.DeserializeObject(${k[0]} ?? "null"))`);
      case 5: {
        const json = this.pick(["1", "1.0", "1e15", "12345678901234", "-0.0", "0.1", "\"s\"", "true", "null", "[1,2]", "{\"a\":2.50}", "9223372036854775807", "1E400"]);
        // what JSON numbers read into object are: long, double (or BigInteger), by their text
        return node("string", "json", [], () => `JsonConvert.DeserializeObject(${csStr(json)}) is long ? "long" : JsonConvert.DeserializeObject(${csStr(json)}) is double ? "double" : JsonConvert.DeserializeObject(${csStr(json)}) is string ? "string" : "other:" + JsonConvert.DeserializeObject(${csStr(json)})`);
      }
      case 6: {
        const ct = this.pick(["int", "long", "double", "decimal", "string", "bool"]);
        return node(ct, "json", [this.gen("JObject", 0, e)], (k) => `(${ct})${paren(k[0]!)}.SelectToken("$.${this.pick(["a", "n", "f", "big", "s", "b[0]", "b[1]", "c.d", "items[0].p"])}")`);
      }
      case 7:
        return node("string", "json", [this.gen("JObject", 0, e), v()], (k) => `${block(`var o = ${k[0]}; o["a"] = ${k[1]}; o.Property("a").AddAfterSelf(new JProperty("z", 1)); return o.ToString(Formatting.None);`)}`, true);
      case 8:
        return node("string", "json", [this.gen("double", 1, e)], (k) => `JToken.FromObject(${k[0]}).ToString()`);
      default:
        return node("string", "json", [this.gen("JObject", 0, e)], (k) => `JObject.FromObject(${paren(k[0]!)}.ToObject<Dictionary<string, object>>()).ToString(Formatting.None)`);
    }
  }

  /** A token for a writer: a value, a property (for an object container) or a container. */
  private jsonWritable(e: Env): Node {
    const name = csStr(this.pick(["p", "q", ""]));
    return this.chance(0.4) ? node("JProperty", "json", [this.gen("JToken", 0, e)], (k) => `new JProperty(${name}, ${k[0]})`) : this.gen(this.pick(["JToken", "JArray", "JValue"]), 1, e);
  }

  /** LINQ to XML round trips with typed values. */
  private xmlTemplate(): Node {
    const e = this.env0();
    const vt = this.pick(["int", "double", "decimal", "string", "bool", "DateTime", "TimeSpan", "DateTimeOffset", "long"]);
    const v = () => this.gen(vt, 1, e);
    switch (this.int(0, 7)) {
      case 5: {
        // XContainer.CreateWriter + XNode.WriteTo/Save(XmlWriter): the nodes land when the writer is disposed
        const cont = this.pick(["new XElement(\"r\")", "new XDocument()"]);
        const save = this.chance(0.3);
        return node("string", "xml", [this.gen("XElement", 1, e), this.gen(this.pick(["XElement", "XNode"]), 1, e)], (k) =>
          block(`var c = ${cont}; using (var w = c.CreateWriter()) { ${save ? `${paren(k[0]!)}.Save(w);` : `${paren(k[0]!)}.WriteTo(w); ${paren(k[1]!)}.WriteTo(w);`} } return c.ToString();`), true);
      }
      case 6:
        // XNode.CreateReader + XElement.Load(XmlReader), and a second Load from the same reader
        return node("string", "xml", [this.gen(this.pick(["XElement", "XNode", "XDocument"]), 1, e)], (k) => block(`var r = ${paren(k[0]!)}.CreateReader(); var x = XElement.Load(r); return x.ToString() + "|" + XElement.Load(r, LoadOptions.None);`), true);
      case 7: {
        // Load(TextReader) and Save(TextWriter) through StringReader/StringWriter
        const opt = this.pick(["", ", SaveOptions.DisableFormatting"]);
        return node("string", "xml", [this.gen(this.pick(["XElement", "XDocument"]), 1, e)], (k) => block(`var sw = new StringWriter(); ${paren(k[0]!)}.Save(sw${opt}); var back = XElement.Load(new StringReader(sw.ToString())); return sw.ToString() + "|" + back.ToString();`), true);
      }
      case 0:
        return node("string", "xml", [v()], (k) => `new XElement("a", ${k[0]}).ToString()`);
      case 1:
        return node("string", "xml", [v()], (k) => `new XElement("a", new XAttribute("b", ${k[0]})).ToString(SaveOptions.DisableFormatting)`);
      case 2: {
        const ct = this.pick(["int", "double", "decimal", "string", "bool", "long"]);
        return node(ct, "xml", [this.gen("XElement", 0, e)], (k) => `(${ct})${paren(k[0]!)}.Element("b")`);
      }
      case 3:
        return node("string", "xml", [v()], (k) => `(string)new XElement("a", ${k[0]})`);
      default:
        return node("string", "xml", [this.gen("XElement", 0, e)], (k) => `string.Join("|", ${paren(k[0]!)}.Descendants().Select(x => x.Name.LocalName + "=" + x.Value))`);
    }
  }

  /** Longer LINQ chains over lists and arrays. */
  private linqChain(): Node {
    const e = this.env0();
    const elem = this.pick(["int", "string", "double", "decimal", "long"]);
    const src = this.chance(0.25) ? this.comparerSource(elem, e) : this.chance(0.5) ? this.list(elem, e) : this.array(elem, e);
    let cur: Node = src;
    let curElem = elem;
    /** The comparer argument of an overload that takes one: sometimes left out (the default overload). */
    const cmp = (t: string, p = 0.6): Node | null => (this.chance(p) ? this.comparer(t) : null);
    const withCmp = (kids: Node[], c: Node | null): Node[] => (c ? [...kids, c] : kids);
    const cmpText = (k: string[], c: Node | null): string => (c ? `, ${k[k.length - 1]}` : "");
    const steps = this.int(1, 3);
    for (let i = 0; i < steps; i++) {
      const x = this.fresh();
      const inner: Env = { vars: [{ name: x, t: curElem }], lambdaDepth: 1 };
      const kind = this.int(0, 7);
      const prev = cur;
      if (kind === 0) {
        const pred = this.gen("bool", 2, inner);
        cur = node(`IEnumerable<${curElem}>`, "linq", [prev, pred], (k) => `${paren(k[0]!)}.Where(${x} => ${k[1]})`);
      } else if (kind === 1) {
        const key = this.pick(["int", "string", "double"]);
        const sel = this.gen(key, 2, inner);
        cur = node(`IEnumerable<${key}>`, "linq", [prev, sel], (k) => `${paren(k[0]!)}.Select(${x} => ${k[1]})`);
        curElem = key;
      } else if (kind === 2) {
        const c = cmp(curElem, 0.5);
        cur = node(`IEnumerable<${curElem}>`, "linq", withCmp([prev], c), (k) => `${paren(k[0]!)}.Distinct(${c ? k[1] : ""})`);
      } else if (kind === 7) {
        const op = this.pick(["Union", "Intersect", "Except"]);
        const c = cmp(curElem);
        cur = node(`IEnumerable<${curElem}>`, "linq", withCmp([prev, this.comparerSource(curElem, e)], c), (k) => `${paren(k[0]!)}.${op}(${k[1]}${cmpText(k, c)})`);
      } else if (kind === 3) {
        const key = this.pick(["int", "string", "double"]);
        const sel = this.gen(key, 1, inner);
        const dir = this.pick(["OrderBy", "OrderByDescending"]);
        cur = node(`IEnumerable<${curElem}>`, "linq", [prev, sel], (k) => `${paren(k[0]!)}.${dir}(${x} => ${k[1]}).AsEnumerable()`);
      } else if (kind === 4) {
        const n = this.int(-1, 3);
        const op = this.pick(["Skip", "Take"]);
        cur = node(`IEnumerable<${curElem}>`, "linq", [prev], (k) => `${paren(k[0]!)}.${op}(${n})`);
      } else if (kind === 5) {
        // (List<T>.Reverse() is the void instance method: through IEnumerable<T> for LINQ's)
        const asSeq = prev.t.startsWith("List<") ? ".AsEnumerable()" : "";
        cur = node(`IEnumerable<${curElem}>`, "linq", [prev], (k) => `${paren(k[0]!)}${asSeq}.Reverse()`);
      } else {
        cur = node(`IEnumerable<${curElem}>`, "linq", [prev], (k) => `${paren(k[0]!)}.Cast<object>().OfType<${curElem}>()`);
      }
    }
    const fin = this.int(0, 13);
    const ce = curElem;
    if (fin >= 10) return this.comparerFinal(cur, ce, fin - 10, e);
    if (fin === 0) return node(`List<${ce}>`, "linq", [cur], (k) => `${paren(k[0]!)}.ToList()`);
    if (fin === 1) return node("int", "linq", [cur], (k) => `${paren(k[0]!)}.Count()`);
    if (fin === 2) return node("string", "linq", [cur], (k) => `string.Join(",", ${k[0]})`);
    if (fin === 3 && NUM.includes(ce)) return node(ce, "linq-aggregate", [cur], (k) => `${paren(k[0]!)}.Sum()`);
    if (fin === 4 && NUM.includes(ce)) return node(ce === "decimal" ? "decimal" : "double", "linq-aggregate", [cur], (k) => `${paren(k[0]!)}.Average()`);
    if (fin === 5) return node(ce, "linq", [cur], (k) => `${paren(k[0]!)}.${this.pick(["Min", "Max", "First", "Last", "FirstOrDefault", "LastOrDefault", "Single"])}()`);
    if (fin === 6) {
      // GroupBy's shapes: key, key + element, key + result, key + element + result, each with or without a comparer
      const c = cmp(ce);
      const shape = this.int(0, 3);
      const call = ["v => v", "v => v, v => 1", "v => v, (k, g) => k + \":\" + g.Count()", "v => v, v => v, (k, g) => k + \":\" + string.Join(\"+\", g)"][shape]!;
      const tail = shape === 0 ? `.Select(g => g.Key + ":" + g.Count())` : shape === 1 ? `.Select(g => g.Key + ":" + g.Sum())` : "";
      return node("string", "linq", withCmp([cur], c), (k) => `string.Join(",", ${paren(k[0]!)}.GroupBy(${call}${cmpText(k, c)})${tail})`);
    }
    if (fin === 7) {
      const c = cmp(ce, 0.4);
      return node("bool", "linq", withCmp([cur, this.gen(ce, 1, e)], c), (k) => `${paren(k[0]!)}.Contains(${k[1]}${cmpText(k, c)})`);
    }
    if (fin === 8) return node(`${ce}[]`, "linq", [cur], (k) => `${paren(k[0]!)}.ToArray()`);
    const c = cmp("string", 0.4);
    return node("string", "linq", withCmp([cur], c), (k) => `string.Join(",", ${paren(k[0]!)}.ToDictionary(v => v.ToString(), v => v${cmpText(k, c)}).Keys)`);
  }
  /** The comparer overloads that end a chain: SequenceEqual, ToLookup, ToHashSet, Join/GroupJoin, ToDictionary by element. */
  private comparerFinal(cur: Node, ce: string, which: number, e: Env): Node {
    const c = this.comparer(ce);
    const kids = c ? [cur, this.comparerSource(ce, e), c] : [cur, this.comparerSource(ce, e)];
    const ct = (k: string[]) => (c ? `, ${k[2]}` : "");
    if (which === 0) return node("bool", "linq", kids, (k) => `${paren(k[0]!)}.SequenceEqual(${k[1]}${ct(k)})`);
    if (which === 1) return node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.ToLookup(v => v${ct(k)}).Select(g => g.Key + ":" + g.Count())) + "/" + ${paren(k[0]!)}.ToLookup(v => v${ct(k)}).Contains(${k[1]}.FirstOrDefault())`);
    if (which === 2) return node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.ToHashSet(${c ? k[2] : ""})) + "/" + string.Join(",", ${paren(k[0]!)}.ToDictionary(v => v${ct(k)}).Keys)`);
    return this.chance(0.5)
      ? node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.Join(${k[1]}, x => x, y => y, (x, y) => x + "~" + y${ct(k)}))`)
      : node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.GroupJoin(${k[1]}, x => x, y => y, (x, ys) => x + "~" + ys.Count()${ct(k)}))`);
  }

  /** A mutable collection, a few surface members applied as statements, then a result. */
  private mutationBlock(): Node {
    const e = this.env0();
    const kind = this.int(0, 6);
    if (kind === 0) {
      // changing a collection inside foreach
      const l = this.list("int", e);
      const op = this.pick(["l.Add(x)", "l.Remove(x)", "l.Clear()", "l[0] = x", "l.Insert(0, x)"]);
      return node("int", "foreach-mutation", [l], (k) => block(`var l = ${k[0]}; int n = 0; foreach (var x in l) { n++; if (n == 2) ${op}; } return n;`), true);
    }
    if (kind === 1) {
      const d = this.gen("Dictionary<string, int>", 1, e);
      return node(
        "string",
        "dictionary-order",
        [d],
        (k) => block(`var d = ${k[0]}; d["k1"] = 1; d["k2"] = 2; d.Remove("k1"); d["k3"] = 3; d["k1"] = 4; return string.Join(",", d.Keys);`),
        true,
      );
    }
    if (kind === 2) {
      const l = this.list(this.pick(["int", "string", "double"]), e);
      const cmp = this.pick(["(a, b) => b.CompareTo(a)", "(a, b) => 0", "(a, b) => a.ToString().Length - b.ToString().Length"]);
      return node("string", "sort", [l], (k) => block(`var l = ${k[0]}; l.Sort(${cmp}); return string.Join(",", l);`), true);
    }
    if (kind === 3) {
      const t = this.pick(["int", "string"]);
      const a = this.list(t, e);
      const b = this.list(t, e);
      const op = this.pick(["UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith"]);
      return node("string", "hashset", [a, b], (k) => block(`var s = new HashSet<${t}>(${k[0]}); s.${op}(${k[1]}); return string.Join(",", s) + "|" + s.Count;`), true);
    }
    if (kind === 4) {
      const t = this.pick(["int", "string", "DateTime"]);
      const l = this.list(t, e);
      return node(t, "list-find", [l, this.gen(t, 0, e)], (k) => block(`var l = ${k[0]}; var f = ${k[1]}; return l.Find(x => x.Equals(f) && false);`), true);
    }
    // surface members as statements on a List<T> / Dictionary / StringBuilder
    const recvT = this.pick(["List<int>", "List<string>", "Dictionary<string, int>", "StringBuilder"]);
    const v = this.fresh();
    const init = recvT === "StringBuilder" ? leaf(recvT, `new StringBuilder("ab")`) : this.gen(recvT, 1, e);
    const inner: Env = { vars: [{ name: v, t: recvT }], lambdaDepth: 0 };
    const calls = (surfaceIndex().get("void") ?? []).filter((c) => c.recv === recvT);
    const more = [...surfaceIndex().values()].flat().filter((c) => c.recv === recvT && c.m.kind === "method");
    const stmts: Node[] = [];
    const n = this.int(1, 3);
    for (let i = 0; i < n; i++) {
      const c = this.pick(calls.length && this.chance(0.6) ? calls : more);
      if (!c) break;
      const made = this.callOn(c, v, inner);
      if (made) stmts.push(made);
    }
    const result = recvT === "StringBuilder" ? `${v}.ToString()` : recvT.startsWith("Dictionary") ? `string.Join(",", ${v}.Select(p => p.Key + "=" + p.Value))` : `string.Join(",", ${v})`;
    return node("string", "mutation", [init, ...stmts], (k) => block(`var ${v} = ${k[0]}; ${k.slice(1).map((s) => `${s};`).join(" ")} return ${result};`), true);
  }

  /** A call on a variable, as a statement. */
  private callOn(c: Callable, v: string, env: Env): Node | null {
    const made = this.call({ ...c, recv: null }, 2, env);
    if (!made) return null;
    const name = c.m.name;
    if (c.m.kind !== "method") return null;
    return node("void", made.area, made.kids, (k) => `${v}.${name}(${k.join(", ")})`);
  }

  /** checked/unchecked statement blocks and compound assignments. */
  private checkedBlock(): Node {
    const e = this.env0();
    const t = this.pick(["int", "long", "short", "byte"]);
    const a = this.gen(t === "short" || t === "byte" ? "int" : t, 1, e);
    const b = this.gen(t === "short" || t === "byte" ? "int" : t, 1, e);
    const kw = this.pick(["checked", "unchecked"]);
    const op = this.pick(["+=", "-=", "*=", "++", "--"]);
    const cast = t === "short" || t === "byte" ? `(${t})` : "";
    return node(
      t,
      "checked",
      [a, b],
      (k) => block(`${t} x = ${cast}${paren(k[0]!)}; ${kw} { ${op.length === 2 && op[0] === op[1] ? `x${op}` : `x ${op} ${cast}${paren(k[1]!)}`}; } return x;`),
      true,
    );
  }

  /** NaN and signed zero in Equals, CompareTo, ordering, Contains, IndexOf, Math.Round. */
  private doubleSemantics(): Node {
    const e = this.env0();
    const d = () => this.gen("double", 1, e);
    switch (this.int(0, 7)) {
      case 0:
        return node("bool", "double", [d(), d()], (k) => `${paren(k[0]!)}.Equals(${k[1]})`);
      case 1:
        return node("int", "double", [d(), d()], (k) => `${paren(k[0]!)}.CompareTo(${k[1]})`);
      case 2:
        return node("string", "double", [this.list("double", e)], (k) => `string.Join(",", ${paren(k[0]!)}.OrderBy(x => x))`);
      case 3:
        return node("double", "double", [this.list("double", e)], (k) => `${paren(k[0]!)}.DefaultIfEmpty(0).${this.pick(["Min", "Max"])}()`);
      case 4:
        return node("bool", "double", [this.list("double", e), d()], (k) => `${paren(k[0]!)}.Contains(${k[1]})`);
      case 5:
        return node("int", "double", [this.list("double", e), d()], (k) => `${paren(k[0]!)}.IndexOf(${k[1]})`);
      case 6: {
        const mode = this.pick(["MidpointRounding.ToEven", "MidpointRounding.AwayFromZero"]);
        return node("double", "double", [d()], (k) => `Math.Round(${k[0]}, ${this.int(0, 4)}, ${mode})`);
      }
      default:
        return node("bool", "double", [d(), d()], (k) => `((object)${paren(k[0]!)}).Equals((object)${paren(k[1]!)})`);
    }
  }

  /** Ordinal comparisons and index overloads. */
  private stringCompare(): Node {
    const e = this.env0();
    const s = () => this.gen("string", 1, e);
    switch (this.int(0, 4)) {
      case 0:
        return node("int", "strings", [s(), s()], (k) => `string.CompareOrdinal(${k[0]}, ${k[1]})`);
      case 1:
        return node("int", "strings", [s(), s(), this.gen("int", 0, e)], (k) => `${paren(k[0]!)}.LastIndexOf(${k[1]}, ${k[2]})`);
      case 2:
        return node("int", "strings", [s(), s(), this.gen("int", 0, e)], (k) => `${paren(k[0]!)}.IndexOf(${k[1]}, ${k[2]}, StringComparison.${this.pick(["Ordinal", "OrdinalIgnoreCase", "InvariantCulture"])})`);
      case 3:
        return node("int", "strings", [s(), s()], (k) => `Math.Sign(string.Compare(${k[0]}, ${k[1]}, StringComparison.${this.pick(["InvariantCulture", "InvariantCultureIgnoreCase"])}))`);
      default:
        return node("int", "strings", [s(), this.gen("char", 0, e), this.gen("int", 0, e)], (k) => `${paren(k[0]!)}.LastIndexOf(${k[1]}, ${k[2]})`);
    }
  }

  /** ToString of arrays, lists, dictionaries (the .NET type names). */
  /** A Guid or an enum value (a member, two OR-ed, or any number) converted to object. */
  private boxedValue(env: Env): Node {
    if (this.chance(0.35)) return node("object", "boxing", [this.gen("Guid", 1, env)], (k) => `((object)${paren(k[0]!)})`);
    const et = this.pick(enumTypes());
    const names = enumValues(et)!;
    const v = this.chance(0.4) ? `${et}.${this.pick(names)}` : this.chance(0.5) ? `${et}.${this.pick(names)} | ${et}.${this.pick(names)}` : `(${et})(${this.pick([0, 1, 3, 6, 7, 9, 64, 99, -1])})`;
    return leaf("object", `((object)(${v}))`, "boxing");
  }
  /**
   * Boxed Guids and enums (session 24): what a value converted to object prints (an enum's name, a
   * Guid's text), equals (a boxed Guid is not its text), is, and becomes in JSON and collections.
   */
  private boxing(): Node {
    const env = this.env0();
    const a = this.boxedValue(env);
    const b = this.chance(0.3) ? leaf("object", this.pick([`((object)"0f8fad5b-d9cb-469f-a165-70867728950e")`, `((object)Guid.Empty.ToString())`, `((object)1)`, `((object)"Monday")`])) : this.boxedValue(env);
    const two = (out: (x: string, y: string) => string): Node => node("string", "boxing", [a, b], (k) => out(k[0]!, k[1]!));
    const sinks: (() => Node)[] = [
      () => two((x, y) => `string.Join(",", new object[] { ${x}, ${y} })`),
      () => two((x, y) => `string.Concat(${x}, "|", ${y})`),
      () => two((x, y) => `"" + ${x} + "|" + ${y}`),
      () => two((x, y) => `$"{${x}}|{${y}}"`),
      () => two((x, y) => `string.Format("{0}|{1}", ${x}, ${y})`),
      () => two((x, y) => `${x}.ToString() + ${y}.ToString()`),
      // (no GetHashCode of a string: its hash differs between .NET Framework and Mono)
      () => two((x, y) => `${x}.Equals(${y}).ToString() + "," + object.Equals(${y}, ${x})`),
      () => two((x, y) => `(${x} is Guid ? ((Guid)${x}).Equals(${y}) : ${x}.Equals(${y})).ToString()`),
      () => two((x, y) => `(${x} is Guid) + "," + (${x} is string) + "," + (${x} is int) + "," + (${y} is DayOfWeek)`),
      () => two((x, y) => `new JValue(${x}).Type + "," + new JValue(${x})`),
      () => two((x, y) => `JsonConvert.SerializeObject(new object[] { ${x}, ${y} })`),
      () => two((x, y) => `new JArray(${x}, ${y}).ToString(Formatting.None)`),
      () => two((x, y) => `JToken.FromObject(${x}).Type.ToString()`),
      () => two((x, y) => `new Dictionary<object, int> { [${x}] = 1 }.ContainsKey(${y}).ToString()`),
      () => two((x, y) => `new List<object> { ${x}, ${y}, ${x} }.Distinct().Count().ToString()`),
      () => two((x, y) => `Convert.ToString(${x}) + Convert.ToString(${y})`),
      () => {
        const et = this.pick(enumTypes());
        const e = `((${et})(${this.pick([0, 1, 2, 3, 6, 7, 9, 64, 99, -1])}))`;
        return leaf("string", `${e}.ToString(${JSON.stringify(this.pick(["G", "F", "D", "X", "g", "f", "d", "x"]))}) + "|" + ${e} + "|" + string.Format("{0:D}|{0:X}|{0:F}", ${e})`, "boxing");
      },
    ];
    return this.pick(sinks)();
  }

  private collectionToString(): Node {
    const e = this.env0();
    const t = this.pick(["int[]", "List<int>", "List<string>", "Dictionary<string, int>", "string[]", "HashSet<int>"]);
    return node("string", "collection-tostring", [this.gen(t, 1, e)], (k) => `${paren(k[0]!)}.ToString()`);
  }

  /** DateTimeOffset: offsets through Parse, the constructor, ToString and JSON; ParseExact with standard formats. */
  private dateOffset(): Node {
    const e = this.env0();
    const o = () => this.gen("DateTimeOffset", 1, e);
    switch (this.int(0, 4)) {
      case 0:
        return node("string", "datetimeoffset", [o()], (k) => `${paren(k[0]!)}.Offset.ToString()`);
      case 1:
        return node("string", "datetimeoffset", [o()], (k) => `${paren(k[0]!)}.ToString(${csStr(this.pick(FORMATS.DateTimeOffset!))})`);
      case 2:
        return node("string", "datetimeoffset", [o()], (k) => `JsonConvert.SerializeObject(${k[0]})`);
      case 3: {
        const f = this.pick(["r", "o", "s", "u"]);
        return node("string", "datetimeoffset", [o()], (k) => `DateTimeOffset.ParseExact(${paren(k[0]!)}.ToString("${f}"), "${f}", CultureInfo.InvariantCulture).ToString("o")`);
      }
      default:
        return node("string", "datetimeoffset", [o()], (k) => `DateTimeOffset.Parse(${paren(k[0]!)}.ToString("o")).ToString()`);
    }
  }
}

/** `@{ ... }` body as one child text (blocks print their body; the root is marked `block`). */
function block(body: string): string {
  return body;
}

const csStr = (s: string): string => JSON.stringify(s);

/** Parenthesizes anything that is not a simple token, so member access binds as written. */
export function paren(s: string): string {
  return /^[A-Za-z_][\w.]*$/.test(s) || /^"([^"\\]|\\.)*"$/.test(s) || /^\(.*\)$/.test(s) && balanced(s.slice(1, -1)) ? s : `(${s})`;
}
function balanced(s: string): boolean {
  let d = 0;
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === "\\") i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === "(") d++;
    else if (c === ")" && --d < 0) return false;
  }
  return d === 0;
}

/** Small, meaningful integers for parameters that are counts, sizes, indexes or date parts. */
function smallFor(name: string): readonly number[] | null {
  const n = name.toLowerCase();
  if (/year/.test(n)) return [1, 2020, 2024, 9999, 0];
  if (/month/.test(n)) return [1, 2, 12, 13, 0];
  if (/day/.test(n)) return [1, 28, 29, 31, 0, 32];
  if (/hour|minute|second|milli/.test(n)) return [0, 1, 23, 59, 60, -1];
  if (/base/.test(n)) return [2, 8, 10, 16, 3];
  if (/count|width|length|capacity|index|start|digits|decimals/.test(n)) return [0, 1, 2, 3, 5, -1];
  return null;
}

function staticName(owner: string): string {
  return owner;
}
/**
 * A generic extension method whose type parameters are not all inferable from its parameters
 * (Cast<T>, OfType<T>, JToken Values<U>(this IEnumerable<JToken>)) is written with its type
 * arguments: without them C# picks another overload (the non-generic Values()) or none.
 */
function needsExplicitTypeArgs(m: Member): boolean {
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

function areaOf(def: TypeDef): string {
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
function enumValues(name: string): string[] | null {
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
function enumTypes(): string[] {
  enumValues("");
  return [...ENUMS!.keys()].sort();
}

/** A root node as a DiffCase. */
export function toCase(id: string, n: Node): DiffCase {
  return n.block ? { id, type: n.t, expr: text(n), block: true } : { id, type: n.t, expr: text(n) };
}

/** `count` cases from `seed`, ids `<prefix><seed>-<n>`. */
export function generateCases(seed: number, count: number, prefix = "gen"): { nodes: Node[]; cases: DiffCase[] } {
  const g = new Generator(seed);
  const nodes: Node[] = [];
  const cases: DiffCase[] = [];
  for (let i = 0; i < count; i++) {
    const { node: n, case: c } = g.generate(`${prefix}${seed}-${i}`);
    nodes.push(n);
    cases.push(c);
  }
  // regular expressions (regex-gen.ts): one case in ten more, from their own stream
  regexNodes(seed, Math.ceil(count / 10)).forEach((n, i) => {
    nodes.push(n);
    cases.push(toCase(`${prefix}${seed}-re${i}`, n));
  });
  return { nodes, cases };
}
