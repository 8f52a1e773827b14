// ToString of boxed values (toStr), boxes that format as their C# type (float, enum), and composite
// formatting (String.Format, interpolation holes with alignment and format).
import { argumentNull, DotNetException, formatError } from "../errors.js";
import { guidFormat } from "./guid.js";
import { fmtDouble, fmtFloat, numFormat } from "./number-format.js";

/** `obj.ToString()` of a boxed value; null → "" (as in concatenation). */
export function toStr(v: unknown): string {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      return v ? "True" : "False";
    case "number":
      return Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? String(v) : fmtDouble(v);
    case "bigint":
      return String(v);
    case "object": {
      const o = v as { ToString?: () => string; $typeName?: string };
      if (typeof o.ToString === "function") return o.ToString();
      if (o.$typeName) return o.$typeName;
      if (v instanceof Uint8Array) return "System.Byte[]";
      if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? "System.String[]" : "System.Object[]";
      if (v instanceof DotNetException) return v.toString();
      if (v instanceof Map) return "System.Collections.Generic.Dictionary`2[System.String,System.Object]";
      if (v instanceof Set) return "System.Collections.Generic.HashSet`1[System.Object]";
      if ("Key" in (v as object) && "Value" in (v as object)) {
        const kv = v as { Key: unknown; Value: unknown };
        return `[${toStr(kv.Key)}, ${toStr(kv.Value)}]`;
      }
      return String(v);
    }
    default:
      return String(v);
  }
}
/** Records the CLR type name of a collection boxed to object (its ToString() and GetType() name). */
export function tagType<T>(v: T, name: string): T {
  if (v !== null && typeof v === "object" && !Object.prototype.hasOwnProperty.call(v, "$typeName")) {
    Object.defineProperty(v, "$typeName", { value: name, enumerable: false, writable: true });
  }
  return v;
}
/** A float boxed for composite formatting (formats with 7 digits, not a double's 15). */
export class FloatBox {
  constructor(readonly v: number) {}
  ToString(format?: string | null): string {
    return format ? numFormat(this.v, format, "float") : fmtFloat(this.v);
  }
}
export function boxFloat(v: number | null): FloatBox | null {
  return v === null || v === undefined ? null : new FloatBox(v);
}
/** Like toStr, but null stays null (string-typed policy attributes). */
export function toStrOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : toStr(v);
}
/** Convert.ToString(object): null → "". */
export function toStrOrEmpty(v: unknown): string {
  return toStr(v);
}

/** Formats a boxed value with a format string (interpolation holes, String.Format items). */
export function fmtValue(v: unknown, format: string | null): string {
  if (v === null || v === undefined) return "";
  if (format === null || format === undefined || format === "") return toStr(v);
  if (typeof v === "number") return numFormat(v, format, Number.isInteger(v) ? (v >= -2147483648 && v <= 2147483647 ? "int" : "long") : "double");
  if (typeof v === "bigint") return numFormat(v as unknown as number, format, "long");
  const o = v as { ToString?: (f?: string) => string };
  if (typeof o === "object" && typeof o.ToString === "function" && o.ToString.length >= 0) return o.ToString(format);
  if (typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) return guidFormat(v, format);
  return toStr(v);
}
/** Alignment of an interpolation/format item: positive pads left, negative pads right. */
export function align(s: string, n: number): string {
  // (an int's text arrives as the number itself: `"" + x` is its text)
  const t = typeof s === "string" ? s : String(s);
  return n >= 0 ? t.padStart(n) : t.padEnd(-n);
}

/** String.Format composite formatting. */
type FormatPart = string | { idx: number; align: number | null; fmt: string | null };

/** Parsed composite format strings: policies format the same literal on every request. */
const formatCache = new Map<string, FormatPart[] | "invalid">();

function parseFormat(format: string): FormatPart[] | "invalid" {
  const parts: FormatPart[] = [];
  let lit = "";
  let i = 0;
  const n = format.length;
  while (i < n) {
    const c = format[i]!;
    if (c === "{") {
      if (format[i + 1] === "{") {
        lit += "{";
        i += 2;
        continue;
      }
      const close = format.indexOf("}", i);
      if (close < 0) return "invalid";
      const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(format.slice(i + 1, close));
      if (!m) return "invalid";
      if (lit) parts.push(lit);
      lit = "";
      parts.push({ idx: Number(m[1]), align: m[2] !== undefined ? Number(m[2]) : null, fmt: m[3] ?? null });
      i = close + 1;
      continue;
    }
    if (c === "}") {
      if (format[i + 1] === "}") {
        lit += "}";
        i += 2;
        continue;
      }
      return "invalid";
    }
    const next = format.slice(i).search(/[{}]/);
    const end = next === -1 ? n : i + next;
    lit += format.slice(i, end);
    i = end;
  }
  if (lit) parts.push(lit);
  return parts;
}

export function strFormat(format: string | null, args: readonly unknown[] | null): string {
  if (format === null) throw argumentNull("format");
  if (args === null) throw argumentNull("args");
  let parts = formatCache.get(format);
  if (parts === undefined) {
    parts = parseFormat(format);
    if (formatCache.size >= 512) formatCache.clear();
    formatCache.set(format, parts);
  }
  if (parts === "invalid") throw formatError();
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") {
      out += p;
      continue;
    }
    if (p.idx >= args.length) throw formatError("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
    const s = fmtValue(args[p.idx], p.fmt);
    out += p.align !== null ? align(s, p.align) : s;
  }
  return out;
}
