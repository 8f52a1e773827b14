// APIM's other extension methods: AsBasic, byte[] Encrypt/Decrypt, form encoding, certificate Verify.
import { createCipheriv, createDecipheriv } from "node:crypto";
import { DotNetException, nullReference } from "../errors.js";

export function asBasic(s: string | null): { UserId: string; Password: string } | null {
  if (s === null || s === undefined) return null;
  const m = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(s);
  if (!m) return null;
  const text = Buffer.from(m[1]!, "base64").toString("utf8");
  const i = text.indexOf(":");
  if (i < 0) return null;
  return { UserId: text.slice(0, i), Password: text.slice(i + 1) };
}
const SYM: Record<string, string> = { aes: "aes", rijndael: "aes", tripledes: "des-ede3", des: "des" };
function symAlg(alg: string, key: Uint8Array): string {
  const base = SYM[alg.toLowerCase().replace(/[^a-z]/g, "")] ?? SYM[alg.toLowerCase()];
  if (!base) throw new DotNetException("System.Security.Cryptography.CryptographicException", `Algorithm '${alg}' is not supported.`);
  return base === "aes" ? `aes-${key.length * 8}-cbc` : `${base}-cbc`;
}
export function symEncrypt(input: Uint8Array, alg: string, key: Uint8Array, iv: Uint8Array): Uint8Array {
  if (!input) throw nullReference();
  const c = createCipheriv(symAlg(alg, key), key, iv);
  return new Uint8Array(Buffer.concat([c.update(input), c.final()]));
}
export function symDecrypt(input: Uint8Array, alg: string, key: Uint8Array, iv: Uint8Array): Uint8Array {
  if (!input) throw nullReference();
  const d = createDecipheriv(symAlg(alg, key), key, iv);
  try {
    return new Uint8Array(Buffer.concat([d.update(input), d.final()]));
  } catch {
    throw new DotNetException("System.Security.Cryptography.CryptographicException", "Padding is invalid and cannot be removed.");
  }
}
function formPairs(form: Iterable<{ Key: string; Value: string[] }>): string[] {
  const out: string[] = [];
  for (const e of form) for (const v of e.Value) out.push(`${encodeURIComponent(e.Key)}=${encodeURIComponent(v)}`);
  return out;
}
export function formToQueryString(form: Iterable<{ Key: string; Value: string[] }>): string {
  const p = formPairs(form);
  return p.length ? `?${p.join("&")}` : "";
}
export function formToContent(form: Iterable<{ Key: string; Value: string[] }>): string {
  return formPairs(form).join("&");
}
/**
 * X509Certificate2.Verify(): the certificate's own (a client certificate of the gateway's TLS port
 * knows whether its handshake verified the chain: runtime/dotnet/x509.ts); another object may supply `verify()`.
 */
export function certVerify(c: { Verify?: () => boolean; verify?: () => boolean } | null): boolean {
  if (c === null || c === undefined) throw nullReference();
  if (typeof c.Verify === "function") return c.Verify();
  return typeof c.verify === "function" ? c.verify() : false;
}
