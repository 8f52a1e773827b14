// System.Security.Cryptography.Oid: an object identifier and its friendly name, from the names
// Windows' CryptoAPI (and Mono's table) give the OIDs policies meet in certificates and signatures.
import { argumentNull, DotNetException } from "../errors.js";

const NAMES: readonly (readonly [string, string])[] = [
  ["1.2.840.113549.1.1.1", "RSA"],
  ["1.2.840.113549.1.1.4", "md5RSA"],
  ["1.2.840.113549.1.1.5", "sha1RSA"],
  ["1.2.840.113549.1.1.11", "sha256RSA"],
  ["1.2.840.113549.1.1.12", "sha384RSA"],
  ["1.2.840.113549.1.1.13", "sha512RSA"],
  ["1.2.840.10040.4.1", "DSA"],
  ["1.2.840.10045.2.1", "ECC"],
  ["1.2.840.10045.4.3.2", "sha256ECDSA"],
  ["1.2.840.10045.4.3.3", "sha384ECDSA"],
  ["1.2.840.10045.4.3.4", "sha512ECDSA"],
  ["1.2.840.113549.2.5", "md5"],
  ["1.3.14.3.2.26", "sha1"],
  ["2.16.840.1.101.3.4.2.1", "sha256"],
  ["2.16.840.1.101.3.4.2.2", "sha384"],
  ["2.16.840.1.101.3.4.2.3", "sha512"],
  ["2.5.4.3", "CN"],
  ["2.5.4.6", "C"],
  ["2.5.4.7", "L"],
  ["2.5.4.8", "S"],
  ["2.5.4.10", "O"],
  ["2.5.4.11", "OU"],
  ["1.2.840.113549.1.9.1", "E"],
  ["2.5.29.14", "Subject Key Identifier"],
  ["2.5.29.15", "Key Usage"],
  ["2.5.29.17", "Subject Alternative Name"],
  ["2.5.29.19", "Basic Constraints"],
  ["2.5.29.35", "Authority Key Identifier"],
  ["2.5.29.37", "Enhanced Key Usage"],
  ["1.3.6.1.5.5.7.3.1", "Server Authentication"],
  ["1.3.6.1.5.5.7.3.2", "Client Authentication"],
];
const BY_VALUE = new Map(NAMES);
const BY_NAME = new Map(NAMES.map(([v, n]) => [n.toLowerCase(), v]));

export class Oid {
  readonly $typeName = "System.Security.Cryptography.Oid";
  #value: string | null;
  #name: string | null;
  constructor(value: string | null, name: string | null) {
    this.#value = value;
    this.#name = name;
  }
  get Value(): string | null {
    return this.#value;
  }
  set Value(v: string | null) {
    this.#value = v;
  }
  /** Looked up from the value when not given (and the value from the name when set). */
  get FriendlyName(): string | null {
    if (this.#name === null && this.#value !== null) this.#name = BY_VALUE.get(this.#value) ?? null;
    return this.#name;
  }
  set FriendlyName(n: string | null) {
    this.#name = n;
    if (n !== null && n !== undefined) {
      const v = BY_NAME.get(n.toLowerCase());
      if (v) this.#value = v;
    }
  }
}
/** new Oid(oid): a value, or a friendly name whose value is known. */
export function newOid(oid?: string | null, friendlyName?: string | null): Oid {
  if (oid === undefined) return new Oid(null, null);
  if (friendlyName !== undefined) return new Oid(oid, friendlyName);
  // new Oid(string) looks the name up first (X509Utils.FindOidInfo: ArgumentNullException "keyValue")
  if (oid === null) throw argumentNull("keyValue");
  const v = BY_NAME.get(oid.toLowerCase()) ?? oid;
  return new Oid(v, null);
}
export function oidCopy(o: Oid | null): Oid {
  if (o === null || o === undefined) throw argumentNull("oid");
  return new Oid(o.Value, o.FriendlyName);
}
const notFound = () => new DotNetException("System.Security.Cryptography.CryptographicException", "No OID value matches this name.");
export function oidFromFriendlyName(name: string | null, _group?: number): Oid {
  if (name === null || name === undefined) throw argumentNull("friendlyName");
  const v = BY_NAME.get(name.toLowerCase());
  if (!v) throw notFound();
  return new Oid(v, BY_VALUE.get(v)!);
}
export function oidFromValue(value: string | null, _group?: number): Oid {
  if (value === null || value === undefined) throw argumentNull("oidValue");
  const n = BY_VALUE.get(value);
  if (!n) throw new DotNetException("System.Security.Cryptography.CryptographicException", "The OID value is invalid.");
  return new Oid(value, n);
}
export function oidName(value: string): string | undefined {
  return BY_VALUE.get(value);
}
