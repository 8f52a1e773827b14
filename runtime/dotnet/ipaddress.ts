// System.Net.IPAddress (the members APIM allows: Parse, TryParse, ToString, Equals, GetAddressBytes,
// IsLoopback, AddressFamily). IPv4 text is read as .NET Framework reads it (inet_aton: 1 to 4 parts,
// decimal, octal with a leading 0, hex with 0x; the last part fills the remaining bytes); IPv6 as
// RFC 4291 text, written back in RFC 5952 form with an IPv4-mapped tail as a dotted quad.
import { DotNetException, argumentNull } from "../errors.js";

const invalid = () => new DotNetException("System.FormatException", "An invalid IP address was specified.");

export class IPAddress {
  readonly $typeName = "System.Net.IPAddress";
  constructor(
    readonly bytes: Uint8Array,
    readonly scope: number = 0,
  ) {}
  static Parse(s: string | null): IPAddress {
    if (s === null || s === undefined) throw argumentNull("ipString");
    const ip = parseIp(s);
    if (!ip) throw invalid();
    return ip;
  }
  static TryParse(s: string | null): IPAddress | undefined {
    return s === null || s === undefined ? undefined : (parseIp(s) ?? undefined);
  }
  /** System.Net.Sockets.AddressFamily: InterNetwork (2) or InterNetworkV6 (23). */
  get AddressFamily(): number {
    return this.bytes.length === 4 ? 2 : 23;
  }
  GetAddressBytes(): Uint8Array {
    return this.bytes.slice();
  }
  Equals(o: unknown): boolean {
    return o instanceof IPAddress && o.bytes.length === this.bytes.length && o.bytes.every((b, i) => b === this.bytes[i]) && o.scope === this.scope;
  }
  ToString(): string {
    const b = this.bytes;
    if (b.length === 4) return b.join(".");
    const words = Array.from({ length: 8 }, (_v, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);
    const mapped = words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff;
    const text = mapped ? `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}` : compress(words);
    return this.scope ? `${text}%${this.scope}` : text;
  }
  toString(): string {
    return this.ToString();
  }
  static IsLoopback(a: IPAddress | null): boolean {
    if (a === null || a === undefined) throw argumentNull("address");
    const b = a.bytes;
    return b.length === 4 ? b[0] === 127 : b.every((x, i) => x === (i === 15 ? 1 : 0));
  }
}

/** RFC 5952: lower-case hex, the longest run (≥ 2) of zero words as "::". */
function compress(words: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

function parseIp(s: string): IPAddress | null {
  return s.includes(":") ? parseV6(s) : parseV4(s);
}

function parseV4(s: string): IPAddress | null {
  const parts = s.split(".");
  if (parts.length > 4 || parts.some((p) => p === "")) return null;
  const nums: number[] = [];
  for (const p of parts) {
    const m = /^0x([0-9a-f]*)$/i.exec(p);
    const v = m ? (m[1] === "" ? 0 : parseInt(m[1]!, 16)) : /^0[0-7]*$/.test(p) ? parseInt(p, 8) : /^[1-9]\d*$/.test(p) ? Number(p) : NaN;
    if (!Number.isFinite(v)) return null;
    nums.push(v);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return null;
  const bytes = new Uint8Array(4);
  nums.forEach((n, i) => (bytes[i] = n));
  for (let i = 3, v = last; i >= nums.length; i--, v = Math.floor(v / 256)) bytes[i] = v % 256;
  return new IPAddress(bytes);
}

function parseV6(input: string): IPAddress | null {
  let s = input;
  if (s.startsWith("[")) {
    const end = s.indexOf("]");
    if (end < 0) return null;
    s = s.slice(1, end);
  }
  let scope = 0;
  const pct = s.indexOf("%");
  if (pct >= 0) {
    const id = s.slice(pct + 1);
    if (!/^\d+$/.test(id)) return null;
    scope = Number(id);
    s = s.slice(0, pct);
  }
  // an IPv4 tail becomes two hex words
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const t = parseV4(v4[2]!);
    if (!t || v4[2]!.split(".").some((p) => p.length > 1 && p.startsWith("0"))) return null;
    s = `${v4[1]}${((t.bytes[0]! << 8) | t.bytes[1]!).toString(16)}:${((t.bytes[2]! << 8) | t.bytes[3]!).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const words = (h: string) => (h === "" ? [] : h.split(":"));
  const head = words(halves[0]!);
  const tail = halves.length === 2 ? words(halves[1]!) : [];
  const all = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail] : head;
  if (all.length !== 8 || (halves.length === 2 && head.length + tail.length > 7)) return null;
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-f]{1,4}$/i.test(all[i]!)) return null;
    const w = parseInt(all[i]!, 16);
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  }
  return new IPAddress(bytes, scope);
}
