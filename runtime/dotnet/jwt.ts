// APIM's Jwt (string.AsJwt()): header and payload claims of a JWT, read without validating it.
import { DotNetException } from "../errors.js";
import { registerTypeCheck } from "./core.js";
import { toStr } from "./text-format.js";
import { DateTime } from "./datetime.js";

function b64urlDecode(s: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) return null;
  return Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}
export class Jwt {
  readonly $typeName = "Microsoft.Azure.ApiManagement.Jwt";
  constructor(
    private readonly header: Record<string, unknown>,
    private readonly payload: Record<string, unknown>,
  ) {}
  private str(k: string, o: Record<string, unknown> = this.payload): string | null {
    const v = o[k];
    return v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v);
  }
  private date(k: string): DateTime | null {
    const v = this.payload[k];
    return typeof v === "number" ? DateTime.fromMs(v * 1000, 1) : null;
  }
  get Algorithm(): string | null {
    return this.str("alg", this.header);
  }
  get Type(): string | null {
    return this.str("typ", this.header);
  }
  get Id(): string | null {
    return this.str("jti");
  }
  get Issuer(): string | null {
    return this.str("iss");
  }
  get Subject(): string | null {
    return this.str("sub");
  }
  get Audiences(): string[] {
    const a = this.payload.aud;
    return a === undefined || a === null ? [] : Array.isArray(a) ? a.map((x) => toStr(x)) : [toStr(a)];
  }
  get ExpirationTime(): DateTime | null {
    return this.date("exp");
  }
  get IssuedAt(): DateTime | null {
    return this.date("iat");
  }
  get NotBefore(): DateTime | null {
    return this.date("nbf");
  }
  /** Claims: name → values (arrays as several values; objects as JSON text). */
  get Claims(): ClaimMap {
    const m = new ClaimMap();
    for (const [k, v] of Object.entries(this.payload)) {
      const vals = Array.isArray(v) ? v : [v];
      m.set(k, vals.map((x) => (typeof x === "string" ? x : typeof x === "boolean" ? (x ? "true" : "false") : JSON.stringify(x))));
    }
    return m;
  }
}
/** Jwt.Claims: IReadOnlyDictionary<string, string[]> with GetValueOrDefault returning comma-joined values. */
export class ClaimMap extends Map<string, string[]> {
  Item(k: string): string[] {
    const v = this.get(k);
    if (v === undefined) throw new DotNetException("System.Collections.Generic.KeyNotFoundException", `The given key '${k}' was not present in the dictionary.`);
    return v;
  }
  ContainsKey(k: string): boolean {
    return this.has(k);
  }
  TryGetValue(k: string): string[] | undefined {
    return this.get(k);
  }
  GetValueOrDefault(k: string, def: unknown = null): unknown {
    const v = this.get(k);
    return v === undefined ? def : v.join(",");
  }
  get Count(): number {
    return this.size;
  }
  get Keys(): string[] {
    return [...this.keys()];
  }
  get Values(): string[][] {
    return [...this.values()];
  }
}
export function asJwt(s: string | null): Jwt | null {
  if (s === null || s === undefined) return null;
  const parts = s.trim().split(".");
  if (parts.length !== 3 && parts.length !== 5) return null;
  try {
    const h = b64urlDecode(parts[0]!);
    const p = b64urlDecode(parts[1]!);
    if (!h || !p) return null;
    const header = JSON.parse(h.toString("utf8")) as unknown;
    const payload = JSON.parse(p.toString("utf8")) as unknown;
    if (!header || typeof header !== "object" || !payload || typeof payload !== "object") return null;
    return new Jwt(header as Record<string, unknown>, payload as Record<string, unknown>);
  } catch {
    return null;
  }
}

registerTypeCheck("Jwt", (v) => v instanceof Jwt);
