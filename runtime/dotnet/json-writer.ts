// The JSON writer: tokens and plain values as Newtonsoft writes them (JToken.ToString, JsonConvert.SerializeObject),
// with its string escaping and number formats.
import { isPlainObject } from "./core.js";
import { fmtRoundTrip } from "./number-format.js";
import { netIntegerToDouble } from "./number-to-double.js";
import { Decimal, decStr } from "./decimal.js";
import { envNewline } from "./newline.js";
import { TT, dateTimeOps, JToken, JObject, JArray, JProperty, JValue, JSingle, toJToken } from "./json-tokens.js";
import { JConstructor } from "./json-constructor.js";

const NEEDS_ESCAPE = /["\\\x00-\x1f\x85\u2028\u2029]/;
/** Where JSON.stringify's escaping differs from Newtonsoft's: U+0085, U+2028, U+2029 and surrogates (lone ones). */
const STRINGIFY_DIFFERS = /[\x85\u2028\u2029\ud800-\udfff]/;
export function jsonQuote(s: string | null): string {
  if (s === null || s === undefined) return '""';
  // short strings (names, most values) are checked by char code, longer ones by the regex
  if (s.length <= 32) {
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 34 || c === 92 || (c >= 0x85 && (c === 0x85 || c === 0x2028 || c === 0x2029))) break;
    }
    if (i === s.length) return `"${s}"`;
  } else if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  // JSON.stringify escapes as Newtonsoft does (\" \\, \n \r \t \b \f, other controls as
  // lowercase \u00xx) except that it also escapes lone surrogates and leaves U+0085, U+2028 and
  // U+2029 alone: without those it writes the same text, natively
  if (!STRINGIFY_DIFFERS.test(s)) return JSON.stringify(s);
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string;
    if (c === 34) esc = '\\"';
    else if (c === 92) esc = "\\\\";
    else if (c < 0x20 || c === 0x85 || c === 0x2028 || c === 0x2029) {
      switch (c) {
        case 10:
          esc = "\\n";
          break;
        case 13:
          esc = "\\r";
          break;
        case 9:
          esc = "\\t";
          break;
        case 8:
          esc = "\\b";
          break;
        case 12:
          esc = "\\f";
          break;
        default:
          esc = `\\u${c.toString(16).padStart(4, "0")}`;
      }
    } else continue;
    out += s.slice(run, i) + esc;
    run = i + 1;
  }
  return `${out}${s.slice(run)}"`;
}

/**
 * A double as Newtonsoft writes it: the "R" round-trip format, with ".0" when that has no point or
 * exponent. When the shortest round-trip digits (String(n)) are at most 15 and the decimal exponent
 * is within what "R" prints without an exponent (1e-4 <= |n| < 1e17, see fmtGeneral), rounding n to
 * 15 digits gives those digits: |n - shortest| is below half an ulp (<= 2^-53 |n|), less than half a
 * unit in the 15th digit (>= 5e-16 |n|). "R" keeps them only when .NET Framework's own (lossy) parser
 * reads them back as n, which the fast path checks as fmtRoundTrip does.
 */
/** 5^0..5^22, exact doubles. */
const POW5 = Array.from({ length: 23 }, (_, k) => 5 ** k);
function writeDouble(n: number): string {
  const a = n < 0 ? -n : n;
  if (a === 0) return "0.0";
  if (a >= 1e-4 && a < 1e15) {
    const s = String(n);
    // String(n) has no exponent in this range: its digits from the first non-zero one as an
    // integer (exact while at most 15 of them), and how many follow the point
    let v = 0;
    let digits = 0;
    let frac = -1;
    for (let i = n < 0 ? 1 : 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 46) frac = 0;
      else {
        if (frac >= 0) frac++;
        if (v !== 0 || c !== 48) {
          v = v * 10 + (c - 48);
          digits++;
        }
      }
    }
    if (digits <= 15) {
      // value = v × 10^sc with v's trailing zeros moved into sc, as the digits .NET reads back
      let sc = frac < 0 ? 0 : -frac;
      while (v % 10 === 0) {
        v /= 10;
        sc++;
      }
      // A decimal that is n exactly (an integer, or 5^-sc divides v) .NET reads back as n: its lossy
      // products are off by a few units of 2^-64, far from the rounding point at bit 11, and there
      // are no denormals here. Others are read as .NET reads them.
      if (sc >= 0 || v % POW5[-sc]! === 0 || netIntegerToDouble(v, sc, n < 0) === n) return frac < 0 ? `${s}.0` : s;
    }
  }
  const s = fmtRoundTrip(n);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** A float as JsonConvert.ToString(float) writes it: "R" with float's digits, and a decimal place. */
function writeSingle(n: number): string {
  if (!Number.isFinite(n)) return jsonQuote(Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity");
  const s = fmtRoundTrip(n, "float");
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

function writeInteger(n: number | bigint): string {
  return typeof n === "bigint" ? n.toString() : Math.abs(n) >= 2 ** 53 ? BigInt(n).toString() : String(n);
}
function writeFloat(n: number | Decimal): string {
  // a decimal keeps its scale (1.50); an integral one gets ".0" as Newtonsoft's EnsureDecimalPlace adds
  if (typeof n !== "number") return n.s === 0 ? `${decStr(n)}.0` : decStr(n);
  if (!Number.isFinite(n)) return jsonQuote(Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity");
  return writeDouble(n);
}

function writeValue(v: JValue): string {
  const x = v.Value;
  switch (v.Type) {
    case TT.Null:
      return "null";
    case TT.Undefined:
      return "undefined";
    case TT.Comment:
      return `/*${x ?? ""}*/`;
    case TT.String:
      return x === null ? "null" : jsonQuote(typeof x === "string" ? x : String(x));
    case TT.Boolean:
      return x ? "true" : "false";
    case TT.Integer:
      return writeInteger(x as number);
    case TT.Float:
      return v instanceof JSingle ? writeSingle(x as number) : writeFloat(x as number);
    case TT.Raw:
      return x === null ? "null" : String(x);
    case TT.Bytes:
      return jsonQuote(Buffer.from(x as Uint8Array).toString("base64"));
    case TT.Date:
      return jsonQuote(dateTimeOps ? dateTimeOps.iso(x) : String(x));
    default:
      return x === null ? "null" : jsonQuote(typeof (x as { ToString?: unknown }).ToString === "function" ? (x as { ToString(): string }).ToString() : String(x));
  }
}

export function writeToken(t: JToken, indented: boolean, indent: string): string {
  if (t instanceof JValue) return writeValue(t);
  if (t instanceof JProperty) return `${jsonQuote(t.Name)}:${indented ? " " : ""}${writeToken(t.Value, indented, indent)}`;
  return writeContainer(t, indented, indent);
}
function writeContainer(t: JToken, indented: boolean, indent: string): string {
  // left-to-right `+` onto `out` with the separators made once per container (V8 builds this
  // faster than nested template literals)
  if (t instanceof JObject) {
    const ps = t.ps;
    if (ps.length === 0) return "{}";
    let out = "{";
    if (indented) {
      const inner = indent + "  ";
      const sep = envNewline.text + inner;
      const sepN = "," + sep;
      for (let i = 0; i < ps.length; i++) {
        const p = ps[i]!;
        const v = p.Value;
        out = out + (i === 0 ? sep : sepN) + jsonQuote(p.Name) + ": " + (v instanceof JValue ? writeValue(v) : writeContainer(v, true, inner));
      }
      return out + envNewline.text + indent + "}";
    }
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      const v = p.Value;
      out = (i === 0 ? out : out + ",") + jsonQuote(p.Name) + ":" + (v instanceof JValue ? writeValue(v) : writeContainer(v, false, ""));
    }
    return out + "}";
  }
  if (t instanceof JArray) {
    const items = t.items;
    if (items.length === 0) return "[]";
    let out = "[";
    if (indented) {
      const inner = indent + "  ";
      const sep = envNewline.text + inner;
      const sepN = "," + sep;
      // a comment takes no comma, before or after it (Newtonsoft's JsonWriter)
      let wrote = false;
      for (let i = 0; i < items.length; i++) {
        const v = items[i]!;
        const comment = v instanceof JValue && v.Type === TT.Comment;
        out = out + (wrote && !comment ? sepN : sep) + (v instanceof JValue ? writeValue(v) : writeContainer(v, true, inner));
        if (!comment) wrote = true;
      }
      return out + envNewline.text + indent + "]";
    }
    let wrote = false;
    for (let i = 0; i < items.length; i++) {
      const v = items[i]!;
      const comment = v instanceof JValue && v.Type === TT.Comment;
      out = (wrote && !comment ? out + "," : out) + (v instanceof JValue ? writeValue(v) : writeContainer(v, false, ""));
      if (!comment) wrote = true;
    }
    return out + "]";
  }
  if (t instanceof JProperty) return writeToken(t, indented, indent);
  if (t instanceof JConstructor) return writeConstructor(t, indented, indent);
  return "";
}
/**
 * JsonTextWriter's constructor: `new Name(` (the name as it is, none for a null one), the arguments,
 * and `)`, indented on a line of its own even when there are none. Unlike an array's, a leading
 * comment counts as an argument: the next one takes a comma (JsonWriter's state table).
 */
function writeConstructor(t: JConstructor, indented: boolean, indent: string): string {
  const items = t.items;
  let out = `new ${t.Name ?? ""}(`;
  const inner = indent + "  ";
  let wrote = false;
  for (let i = 0; i < items.length; i++) {
    const v = items[i]!;
    const comment = v instanceof JValue && v.Type === TT.Comment;
    if (wrote && !comment) out += ",";
    if (indented) out += envNewline.text + inner;
    out += v instanceof JValue ? writeValue(v) : writeContainer(v, indented, inner);
    wrote = true;
  }
  return indented ? out + envNewline.text + indent + ")" : out + ")";
}

/** JsonConvert.SerializeObject(value, formatting). */
export function jsonSerialize(v: unknown, formatting: number): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof JToken) return writeToken(v, formatting === 1, "");
  return writePlain(v, formatting === 1, "");
}
/**
 * What `writeToken(toJToken(v, true))` writes, without building the tokens for the common shapes:
 * strings, booleans, numbers (Integer when integral, else Float), null, and anonymous objects
 * (plain objects without $typeName: their keys not starting with `$`, in order). Anything else goes
 * through toJToken.
 */
function writePlain(v: unknown, indented: boolean, indent: string): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "string":
      return jsonQuote(v);
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return Number.isInteger(v) ? writeInteger(v) : writeFloat(v);
    case "bigint":
      return v.toString();
  }
  if (typeof v === "object" && v !== null && isPlainObject(v) && (v as { $typeName?: unknown }).$typeName === undefined) {
    const o = v as Record<string, unknown>;
    let out = "{";
    let first = true;
    const inner = indented ? `${indent}  ` : "";
    for (const k of Object.keys(o)) {
      if (k.startsWith("$")) continue;
      const x = o[k];
      out += `${first ? "" : ","}${indented ? `${envNewline.text}${inner}` : ""}${jsonQuote(k)}:${indented ? " " : ""}${writePlain(x, indented, inner)}`;
      first = false;
    }
    return first ? "{}" : `${out}${indented ? `${envNewline.text}${indent}` : ""}}`;
  }
  return writeToken(toJToken(v, true), indented, indent);
}
/** JsonConvert.DeserializeObject(text) / DeserializeObject<T>(text). */

JToken.prototype.ToString = function (this: JToken, formatting: number = 1): string {
  return writeToken(this, formatting === 1, "");
};
