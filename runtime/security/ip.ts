// ip-filter: the caller's address (context.Request.IpAddress) against single addresses and
// inclusive ranges, IPv4 and IPv6. Addresses compare as fixed-width hex keys (8 digits for IPv4,
// 32 for IPv6), so a range test is two string comparisons; an IPv4-mapped IPv6 address
// (::ffff:a.b.c.d, as Node reports IPv4 callers on a dual-stack socket) is its IPv4 address.
import { isIPv4, isIPv6 } from "node:net";
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";

export interface IpKey {
  v: 4 | 6;
  key: string;
}
/** An inclusive range; a single address has lo === hi. */
export interface IpRange {
  v: 4 | 6;
  lo: string;
  hi: string;
}

function v4Key(s: string): string {
  return s
    .split(".")
    .map((p) => Number(p).toString(16).padStart(2, "0"))
    .join("");
}

/** The comparable key of an address, or null when it is not an IPv4/IPv6 address. */
export function ipKey(text: string): IpKey | null {
  let s = text.trim();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  const zone = s.indexOf("%");
  if (zone !== -1) s = s.slice(0, zone);
  if (isIPv4(s)) return { v: 4, key: v4Key(s) };
  if (!isIPv6(s)) return null;
  // Expand "::" and a trailing dotted IPv4 part into eight 16-bit groups.
  let tail: string[] = [];
  if (s.includes(".")) {
    const i = s.lastIndexOf(":");
    const v4 = v4Key(s.slice(i + 1));
    tail = [v4.slice(0, 4), v4.slice(4)];
    s = s.slice(0, i + 1);
    if (!s.endsWith("::")) s = s.slice(0, -1);
  }
  const [head, rest] = s.includes("::") ? (s.split("::") as [string, string]) : [s, null];
  const h = head ? head.split(":").filter((x) => x !== "") : [];
  const r = rest !== null && rest !== undefined && rest !== "" ? rest.split(":").filter((x) => x !== "") : [];
  const fill = 8 - tail.length - h.length - r.length;
  const groups = rest === null ? [...h, ...tail] : [...h, ...Array<string>(Math.max(fill, 0)).fill("0"), ...r, ...tail];
  if (groups.length !== 8) return null;
  const key = groups.map((g) => g.toLowerCase().padStart(4, "0")).join("");
  // IPv4-mapped (::ffff:a.b.c.d) is the IPv4 address.
  if (key.startsWith("00000000000000000000ffff")) return { v: 4, key: key.slice(24) };
  return { v: 6, key };
}

/** A range from two addresses, or a message saying why it is not one. */
export function ipRange(from: string, to: string): IpRange | string {
  const a = ipKey(from);
  const b = ipKey(to);
  if (!a) return `'${from}' is not an IPv4 or IPv6 address.`;
  if (!b) return `'${to}' is not an IPv4 or IPv6 address.`;
  if (a.v !== b.v) return `The range '${from}'-'${to}' mixes IPv4 and IPv6.`;
  if (a.key > b.key) return `The range starts at '${from}', after its end '${to}'.`;
  return { v: a.v, lo: a.key, hi: b.key };
}

function inRanges(ip: IpKey, ranges: readonly IpRange[]): boolean {
  for (const r of ranges) if (r.v === ip.v && r.lo <= ip.key && ip.key <= r.hi) return true;
  return false;
}

/**
 * ip-filter: `ranges` are the literal addresses and ranges (prepared by the compiler), `dynamic`
 * the values of `<address>` expressions. allow: the caller must be listed (else 403
 * CallerIpNotAllowed); forbid: the caller must not be (else 403 CallerIpBlocked).
 */
export function ipFilter(ctx: Context, action: unknown, ranges: readonly IpRange[], dynamic: readonly unknown[]): void {
  if (action !== "allow" && action !== "forbid")
    throw new PolicyError("ExpressionValueEvaluationFailure", `ip-filter: action '${String(action)}' is neither 'allow' nor 'forbid'.`);
  let list = ranges;
  if (dynamic.length > 0) {
    list = ranges.slice();
    for (const d of dynamic) {
      const k = d === null || d === undefined ? null : ipKey(String(d));
      if (!k) throw new PolicyError("ExpressionValueEvaluationFailure", `ip-filter: '${String(d)}' is not an IPv4 or IPv6 address.`);
      (list as IpRange[]).push({ v: k.v, lo: k.key, hi: k.key });
    }
  }
  const caller = ctx.Request.IpAddress;
  const ip = typeof caller === "string" ? ipKey(caller) : null;
  if (!ip) throw new PolicyError("FailedToParseCallerIP", `Failed to parse the caller IP address '${String(caller)}'. Access denied.`, 403, "ip-filter");
  const listed = inRanges(ip, list);
  if (action === "allow" && !listed) throw new PolicyError("CallerIpNotAllowed", `Caller IP address ${caller} is not allowed. Access denied.`, 403, "ip-filter");
  if (action === "forbid" && listed) throw new PolicyError("CallerIpBlocked", `Caller IP address ${caller} is blocked. Access denied.`, 403, "ip-filter");
}
