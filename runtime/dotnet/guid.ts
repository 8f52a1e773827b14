// Guid (a Guid is its lower-case "D" string; boxed to object it is a GuidBox): NewGuid, Parse/TryParse,
// ToString(format), byte order.
import { randomUUID } from "node:crypto";
import { argumentError, argumentNull, formatError } from "../errors.js";

const ZERO_GUID = "00000000-0000-0000-0000-000000000000";
export function newGuid(): string {
  return randomUUID();
}
// GuidStyles: what a parse allows or requires (.NET's Guid.TryParseGuid).
const ALLOW_PARENS = 1,
  ALLOW_BRACES = 2,
  ALLOW_DASHES = 4,
  REQUIRE_PARENS = 16,
  REQUIRE_BRACES = 32,
  REQUIRE_DASHES = 64;
const ANY = ALLOW_PARENS | ALLOW_BRACES | ALLOW_DASHES;
/** ParseExact's format letter → its GuidStyles (D, N, B, P, X). */
const EXACT_STYLES: Record<string, number> = { d: REQUIRE_DASHES, n: 0, b: REQUIRE_BRACES | REQUIRE_DASHES, p: REQUIRE_PARENS | REQUIRE_DASHES, x: REQUIRE_BRACES };
const hex = (s: string) => /^[0-9a-fA-F]+$/.test(s);
const h = (n: number, w: number) => n.toString(16).padStart(w, "0");

/**
 * Guid.TryParseGuid: trimmed; dashes, braces and parentheses allowed or required by the style; then
 * the dashed form ([{(]8-4-4-4-12[})]), the hex form ({0x..,0x..,0x..,{0x..,...}}, whitespace anywhere)
 * or 32 hex digits. The lower-case "D" text, or undefined.
 */
function parseStyled(s: string, style: number): string | undefined {
  const g = s.trim();
  if (g.length === 0) return undefined;
  const dashes = g.includes("-");
  if (dashes ? !(style & (ALLOW_DASHES | REQUIRE_DASHES)) : style & REQUIRE_DASHES) return undefined;
  const braces = g.includes("{");
  if (braces ? !(style & (ALLOW_BRACES | REQUIRE_BRACES)) : style & REQUIRE_BRACES) return undefined;
  const parens = g.includes("(");
  if (parens ? !(style & (ALLOW_PARENS | REQUIRE_PARENS)) : style & REQUIRE_PARENS) return undefined;
  if (dashes) {
    let t = g;
    if (g[0] === "{" || g[0] === "(") {
      if (g.length !== 38 || g[37] !== (g[0] === "{" ? "}" : ")")) return undefined;
      t = g.slice(1, 37);
    } else if (g.length !== 36) return undefined;
    const m = /^([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})$/.exec(t);
    return m ? `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase() : undefined;
  }
  if (braces) return parseHexForm(g);
  return g.length === 32 && hex(g) ? `${g.slice(0, 8)}-${g.slice(8, 12)}-${g.slice(12, 16)}-${g.slice(16, 20)}-${g.slice(20)}`.toLowerCase() : undefined;
}
/** {0xdddddddd,0xdddd,0xdddd,{0xdd,0xdd,0xdd,0xdd,0xdd,0xdd,0xdd,0xdd}} (TryParseGuidWithHexPrefix; the shorts keep their low 16 bits). */
function parseHexForm(input: string): string | undefined {
  const g = input.replace(/\s+/g, "");
  const m = /^\{0[xX]([0-9a-fA-F]+),0[xX]([0-9a-fA-F]+),0[xX]([0-9a-fA-F]+),\{((?:0[xX][0-9a-fA-F]+,){7}0[xX][0-9a-fA-F]+)\}\}$/.exec(g);
  if (!m || m[1]!.length > 8 || m[2]!.length > 8 || m[3]!.length > 8) return undefined;
  const bytes = m[4]!.split(",").map((x) => (x.length > 10 ? 256 : parseInt(x.slice(2), 16)));
  if (bytes.some((x) => x > 255)) return undefined;
  const a = parseInt(m[1]!, 16);
  const b = parseInt(m[2]!, 16) & 0xffff;
  const c = parseInt(m[3]!, 16) & 0xffff;
  const d = bytes.map((x) => h(x, 2)).join("");
  return `${h(a, 8)}-${h(b, 4)}-${h(c, 4)}-${d.slice(0, 4)}-${d.slice(4)}`;
}
export function guidTryParse(s: string | null): string | undefined {
  if (s === null || s === undefined) return undefined;
  return parseStyled(s, ANY);
}
/** Guid.ParseExact: the format is one of D, N, B, P, X (either case). */
export function guidParseExact(s: string | null, format: string | null): string {
  if (s === null || s === undefined) throw argumentNull("input");
  if (format === null || format === undefined) throw argumentNull("format");
  const style = format.length === 1 ? EXACT_STYLES[format.toLowerCase()] : undefined;
  if (style === undefined) throw formatError('Format String can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".');
  const g = parseStyled(s, style);
  if (g === undefined) throw formatError("Unrecognized Guid format.");
  return g;
}
export function guidTryParseExact(s: string | null, format: string | null): string | undefined {
  if (s === null || s === undefined || format === null || format === undefined || format.length !== 1) return undefined;
  const style = EXACT_STYLES[format.toLowerCase()];
  return style === undefined ? undefined : parseStyled(s, style);
}
export function guidParse(s: string | null): string {
  if (s === null) throw argumentNull("input");
  const g = guidTryParse(s);
  if (g === undefined) throw formatError("Unrecognized Guid format.");
  return g;
}
export function guidFormat(g: string, f: string | null): string {
  switch (f ?? "D") {
    case "":
    case "D":
    case "d":
      return g;
    case "N":
    case "n":
      return g.replace(/-/g, "");
    case "B":
    case "b":
      return `{${g}}`;
    case "P":
    case "p":
      return `(${g})`;
    case "X":
    case "x": {
      const n = g.replace(/-/g, "");
      const bytes = n.slice(16).match(/../g)!.map((x) => `0x${x}`);
      return `{0x${n.slice(0, 8)},0x${n.slice(8, 12)},0x${n.slice(12, 16)},{${bytes.join(",")}}}`;
    }
    default:
      throw formatError("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
  }
}
/** Guid.ToByteArray(): the first three groups little-endian. */
export function guidToBytes(g: string): Uint8Array {
  const h = g.replace(/-/g, "");
  const b = Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
  const swap = (i: number, n: number) => b.subarray(i, i + n).reverse();
  swap(0, 4);
  swap(4, 2);
  swap(6, 2);
  return b;
}
export function guidFromBytes(b: Uint8Array): string {
  if (b === null || b === undefined) throw argumentNull("b");
  if (b.length !== 16) throw argumentError("Byte array for GUID must be exactly 16 bytes long.\r\nParameter name: b");
  const c = Uint8Array.from(b);
  c.subarray(0, 4).reverse();
  c.subarray(4, 6).reverse();
  c.subarray(6, 8).reverse();
  const h = Buffer.from(c).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

void ZERO_GUID;

/**
 * A Guid boxed to object. An unboxed Guid stays its "D" string (Guid.NewGuid().ToString() costs
 * nothing more); the box makes `(object)g is string` false, `Equals` with a string of the same text
 * false, a JValue of it a Guid token and a Dictionary<object, ...> key apart from the string.
 */
export class GuidBox {
  constructor(readonly g: string) {}
  get $typeName(): string {
    return "System.Guid";
  }
  ToString(format?: string | null): string {
    return format === undefined || format === null ? this.g : guidFormat(this.g, format);
  }
  toString(): string {
    return this.g;
  }
  toJSON(): string {
    return this.g;
  }
  Equals(o: unknown): boolean {
    return o instanceof GuidBox && o.g === this.g;
  }
  /** Guid.CompareTo(object): a Guid, else null (1) or ArgumentException. */
  CompareTo(o: unknown): number {
    if (o === null || o === undefined) return 1;
    if (!(o instanceof GuidBox)) throw argumentError("Object must be of type GUID.\r\nParameter name: value");
    return this.g < o.g ? -1 : this.g > o.g ? 1 : 0;
  }
  /** Guid.GetHashCode: _a ^ ((_b << 16) | _c) ^ ((_f << 24) | _k), read from the "D" text. */
  GetHashCode(): number {
    return guidHash(this.g);
  }
}
export function guidHash(g: string): number {
  const h = (i: number, n: number) => parseInt(g.slice(i, i + n), 16);
  const a = h(0, 8) | 0;
  const bc = ((h(9, 4) << 16) | h(14, 4)) | 0;
  const fk = ((h(24, 2) << 24) | h(34, 2)) | 0;
  return a ^ bc ^ fk;
}
/** `(object)g` for a Guid (or Guid?: null stays null). */
export function boxGuid(g: string | null | undefined): GuidBox | null {
  return g === null || g === undefined ? null : new GuidBox(g);
}
