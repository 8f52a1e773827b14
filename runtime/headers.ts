// HTTP headers with APIM semantics: case-insensitive names, several values a name, comma-joining
// when written out except for headers whose values may contain commas or dates, and headers that
// policies cannot change.
import { keyNotFound, PolicyError } from "./errors.js";
import type { HeaderOps } from "./contract.js";

export interface HeaderEntry {
  /** The name as first written (case kept for the wire). */
  readonly name: string;
  /** Never mutated in place: an update makes a new array, so literal entries can be shared constants. */
  readonly values: readonly string[];
}

/** Headers sent as repeated lines instead of one comma-joined line (set-header reference page). */
export const NO_COMMA_JOIN: ReadonlySet<string> = new Set([
  "user-agent",
  "www-authenticate",
  "proxy-authenticate",
  "cookie",
  "set-cookie",
  "warning",
  "date",
  "expires",
  "if-modified-since",
  "if-unmodified-since",
  "last-modified",
  "retry-after",
]);

/** Headers a policy cannot append, override or delete (set-header "Limitations"). */
export const PROTECTED_HEADERS: ReadonlySet<string> = new Set(["connection", "content-length", "keep-alive", "transfer-encoding"]);

/**
 * Headers the gateway never passes on: hop-by-hop ones (RFC 9110 §7.6.1), and Expect, whose
 * 100-continue the gateway's own server already answered (undici refuses to send it).
 */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  "expect",
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "http2-settings",
]);

export type ExistsAction = "override" | "skip" | "append" | "delete";

/**
 * `IReadOnlyDictionary<string, string[]>` for policy expressions (PascalCase members) plus the
 * internal operations policies use (lower-case members).
 */
export class HeaderMap implements Iterable<{ Key: string; Value: string[] }>, HeaderOps {
  /** Keyed by lower-cased name. Generated code uses the `*Lower` operations (contract.ts HEADER_OPS), never the map. */
  readonly m = new Map<string, HeaderEntry>();
  /** "request" or "response": decides which headers are protected (Server only on responses). */
  constructor(readonly kind: "request" | "response" = "request") {}

  static from(init: Record<string, string | readonly string[] | undefined> | undefined, kind: "request" | "response" = "request"): HeaderMap {
    const h = new HeaderMap(kind);
    if (init)
      for (const name of Object.keys(init)) {
        const v = init[name];
        if (v === undefined) continue;
        h.appendValues(name, typeof v === "string" ? [v] : [...v]);
      }
    return h;
  }

  /** From Node's `rawHeaders` (name, value, name, value, ...), repeated names kept as several values. */
  static fromRaw(raw: readonly string[], kind: "request" | "response" = "request"): HeaderMap {
    const h = new HeaderMap(kind);
    const m = h.m;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!;
      const key = name.toLowerCase();
      const e = m.get(key);
      m.set(key, e === undefined ? { name, values: [raw[i + 1]!] } : { name: e.name, values: [...e.values, raw[i + 1]!] });
    }
    return h;
  }

  // ---- .NET surface -------------------------------------------------------------------------
  /** All values comma-joined, or `def` when the header is absent. */
  GetValueOrDefault(name: string, def: string | null = null): string | null {
    const e = this.m.get(name.toLowerCase());
    return e === undefined ? def : joinValues(e.values);
  }
  /** GetValueOrDefault with a name already lower-cased (the compiler does it for literal names). */
  valueLower(key: string, def: string | null): string | null {
    const e = this.m.get(key);
    return e === undefined ? def : joinValues(e.values);
  }
  /** Indexer: throws KeyNotFoundException when absent, as the .NET dictionary does. */
  Item(name: string): string[] {
    const e = this.m.get(name.toLowerCase());
    if (e === undefined) throw keyNotFound(name);
    return e.values.slice();
  }
  ContainsKey(name: string): boolean {
    return this.m.has(name.toLowerCase());
  }
  /** TryGetValue without the out parameter: the values, or undefined. */
  TryGetValue(name: string): string[] | undefined {
    return this.m.get(name.toLowerCase())?.values.slice();
  }
  get Count(): number {
    return this.m.size;
  }
  get Keys(): string[] {
    return Array.from(this.m.values(), (e) => e.name);
  }
  get Values(): string[][] {
    return Array.from(this.m.values(), (e) => e.values.slice());
  }
  *[Symbol.iterator](): Iterator<{ Key: string; Value: string[] }> {
    for (const e of this.m.values()) yield { Key: e.name, Value: e.values.slice() };
  }

  // ---- operations on a lower-cased name (the compiler lower-cases literal names) ---------------
  entryLower(key: string): HeaderEntry | undefined {
    return this.m.get(key);
  }
  hasLower(key: string): boolean {
    return this.m.has(key);
  }
  /** Replaces all values; `entry` is kept as it is (never mutated: literal entries are shared). */
  setLower(key: string, entry: HeaderEntry): void {
    this.m.set(key, entry);
  }
  deleteLower(key: string): void {
    this.m.delete(key);
  }

  // ---- internal operations --------------------------------------------------------------------
  get(name: string): HeaderEntry | undefined {
    return this.m.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.m.has(name.toLowerCase());
  }
  /** Replace all values. */
  setValues(name: string, values: readonly string[]): void {
    this.m.set(name.toLowerCase(), { name, values });
  }
  appendValues(name: string, values: readonly string[]): void {
    const key = name.toLowerCase();
    const e = this.m.get(key);
    this.m.set(key, e === undefined ? { name, values } : { name: e.name, values: [...e.values, ...values] });
  }
  delete(name: string): void {
    this.m.delete(name.toLowerCase());
  }
  clone(): HeaderMap {
    const h = new HeaderMap(this.kind);
    for (const [k, e] of this.m) h.m.set(k, e);
    return h;
  }
  /** Plain object for tests and traces: lower-case name → values. */
  toRecord(): Record<string, string[]> {
    const out: Record<string, string[]> = Object.create(null);
    for (const [k, e] of this.m) out[k] = e.values.slice();
    return out;
  }
  /** Node `setHeader`-style pairs with APIM joining rules applied. */
  toWire(skip: ReadonlySet<string> = HOP_BY_HOP): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = Object.create(null);
    for (const [k, e] of this.m) {
      if (skip.has(k)) continue;
      out[e.name] = wireValue(k, e.values);
    }
    return out;
  }
}

/** The one place the comma-joining rule lives. */
export function joinValues(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : values.join(",");
}

export function wireValue(lowerName: string, values: readonly string[]): string | string[] {
  if (values.length === 1) return values[0]!;
  return NO_COMMA_JOIN.has(lowerName) ? values.slice() : values.join(",");
}

/**
 * `set-header` when the name, action or values are computed at run time. Literal cases are
 * compiled to direct map operations instead. Protected headers ([PROTECTED_HEADERS]) computed at
 * run time raise a policy error (reason `HeaderNotAllowed`) rather than silently doing nothing.
 */
export function setHeader(h: HeaderMap, name: unknown, action: unknown, values: readonly unknown[]): void {
  if (typeof name !== "string" || name === "") throw new PolicyError("ExpressionValueEvaluationFailure", "Header name must be a non-empty string.");
  if (!isToken(name)) throw new PolicyError("ExpressionValueEvaluationFailure", `'${name}' is not a valid HTTP header name.`);
  const key = name.toLowerCase();
  const act = action === undefined || action === null ? "override" : String(action);
  if (act !== "override" && act !== "skip" && act !== "append" && act !== "delete")
    throw new PolicyError("ExpressionValueEvaluationFailure", `'${act}' is not a valid exists-action (override, skip, append, delete).`);
  if (PROTECTED_HEADERS.has(key) || (key === "server" && h.kind === "response" && act === "delete"))
    throw new PolicyError("HeaderNotAllowed", `Header '${name}' cannot be changed by a policy.`);
  const vals = headerValues(name, values);
  switch (act) {
    case "override":
      h.m.set(key, { name, values: vals });
      return;
    case "skip":
      if (!h.m.has(key)) h.m.set(key, { name, values: vals });
      return;
    case "append":
      h.appendValues(name, vals);
      return;
    case "delete":
      h.m.delete(key);
      return;
  }
}

/**
 * Computed header values as they go on the wire: nulls dropped, everything else as a string; a line
 * break or NUL is a policy error (it would split the header). Used by set-header with a literal name.
 */
export function headerValues(name: string, values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v !== null && v !== undefined) out.push(checkedHeaderValue(name, v));
  return out;
}
/** headerValues for the usual single <value>. */
export function headerValue(name: string, v: unknown): string[] {
  return v === null || v === undefined ? [] : [checkedHeaderValue(name, v)];
}
function checkedHeaderValue(name: string, v: unknown): string {
  const s = typeof v === "string" ? v : String(v);
  // Three indexOf scans (memchr-fast in V8) beat one charCodeAt loop over the string.
  if (s.indexOf("\n") !== -1 || s.indexOf("\r") !== -1 || s.indexOf("\0") !== -1)
    throw new PolicyError("ExpressionValueEvaluationFailure", `Value of header '${name}' contains a line break or NUL.`);
  return s;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}
