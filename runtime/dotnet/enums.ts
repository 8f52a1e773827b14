// Enums: ToString (names, [Flags] combinations), the box an enum value becomes as an object (EnumBox),
// `is`/unboxing of it, and Enum.TryParse<TEnum> (names, comma-separated flags OR-ed, or an integer).
import { argumentError, formatError, invalidCast, nullReference } from "../errors.js";

/**
 * An enum type's members by value, as the compiler hoists them (lower.ts enumNames): `$t` is the
 * type's CLR full name, `$f` is set for a [Flags] enum, `$l` the last name of a shared value.
 */
export type EnumNames = Record<number, string> & { $t?: string; $f?: 1; $l?: Record<number, string> };
/**
 * Enum.ToString(): the member's name; a [Flags] value as its members' names joined by ", " (highest
 * first taken, listed in ascending order: .NET's InternalFlagsFormat); else the number.
 */
export function enumStr(v: number | null, names: EnumNames): string {
  if (v === null || v === undefined) return "";
  if (names.$f) return flagsStr(v, names) ?? String(v);
  return names[v] ?? String(v);
}
function flagsStr(v: number, names: EnumNames): string | null {
  const values = Object.keys(names).filter((k) => k[0] !== "$").map(Number).sort((a, b) => (a >>> 0) - (b >>> 0));
  let rest = v >>> 0;
  const parts: string[] = [];
  for (let i = values.length - 1; i >= 0; i--) {
    const x = values[i]! >>> 0;
    if (i === 0 && x === 0) break;
    if ((rest & x) >>> 0 === x && x !== 0) {
      rest = (rest - x) >>> 0;
      parts.unshift(names.$l?.[values[i]!] ?? names[values[i]!]!);
    }
  }
  if (rest !== 0) return null;
  return v === 0 ? (names[0] ?? "0") : parts.join(", ");
}
/**
 * An enum value boxed to object (and for composite formatting): ToString() prints the name (G), D the
 * number, X its hex; Equals, hashing and `is` know its enum type; unboxing gives the number.
 */
export class EnumBox {
  constructor(
    readonly v: number,
    readonly names: EnumNames,
  ) {}
  get $typeName(): string {
    return this.names.$t ?? "System.Enum";
  }
  ToString(format?: string | null): string {
    switch (format) {
      case "D":
      case "d":
        return String(this.v);
      case "X":
      case "x":
        return (this.v >>> 0).toString(16).toUpperCase().padStart(8, "0");
      case "F":
      case "f":
        return flagsStr(this.v, this.names) ?? String(this.v);
      case undefined:
      case null:
      case "":
      case "G":
      case "g":
        return enumStr(this.v, this.names);
      default:
        throw formatError("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
    }
  }
  toString(): string {
    return enumStr(this.v, this.names);
  }
  valueOf(): number {
    return this.v;
  }
  toJSON(): number {
    return this.v;
  }
  Equals(o: unknown): boolean {
    return o instanceof EnumBox && o.v === this.v && o.names.$t === this.names.$t;
  }
  /** Enum.CompareTo(object): the same enum type, else ArgumentException. */
  CompareTo(o: unknown): number {
    if (o === null || o === undefined) return 1;
    if (!(o instanceof EnumBox) || o.names.$t !== this.names.$t) throw argumentError(`Object must be the same type as the enum. The type passed in was '${runtimeName(o)}'; the enum type was '${this.$typeName}'.`);
    return this.v < o.v ? -1 : this.v > o.v ? 1 : 0;
  }
  /** An int-based enum hashes as its int value. */
  GetHashCode(): number {
    return this.v | 0;
  }
}
function runtimeName(o: unknown): string {
  if (typeof o === "string") return "System.String";
  if (typeof o === "boolean") return "System.Boolean";
  if (typeof o === "number") return Number.isInteger(o) ? "System.Int32" : "System.Double";
  return (o as { $typeName?: string }).$typeName ?? "System.Object";
}
export function boxEnum(v: number | null, names: EnumNames): EnumBox | null {
  return v === null || v === undefined ? null : new EnumBox(v, names);
}
/** `e.ToString(format)` of an enum value. */
export function enumFormat(v: number, names: EnumNames, format: string | null): string {
  return new EnumBox(v, names).ToString(format);
}
/** `o is E` for an enum type E (by its CLR full name). */
export function isEnumOf(o: unknown, fullName: string): boolean {
  return o instanceof EnumBox && o.names.$t === fullName;
}
/** `(E)o` for an enum type E: unboxing takes a boxed enum of the same underlying type (int) or a boxed int. */
export function castEnum(o: unknown, fullName: string, nullable: boolean): number | null {
  if (o instanceof EnumBox) return o.v;
  if (typeof o === "number" && (o | 0) === o) return o;
  if (o === null || o === undefined) {
    if (nullable) return null;
    throw nullReference();
  }
  throw invalidCast(runtimeName(o), nullable ? `System.Nullable\`1[${fullName}]` : fullName);
}

export function enumTryParse(s: string | null, names: readonly string[], values: readonly number[], ignoreCase: boolean): number | undefined {
  if (s === null || s === undefined) return undefined;
  const t = s.trim();
  if (t === "") return undefined;
  if (/^[0-9+-]/.test(t)) {
    if (!/^[+-]?\d+$/.test(t)) return undefined;
    const n = Number(t);
    return n >= -2147483648 && n <= 2147483647 ? n : undefined;
  }
  let v = 0;
  for (const part of t.split(",")) {
    const p = part.trim();
    const i = ignoreCase ? names.findIndex((n) => n.toLowerCase() === p.toLowerCase()) : names.indexOf(p);
    if (i < 0) return undefined;
    v |= values[i]!;
  }
  return v;
}
