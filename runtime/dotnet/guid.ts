// Guid (a Guid is its lower-case "D" string): NewGuid, Parse/TryParse, ToString(format), byte order.
import { randomUUID } from "node:crypto";
import { argumentError, argumentNull, formatError } from "../errors.js";

const ZERO_GUID = "00000000-0000-0000-0000-000000000000";
export function newGuid(): string {
  return randomUUID();
}
export function guidTryParse(s: string | null): string | undefined {
  if (s === null || s === undefined) return undefined;
  const t = s.trim();
  const m = /^[{(]?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})[})]?$/.exec(t);
  if (!m) return undefined;
  const braces = t[0] === "{" ? "}" : t[0] === "(" ? ")" : "";
  if (braces && t[t.length - 1] !== braces) return undefined;
  const dashed = t.includes("-");
  if (!dashed && t.replace(/[{}()]/g, "").length !== 32) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase();
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
  if (!b || b.length !== 16) throw argumentError("Byte array for GUID must be exactly 16 bytes long.");
  const c = Uint8Array.from(b);
  c.subarray(0, 4).reverse();
  c.subarray(4, 6).reverse();
  c.subarray(6, 8).reverse();
  const h = Buffer.from(c).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

void ZERO_GUID;
