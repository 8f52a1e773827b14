// System.Security.Cryptography: hashing/HMAC, random numbers, RSA, symmetric ciphers and OIDs,
// lowered to runtime/dotnet/hashing.ts, rsa.ts and symmetric.ts (node:crypto underneath).
import { js, prop, rt } from "../../codegen/code.js";
import { C, K, M, P, SM, SP, type } from "./dsl.js";

const NS = "System.Security.Cryptography";
const is = (cls: string) => (v: Parameters<NonNullable<Parameters<typeof type>[2]["test"]>>[0]) => js`(${v} instanceof ${rt(cls)})`;

type(NS, "HashAlgorithm", {}, [
  // ComputeHash(Encoding.UTF8.GetBytes(s)): the hash reads the string, no byte[] in between.
  M("byte[] ComputeHash(byte[] buffer)", (r, a) => (a[0]!.shape?.kind === "utf8Bytes" ? js`${r}.ComputeHashUtf8(${a[0]!.shape.of})` : js`${r}.ComputeHash(${a[0]})`)),
  M("byte[] ComputeHash(byte[] buffer, int offset, int count)", (r, a) => js`${r}.ComputeHashRange(${a[0]}, ${a[1]}, ${a[2]})`),
  M("void Dispose()", () => js`undefined`),
  P("byte[] Hash", (r) => js`${r}.Hash`),
  P("int HashSize", (r) => js`${r}.HashSize`),
  P("int InputBlockSize", (r) => js`(void ${r}.HashSize, 1)`),
  P("int OutputBlockSize", (r) => js`(void ${r}.HashSize, 1)`),
  P("bool CanTransformMultipleBlocks", (r) => js`(void ${r}.HashSize, true)`),
  P("bool CanReuseTransform", (r) => js`(void ${r}.HashSize, true)`),
  M("int TransformBlock(byte[] inputBuffer, int inputOffset, int inputCount, byte[] outputBuffer, int outputOffset)", (r, a) =>
    js`${r}.TransformBlock(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`,
  ),
  M("byte[] TransformFinalBlock(byte[] inputBuffer, int inputOffset, int inputCount)", (r, a) => js`${r}.TransformFinalBlock(${a[0]}, ${a[1]}, ${a[2]})`),
  M("void Initialize()", (r) => js`${r}.Initialize()`),
  M("void Clear()", (r) => js`${r}.Initialize()`),
  SM("HashAlgorithm Create(string hashName)", (_r, a) => js`${rt("hashCreate")}(${a[0]}, false)`),
  // .NET Framework's default hash algorithm is SHA1
  SM("HashAlgorithm Create()", () => js`${rt("hashCreate")}("SHA1", false)`),
]);
type(NS, "KeyedHashAlgorithm", { base: "HashAlgorithm" }, [P("byte[] Key", (r) => js`${r}.Key`, (r, _a, v) => js`(${r}.Key = ${v})`)]);
type(NS, "HMAC", { base: "KeyedHashAlgorithm" }, [
  P("string HashName", (r) => js`${r}.HashName`),
  SM("HMAC Create(string algorithmName)", (_r, a) => js`${rt("hashCreate")}(${a[0]}, true)`),
  SM("HMAC Create()", () => js`${rt("hashCreate")}("HMACSHA1", true)`),
]);
type(NS, "CipherMode", { valueType: true }, (["CBC", "ECB", "OFB", "CFB", "CTS"] as const).map((n, i) => K(`CipherMode ${n}`, i + 1, () => js`${i + 1}`)));
type(NS, "PaddingMode", { valueType: true }, (["None", "PKCS7", "Zeros", "ANSIX923", "ISO10126"] as const).map((n, i) => K(`PaddingMode ${n}`, i + 1, () => js`${i + 1}`)));
// HashAlgorithmName is its name (a string; null for default(HashAlgorithmName)).
type(NS, "HashAlgorithmName", { valueType: true }, [
  C("(string name)", (_r, a) => a[0]!),
  ...(["MD5", "SHA1", "SHA256", "SHA384", "SHA512"] as const).map((n) => SP(`HashAlgorithmName ${n}`, () => js`${n}`)),
  P("string Name", (r) => r),
  M("string ToString()", (r) => js`(${r} ?? "")`),
  M("bool Equals(HashAlgorithmName other)", (r, a) => js`(${r} === ${a[0]})`),
]);
for (const [name, alg] of [
  ["MD5", "md5"],
  ["SHA1", "sha1"],
  ["SHA256", "sha256"],
  ["SHA384", "sha384"],
  ["SHA512", "sha512"],
] as const) {
  type(NS, name, { base: "HashAlgorithm" }, [SM(`${name} Create()`, () => js`${rt("newHash")}(${alg}, null)`)]);
  if (name !== "MD5") type(NS, `${name}Managed`, { base: "HashAlgorithm" }, [C("()", () => js`${rt("newHash")}(${alg}, null)`)]);
  type(NS, `HMAC${name}`, { base: "HMAC" }, [
    ...(name === "SHA384" || name === "SHA512" ? [P("bool ProduceLegacyHmacValues", (r) => js`${r}.ProduceLegacyHmacValues`, (r, _a, v) => js`(${r}.ProduceLegacyHmacValues = ${v})`)] : []),
    C("()", () => js`${rt("newHash")}(${alg}, ${rt("randomBytes")}(64))`),
    // new HMACSHA256(Encoding.UTF8.GetBytes(k)): the HMAC takes the text, no byte[] in between.
    // (a null key: HMAC.InitializeKey reads key.Length, a NullReferenceException)
    C("(byte[] key)", (_r, a) => (a[0]!.shape?.kind === "utf8Bytes" ? js`${rt("newHmacUtf8Key")}(${alg}, ${a[0]!.shape.of})` : js`${rt("newHash")}(${alg}, ${rt("recvNotNull")}(${a[0]}))`)),
  ]);
}
type(NS, "RandomNumberGenerator", {}, [
  SM("RandomNumberGenerator Create()", () => js`${rt("newRng")}()`),
  M("void GetBytes(byte[] data)", (r, a) => js`${r}.GetBytes(${a[0]})`),
  M("void GetNonZeroBytes(byte[] data)", (r, a) => js`${r}.GetNonZeroBytes(${a[0]})`),
  M("void Dispose()", () => js`undefined`),
]);
type(NS, "RNGCryptoServiceProvider", { base: "RandomNumberGenerator" }, [
  C("()", () => js`${rt("newRng")}()`),
  // the CSP parameter and seed overloads are ignored by .NET Framework too (the OS RNG is used)
  C("(string str)", (_r, a) => js`${rt("newRng")}(${a[0]})`),
  C("(byte[] rgb)", (_r, a) => js`${rt("newRng")}(${a[0]})`),
]);

// ---- asymmetric: RSA --------------------------------------------------------------------------
type(NS, "KeySizes", { test: is("KeySizes") }, [P("int MinSize", (r) => js`${r}.MinSize`), P("int MaxSize", (r) => js`${r}.MaxSize`), P("int SkipSize", (r) => js`${r}.SkipSize`)]);
type(NS, "AsymmetricAlgorithm", { test: is("RsaAlg") }, [
  P("int KeySize", (r) => js`${r}.KeySize`),
  P("KeySizes[] LegalKeySizes", (r) => js`${r}.LegalKeySizes`),
  P("string KeyExchangeAlgorithm", (r) => js`${r}.KeyExchangeAlgorithm`),
  P("string SignatureAlgorithm", (r) => js`${r}.SignatureAlgorithm`),
  M("string ToXmlString(bool includePrivateParameters)", (r, a) => js`${r}.ToXmlString(${a[0]})`),
  M("void FromXmlString(string xmlString)", (r, a) => js`${r}.FromXmlString(${a[0]})`),
  M("void Clear()", (r) => js`${r}.Clear()`),
  M("void Dispose()", (r) => js`${r}.Dispose()`),
  SM("AsymmetricAlgorithm Create()", () => js`${rt("asymmetricCreate")}()`),
  SM("AsymmetricAlgorithm Create(string algName)", (_r, a) => js`${rt("asymmetricCreate")}(${a[0]})`),
]);
type(NS, "RSAParameters", { valueType: true }, [
  C("()", () => js`${rt("newRsaParameters")}()`),
  ...(["Modulus", "Exponent", "D", "P", "Q", "DP", "DQ", "InverseQ"] as const).map((f) => P(`byte[] ${f}`, (r) => js`${r}${prop(f)}`, (r, _a, v) => js`(${r}${prop(f)} = ${v})`)),
]);
type(NS, "RSAEncryptionPaddingMode", { valueType: true }, [K("RSAEncryptionPaddingMode Pkcs1", 0, () => js`0`), K("RSAEncryptionPaddingMode Oaep", 1, () => js`1`)]);
type(NS, "RSASignaturePaddingMode", { valueType: true }, [K("RSASignaturePaddingMode Pkcs1", 0, () => js`0`), K("RSASignaturePaddingMode Pss", 1, () => js`1`)]);
const paddingCommon = [M("string ToString()", (r) => js`${r}.ToString()`), M("bool Equals(object obj)", (r, a) => js`${r}.Equals(${a[0]})`), M("int GetHashCode()", (r) => js`${r}.GetHashCode()`)];
type(NS, "RSAEncryptionPadding", { test: is("RsaPadding") }, [
  ...(["Pkcs1", "OaepSHA1", "OaepSHA256", "OaepSHA384", "OaepSHA512"] as const).map((n) => SP(`RSAEncryptionPadding ${n}`, () => js`${rt("rsaEncryptionPadding")}${prop(n)}`)),
  SM("RSAEncryptionPadding CreateOaep(HashAlgorithmName hashAlgorithm)", (_r, a) => js`${rt("rsaCreateOaep")}(${a[0]})`),
  P("RSAEncryptionPaddingMode Mode", (r) => js`${r}.Mode`),
  P("HashAlgorithmName OaepHashAlgorithm", (r) => js`${r}.OaepHashAlgorithm`),
  M("bool Equals(RSAEncryptionPadding other)", (r, a) => js`${r}.Equals(${a[0]})`),
  ...paddingCommon,
]);
type(NS, "RSASignaturePadding", { test: is("RsaPadding") }, [
  SP("RSASignaturePadding Pkcs1", () => js`${rt("rsaSignaturePadding")}.Pkcs1`),
  SP("RSASignaturePadding Pss", () => js`${rt("rsaSignaturePadding")}.Pss`),
  P("RSASignaturePaddingMode Mode", (r) => js`${r}.Mode`),
  M("bool Equals(RSASignaturePadding other)", (r, a) => js`${r}.Equals(${a[0]})`),
  ...paddingCommon,
]);
type(NS, "RSA", { base: "AsymmetricAlgorithm", test: is("RsaAlg") }, [
  SM("RSA Create()", () => js`${rt("rsaCreate")}()`),
  SM("RSA Create(int keySizeInBits)", (_r, a) => js`${rt("rsaCreateSized")}(${a[0]})`),
  SM("RSA Create(RSAParameters parameters)", (_r, a) => js`${rt("rsaCreateFrom")}(${a[0]})`),
  SM("RSA Create(string algName)", (_r, a) => js`${rt("rsaCreateNamed")}(${a[0]})`),
  M("RSAParameters ExportParameters(bool includePrivateParameters)", (r, a) => js`${r}.ExportParameters(${a[0]})`),
  M("void ImportParameters(RSAParameters parameters)", (r, a) => js`${r}.ImportParameters(${a[0]})`),
  M("byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)", (r, a) => js`${r}.SignData(${a[0]}, 0, ${a[0]}?.length ?? 0, ${a[1]}, ${a[2]})`),
  M("byte[] SignData(byte[] data, int offset, int count, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)", (r, a) => js`${r}.SignData(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`),
  M("bool VerifyData(byte[] data, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)", (r, a) => js`${r}.VerifyData(${a[0]}, 0, ${a[0]}?.length ?? 0, ${a[1]}, ${a[2]}, ${a[3]})`),
  M("bool VerifyData(byte[] data, int offset, int count, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)", (r, a) =>
    js`${r}.VerifyData(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]})`,
  ),
  M("byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)", (r, a) => js`${r}.SignHash(${a[0]}, ${a[1]}, ${a[2]})`),
  M("bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)", (r, a) => js`${r}.VerifyHash(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`),
  M("byte[] Encrypt(byte[] data, RSAEncryptionPadding padding)", (r, a) => js`${r}.Encrypt(${a[0]}, ${a[1]})`),
  M("byte[] Decrypt(byte[] data, RSAEncryptionPadding padding)", (r, a) => js`${r}.Decrypt(${a[0]}, ${a[1]})`),
  M("byte[] EncryptValue(byte[] rgb)", (r, a) => js`${r}.EncryptValue(${a[0]})`),
  M("byte[] DecryptValue(byte[] rgb)", (r, a) => js`${r}.DecryptValue(${a[0]})`),
]);

// ---- symmetric ciphers ------------------------------------------------------------------------
type(NS, "ICryptoTransform", { isInterface: true, test: is("CryptoTransform") }, [
  P("int InputBlockSize", (r) => js`${r}.InputBlockSize`),
  P("int OutputBlockSize", (r) => js`${r}.OutputBlockSize`),
  P("bool CanTransformMultipleBlocks", (r) => js`${r}.CanTransformMultipleBlocks`),
  P("bool CanReuseTransform", (r) => js`${r}.CanReuseTransform`),
  M("int TransformBlock(byte[] inputBuffer, int inputOffset, int inputCount, byte[] outputBuffer, int outputOffset)", (r, a) =>
    js`${r}.TransformBlock(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`,
  ),
  M("byte[] TransformFinalBlock(byte[] inputBuffer, int inputOffset, int inputCount)", (r, a) => js`${r}.TransformFinalBlock(${a[0]}, ${a[1]}, ${a[2]})`),
  M("void Dispose()", (r) => js`${r}.Dispose()`),
]);
const rw = (sig: string, name: string) => P(sig, (r) => js`${r}${prop(name)}`, (r, _a, v) => js`(${r}${prop(name)} = ${v})`);
type(NS, "SymmetricAlgorithm", { test: is("SymAlg") }, [
  SM("SymmetricAlgorithm Create()", () => js`${rt("symmetricCreate")}()`),
  SM("SymmetricAlgorithm Create(string algName)", (_r, a) => js`${rt("symmetricCreate")}(${a[0]})`),
  rw("byte[] Key", "Key"),
  rw("byte[] IV", "IV"),
  rw("int KeySize", "KeySize"),
  rw("int BlockSize", "BlockSize"),
  rw("int FeedbackSize", "FeedbackSize"),
  rw("CipherMode Mode", "Mode"),
  rw("PaddingMode Padding", "Padding"),
  P("KeySizes[] LegalKeySizes", (r) => js`${r}.LegalKeySizes`),
  P("KeySizes[] LegalBlockSizes", (r) => js`${r}.LegalBlockSizes`),
  M("bool ValidKeySize(int bitLength)", (r, a) => js`${r}.ValidKeySize(${a[0]})`),
  M("void GenerateKey()", (r) => js`${r}.GenerateKey()`),
  M("void GenerateIV()", (r) => js`${r}.GenerateIV()`),
  M("ICryptoTransform CreateEncryptor()", (r) => js`${r}.CreateEncryptor()`),
  M("ICryptoTransform CreateEncryptor(byte[] rgbKey, byte[] rgbIV)", (r, a) => js`${r}.CreateEncryptor(${a[0]}, ${a[1]})`),
  M("ICryptoTransform CreateDecryptor()", (r) => js`${r}.CreateDecryptor()`),
  M("ICryptoTransform CreateDecryptor(byte[] rgbKey, byte[] rgbIV)", (r, a) => js`${r}.CreateDecryptor(${a[0]}, ${a[1]})`),
  M("void Clear()", (r) => js`${r}.Clear()`),
  M("void Dispose()", (r) => js`${r}.Dispose()`),
]);


// ---- object identifiers -----------------------------------------------------------------------
type(NS, "OidGroup", { valueType: true }, (["All", "HashAlgorithm", "EncryptionAlgorithm", "PublicKeyAlgorithm", "SignatureAlgorithm", "Attribute", "ExtensionOrAttribute", "EnhancedKeyUsage", "Policy", "Template", "KeyDerivationFunction"] as const).map((n, i) => K(`OidGroup ${n}`, i, () => js`${i}`)));
type(NS, "Oid", { test: is("Oid") }, [
  C("()", () => js`${rt("newOid")}()`),
  C("(string oid)", (_r, a) => js`${rt("newOid")}(${a[0]})`),
  C("(string value, string friendlyName)", (_r, a) => js`${rt("newOid")}(${a[0]}, ${a[1]})`),
  C("(Oid oid)", (_r, a) => js`${rt("oidCopy")}(${a[0]})`),
  rw("string Value", "Value"),
  rw("string FriendlyName", "FriendlyName"),
  // the group narrows the search on Windows; the names here are unique across groups
  SM("Oid FromFriendlyName(string friendlyName, OidGroup group)", (_r, a) => js`${rt("oidFromFriendlyName")}(${a[0]}, ${a[1]})`),
  SM("Oid FromOidValue(string oidValue, OidGroup group)", (_r, a) => js`${rt("oidFromValue")}(${a[0]}, ${a[1]})`),
]);
