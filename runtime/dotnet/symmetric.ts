// System.Security.Cryptography.SymmetricAlgorithm (SymmetricAlgorithm.Create(name): AES, Rijndael,
// TripleDES, DES) and its ICryptoTransform, on node:crypto ciphers without padding: the padding
// modes (PKCS7, Zeros, ANSIX923, ISO10126, None) are applied here, as .NET does, so every mode
// behaves the same on every cipher. Enum values: CipherMode CBC=1 ECB=2 OFB=3 CFB=4 CTS=5;
// PaddingMode None=1 PKCS7=2 Zeros=3 ANSIX923=4 ISO10126=5.
import { createCipheriv, createDecipheriv, randomBytes, type Cipher, type Decipher } from "node:crypto";
import { argumentError, argumentNull, argumentOutOfRange, DotNetException, indexOutOfRange } from "../errors.js";
import { KeySizes, keySizeValid, u8 } from "./rsa.js";

const crypto = (message: string): DotNetException => new DotNetException("System.Security.Cryptography.CryptographicException", message);
const CBC = 1,
  ECB = 2,
  OFB = 3,
  CFB = 4,
  CTS = 5;
const NONE = 1,
  PKCS7 = 2,
  ZEROS = 3,
  ANSIX923 = 4,
  ISO10126 = 5;

interface Family {
  typeName: string;
  cipher: "aes" | "des" | "3des";
  keySize: number;
  blockSize: number;
  feedback: number;
  legalKeys: KeySizes[];
  legalBlocks: KeySizes[];
}
const FAMILIES: Record<string, Family> = {
  aes: { typeName: "System.Security.Cryptography.AesCryptoServiceProvider", cipher: "aes", keySize: 256, blockSize: 128, feedback: 8, legalKeys: [new KeySizes(128, 256, 64)], legalBlocks: [new KeySizes(128, 128, 0)] },
  aesmanaged: { typeName: "System.Security.Cryptography.AesManaged", cipher: "aes", keySize: 256, blockSize: 128, feedback: 128, legalKeys: [new KeySizes(128, 256, 64)], legalBlocks: [new KeySizes(128, 128, 0)] },
  rijndael: { typeName: "System.Security.Cryptography.RijndaelManaged", cipher: "aes", keySize: 256, blockSize: 128, feedback: 128, legalKeys: [new KeySizes(128, 256, 64)], legalBlocks: [new KeySizes(128, 256, 64)] },
  "3des": { typeName: "System.Security.Cryptography.TripleDESCryptoServiceProvider", cipher: "3des", keySize: 192, blockSize: 64, feedback: 8, legalKeys: [new KeySizes(128, 192, 64)], legalBlocks: [new KeySizes(64, 64, 0)] },
  des: { typeName: "System.Security.Cryptography.DESCryptoServiceProvider", cipher: "des", keySize: 64, blockSize: 64, feedback: 8, legalKeys: [new KeySizes(64, 64, 0)], legalBlocks: [new KeySizes(64, 64, 0)] },
};
/** CryptoConfig's names (.NET Framework machine.config defaults). */
const NAMES: Record<string, string> = {
  aes: "aes",
  aescryptoserviceprovider: "aes",
  aesmanaged: "aesmanaged",
  rijndael: "rijndael",
  rijndaelmanaged: "rijndael",
  tripledes: "3des",
  "3des": "3des",
  tripledescryptoserviceprovider: "3des",
  des: "des",
  descryptoserviceprovider: "des",
};

// DES weak and semi-weak keys (FIPS 74), compared without the parity bits
const DES_WEAK = [
  "0101010101010101", "fefefefefefefefe", "e0e0e0e0f1f1f1f1", "1f1f1f1f0e0e0e0e",
  "01fe01fe01fe01fe", "fe01fe01fe01fe01", "1fe01fe00ef10ef1", "e01fe01ff10ef10e", "01e001e001f101f1", "e001e001f101f101",
  "1ffe1ffe0efe0efe", "fe1ffe1ffe0efe0e", "011f011f010e010e", "1f011f010e010e01", "e0fee0fef1fef1fe", "fee0fee0fef1fef1",
];
const noParity = (k: Uint8Array): string => Buffer.from(k.map((b) => b & 0xfe)).toString("hex");
const DES_WEAK_SET = new Set(DES_WEAK.map((h) => noParity(Buffer.from(h, "hex"))));
function checkWeak(cipher: Family["cipher"], key: Uint8Array): void {
  if (cipher === "des" && DES_WEAK_SET.has(noParity(key))) throw crypto("Specified key is a known weak key for 'DES' and cannot be used.");
  if (cipher === "3des") {
    const a = noParity(key.subarray(0, 8)),
      b = noParity(key.subarray(8, 16)),
      c = key.length === 24 ? noParity(key.subarray(16, 24)) : a;
    if (a === b || b === c) throw crypto("Specified key is a known weak key for 'TripleDES' and cannot be used.");
  }
}

export class SymAlg {
  readonly $typeName: string;
  readonly #f: Family;
  #key: Uint8Array | null = null;
  #iv: Uint8Array | null = null;
  #keySize: number;
  #blockSize: number;
  #feedback: number;
  #mode = CBC;
  #padding = PKCS7;
  constructor(f: Family) {
    this.#f = f;
    this.$typeName = f.typeName;
    this.#keySize = f.keySize;
    this.#blockSize = f.blockSize;
    this.#feedback = f.feedback;
  }
  get Key(): Uint8Array {
    if (!this.#key) this.GenerateKey();
    return this.#key!.slice();
  }
  set Key(v: Uint8Array | null) {
    if (v === null || v === undefined) throw argumentNull("value");
    v = u8(v);
    if (!keySizeValid(this.#f.legalKeys, v.length * 8)) throw crypto("Specified key is not a valid size for this algorithm.");
    checkWeak(this.#f.cipher, v);
    this.#key = v.slice();
    this.#keySize = v.length * 8;
  }
  get IV(): Uint8Array {
    if (!this.#iv) this.GenerateIV();
    return this.#iv!.slice();
  }
  set IV(v: Uint8Array | null) {
    if (v === null || v === undefined) throw argumentNull("value");
    v = u8(v);
    if (v.length !== this.#blockSize / 8) throw crypto("Specified initialization vector (IV) does not match the block size for this algorithm.");
    this.#iv = v.slice();
  }
  get KeySize(): number {
    return this.#keySize;
  }
  set KeySize(bits: number) {
    if (!keySizeValid(this.#f.legalKeys, bits)) throw crypto("Specified key is not a valid size for this algorithm.");
    this.#keySize = bits;
    this.#key = null;
  }
  get BlockSize(): number {
    return this.#blockSize;
  }
  set BlockSize(bits: number) {
    if (!keySizeValid(this.#f.legalBlocks, bits)) throw crypto("Specified block size is not valid for this algorithm.");
    this.#blockSize = bits;
    this.#iv = null;
  }
  get FeedbackSize(): number {
    return this.#feedback;
  }
  set FeedbackSize(bits: number) {
    if (bits <= 0 || bits > this.#blockSize || bits % 8 !== 0) throw crypto("Specified feedback size is invalid.");
    this.#feedback = bits;
  }
  get Mode(): number {
    return this.#mode;
  }
  set Mode(m: number) {
    if (m < CBC || m > CFB) throw crypto("Specified cipher mode is not valid for this algorithm.");
    this.#mode = m;
  }
  get Padding(): number {
    return this.#padding;
  }
  set Padding(p: number) {
    if (p < NONE || p > ISO10126) throw crypto("Specified padding mode is not valid for this algorithm.");
    this.#padding = p;
  }
  get LegalKeySizes(): KeySizes[] {
    return this.#f.legalKeys.slice();
  }
  get LegalBlockSizes(): KeySizes[] {
    return this.#f.legalBlocks.slice();
  }
  ValidKeySize(bits: number): boolean {
    return keySizeValid(this.#f.legalKeys, bits);
  }
  GenerateKey(): void {
    let k: Uint8Array;
    do k = new Uint8Array(randomBytes(this.#keySize / 8));
    while (this.#f.cipher !== "aes" && isWeak(this.#f.cipher, k));
    this.#key = k;
  }
  GenerateIV(): void {
    this.#iv = new Uint8Array(randomBytes(this.#blockSize / 8));
  }
  CreateEncryptor(key?: Uint8Array | null, iv?: Uint8Array | null): CryptoTransform {
    return this.#transform(true, key, iv);
  }
  CreateDecryptor(key?: Uint8Array | null, iv?: Uint8Array | null): CryptoTransform {
    return this.#transform(false, key, iv);
  }
  #transform(encrypt: boolean, key: Uint8Array | null | undefined, iv: Uint8Array | null | undefined): CryptoTransform {
    const explicit = key !== undefined;
    if (explicit && this.#f.typeName === FAMILIES.rijndael!.typeName) return this.#rijndael(encrypt, key ?? null, iv ?? null);
    if (explicit && (key === null || key === undefined)) throw argumentNull("rgbKey");
    const k = explicit ? u8(key!) : this.Key;
    if (explicit) {
      if (!keySizeValid(this.#f.legalKeys, k.length * 8)) throw crypto("Specified key is not a valid size for this algorithm.");
      checkWeak(this.#f.cipher, k);
    }
    const mode = this.#mode;
    if (mode === OFB || mode === CTS) throw crypto("Specified cipher mode is not valid for this algorithm.");
    if (this.#blockSize !== 128 && this.#f.cipher === "aes") throw crypto("apimc: Rijndael with a block size other than 128 bits is not supported.");
    let v: Uint8Array | null = null;
    if (mode !== ECB) {
      v = explicit ? u8(iv ?? null) : this.IV;
      if (v === null) throw argumentNull("rgbIV");
      if (v.length !== this.#blockSize / 8) throw crypto("Specified initialization vector (IV) does not match the block size for this algorithm.");
    }
    if (mode === CFB && this.#feedback !== 8 && this.#feedback !== this.#blockSize) throw crypto("apimc: CFB supports a feedback size of 8 bits or the block size only.");
    return new CryptoTransform(encrypt, nodeCipher(this.#f.cipher, k, mode, this.#feedback, this.#blockSize), nodeKey(this.#f.cipher, k), v, this.#blockSize / 8, this.#padding, this.#managed());
  }
  /**
   * RijndaelManaged.CreateEncryptor/CreateDecryptor(key, iv) (what SymmetricAlgorithm.Create() makes),
   * as the reference source does it: NewEncryptor fills a null key and IV with random bytes, and
   * RijndaelManagedTransform checks no key size of its own: the mode (OFB/CTS refused), the IV of
   * CBC/CFB (IV.Length / 4 words, so 16..19 bytes pass), then GenerateKeyExpansion, whose round count
   * comes from max(block bits, key bits) (128, 192 or 256, else "not a valid size") and whose key
   * schedule reads past its tables for a key of fewer than 8 bytes (IndexOutOfRangeException).
   */
  #rijndael(encrypt: boolean, key: Uint8Array | null, iv: Uint8Array | null): CryptoTransform {
    const k = key === null ? new Uint8Array(randomBytes(this.#keySize / 8)) : u8(key);
    let v = iv === null ? new Uint8Array(randomBytes(this.#blockSize / 8)) : u8(iv);
    const mode = this.#mode;
    if (mode === OFB || mode === CTS) throw crypto("Specified cipher mode is not valid for this algorithm.");
    const words = this.#blockSize / 32;
    if ((mode === CBC || mode === CFB) && Math.trunc(v.length / 4) !== words) throw crypto("Specified initialization vector (IV) does not match the block size for this algorithm.");
    const bits = Math.max(this.#blockSize, k.length * 8);
    if (bits !== 128 && bits !== 192 && bits !== 256) throw crypto("Specified key is not a valid size for this algorithm.");
    const nk = Math.trunc(k.length / 4);
    // the expansion runs to words * (rounds + 1); with one key word it indexes Rcon past its 30 entries
    if (nk <= 1) throw indexOutOfRange();
    if (k.length !== 16 && k.length !== 24 && k.length !== 32) throw crypto(`apimc: a Rijndael key of ${k.length} bytes (RijndaelManaged's non-standard key schedule for it) is not supported.`);
    if (this.#blockSize !== 128) throw crypto("apimc: Rijndael with a block size other than 128 bits is not supported.");
    if (mode === CFB && this.#feedback !== 8 && this.#feedback !== this.#blockSize) throw crypto("apimc: CFB supports a feedback size of 8 bits or the block size only.");
    if (mode === ECB) v = new Uint8Array(0);
    else v = v.subarray(0, 16);
    return new CryptoTransform(encrypt, nodeCipher(this.#f.cipher, k, mode, this.#feedback, this.#blockSize), nodeKey(this.#f.cipher, k), mode === ECB ? null : v, this.#blockSize / 8, this.#padding, true);
  }
  /** RijndaelManaged and AesManaged (which wraps it) transform with RijndaelManagedTransform. */
  #managed(): boolean {
    return this.#f.typeName === FAMILIES.rijndael!.typeName || this.#f.typeName === FAMILIES.aesmanaged!.typeName;
  }
  Clear(): void {
    this.#key = null;
    this.#iv = null;
  }
  Dispose(): void {
    this.Clear();
  }
}
function isWeak(cipher: Family["cipher"], k: Uint8Array): boolean {
  try {
    checkWeak(cipher, k);
    return false;
  } catch {
    return true;
  }
}
function nodeCipher(cipher: Family["cipher"], key: Uint8Array, mode: number, feedback: number, blockBits: number): string {
  const m = mode === CBC ? "cbc" : mode === ECB ? "ecb" : feedback === 8 ? "cfb8" : feedback === blockBits ? (cipher === "aes" ? "cfb" : "cfb") : "cfb";
  if (cipher === "aes") return `aes-${key.length * 8}-${m}`;
  // single DES is EDE with K1 = K2 (OpenSSL 3 keeps plain DES in its legacy provider only)
  return cipher === "des" || key.length === 16 ? `des-ede-${m}` : `des-ede3-${m}`;
}
function nodeKey(cipher: Family["cipher"], key: Uint8Array): Uint8Array {
  if (cipher !== "des") return key;
  const k = new Uint8Array(16);
  k.set(key, 0);
  k.set(key, 8);
  return k;
}

interface Stream {
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
}
/** CFB with 8-bit feedback over the block cipher's ECB (OpenSSL has no des-ede-cfb8). */
class Cfb8 {
  readonly #ecb: Cipher;
  readonly #reg: Buffer;
  constructor(
    private readonly encrypt: boolean,
    key: Uint8Array,
    iv: Uint8Array,
  ) {
    this.#ecb = createCipheriv("des-ede-ecb", key, null);
    this.#ecb.setAutoPadding(false);
    this.#reg = Buffer.from(iv);
  }
  update(data: Uint8Array): Uint8Array {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const ks = this.#ecb.update(this.#reg)[0]!;
      const c = (out[i] = data[i]! ^ ks);
      this.#reg.copyWithin(0, 1);
      this.#reg[this.#reg.length - 1] = this.encrypt ? c : data[i]!;
    }
    return out;
  }
  final(): Uint8Array {
    return new Uint8Array(0);
  }
}
/** ICryptoTransform: TransformBlock streams whole blocks; TransformFinalBlock pads (or unpads) and resets to the IV. */
export class CryptoTransform {
  readonly $typeName = "System.Security.Cryptography.ICryptoTransform";
  #c: Stream | null = null;
  /** The decryptor keeps the last block back until it knows whether it is the final one (it carries padding). */
  #held: Uint8Array | null = null;
  constructor(
    private readonly encrypt: boolean,
    private readonly alg: string,
    private readonly key: Uint8Array,
    private readonly iv: Uint8Array | null,
    private readonly block: number,
    private readonly padding: number,
    /** RijndaelManagedTransform's output checks (reference source), not CryptoAPI's. */
    private readonly managed = false,
  ) {}
  get InputBlockSize(): number {
    return this.block;
  }
  get OutputBlockSize(): number {
    return this.block;
  }
  get CanTransformMultipleBlocks(): boolean {
    return true;
  }
  get CanReuseTransform(): boolean {
    return true;
  }
  #cipher(): Stream {
    if (this.#c === null) {
      if (this.alg.startsWith("des-ede-cfb8")) this.#c = new Cfb8(this.encrypt, this.key, this.iv!);
      else {
        const c: Cipher | Decipher = this.encrypt ? createCipheriv(this.alg, this.key, this.iv) : createDecipheriv(this.alg, this.key, this.iv);
        c.setAutoPadding(false);
        this.#c = { update: (d) => c.update(d), final: () => c.final() };
      }
    }
    return this.#c!;
  }
  #holdsBack(): boolean {
    return !this.encrypt && this.padding !== NONE && this.padding !== ZEROS;
  }
  TransformBlock(input: Uint8Array | null, offset: number, count: number, output: Uint8Array | null, outputOffset: number): number {
    if (this.managed) this.#managedBlockArgs(input, offset, count, output, outputOffset);
    const part = blockArgs(input, offset, count);
    if (output === null || output === undefined) throw argumentNull("outputBuffer");
    if (count % this.block !== 0) throw crypto("apimc: TransformBlock takes whole blocks.");
    let data: Uint8Array = part;
    if (this.#holdsBack()) {
      if (this.#held) data = Buffer.concat([this.#held, part]);
      this.#held = data.length ? data.slice(data.length - this.block) : null;
      data = data.subarray(0, data.length - (this.#held ? this.block : 0));
    }
    const out = this.#cipher().update(data);
    if (!this.managed && (outputOffset < 0 || outputOffset + out.length > output.length)) throw argumentOutOfRange("outputOffset");
    if (out.length) output.set(out, outputOffset);
    return out.length;
  }
  /**
   * RijndaelManagedTransform.TransformBlock's checks (reference source): input, output, offset, a count
   * of whole blocks within the input, then EncryptData/DecryptData's room check (CryptographicException
   * "Input buffer contains insufficient data.") and their writes from outputOffset, which a negative
   * offset makes an IndexOutOfRangeException. A padded decryptor's first call keeps its last block back
   * and writes one block less (nothing for a single block).
   */
  #managedBlockArgs(input: Uint8Array | null, offset: number, count: number, output: Uint8Array | null, outputOffset: number): void {
    if (input === null || input === undefined) throw argumentNull("inputBuffer");
    if (output === null || output === undefined) throw argumentNull("outputBuffer");
    input = u8(input);
    if (offset < 0) throw argumentOutOfRange("inputOffset", "Non-negative number required.");
    if (count <= 0 || count % this.block !== 0 || count > input.length) throw argumentError("Value was invalid.");
    if (input.length - count < offset) throw argumentError("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
    const written = this.#holdsBack() && !this.#held ? count - this.block : count;
    if (output.length - outputOffset < written) throw crypto("Input buffer contains insufficient data.");
    if (written > 0 && outputOffset < 0) throw indexOutOfRange();
  }
  TransformFinalBlock(input: Uint8Array | null, offset: number, count: number): Uint8Array {
    let data: Uint8Array = blockArgs(input, offset, count);
    try {
      if (this.encrypt) {
        const padded = pad(data, this.block, this.padding);
        const c = this.#cipher();
        return new Uint8Array(Buffer.concat([c.update(padded), c.final()]));
      }
      if (this.#held) data = Buffer.concat([this.#held, data]);
      if (data.length % this.block !== 0) throw crypto("Length of the data to decrypt is invalid.");
      const c = this.#cipher();
      return unpad(new Uint8Array(Buffer.concat([c.update(data), c.final()])), this.block, this.padding);
    } finally {
      this.#c = null;
      this.#held = null;
    }
  }
  Dispose(): void {
    this.#c = null;
  }
}
function blockArgs(input: Uint8Array | null, offset: number, count: number): Uint8Array {
  if (input === null || input === undefined) throw argumentNull("inputBuffer");
  input = u8(input);
  if (offset < 0) throw argumentOutOfRange("inputOffset", "Non-negative number required.");
  if (count < 0 || count > input.length) throw argumentError("Value was invalid.");
  if (input.length - count < offset) throw argumentError("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
  return input.subarray(offset, offset + count);
}
function pad(data: Uint8Array, block: number, mode: number): Uint8Array {
  const rem = data.length % block;
  if (mode === NONE) {
    if (rem) throw crypto("Length of the data to encrypt is invalid.");
    return data;
  }
  if (mode === ZEROS && rem === 0) return data;
  const n = block - rem;
  const out = new Uint8Array(data.length + n);
  out.set(data);
  if (mode === PKCS7) out.fill(n, data.length);
  else if (mode === ANSIX923) out[out.length - 1] = n;
  else if (mode === ISO10126) {
    out.set(randomBytes(n - 1), data.length);
    out[out.length - 1] = n;
  }
  return out;
}
function unpad(data: Uint8Array, block: number, mode: number): Uint8Array {
  if (mode === NONE || mode === ZEROS) return data; // .NET leaves Zeros padding in place on decryption
  const bad = () => crypto("Padding is invalid and cannot be removed.");
  // no block at all carries no padding to remove (RijndaelManagedTransform.DecryptData: inputCount == 0)
  if (data.length === 0) throw bad();
  const n = data[data.length - 1]!;
  if (n === 0 || n > block || n > data.length) throw bad();
  if (mode === PKCS7) for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) throw bad();
  if (mode === ANSIX923) for (let i = data.length - n; i < data.length - 1; i++) if (data[i] !== 0) throw bad();
  return data.slice(0, data.length - n);
}

/** SymmetricAlgorithm.Create(): .NET Framework's default is RijndaelManaged; Create(name): by CryptoConfig name, null when unknown. */
export function symmetricCreate(name?: string | null): SymAlg | null {
  if (name === undefined) return new SymAlg(FAMILIES.rijndael!);
  if (name === null) throw argumentNull("algName");
  const key = NAMES[name.toLowerCase().replace(/^system\.security\.cryptography\./, "")];
  return key ? new SymAlg(FAMILIES[key]!) : null;
}
