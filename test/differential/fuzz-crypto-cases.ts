// Mismatch classes of System.Security.Cryptography, Math's CRT functions and mcs constants found by
// the fuzzer (session 23, "crypto"): each a generated matrix over the class, ids fzc.s23.crypto.*.
import type { DiffCase } from "./cases.js";
import { mcsVariant } from "./generate/mcs-variant.js";

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

/** Operands of binary numeric promotion with uint and ulong: variables of each integral type and int constants. */
const PROMOTE_VARS = `byte b = 200; ushort us = 60000; char ch = 'A'; sbyte sb = -5; short sh = -300; int i = -7; long l = -9; uint u = uint.Parse("1"); ulong ul = ulong.Parse("3");`;
const KIND = (o: string) => `(${o} is uint ? "u" : ${o} is long ? "l" : ${o} is ulong ? "U" : ${o} is int ? "i" : "?")`;
/** Each operand pair C# accepts (signed variables never meet ulong), each operator, unchecked: value and type. */
const PROMOTE_PAIRS: [string, string][] = [
  ...["b", "us", "ch", "sb", "sh", "i", "l", "u", "0", "2", "4294967295", "-1"].map((x): [string, string] => [x, "u"]),
  ...["b", "us", "ch", "u", "ul", "0", "2", "0L", "7L"].map((x): [string, string] => [x, "ul"]),
];
const promoteBody = (op: string) =>
  `var r = ""; ${PROMOTE_VARS} ${PROMOTE_PAIRS.map(([x, y], k) => `object o${k} = unchecked(${x} ${op} ${y}); object p${k} = unchecked(${y} ${op} ${x}); r += o${k} + ${KIND(`o${k}`)} + "/" + p${k} + ${KIND(`p${k}`)} + ",";`).join(" ")} return r;`;

/** checked(Z - x) for each constant-zero literal form Z mcs compiles without the overflow check. */
const ZERO_MINUS_SHAPES: [string, string][] = [["0", "im"], ["0L", "lm"], ["0", "lm"], ["0l", "lm"], ["(long)0", "lm"], ["0u", "u1"], ["0U", "u1"], ["0UL", "ul1"], ["0ul", "ul1"], ["0", "u1"], ["0", "ul1"], ["0x0", "im"], ["00", "im"], ["(0)", "im"], ["0x0L", "lm"], ["0LU", "ul1"]];
const zeroMinusBody = (shapes: [string, string][]) =>
  `var r = ""; int im = int.Parse("-2147483648"); long lm = long.Parse("-9223372036854775808"); uint u1 = uint.Parse("1"); ulong ul1 = ulong.Parse("1"); ${shapes.map(([z, x]) => `try { r += checked(${z} - ${x}) + ","; } catch (OverflowException) { r += "Overflow,"; }`).join(" ")} return r;`;
const ZERO_MINUS_BODY = zeroMinusBody(ZERO_MINUS_SHAPES);
// (an unsuffixed 0 against a uint/ulong operand has no non-constant spelling of the same type: its
// variant is int arithmetic, so such a mismatch stays unexplained rather than wrongly explained)
const ZERO_MINUS_VARIANT = mcsVariant(zeroMinusBody(ZERO_MINUS_SHAPES.filter(([z, x]) => !(z === "0" && (x === "u1" || x === "ul1")))))!;

/** Lambdas in checked regions (expression and statement, expression and block bodies, nested). */
const CHECKED_LAMBDA_SHAPES = [
  `checked(new[] { 1 }.Select(x => x + m).First())`,
  `checked(new[] { 1, 2 }.GroupJoin(new[] { 1 }, a => a, b => b, (a, g) => (long)(double)(object)1e21).Count())`,
  `checked(new[] { 1 }.Select(x => { return x * m * 2; }).Sum())`,
  `checked(new[] { 1 }.Select(x => new[] { x }.Select(y => y + m).First()).First())`,
  `checked(new[] { m }.Where(x => x - int.Parse("-2147483647") > 0).Count())`,
  `checked(new[] { 3L }.Aggregate(long.MaxValue, (s, v) => s + v))`,
];
const checkedLambdaBody = (shapes: string[]) =>
  `var r = ""; int m = int.Parse("2147483647"); ${shapes.map((e) => `try { r += ${e} + ","; } catch (OverflowException) { r += "Overflow,"; }`).join(" ")} checked { try { r += new[] { 1 }.Select(x => x + m).First() + ","; } catch (OverflowException) { r += "Overflow,"; } } return r;`;

export const FUZZ_CRYPTO_CASES: DiffCase[] = [
  // mcs compiles a lambda body inside checked(...) or a checked block unchecked (generate/mcs-variant.ts);
  // C# (spec §12.8.20, "textually contained") and Roslyn check it. The variant wraps each body in checked.
  b("s24.mcs.checked.lambda", "string", checkedLambdaBody(CHECKED_LAMBDA_SHAPES), { expectDotNet: "Overflow,".repeat(CHECKED_LAMBDA_SHAPES.length + 1) }),
  b("s24.mcs.checked.lambda.variant", "string", mcsVariant(checkedLambdaBody(CHECKED_LAMBDA_SHAPES))!),
  // mcs drops the overflow check of checked(0 - x) for every constant-zero literal form and integral type
  // (generate/mcs-variant.ts); C# (spec §12.10.5, Roslyn sub.ovf) throws. The variant (zero made
  // non-constant) is what the fuzzer runs to explain such a mismatch: Mono gives .NET's answer on it.
  b("s23.crypto.mcs.checked.zero.minus", "string", ZERO_MINUS_BODY, { expectDotNet: "Overflow,".repeat(ZERO_MINUS_SHAPES.length) }),
  b("s23.crypto.mcs.checked.zero.minus.variant", "string", ZERO_MINUS_VARIANT),
  // int.MinValue / -1 and % -1 with a computed divisor: .NET OverflowException; Mono's x86-64 JIT lets idiv
  // trap (DivideByZeroException): the fuzzer's monoIntMinDivide emulation
  b(
    "s23.crypto.int.min.divide",
    "string",
    `var r = ""; int m = int.Parse("-2147483648"); int one = int.Parse("1"); ${["m % (-one)", "m / (-one)", "m % (int.Parse(\"-1\") >> int.Parse(\"2147483647\"))", "m / (~(one - 1))", "m % (one * -1)", "m / (int.Parse(\"-1\") | 0)"].map((e) => `try { r += (${e}) + ","; } catch (OverflowException) { r += "Overflow,"; } catch (DivideByZeroException) { r += "DivideByZero,"; }`).join(" ")} return r;`,
    { expectDotNet: "Overflow,".repeat(6) },
  ),
  c("s23.crypto.mcs.checked.zero.minus.long", "long", `checked(0L - long.Parse("-9223372036854775808"))`, { expectDotNet: "!OverflowException" }),
  // binary numeric promotion with uint/ulong: byte, ushort and char operands stay unsigned, sbyte/short/int
  // go to long, an int constant in range converts to uint/ulong (0 - u is uint: 4294967295)
  ...["+", "-", "*", "&", "^"].map((op, k) => b(`s23.crypto.promote.uint.${k}`, "string", promoteBody(op))),
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
  // RijndaelManaged.CreateEncryptor/Decryptor(key, iv) (reference source): random key/IV for null, the
  // mode, the IV's word count for CBC/CFB, max(block, key bits) in {128, 192, 256}, IndexOutOfRange for
  // keys under 8 bytes (key lengths 8..15 take a non-standard schedule apimc does not implement)
  ...["CBC", "ECB", "CFB", "OFB"].map((mode) =>
    b(
      `s23.crypto.rijndael.explicit.${mode.toLowerCase()}`,
      "string",
      tryEach(
        `var a = SymmetricAlgorithm.Create(); a.Mode = CipherMode.${mode}; foreach (var kl in new[] { -1, 0, 1, 4, 5, 7, 16, 17, 20, 23, 24, 25, 31, 32, 33, 40 }) foreach (var iv in new byte[][] { null, new byte[0], new byte[15], new byte[16], new byte[19], new byte[20] })`,
        `a.CreateEncryptor(kl < 0 ? null : new byte[kl], iv).InputBlockSize + "/" + a.CreateDecryptor(kl < 0 ? null : new byte[kl], iv).OutputBlockSize`,
      ),
    ),
  ),
  // RijndaelManagedTransform (RijndaelManaged, AesManaged) TransformBlock/TransformFinalBlock argument
  // checks and output room (reference source): each call on a fresh transform (fixed key and IV: a
  // random key's decryption of zeros has valid PKCS7 padding now and then, which made the case flaky)
  ...[`SymmetricAlgorithm.Create()`, `SymmetricAlgorithm.Create("AesManaged")`].flatMap((alg, i) =>
    ["CreateEncryptor", "CreateDecryptor"].map((dir) =>
      b(
        `s23.crypto.rijndael.transform.${i}.${dir === "CreateEncryptor" ? "enc" : "dec"}`,
        "string",
        tryEach(
          `var a = ${alg}; a.Key = new byte[16]; a.IV = new byte[16]; var inp = new byte[32]; foreach (var o in new byte[][] { null, new byte[0], new byte[8], new byte[16], new byte[40], inp }) foreach (var off in new[] { -1, 0, 8, 16 }) foreach (var n in new[] { -1, 0, 8, 16, 24, 32 }) foreach (var oo in new[] { -1, 0, 8, 30 })`,
          `a.${dir}().TransformBlock(inp, off, n, o, oo)`,
        ) .replace("return r;", `foreach (var off in new[] { -1, 0, 8, 16, 33 }) foreach (var n in new[] { -1, 0, 8, 16, 24, 32, 33 }) { try { r += a.${dir}().TransformFinalBlock(inp, off, n).Length + ";"; } catch (ArgumentOutOfRangeException) { r += "AOOR;"; } catch (ArgumentException) { r += "AE;"; } catch (Exception) { r += "other;"; } } return r;`),
      ),
    ),
  ),
  c("s23.crypto.rijndael.explicit.min", "bool", `((SymmetricAlgorithm.Create()).CreateEncryptor(Encoding.UTF8.GetBytes("h\u00e9llo"), (new RSAParameters()).P)).CanTransformMultipleBlocks`),
  c("s23.crypto.hash.transformblock.min", "int", `(HashAlgorithm.Create()).TransformBlock(new byte[] { 0, 255, 128, 1 }, 1, 2, new byte[0], 0)`),
];
