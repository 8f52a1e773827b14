// System.Security.Cryptography.X509Certificates: X509Certificate/X509Certificate2 over DER (or PEM)
// bytes, read with a small DER walker (names in CryptoAPI's X500 form, serial, extensions, key) and
// node:crypto's X509Certificate (thumbprint, public key). What context.Request.Certificate and
// context.Deployment.Certificates hold: build one with `certificateFromDer`.
import { createHash, X509Certificate as NodeX509 } from "node:crypto";
import { argumentNull, DotNetException } from "../errors.js";
import { DateTime } from "./datetime.js";
import { Oid, oidName } from "./oid.js";
import { RsaAlg, u8 } from "./rsa.js";

const crypto = (message: string): DotNetException => new DotNetException("System.Security.Cryptography.CryptographicException", message);
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex").toUpperCase();

// ---- DER --------------------------------------------------------------------------------------
interface Tlv {
  tag: number;
  start: number;
  /** content start and end */
  cs: number;
  end: number;
}
function tlv(b: Uint8Array, at: number): Tlv {
  if (at + 2 > b.length) throw crypto("Unable to decode certificate.");
  const tag = b[at]!;
  let len = b[at + 1]!;
  let cs = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || cs + n > b.length) throw crypto("Unable to decode certificate.");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[cs + i]!;
    cs += n;
  }
  if (cs + len > b.length) throw crypto("Unable to decode certificate.");
  return { tag, start: at, cs, end: cs + len };
}
function children(b: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.cs; at < t.end; ) {
    const c = tlv(b, at);
    out.push(c);
    at = c.end;
  }
  return out;
}
function oidText(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.cs; i < t.end; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}
function stringValue(b: Uint8Array, t: Tlv): string {
  const raw = Buffer.from(b.subarray(t.cs, t.end));
  if (t.tag === 0x1e) return raw.swap16().toString("utf16le"); // BMPString
  if (t.tag === 0x0c) return raw.toString("utf8");
  return raw.toString("latin1");
}

/** CryptoAPI's short names for the X.500 attributes (CertNameToStr, CERT_X500_NAME_STR). */
const ATTR: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "SERIALNUMBER",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "S",
  "2.5.4.9": "STREET",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "T",
  "2.5.4.42": "G",
  "2.5.4.43": "I",
  "1.2.840.113549.1.9.1": "E",
  "0.9.2342.19200300.100.1.25": "DC",
  "0.9.2342.19200300.100.1.1": "UID",
};
type Rdn = { oid: string; value: string }[];
function readName(b: Uint8Array, t: Tlv): Rdn[] {
  return children(b, t).map((set) =>
    children(b, set).map((atv) => {
      const [o, v] = children(b, atv);
      return { oid: oidText(b, o!), value: stringValue(b, v!) };
    }),
  );
}
/** A value as CertNameToStr quotes it: in double quotes when it has a separator, quote or edge space. */
function quote(v: string): string {
  if (v === "" || /[,+=<>#;"\n\r]/.test(v) || /^\s|\s$/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}
function nameText(rdns: readonly Rdn[], reverse: boolean): string {
  const list = reverse ? [...rdns].reverse() : rdns;
  return list.map((rdn) => rdn.map((a) => `${ATTR[a.oid] ?? `OID.${a.oid}`}=${quote(a.value)}`).join(" + ")).join(", ");
}

export class X500DistinguishedName {
  readonly $typeName = "System.Security.Cryptography.X509Certificates.X500DistinguishedName";
  constructor(readonly Name: string) {}
}

export class X509Extension {
  readonly $typeName = "System.Security.Cryptography.X509Certificates.X509Extension";
  constructor(
    readonly Oid: Oid,
    readonly Critical: boolean,
    readonly RawData: Uint8Array,
  ) {}
}

export class PublicKeyInfo {
  readonly $typeName = "System.Security.Cryptography.X509Certificates.PublicKey";
  constructor(
    readonly Oid: Oid,
    readonly EncodedKeyValue: AsnEncodedData,
    readonly EncodedParameters: AsnEncodedData,
    private readonly node: NodeX509,
  ) {}
  /** .NET Framework's PublicKey.Key is a CryptoAPI key (RSACryptoServiceProvider) for RSA. */
  get Key(): RsaAlg {
    if (this.Oid.Value !== "1.2.840.113549.1.1.1") throw new DotNetException("System.NotSupportedException", "The certificate key algorithm is not supported.");
    return RsaAlg.fromKey(this.node.publicKey, false);
  }
}
export class AsnEncodedData {
  readonly $typeName = "System.Security.Cryptography.AsnEncodedData";
  constructor(
    readonly Oid: Oid,
    readonly RawData: Uint8Array,
  ) {}
}

interface Parsed {
  raw: Uint8Array;
  node: NodeX509;
  version: number;
  serial: Uint8Array;
  sigAlg: string;
  issuer: Rdn[];
  subject: Rdn[];
  notBefore: number;
  notAfter: number;
  keyAlg: string;
  keyParams: Uint8Array;
  keyValue: Uint8Array;
  extensions: { oid: string; critical: boolean; value: Uint8Array }[];
}
function timeOf(b: Uint8Array, t: Tlv): number {
  const s = Buffer.from(b.subarray(t.cs, t.end)).toString("latin1");
  const m = t.tag === 0x17 ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s) : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  if (!m) throw crypto("Unable to decode certificate.");
  let y = Number(m[1]);
  if (t.tag === 0x17) y += y < 50 ? 2000 : 1900;
  return Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}
function parse(der: Uint8Array): Parsed {
  let node: NodeX509;
  try {
    node = new NodeX509(der);
  } catch {
    throw crypto("Unable to decode certificate.");
  }
  const raw = new Uint8Array(node.raw);
  const cert = tlv(raw, 0);
  const [tbsT] = children(raw, cert);
  const tbs = children(raw, tbsT!);
  let i = 0;
  let version = 1;
  if (tbs[0]!.tag === 0xa0) {
    version = raw[children(raw, tbs[0]!)[0]!.end - 1]! + 1;
    i++;
  }
  const serialT = tbs[i++]!;
  const sigAlg = oidText(raw, children(raw, tbs[i++]!)[0]!);
  const issuer = readName(raw, tbs[i++]!);
  const [nb, na] = children(raw, tbs[i++]!);
  const subject = readName(raw, tbs[i++]!);
  const spki = children(raw, tbs[i++]!);
  const algParts = children(raw, spki[0]!);
  const keyAlg = oidText(raw, algParts[0]!);
  const keyParams = algParts[1] ? raw.slice(algParts[1].start, algParts[1].end) : new Uint8Array(0);
  const keyValue = raw.slice(spki[1]!.cs + 1, spki[1]!.end); // BIT STRING: skip the unused-bits byte
  const extensions: Parsed["extensions"] = [];
  for (; i < tbs.length; i++) {
    if (tbs[i]!.tag !== 0xa3) continue;
    for (const ext of children(raw, children(raw, tbs[i]!)[0]!)) {
      const parts = children(raw, ext);
      const critical = parts.length === 3 && raw[parts[1]!.cs] !== 0;
      const value = parts[parts.length - 1]!;
      extensions.push({ oid: oidText(raw, parts[0]!), critical, value: raw.slice(value.cs, value.end) });
    }
  }
  return {
    raw,
    node,
    version,
    serial: raw.slice(serialT.cs, serialT.end),
    sigAlg,
    issuer,
    subject,
    notBefore: timeOf(raw, nb!),
    notAfter: timeOf(raw, na!),
    keyAlg,
    keyParams,
    keyValue,
    extensions,
  };
}

/** DER, or PEM text as bytes (the constructors accept both). */
function derOf(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString("latin1");
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  return m ? new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ""), "base64")) : bytes;
}

// SubjectAltName general names: [1] rfc822Name, [2] dNSName, [6] URI, [0] otherName (UPN 1.3.6.1.4.1.311.20.2.3)
function altNames(p: Parsed): { tag: number; value: string }[] {
  const ext = p.extensions.find((e) => e.oid === "2.5.29.17");
  if (!ext) return [];
  const out: { tag: number; value: string }[] = [];
  for (const g of children(ext.value, tlv(ext.value, 0))) {
    const tag = g.tag & 0x1f;
    if (tag === 0) {
      const [o, v] = children(ext.value, g);
      if (o && v && oidText(ext.value, o) === "1.3.6.1.4.1.311.20.2.3") out.push({ tag: 0, value: stringValue(ext.value, children(ext.value, v)[0]!) });
    } else out.push({ tag, value: Buffer.from(ext.value.subarray(g.cs, g.end)).toString("latin1") });
  }
  return out;
}

export class X509Certificate {
  $typeName = "System.Security.Cryptography.X509Certificates.X509Certificate";
  #p: Parsed | null;
  #friendly = "";
  constructor(der: Uint8Array | null) {
    this.#p = der === null || der.length === 0 ? null : parse(derOf(u8(der)));
  }
  protected get p(): Parsed {
    if (!this.#p) throw crypto("Certificate instance is empty.");
    return this.#p;
  }
  Reset(): void {
    this.#p = null;
  }
  /** Import(rawData): this object becomes the certificate in the bytes (DER or PEM). */
  Import(der: Uint8Array | null): void {
    if (der === null || der === undefined || der.length === 0) throw new DotNetException("System.ArgumentException", "Array may not be empty or null.\r\nParameter name: rawData");
    if (isPfx(u8(der))) throw crypto("apimc: PKCS#12 (PFX) certificates are not supported in expressions; give the certificate as DER or PEM.");
    this.#p = parse(derOf(u8(der)));
  }
  get Subject(): string {
    return nameText(this.p.subject, true);
  }
  get Issuer(): string {
    return nameText(this.p.issuer, true);
  }
  get SubjectName(): X500DistinguishedName {
    return new X500DistinguishedName(this.Subject);
  }
  get IssuerName(): X500DistinguishedName {
    return new X500DistinguishedName(this.Issuer);
  }
  /** Obsolete GetName/GetIssuerName: the legacy form, attributes in certificate order. */
  GetName(): string {
    return nameText(this.p.subject, false);
  }
  GetIssuerName(): string {
    return nameText(this.p.issuer, false);
  }
  get Thumbprint(): string {
    return this.GetCertHashString();
  }
  GetCertHash(alg?: string | null): Uint8Array {
    return new Uint8Array(createHash(hashOf(alg)).update(this.p.raw).digest());
  }
  GetCertHashString(alg?: string | null): string {
    return hex(this.GetCertHash(alg));
  }
  get SerialNumber(): string {
    return hex(this.p.serial);
  }
  GetSerialNumberString(): string {
    return hex(this.p.serial);
  }
  /** Little-endian, as CryptoAPI stores it. */
  GetSerialNumber(): Uint8Array {
    return this.p.serial.slice().reverse();
  }
  get NotBefore(): DateTime {
    return DateTime.fromMs(this.p.notBefore, 2);
  }
  get NotAfter(): DateTime {
    return DateTime.fromMs(this.p.notAfter, 2);
  }
  GetEffectiveDateString(): string {
    return this.NotBefore.ToString();
  }
  GetExpirationDateString(): string {
    return this.NotAfter.ToString();
  }
  get Version(): number {
    return this.p.version;
  }
  get SignatureAlgorithm(): Oid {
    return new Oid(this.p.sigAlg, oidName(this.p.sigAlg) ?? null);
  }
  get RawData(): Uint8Array {
    return this.p.raw.slice();
  }
  GetRawCertData(): Uint8Array {
    return this.p.raw.slice();
  }
  GetRawCertDataString(): string {
    return hex(this.p.raw);
  }
  GetPublicKey(): Uint8Array {
    return this.p.keyValue.slice();
  }
  GetPublicKeyString(): string {
    return hex(this.p.keyValue);
  }
  GetKeyAlgorithm(): string {
    return this.p.keyAlg;
  }
  GetKeyAlgorithmParameters(): Uint8Array {
    return this.p.keyParams.slice();
  }
  GetKeyAlgorithmParametersString(): string {
    return hex(this.p.keyParams);
  }
  GetFormat(): string {
    return "X509";
  }
  get PublicKey(): PublicKeyInfo {
    const oid = new Oid(this.p.keyAlg, oidName(this.p.keyAlg) ?? null);
    return new PublicKeyInfo(oid, new AsnEncodedData(oid, this.p.keyValue.slice()), new AsnEncodedData(oid, this.p.keyParams.slice()), this.p.node);
  }
  get Extensions(): X509Extension[] {
    return this.p.extensions.map((e) => new X509Extension(new Oid(e.oid, oidName(e.oid) ?? null), e.critical, e.value.slice()));
  }
  get HasPrivateKey(): boolean {
    return (void this.p, false);
  }
  get PrivateKey(): null {
    return (void this.p, null);
  }
  get Archived(): boolean {
    return (void this.p, false);
  }
  get FriendlyName(): string {
    return (void this.p, this.#friendly);
  }
  set FriendlyName(v: string | null) {
    void this.p;
    this.#friendly = v ?? "";
  }
  GetNameInfo(type: number, forIssuer: boolean): string {
    const p = this.p;
    const name = forIssuer ? p.issuer : p.subject;
    const attr = (oid: string) => name.flat().reverse().find((a) => a.oid === oid)?.value;
    // the issuer's alternative names are in the IssuerAltName extension, which .NET reads for forIssuer
    const alt = forIssuer ? [] : altNames(p);
    const firstAlt = (tag: number) => alt.find((a) => a.tag === tag)?.value;
    switch (type) {
      case 0: // SimpleName: CN, else OU, O, E, the first attribute
        return attr("2.5.4.3") ?? attr("2.5.4.11") ?? attr("2.5.4.10") ?? attr("1.2.840.113549.1.9.1") ?? firstAlt(1) ?? name.flat()[0]?.value ?? "";
      case 1: // EmailName
        return attr("1.2.840.113549.1.9.1") ?? firstAlt(1) ?? "";
      case 2: // UpnName
        return firstAlt(0) ?? "";
      case 3: // DnsName: the first DNS alternative name, else CN
        return firstAlt(2) ?? attr("2.5.4.3") ?? "";
      case 4: // DnsFromAlternativeName
        return firstAlt(2) ?? "";
      case 5: // UrlName
        return firstAlt(6) ?? "";
      default:
        throw new DotNetException("System.ArgumentException", `Invalid name type.`);
    }
  }
  Equals(o: unknown): boolean {
    if (!(o instanceof X509Certificate)) return false;
    if (!this.#p || !o.#p) return this.#p === o.#p;
    return this.Issuer === o.Issuer && this.SerialNumber === o.SerialNumber;
  }
  GetHashCode(): number {
    if (!this.#p) return 0;
    const h = this.GetCertHash();
    return (h[0]! | (h[1]! << 8) | (h[2]! << 16) | (h[3]! << 24)) | 0;
  }
  Export(type: number): Uint8Array {
    if (type !== 1) throw crypto("apimc: only X509ContentType.Cert export is supported.");
    return this.RawData;
  }
  ToString(verbose = false): string {
    if (!verbose || !this.#p) return this.$typeName;
    const nl = "\r\n";
    return (
      `[Subject]${nl}  ${this.Subject}${nl}${nl}[Issuer]${nl}  ${this.Issuer}${nl}${nl}[Serial Number]${nl}  ${this.SerialNumber}${nl}${nl}` +
      `[Not Before]${nl}  ${this.GetEffectiveDateString()}${nl}${nl}[Not After]${nl}  ${this.GetExpirationDateString()}${nl}${nl}[Thumbprint]${nl}  ${this.Thumbprint}${nl}`
    );
  }
  toString(): string {
    return this.ToString();
  }
  /** The certificate's RSA public key (RSACng on .NET Framework 4.6+), null for another key type. */
  rsaPublicKey(): RsaAlg | null {
    return this.p.keyAlg === "1.2.840.113549.1.1.1" ? RsaAlg.fromKey(this.p.node.publicKey, true) : null;
  }
  /**
   * A client certificate of the gateway's TLS port (listen.tls): whether the handshake verified its
   * chain against listen.tls.ca (or the system's CAs) and it is within its validity now. Any other
   * certificate: false (there is no trust store to build its chain against).
   */
  Verify(): boolean {
    void this.p;
    const facts = (this as unknown as { $facts?: { trusted: boolean } }).$facts;
    if (!facts?.trusted) return false;
    const now = Date.now();
    const x = new NodeX509(Buffer.from(this.RawData));
    return now >= Date.parse(x.validFrom) && now <= Date.parse(x.validTo);
  }
  Dispose(): void {}
}
export class X509Certificate2 extends X509Certificate {
  /** The private key CopyWithPrivateKey attached. */
  key: RsaAlg | null = null;
  constructor(der: Uint8Array | null) {
    super(der);
    this.$typeName = "System.Security.Cryptography.X509Certificates.X509Certificate2";
  }
  override get HasPrivateKey(): boolean {
    return (void this.p, this.key !== null);
  }
  /** X509Certificate2.ToString() is the verbose form of X509Certificate's. */
  override ToString(verbose = false): string {
    if (!verbose) return super.ToString(true);
    return super.ToString(true);
  }
}
function hashOf(alg: string | null | undefined): string {
  if (alg === undefined) return "sha1";
  if (alg === null || alg === "") throw new DotNetException("System.ArgumentException", "The hash algorithm name cannot be null or empty.\r\nParameter name: hashAlgorithm");
  const h = ({ MD5: "md5", SHA1: "sha1", SHA256: "sha256", SHA384: "sha384", SHA512: "sha512" } as Record<string, string>)[alg];
  if (!h) throw crypto(`'${alg}' is not a known hash algorithm.`);
  return h;
}

/** new X509Certificate2(byte[] rawData[, password]): DER or PEM; PKCS#12 (PFX) is not read. */
export function newX509(der: Uint8Array | null, two: boolean, password?: string | null): X509Certificate {
  void password;
  if (der !== null && der !== undefined && der.length > 0 && isPfx(u8(der))) throw crypto("apimc: PKCS#12 (PFX) certificates are not supported in expressions; give the certificate as DER or PEM.");
  return two ? new X509Certificate2(der ?? null) : new X509Certificate(der ?? null);
}
/** A certificate for context.Request.Certificate and context.Deployment.Certificates. */
export function certificateFromDer(der: Uint8Array): X509Certificate2 {
  return new X509Certificate2(der);
}
function isPfx(b: Uint8Array): boolean {
  try {
    const outer = tlv(b, 0);
    const first = children(b, outer)[0];
    return first !== undefined && first.tag === 0x02 && first.end - first.cs === 1 && b[first.cs] === 3;
  } catch {
    return false;
  }
}
/** X509Certificate2.GetCertContentType: Cert for a certificate (DER or PEM), Pfx for PKCS#12. */
export function certContentType(b: Uint8Array | null): number {
  if (b === null || b === undefined || b.length === 0) throw argumentNull("rawData");
  const bytes = u8(b);
  if (isPfx(bytes)) return 3;
  try {
    parse(derOf(bytes));
    return 1;
  } catch {
    throw crypto("Cannot find the requested object.");
  }
}
export function certRsaPublicKey(c: X509Certificate | null): RsaAlg | null {
  if (c === null || c === undefined) throw argumentNull("certificate");
  return c.rsaPublicKey();
}
/** The private key CopyWithPrivateKey attached; certificates read from bytes carry none (PFX is not read). */
export function certRsaPrivateKey(c: X509Certificate | null): RsaAlg | null {
  if (c === null || c === undefined) throw argumentNull("certificate");
  return (void c.Subject, c instanceof X509Certificate2 ? c.key : null);
}
export function certCopyWithPrivateKey(c: X509Certificate2 | null, key: RsaAlg | null): X509Certificate2 {
  if (c === null || c === undefined) throw argumentNull("certificate");
  if (key === null || key === undefined) throw argumentNull("privateKey");
  if (c.HasPrivateKey) throw new DotNetException("System.InvalidOperationException", "The certificate already has an associated private key.");
  const pub = c.rsaPublicKey();
  const mod = (k: RsaAlg) => Buffer.from(k.ExportParameters(false).Modulus!).toString("hex");
  if (!pub || mod(pub) !== mod(key)) throw new DotNetException("System.ArgumentException", "The provided key does not match the public key for this certificate.\r\nParameter name: privateKey");
  const copy = new X509Certificate2(c.RawData);
  copy.key = key;
  return copy;
}
/** X509ExtensionCollection[oid]: by OID value or friendly name, null when absent. */
export function certExtension(list: readonly X509Extension[], oid: string | null): X509Extension | null {
  if (oid === null || oid === undefined) throw argumentNull("oid");
  const want = oid.toLowerCase();
  return list.find((e) => e.Oid.Value === oid || e.Oid.FriendlyName?.toLowerCase() === want) ?? null;
}
export function certRaw(c: X509Certificate | null): Uint8Array {
  if (c === null || c === undefined) throw argumentNull("cert");
  return c.RawData;
}
/** A constructor apimc does not implement (the PublicKey constructor from encoded parts). */
export function notSupportedCtor(what: string): never {
  throw new DotNetException("System.NotSupportedException", `apimc: new ${what}(...) is not supported.`);
}
