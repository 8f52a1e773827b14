// Mismatch classes of System.Security.Cryptography, Math's CRT functions and mcs constants found by
// the fuzzer (session 23, "crypto"): each a generated matrix over the class, ids fzc.s23.crypto.*.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `fzc.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `fzc.${id}`, type, expr: body, block: true, ...opts });

/** Every (offset, count) pair of a matrix over a 4-byte buffer: negative, inside, at and past the end. */
const OFFSETS = "new[] { -1, 0, 1, 3, 4, 5 }";
const COUNTS = "new[] { -1, 0, 1, 2, 4, 5 }";
/** The exceptions a matrix tells apart (most derived first), each printed as its name; any other (a CryptographicException) is "other". */
const CAUGHT = ["ArgumentNullException", "ArgumentOutOfRangeException", "ArgumentException", "IndexOutOfRangeException", "NullReferenceException", "OverflowException", "NotSupportedException"];
/** `r += <call> + ","` for each argument combination, an exception as its type name. */
const tryEach = (loops: string, call: string): string => `var r = ""; ${loops} { try { r += ${call} + ","; } ${CAUGHT.map((e) => `catch (${e}) { r += "${e},"; }`).join(" ")} catch (Exception) { r += "other,"; } } return r;`;

export const FUZZ_CRYPTO_CASES: DiffCase[] = [
  // HashAlgorithm.TransformBlock hashes, then copies to the output with Buffer.BlockCopy's checks
  // (ArgumentOutOfRange dstOffset, ArgumentException for a short output); a copy onto itself is skipped
  ...["SHA1.Create()", "new HMACSHA256(new byte[] { 1 })"].map((h, i) =>
    b(
      `s23.crypto.hash.transformblock.${i}`,
      "string",
      tryEach(
        `var h = ${h}; var inp = new byte[] { 1, 2, 3, 4 }; foreach (var o in new byte[][] { null, new byte[0], new byte[3], new byte[8], inp }) foreach (var off in ${OFFSETS}) foreach (var n in ${COUNTS}) foreach (var oo in new[] { -1, 0, 1, 3, 7 })`,
        `h.TransformBlock(inp, off, n, o, oo) + ":" + (o == null ? "" : BitConverter.ToString(o))`,
      ),
    ),
  ),
  // the same argument checks on TransformFinalBlock and ComputeHash(buffer, offset, count)
  b("s23.crypto.hash.ranges", "string", tryEach(`var h = MD5.Create(); foreach (var off in ${OFFSETS}) foreach (var n in ${COUNTS})`, `BitConverter.ToString(h.TransformFinalBlock(new byte[] { 1, 2, 3, 4 }, off, n)) + "/" + BitConverter.ToString(h.ComputeHash(new byte[] { 1, 2, 3, 4 }, off, n))`)),
  // RSA.VerifyData/SignData/VerifyHash/SignHash argument order (reference source RSA.cs and
  // RSACryptoServiceProvider): the hash name's presence, padding, then the name (HashData/GetAlgorithmId)
  // and the padding mode; inputs where Mono's verification differs are in the cases below
  b(
    "s23.crypto.rsa.order.verifydata",
    "string",
    tryEach(
      `var rsa = RSA.Create(); foreach (var n in new string[] { null, "", "SHA256", "sha256", "MD5", "SHA384" }) foreach (var p in new RSASignaturePadding[] { null, RSASignaturePadding.Pkcs1, RSASignaturePadding.Pss }) foreach (var s in new byte[][] { null, new byte[3], new byte[128] })`,
      `rsa.VerifyData(new byte[] { 1, 2 }, s, new HashAlgorithmName(n), p) + "|" + rsa.VerifyData(new byte[] { 1, 2 }, 1, 1, s, new HashAlgorithmName(n), p)`,
    ),
  ),
  b(
    "s23.crypto.rsa.order.verifyhash",
    "string",
    tryEach(
      `var rsa = RSA.Create(); foreach (var n in new string[] { null, "", "SHA256", "sha256", "MD5", "SHA384", "x" }) foreach (var p in new RSASignaturePadding[] { null, RSASignaturePadding.Pkcs1, RSASignaturePadding.Pss }) foreach (var s in new byte[][] { null, new byte[3], new byte[128] }) foreach (var h in new byte[][] { null, new byte[n == "MD5" ? 16 : n == "SHA384" ? 48 : 32] })`,
      `rsa.VerifyHash(h, s, new HashAlgorithmName(n), p)`,
    ),
  ),
  b(
    "s23.crypto.rsa.order.sign",
    "string",
    tryEach(
      `var rsa = RSA.Create(); foreach (var n in new string[] { null, "", "SHA256", "sha256", "MD5" }) foreach (var p in new RSASignaturePadding[] { null, RSASignaturePadding.Pkcs1, RSASignaturePadding.Pss }) foreach (var h in new byte[][] { null, new byte[n == "MD5" ? 16 : 32] })`,
      `rsa.SignData(new byte[] { 1, 2 }, new HashAlgorithmName(n), p).Length + "|" + (h == null ? "" : rsa.SignHash(h, new HashAlgorithmName(n), p).Length.ToString())`,
    ),
  ),
  // .NET Framework verifies with CryptoAPI (Utils.VerifySign → CryptVerifySignature): an empty or
  // short signature and a hash of the wrong length do not verify, false. Mono's managed
  // PKCS1.Verify_v15 throws (IndexOutOfRange, "bad hash length"): the fuzzer's monoRsa emulation.
  b(
    "s23.crypto.rsa.verify.lengths",
    "string",
    tryEach(
      `var rsa = RSA.Create(); foreach (var s in new byte[][] { new byte[0], new byte[3], new byte[128] }) foreach (var h in new byte[][] { new byte[0], new byte[20], new byte[32], new byte[33] })`,
      `rsa.VerifyHash(h, s, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) + "|" + rsa.VerifyData(h, s, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)`,
    ),
    { expectDotNet: Array(12).fill("False|False,").join("") },
  ),
  // an unknown hash name: .NET's GetAlgorithmId throws CryptographicException; Mono's HashData a NullReferenceException
  b(
    "s23.crypto.rsa.unknown.name",
    "string",
    tryEach(`var rsa = RSA.Create(); foreach (var n in new[] { "x", "a\tb", " padded  " }) foreach (var p in new[] { RSASignaturePadding.Pkcs1, RSASignaturePadding.Pss })`, `rsa.VerifyData(new byte[] { 1 }, new byte[3], new HashAlgorithmName(n), p) + "|" + rsa.SignData(new byte[] { 1 }, new HashAlgorithmName(n), p).Length`),
    { expectDotNet: Array(6).fill("other,").join("") },
  ),
  c("s23.crypto.rsa.verifyhash.min", "bool", `(RSA.Create()).VerifyHash(new byte[] { 0, 255, 128, 1 }, new byte[] { 0, 255, 128, 1 }, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)`, { expectDotNet: "false" }),
  c("s23.crypto.hash.transformblock.min", "int", `(HashAlgorithm.Create()).TransformBlock(new byte[] { 0, 255, 128, 1 }, 1, 2, new byte[0], 0)`),
];
