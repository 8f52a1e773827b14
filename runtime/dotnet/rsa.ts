// System.Security.Cryptography.RSA on node:crypto: RSA.Create() is .NET Framework's
// RSACryptoServiceProvider (PKCS#1 v1.5 and OAEP-SHA1 only, as CryptoAPI), a certificate's key
// (GetRSAPublicKey/GetRSAPrivateKey) is RSACng (every padding). Keys are generated on first use,
// as .NET does, so RSA.Create() followed by FromXmlString/ImportParameters costs no key generation.
import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, publicDecrypt, privateEncrypt, sign, verify, type KeyObject } from "node:crypto";
import { argumentError, argumentNull, argumentOutOfRange, DotNetException, indexOutOfRange, nullReference } from "../errors.js";

/** A byte[] as bytes: LINQ's ToArray over bytes gives a plain array of numbers. */
export function u8<T extends Uint8Array | null | undefined>(v: T): T {
  return (v === null || v === undefined || v instanceof Uint8Array ? v : Uint8Array.from(v as ArrayLike<number>)) as T;
}
const crypto = (message: string): DotNetException => new DotNetException("System.Security.Cryptography.CryptographicException", message);

/** System.Security.Cryptography.KeySizes: a legal range of key or block sizes. */
export class KeySizes {
  readonly $typeName = "System.Security.Cryptography.KeySizes";
  constructor(
    readonly MinSize: number,
    readonly MaxSize: number,
    readonly SkipSize: number,
  ) {}
}
export function keySizeValid(sizes: readonly KeySizes[], bits: number): boolean {
  for (const s of sizes) {
    if (s.SkipSize === 0) {
      if (s.MinSize === bits) return true;
    } else if (bits >= s.MinSize && bits <= s.MaxSize && (bits - s.MinSize) % s.SkipSize === 0) return true;
  }
  return false;
}

/** RSAEncryptionPadding / RSASignaturePadding: one frozen object a padding; the static ones are singletons. */
export class RsaPadding {
  constructor(
    readonly $typeName: string,
    /** 0 = Pkcs1, 1 = Oaep (encryption) or Pss (signature). */
    readonly Mode: number,
    readonly hash: string | null,
  ) {
    Object.freeze(this);
  }
  get OaepHashAlgorithm(): string | null {
    return this.hash;
  }
  ToString(): string {
    if (this.$typeName.endsWith("SignaturePadding")) return this.Mode === 0 ? "Pkcs1" : "Pss";
    return this.Mode === 0 ? "Pkcs1" : `Oaep${this.hash}`;
  }
  toString(): string {
    return this.ToString();
  }
  Equals(o: unknown): boolean {
    return o instanceof RsaPadding && o.$typeName === this.$typeName && o.Mode === this.Mode && o.hash === this.hash;
  }
  GetHashCode(): number {
    return this.Mode * 31 + (this.hash?.length ?? 0);
  }
}
const ENC = "System.Security.Cryptography.RSAEncryptionPadding";
const SIG = "System.Security.Cryptography.RSASignaturePadding";
export const rsaEncryptionPadding = {
  Pkcs1: new RsaPadding(ENC, 0, null),
  OaepSHA1: new RsaPadding(ENC, 1, "SHA1"),
  OaepSHA256: new RsaPadding(ENC, 1, "SHA256"),
  OaepSHA384: new RsaPadding(ENC, 1, "SHA384"),
  OaepSHA512: new RsaPadding(ENC, 1, "SHA512"),
};
export const rsaSignaturePadding = { Pkcs1: new RsaPadding(SIG, 0, null), Pss: new RsaPadding(SIG, 1, null) };
export function rsaCreateOaep(hash: string | null): RsaPadding {
  if (hash === null || hash === undefined || hash === "") throw hashNameMissing();
  return new RsaPadding(ENC, 1, hash);
}
const hashNameMissing = () => argumentError("The hash algorithm name cannot be null or empty.\r\nParameter name: hashAlgorithm");

/** RSAParameters: the key's numbers, big-endian byte[] each (null where absent). */
export interface RsaParameters {
  $typeName?: string;
  Modulus: Uint8Array | null;
  Exponent: Uint8Array | null;
  D: Uint8Array | null;
  P: Uint8Array | null;
  Q: Uint8Array | null;
  DP: Uint8Array | null;
  DQ: Uint8Array | null;
  InverseQ: Uint8Array | null;
}
export function newRsaParameters(): RsaParameters {
  return { $typeName: "System.Security.Cryptography.RSAParameters", Modulus: null, Exponent: null, D: null, P: null, Q: null, DP: null, DQ: null, InverseQ: null };
}
const PARTS = ["Modulus", "Exponent", "P", "Q", "DP", "DQ", "InverseQ", "D"] as const;
const JWK: Record<(typeof PARTS)[number], string> = { Modulus: "n", Exponent: "e", P: "p", Q: "q", DP: "dp", DQ: "dq", InverseQ: "qi", D: "d" };

const b64u = (b: Uint8Array): string => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++; // JWK numbers carry no leading zeros
  return Buffer.from(b.subarray(i)).toString("base64url");
};
/** A JWK number as .NET exports it: big-endian, left-padded to `len` bytes (the modulus's length, or half of it). */
const fromB64u = (s: string, len: number): Uint8Array => {
  const raw = Buffer.from(s, "base64url");
  if (raw.length >= len) return new Uint8Array(raw);
  const out = new Uint8Array(len);
  out.set(raw, len - raw.length);
  return out;
};

const HASHES: Record<string, string> = { MD5: "md5", SHA1: "sha1", SHA256: "sha256", SHA384: "sha384", SHA512: "sha512" };
const HASH_LEN: Record<string, number> = { md5: 16, sha1: 20, sha256: 32, sha384: 48, sha512: 64 };
/** DER DigestInfo prefixes (RFC 8017 §9.2, note 1): PKCS#1 v1.5 signs prefix || hash. */
const DIGEST_INFO: Record<string, string> = {
  md5: "3020300c06082a864886f70d020505000410",
  sha1: "3021300906052b0e03021a05000414",
  sha256: "3031300d060960864801650304020105000420",
  sha384: "3041300d060960864801650304020205000430",
  sha512: "3051300d060960864801650304020305000440",
};

export class RsaAlg {
  readonly $typeName: string;
  #pub: KeyObject | null = null;
  #priv: KeyObject | null = null;
  #size: number;
  constructor(
    /** RSACng (a certificate's key) accepts PSS and OAEP with SHA-2; RSACryptoServiceProvider does not. */
    readonly cng: boolean,
    size = cng ? 2048 : 1024,
  ) {
    this.$typeName = cng ? "System.Security.Cryptography.RSACng" : "System.Security.Cryptography.RSACryptoServiceProvider";
    this.#size = size;
  }
  static fromKey(key: KeyObject, cng: boolean): RsaAlg {
    const r = new RsaAlg(cng);
    r.#set(key.type === "private" ? key : null, key.type === "private" ? createPublicKey(key) : key);
    return r;
  }
  #set(priv: KeyObject | null, pub: KeyObject): void {
    this.#priv = priv;
    this.#pub = pub;
    this.#size = pub.asymmetricKeyDetails?.modulusLength ?? this.#size;
  }
  #ensure(): KeyObject {
    if (!this.#pub) {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: this.#size });
      this.#set(privateKey, publicKey);
    }
    return this.#pub!;
  }
  #private(): KeyObject {
    this.#ensure();
    if (!this.#priv) throw crypto("Key does not exist.");
    return this.#priv;
  }
  get KeySize(): number {
    return this.#size;
  }
  get LegalKeySizes(): KeySizes[] {
    return this.cng ? [new KeySizes(512, 16384, 64)] : [new KeySizes(384, 16384, 8)];
  }
  get KeyExchangeAlgorithm(): string {
    return this.cng ? "RSA" : "RSA-PKCS1-KeyEx";
  }
  get SignatureAlgorithm(): string {
    return this.cng ? "RSA" : "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
  }
  ExportParameters(includePrivate: boolean): RsaParameters {
    const jwk = (includePrivate ? this.#private() : this.#ensure()).export({ format: "jwk" }) as Record<string, string>;
    const n = Buffer.from(jwk.n!, "base64url").length;
    const p = newRsaParameters();
    p.Modulus = fromB64u(jwk.n!, n);
    p.Exponent = fromB64u(jwk.e!, 0);
    if (includePrivate) {
      p.D = fromB64u(jwk.d!, n);
      for (const k of ["P", "Q", "DP", "DQ", "InverseQ"] as const) p[k] = fromB64u(jwk[JWK[k]]!, n >> 1);
    }
    return p;
  }
  ImportParameters(p: RsaParameters): void {
    p = Object.fromEntries(PARTS.map((k) => [k, u8(p[k])])) as unknown as RsaParameters;
    if (!p.Modulus) throw crypto("Input string does not contain a valid encoding of the 'RSA' 'Modulus' parameter.");
    if (!p.Exponent) throw crypto("Input string does not contain a valid encoding of the 'RSA' 'Exponent' parameter.");
    const jwk: Record<string, string> = { kty: "RSA" };
    for (const k of PARTS) {
      const v = p[k];
      if (v) jwk[JWK[k]] = b64u(v);
    }
    try {
      if (jwk.d && jwk.p && jwk.q && jwk.dp && jwk.dq && jwk.qi) {
        const priv = createPrivateKey({ key: jwk, format: "jwk" });
        this.#set(priv, createPublicKey(priv));
      } else this.#set(null, createPublicKey({ key: { kty: "RSA", n: jwk.n!, e: jwk.e! }, format: "jwk" }));
    } catch {
      throw crypto("Bad Data.");
    }
  }
  ToXmlString(includePrivate: boolean): string {
    const p = this.ExportParameters(includePrivate);
    let s = "<RSAKeyValue>";
    for (const k of PARTS) if (p[k]) s += `<${k}>${Buffer.from(p[k]!).toString("base64")}</${k}>`;
    return `${s}</RSAKeyValue>`;
  }
  FromXmlString(xml: string | null): void {
    if (xml === null || xml === undefined) throw argumentNull("xmlString");
    if (!/^\s*<RSAKeyValue>[\s\S]*<\/RSAKeyValue>\s*$/.test(xml)) throw crypto("Input string does not contain a valid encoding of the 'RSA' 'RSAKeyValue' parameter.");
    const p = newRsaParameters();
    for (const k of PARTS) {
      const m = new RegExp(`<${k}>([^<]*)</${k}>`).exec(xml);
      if (m) p[k] = new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ""), "base64"));
    }
    this.ImportParameters(p);
  }
  #hash(name: string | null): string {
    hashNameCheck(name);
    const h = HASHES[name!];
    if (!h) throw crypto(`'${name}' is not a known hash algorithm.`);
    return h;
  }
  /** RSASignaturePadding: not null; PSS only on RSACng (RSACryptoServiceProvider.VerifyHash/SignHash: "Specified padding mode"). */
  #sigPaddingMode(padding: RsaPadding | null): void {
    if (padding!.Mode !== 0 && !this.cng) throw crypto("Specified padding mode is not valid for this algorithm.");
  }
  #sigPadding(padding: RsaPadding, hash: string): { padding: number; saltLength?: number } {
    if (padding.Mode === 0) return { padding: constants.RSA_PKCS1_PADDING };
    return { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_LEN[hash]! };
  }
  /**
   * RSACryptoServiceProvider.HashData: the hash by its exact name (GetAlgorithmId: "'x' is not a known
   * hash algorithm."). Mono's (monoRsa) asks CryptoConfig, case-insensitive and with more names, and
   * reads a null algorithm (NullReferenceException); a name it knows but .NET's list does not fails
   * later, in VerifyHash/SignHash.
   */
  #hashData(name: string | null): string | null {
    if (monoRsa.on) {
      if (!MONO_HASH_NAMES.test(name!)) throw nullReference();
      return HASHES[name!] ?? null;
    }
    return this.#hash(name);
  }
  SignData(data: Uint8Array | null, offset: number, count: number, hashName: string | null, padding: RsaPadding | null): Uint8Array {
    if (data === null || data === undefined) throw argumentNull("data");
    data = u8(data);
    // RSA.SignData(data, offset, count, ...) (reference source): data, offset, count, the hash name's
    // presence, padding, then HashData (an unknown name) and SignHash (the padding mode)
    const part = slice(data, offset, count);
    hashNameCheck(hashName);
    if (padding === null || padding === undefined) throw argumentNull("padding");
    this.#hashData(hashName);
    this.#sigPaddingMode(padding);
    const h = this.#hash(hashName);
    return new Uint8Array(sign(h, part, { key: this.#private(), ...this.#sigPadding(padding, h) }));
  }
  VerifyData(data: Uint8Array | null, offset: number, count: number, signature: Uint8Array | null, hashName: string | null, padding: RsaPadding | null): boolean {
    if (data === null || data === undefined) throw argumentNull("data");
    data = u8(data);
    // RSA.VerifyData(data, offset, count, signature, ...) (reference source): data, offset, count,
    // signature, the hash name's presence, padding, then HashData (an unknown name) and VerifyHash
    const part = slice(data, offset, count);
    if (signature === null || signature === undefined) throw argumentNull("signature");
    signature = u8(signature);
    hashNameCheck(hashName);
    if (padding === null || padding === undefined) throw argumentNull("padding");
    this.#hashData(hashName);
    this.#sigPaddingMode(padding);
    const h = this.#hash(hashName);
    if (monoRsa.on) monoVerifyChecks(signature, HASH_LEN[h]!, HASH_LEN[h]!, h);
    try {
      return verify(h, part, { key: this.#ensure(), ...this.#sigPadding(padding, h) }, signature);
    } catch {
      return false;
    }
  }
  SignHash(hash: Uint8Array | null, hashName: string | null, padding: RsaPadding | null): Uint8Array {
    if (hash === null || hash === undefined) throw argumentNull("hash");
    hash = u8(hash);
    // RSACryptoServiceProvider.SignHash(hash, name, padding): hash, the name's presence, padding, padding mode, the name
    hashNameCheck(hashName);
    if (padding === null || padding === undefined) throw argumentNull("padding");
    this.#sigPaddingMode(padding);
    const h = this.#hash(hashName);
    if (padding.Mode !== 0) throw crypto("apimc: SignHash with PSS padding is not supported; use SignData.");
    if (hash.length !== HASH_LEN[h]) throw crypto(monoRsa.on ? monoBadHashLength(h) : "The parameter is incorrect.");
    return new Uint8Array(privateEncrypt({ key: this.#private(), padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([Buffer.from(DIGEST_INFO[h]!, "hex"), hash])));
  }
  /**
   * RSACryptoServiceProvider.VerifyHash(hash, signature, name, padding): hash, signature, the name's
   * presence, padding, padding mode, the name (GetAlgorithmId); then CryptoAPI's CryptVerifySignature,
   * whose failure (a signature or hash of the wrong length included) is false (Utils.VerifySign).
   */
  VerifyHash(hash: Uint8Array | null, signature: Uint8Array | null, hashName: string | null, padding: RsaPadding | null): boolean {
    if (hash === null || hash === undefined) throw argumentNull("hash");
    hash = u8(hash);
    if (signature === null || signature === undefined) throw argumentNull("signature");
    signature = u8(signature);
    hashNameCheck(hashName);
    if (padding === null || padding === undefined) throw argumentNull("padding");
    this.#sigPaddingMode(padding);
    const h = this.#hash(hashName);
    if (padding.Mode !== 0) throw crypto("apimc: VerifyHash with PSS padding is not supported; use VerifyData.");
    if (monoRsa.on) monoVerifyChecks(signature, hash.length, HASH_LEN[h]!, h);
    try {
      const em = publicDecrypt({ key: this.#ensure(), padding: constants.RSA_PKCS1_PADDING }, signature);
      return Buffer.compare(em, Buffer.concat([Buffer.from(DIGEST_INFO[h]!, "hex"), hash])) === 0;
    } catch {
      return false;
    }
  }
  #encPadding(padding: RsaPadding | null): { padding: number; oaepHash?: string } {
    if (padding === null || padding === undefined) throw argumentNull("padding");
    if (padding.Mode === 0) return { padding: constants.RSA_PKCS1_PADDING };
    if (!this.cng && padding.hash !== "SHA1") throw crypto("Specified padding mode is not valid for this algorithm.");
    return { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: this.#hash(padding.hash) };
  }
  Encrypt(data: Uint8Array | null, padding: RsaPadding | null): Uint8Array {
    if (data === null || data === undefined) throw argumentNull("data");
    data = u8(data);
    const pad = this.#encPadding(padding);
    const k = this.#size >> 3;
    const max = pad.padding === constants.RSA_PKCS1_PADDING ? k - 11 : k - 2 * HASH_LEN[pad.oaepHash!]! - 2;
    if (data.length > max) throw crypto(`The data to be encrypted exceeds the maximum for this modulus of ${max} bytes.`);
    return new Uint8Array(publicEncrypt({ key: this.#ensure(), ...pad }, data));
  }
  Decrypt(data: Uint8Array | null, padding: RsaPadding | null): Uint8Array {
    if (data === null || data === undefined) throw argumentNull("data");
    data = u8(data);
    const pad = this.#encPadding(padding);
    const key = this.#private();
    // (the managed check is "at most the modulus size"; CryptoAPI's CryptDecrypt takes only whole blocks: NTE_BAD_DATA)
    if (data.length > this.#size >> 3) throw crypto("The data to be decrypted exceeds the maximum for this modulus of " + (this.#size >> 3) + " bytes.");
    if (data.length < this.#size >> 3) throw decryptFailure("Bad Data.");
    if (pad.padding === constants.RSA_PKCS1_OAEP_PADDING) {
      try {
        return new Uint8Array(privateDecrypt({ key, ...pad }, data));
      } catch {
        throw decryptFailure("Error occurred while decoding OAEP padding.");
      }
    }
    // Node refuses PKCS#1 v1.5 private decryption (CVE-2023-46809); the padding is removed here: 00 02 PS 00 M.
    let em: Buffer;
    try {
      em = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, data);
    } catch {
      throw decryptFailure("Bad Data.");
    }
    let bad = em[0]! !== 0 || em[1]! !== 2 ? 1 : 0;
    let sep = -1;
    for (let i = 2; i < em.length; i++) if (sep < 0 && em[i] === 0) sep = i;
    if (sep < 10) bad = 1;
    if (bad) throw decryptFailure("Bad Data.");
    return new Uint8Array(em.subarray(sep + 1));
  }
  /** The raw RSA operations: .NET Framework's RSACryptoServiceProvider and RSACng do not implement them. */
  EncryptValue(_rgb: Uint8Array | null): Uint8Array {
    throw new DotNetException("System.NotSupportedException", "Method is not supported.");
  }
  DecryptValue(_rgb: Uint8Array | null): Uint8Array {
    throw new DotNetException("System.NotSupportedException", "Method is not supported.");
  }
  Dispose(): void {}
  Clear(): void {}
}

/**
 * Test-only record (the fuzzer, test/differential/generate/fuzz.ts): Mono's managed PKCS#1 v1.5
 * decoding accepts most blocks that are not 00 02 PS 00 M (Decrypt of the same bytes under a new key
 * returns random bytes about half of the time) and its OAEP failure says "decryption error", so a case
 * in which a Decrypt fails here has no Mono answer to compare with. With `on`, a failure sets `failed`.
 */
export const monoDecryptMarker = { on: false, failed: false };
const decryptFailure = (message: string): DotNetException => {
  if (monoDecryptMarker.on) monoDecryptMarker.failed = true;
  return crypto(message);
};

function hashNameCheck(name: string | null): void {
  if (name === null || name === undefined || name === "") throw hashNameMissing();
}
/**
 * Test-only switch (the fuzzer's Mono emulation, test/differential/generate/fuzz.ts): Mono's
 * RSACryptoServiceProvider verifies with its managed PKCS1.Verify_v15, which reads an empty signature
 * past its end (IndexOutOfRangeException) and refuses a hash of the wrong length ("bad hash length");
 * its HashData takes any name CryptoConfig knows. .NET Framework's CryptoAPI answers false.
 */
export const monoRsa = { on: false };
const MONO_HASH_NAMES = /^(?:(?:System\.Security\.Cryptography\.)?(?:MD5|SHA1?|SHA-?(?:1|256|384|512)|SHA(?:256|384|512)|RIPEMD-?160)(?:Managed|CryptoServiceProvider)?)$/i;
const MONO_HASH_TYPES: Record<string, string> = { md5: "MD5CryptoServiceProvider", sha1: "SHA1CryptoServiceProvider", sha256: "SHA256Managed", sha384: "SHA384Managed", sha512: "SHA512Managed" };
const monoBadHashLength = (h: string): string => `bad hash length for System.Security.Cryptography.${MONO_HASH_TYPES[h]}`;
function monoVerifyChecks(signature: Uint8Array, hashLength: number, expected: number, h: string): void {
  if (signature.length === 0) throw indexOutOfRange();
  if (hashLength !== expected) throw crypto(monoBadHashLength(h));
}
function slice(data: Uint8Array, offset: number, count: number): Uint8Array {
  if (offset < 0 || offset > data.length) throw argumentOutOfRange("offset");
  if (count < 0 || count > data.length - offset) throw argumentOutOfRange("count");
  return data.subarray(offset, offset + count);
}

/** RSA.Create(), RSA.Create(keySize), RSA.Create(parameters), RSA.Create(name) (null for an unknown name). */
export function rsaCreate(): RsaAlg {
  return new RsaAlg(false);
}
export function rsaCreateSized(bits: number): RsaAlg {
  const r = new RsaAlg(false);
  if (!keySizeValid(r.LegalKeySizes, bits)) throw crypto("Specified key is not a valid size for this algorithm.");
  return new RsaAlg(false, bits);
}
export function rsaCreateFrom(p: RsaParameters): RsaAlg {
  const r = new RsaAlg(false);
  r.ImportParameters(p);
  return r;
}
export function rsaCreateNamed(name: string | null): RsaAlg | null {
  if (name === null || name === undefined) throw argumentNull("name");
  return /^(System\.Security\.Cryptography\.)?(RSA|RSACryptoServiceProvider)$/i.test(name) ? new RsaAlg(false) : null;
}
/** AsymmetricAlgorithm.Create(): .NET Framework's default asymmetric algorithm is RSA. */
export function asymmetricCreate(name?: string | null): RsaAlg | null {
  if (name === undefined) return new RsaAlg(false);
  return rsaCreateNamed(name);
}
