// The canonical form both sides are compared in. The C# side produces it in the generated program
// (csharp-harness.ts, `Canon`); this file produces it from apimc's JS values, by the static C# type,
// with its own formatting code (it must not use apimc's runtime, which is what is under test).
//
//   string        verbatim            bool     "true" / "false"
//   char          the character       integers decimal digits
//   double/float  .NET "R" format (Mono/.NET Framework: G15 when it round-trips, else G17; float G7/G9),
//                 made here on both sides: the C# program prints the IEEE bits as ⟨d:HEX⟩ / ⟨f:HEX⟩
//                 and expandFloatTokens formats them, so the comparison is bit-exact
//   decimal       ToString(InvariantCulture)
//   JToken types  .ToString() (indented JSON)
//   collections   "[" + elements joined by ", " + "]" (null elements as "<null>")
//   dictionaries  "{" + "key: value" joined by ", " + "}"
//   other         .ToString()
// An outcome is a value (text), null, or an exception (its short type name).

export type Outcome = { kind: "value"; text: string } | { kind: "null" } | { kind: "throw"; type: string; message?: string };

/** One-line rendering used for equality and messages: JSON-quoted text, `null`, or `!TypeName`. */
export function render(o: Outcome): string {
  switch (o.kind) {
    case "value":
      return JSON.stringify(o.text);
    case "null":
      return "null";
    case "throw":
      return `!${o.type}`;
  }
}

/** `expectDotNet` notation of cases.ts → outcome. */
export function fromExpectation(e: string | null): Outcome {
  if (e === null) return { kind: "null" };
  if (e.startsWith("!")) return { kind: "throw", type: e.slice(1) };
  return { kind: "value", text: e };
}

// ---- static types ---------------------------------------------------------------------------

export interface TypeRef {
  name: string;
  args: TypeRef[];
  array: boolean;
  nullable: boolean;
}

export function parseType(s: string): TypeRef {
  let i = 0;
  const src = s.replace(/\s+/g, "");
  function one(): TypeRef {
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (!m) throw new Error(`bad type '${s}'`);
    i += m[0].length;
    const args: TypeRef[] = [];
    if (src[i] === "<") {
      i++;
      for (;;) {
        args.push(one());
        if (src[i] === ",") i++;
        else if (src[i] === ">") {
          i++;
          break;
        } else throw new Error(`bad type '${s}'`);
      }
    }
    let t: TypeRef = { name: m[0], args, array: false, nullable: false };
    for (;;) {
      if (src[i] === "?") {
        i++;
        t = { ...t, nullable: true };
      } else if (src.startsWith("[]", i)) {
        i += 2;
        t = { name: "[]", args: [t], array: true, nullable: false };
      } else break;
    }
    return t;
  }
  const t = one();
  if (i !== src.length) throw new Error(`bad type '${s}'`);
  return t;
}

const INTEGRAL = new Set(["int", "long", "short", "byte", "sbyte", "uint", "ulong", "ushort"]);
const JTOKENS = new Set(["JToken", "JObject", "JArray", "JValue", "JProperty", "JContainer"]);
const SEQUENCES = new Set(["List", "IEnumerable", "IList", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "HashSet", "Queue", "Stack", "IOrderedEnumerable"]);
const DICTIONARIES = new Set(["Dictionary", "IDictionary", "IReadOnlyDictionary"]);

// ---- .NET number formatting (independent of apimc) -------------------------------------------

/** .NET "G<precision>" formatting of a finite double, invariant culture. */
function formatG(d: number, precision: number): string {
  if (d === 0) return "0"; // .NET Framework / Mono print -0 as "0"
  const [mant, expStr] = d.toExponential(precision - 1).split("e") as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace(/^-/, "").replace(".", "").replace(/0+$/, "") || "0";
  let out: string;
  if (exp > -5 && exp < precision) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      out = frac ? `${intPart}.${frac}` : intPart;
    } else {
      out = `0.${"0".repeat(-exp - 1)}${digits}`;
    }
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return neg ? `-${out}` : out;
}

/** `double.ToString("R")` as Mono / .NET Framework print it. */
export function doubleR(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  const g15 = formatG(d, 15);
  return Number(g15.replace("E", "e")) === d ? g15 : formatG(d, 17);
}

/** `float.ToString("R")`: G7 when it round-trips through float, else G9. */
export function floatR(f: number): string {
  const d = Math.fround(f);
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  const g7 = formatG(d, 7);
  return Math.fround(Number(g7.replace("E", "e"))) === d ? g7 : formatG(d, 9);
}

function decimalText(v: unknown): string {
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
    const s = String(v);
    if (!/e/i.test(s)) return s;
    return v.toFixed(28).replace(/0+$/, "").replace(/\.$/, "");
  }
  return String(v);
}

/** Replaces the C# program's ⟨d:16 hex digits⟩ / ⟨f:8 hex digits⟩ tokens by doubleR / floatR text. */
export function expandFloatTokens(text: string): string {
  return text.replace(/\u27E8([df]):([0-9A-F]+)\u27E9/g, (_m, k: string, hex: string) => {
    const view = new DataView(new ArrayBuffer(8));
    if (k === "d") {
      view.setBigUint64(0, BigInt(`0x${hex}`));
      return doubleR(view.getFloat64(0));
    }
    view.setUint32(0, Number.parseInt(hex, 16));
    return floatR(view.getFloat32(0));
  });
}

// ---- JS value → canonical text ---------------------------------------------------------------

/** Canonical text of apimc's JS value `v` whose static C# type is `t`; null when the value is null. */
export function canonJs(v: unknown, t: TypeRef): string | null {
  if (v === null || v === undefined) return null;
  const name = t.name;
  if (t.array || SEQUENCES.has(name)) {
    const elem = t.args[0] ?? { name: "object", args: [], array: false, nullable: false };
    const items = toArray(v);
    return `[${items.map((x) => canonJs(x, elem) ?? "<null>").join(", ")}]`;
  }
  if (DICTIONARIES.has(name)) {
    const [kt, vt] = t.args as [TypeRef, TypeRef];
    const entries = toEntries(v);
    return `{${entries.map(([k, x]) => `${canonJs(k, kt) ?? "<null>"}: ${canonJs(x, vt) ?? "<null>"}`).join(", ")}}`;
  }
  if (name === "KeyValuePair") {
    const kv = v as { Key: unknown; Value: unknown };
    return `[${canonJs(kv.Key, t.args[0]!) ?? "<null>"}, ${canonJs(kv.Value, t.args[1]!) ?? "<null>"}]`;
  }
  switch (name) {
    case "string":
      return typeof v === "string" ? v : mismatch(v, name);
    case "bool":
      return typeof v === "boolean" ? String(v) : mismatch(v, name);
    case "char":
      if (typeof v === "number" && Number.isInteger(v)) return String.fromCharCode(v);
      if (typeof v === "string" && v.length === 1) return v;
      return mismatch(v, name);
    case "double":
      return typeof v === "number" ? doubleR(v) : mismatch(v, name);
    case "float":
      return typeof v === "number" ? floatR(v) : mismatch(v, name);
    case "decimal":
      return decimalText(v);
  }
  if (INTEGRAL.has(name)) {
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "number" && Number.isInteger(v)) return BigInt(v).toString();
    return mismatch(v, name);
  }
  if (name === "object") {
    // apimc's boxes (compiler/csharp/lower.ts box()): a number with a fraction or beyond int is a boxed
    // double, an integral double a NumBox { v, t: "double" }; the C# side prints any double as ⟨d:bits⟩.
    if (typeof v === "number" && !(Number.isInteger(v) && v >= -2147483648 && v <= 2147483647)) return doubleR(v);
    const box = v as { v?: unknown; t?: unknown };
    if (typeof box === "object" && typeof box.v === "number" && box.t === "double") return doubleR(box.v);
    if (typeof box === "object" && typeof box.v === "number" && box.t === "float") return floatR(box.v);
  }
  if (JTOKENS.has(name) || typeof (v as { ToString?: unknown }).ToString === "function") {
    return String((v as { ToString(): unknown }).ToString());
  }
  return String(v);
}

function mismatch(v: unknown, expected: string): string {
  let shown: string;
  try {
    shown = typeof v === "object" ? (JSON.stringify(v) ?? String(v)) : String(v);
  } catch {
    shown = String(v);
  }
  return `<apimc returned JS ${typeof v} ${shown} for a C# ${expected}>`;
}

function toArray(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>);
  if (v !== null && typeof v === "object" && Symbol.iterator in v) return Array.from(v as Iterable<unknown>);
  return [mismatch(v, "sequence")];
}

function toEntries(v: unknown): [unknown, unknown][] {
  // Enumerate like C# does (a Map subclass may store entries differently from what it yields).
  if (v !== null && typeof v === "object" && Symbol.iterator in v) {
    return Array.from(v as Iterable<unknown>).map((e) => {
      if (Array.isArray(e)) return [e[0], e[1]];
      const kv = e as { Key: unknown; Value: unknown };
      return [kv.Key, kv.Value];
    });
  }
  if (v !== null && typeof v === "object") return Object.entries(v);
  return [[mismatch(v, "dictionary"), null]];
}
