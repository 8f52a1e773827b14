// Differential cases for System.Security.Cryptography beyond hashing: RSA (fixed key from
// data/crypto-fixtures.ts; deterministic PKCS#1 v1.5 signatures compared byte for byte, random
// paddings by round trip), symmetric ciphers (every algorithm × mode × padding with fixed key and
// IV), random numbers (by shape), OIDs. Where Mono differs from .NET Framework, `expectDotNet` says
// what .NET Framework 4.x (RSACryptoServiceProvider / CapiSymmetricAlgorithm) answers and why.
import type { DiffCase } from "./cases.js";
import { RSA_1024_XML } from "./data/crypto-fixtures.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `crypto.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `crypto.${id}`, type, expr: body, block: true, ...opts });

const KEY = JSON.stringify(RSA_1024_XML);
const rsa = `var r = RSA.Create(); r.FromXmlString(${KEY}); var data = Encoding.UTF8.GetBytes("order 42: 3 × shoes");`;
const sym = (alg: string) =>
  `var sb = new StringBuilder(); foreach (var mode in new[] { CipherMode.CBC, CipherMode.ECB, CipherMode.CFB }) foreach (var pad in new[] { PaddingMode.PKCS7, PaddingMode.Zeros, PaddingMode.None, PaddingMode.ANSIX923 }) {
    var a = SymmetricAlgorithm.Create("${alg}"); a.Mode = mode; a.Padding = pad;
    var key = new byte[a.KeySize / 8]; for (int i = 0; i < key.Length; i++) key[i] = (byte)(i * 7 + 1); a.Key = key;
    var iv = new byte[a.BlockSize / 8]; for (int i = 0; i < iv.Length; i++) iv[i] = (byte)(200 - i); a.IV = iv;
    var plain = Encoding.UTF8.GetBytes(pad == PaddingMode.None ? "0123456789abcdef0123456789ABCDEF" : "attack at dawn!!+");
    var enc = a.CreateEncryptor().TransformFinalBlock(plain, 0, plain.Length);
    var dec = a.CreateDecryptor().TransformFinalBlock(enc, 0, enc.Length);
    sb.Append(mode + "/" + pad + ":" + Convert.ToBase64String(enc) + "=>" + BitConverter.ToString(dec) + "\\n"); }
  return sb.ToString();`;

export const CRYPTO_CASES: DiffCase[] = [
  // ---- RSA ---------------------------------------------------------------------------------
  b("rsa.xml.roundtrip", "string", `${rsa} return (r.ToXmlString(true) == ${KEY}) + "|" + r.ToXmlString(false) + "|" + r.KeySize;`),
  b("rsa.sign.pkcs1", "string", `${rsa} var s = new List<string>(); foreach (var h in new[] { HashAlgorithmName.MD5, HashAlgorithmName.SHA1, HashAlgorithmName.SHA256, HashAlgorithmName.SHA384, HashAlgorithmName.SHA512 }) s.Add(h + ":" + Convert.ToBase64String(r.SignData(data, h, RSASignaturePadding.Pkcs1))); return string.Join("\\n", s);`),
  b("rsa.sign.range", "string", `${rsa} return Convert.ToBase64String(r.SignData(data, 2, 5, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) + "|" + r.VerifyData(data, 2, 5, r.SignData(data, 2, 5, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);`),
  b("rsa.verify", "string", `${rsa} var sig = r.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1); var pub = RSA.Create(); pub.FromXmlString(r.ToXmlString(false));
    var bad = (byte[])sig.Clone(); bad[5] ^= 1;
    return pub.VerifyData(data, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) + "|" + pub.VerifyData(data, bad, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) + "|" + pub.VerifyData(data, sig, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1) + "|" + pub.VerifyData(data, new byte[3], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);`),
  b("rsa.signhash", "string", `${rsa} var h = SHA256.Create().ComputeHash(data); var s1 = r.SignHash(h, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1); var s2 = r.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    var h1 = SHA1.Create().ComputeHash(data);
    return (Convert.ToBase64String(s1) == Convert.ToBase64String(s2)) + "|" + r.VerifyHash(h, s1, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) + "|" + r.VerifyHash(h1, s1, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1) + "|" + Convert.ToBase64String(r.SignHash(h1, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));`),
  b("rsa.encrypt.roundtrip", "string", `${rsa} var s = new List<string>(); foreach (var p in new[] { RSAEncryptionPadding.Pkcs1, RSAEncryptionPadding.OaepSHA1 }) { var e = r.Encrypt(data, p); s.Add(p + ":" + e.Length + ":" + Encoding.UTF8.GetString(r.Decrypt(e, p))); } return string.Join("|", s);`),
  b("rsa.encrypt.max", "string", `${rsa} return r.Encrypt(new byte[117], RSAEncryptionPadding.Pkcs1).Length + "|" + r.Encrypt(new byte[86], RSAEncryptionPadding.OaepSHA1).Length + "|" + r.Encrypt(new byte[0], RSAEncryptionPadding.Pkcs1).Length;`),
  b("rsa.encrypt.toolong", "int", `${rsa} return r.Encrypt(new byte[118], RSAEncryptionPadding.Pkcs1).Length;`),
  // RSACryptoServiceProvider (what RSA.Create() is on .NET Framework) knows PKCS#1 v1.5 and OAEP-SHA1 only
  b("rsa.encrypt.oaep256", "int", `${rsa} return r.Encrypt(data, RSAEncryptionPadding.OaepSHA256).Length;`),
  b("rsa.sign.pss", "int", `${rsa} return r.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss).Length;`),
  b("rsa.decrypt.oaep.garbage", "int", `${rsa} return r.Decrypt(new byte[128], RSAEncryptionPadding.OaepSHA1).Length;`),
  // Mono returns the raw block for an invalid PKCS#1 v1.5 block; CryptoAPI's CryptDecrypt fails with NTE_BAD_DATA
  // ("Bad Data."): https://learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-cryptdecrypt
  b("rsa.decrypt.pkcs1.garbage", "int", `${rsa} return r.Decrypt(new byte[128], RSAEncryptionPadding.Pkcs1).Length;`, { expectDotNet: "!CryptographicException" }),
  b("rsa.hash.null", "int", `${rsa} return r.SignData(data, new HashAlgorithmName(null), RSASignaturePadding.Pkcs1).Length;`),
  b("rsa.hash.empty.verify", "bool", `${rsa} return r.VerifyData(data, new byte[128], new HashAlgorithmName(""), RSASignaturePadding.Pkcs1);`),
  b("rsa.padding.null", "int", `${rsa} return r.SignData(data, HashAlgorithmName.SHA1, null).Length;`),
  b("rsa.data.null", "int", `${rsa} return r.SignData((byte[])null, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1).Length;`),
  b("rsa.encrypt.null", "int", `${rsa} return r.Encrypt(null, RSAEncryptionPadding.Pkcs1).Length;`),
  b("rsa.public.sign", "int", `${rsa} var pub = RSA.Create(); pub.FromXmlString(r.ToXmlString(false)); return pub.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1).Length;`),
  b("rsa.public.export.private", "int", `${rsa} var pub = RSA.Create(); pub.FromXmlString(r.ToXmlString(false)); return pub.ExportParameters(true).D.Length;`),
  b("rsa.public.decrypt", "int", `${rsa} var pub = RSA.Create(); pub.FromXmlString(r.ToXmlString(false)); return pub.Decrypt(r.Encrypt(data, RSAEncryptionPadding.Pkcs1), RSAEncryptionPadding.Pkcs1).Length;`),
  b("rsa.fromxml.null", "int", `var r = RSA.Create(); r.FromXmlString(null); return 1;`),
  b("rsa.fromxml.nomodulus", "int", `var r = RSA.Create(); r.FromXmlString("<RSAKeyValue><Exponent>AQAB</Exponent></RSAKeyValue>"); return 1;`),
  b("rsa.parameters", "string", `${rsa} var p = r.ExportParameters(true); var q = r.ExportParameters(false);
    return p.Modulus.Length + "," + p.Exponent.Length + "," + p.D.Length + "," + p.P.Length + "," + p.Q.Length + "," + p.DP.Length + "," + p.DQ.Length + "," + p.InverseQ.Length + "|" + (q.D == null) + (q.P == null) + "|" + Convert.ToBase64String(q.Modulus).Substring(0, 20) + "|" + Convert.ToBase64String(p.InverseQ);`),
  b("rsa.import.public", "string", `${rsa} var p = r.ExportParameters(false); var x = RSA.Create(); x.ImportParameters(new RSAParameters { Modulus = p.Modulus, Exponent = p.Exponent });
    var sig = r.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
    return x.KeySize + "|" + x.VerifyData(data, sig, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1) + "|" + Encoding.UTF8.GetString(r.Decrypt(x.Encrypt(data, RSAEncryptionPadding.OaepSHA1), RSAEncryptionPadding.OaepSHA1)) + "|" + x.ToXmlString(false).Length;`),
  b("rsa.import.private", "string", `${rsa} var x = RSA.Create(r.ExportParameters(true)); return Convert.ToBase64String(x.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)) == Convert.ToBase64String(r.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)) ? x.ToXmlString(true).Length.ToString() : "differs";`),
  b("rsa.describe", "string", `var r = RSA.Create(); var k = r.LegalKeySizes[0]; return r.KeySize + "|" + r.KeyExchangeAlgorithm + "|" + r.SignatureAlgorithm + "|" + k.MinSize + "-" + k.MaxSize + "/" + k.SkipSize + "|" + (RSA.Create("foo") == null) + "|" + (RSA.Create("RSA") != null) + "|" + AsymmetricAlgorithm.Create().KeySize;`),
  b("rsa.generated.roundtrip", "string", `var r = RSA.Create(); var d = new byte[] { 1, 2, 3 }; var sig = r.SignData(d, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1); var x = RSA.Create(); x.FromXmlString(r.ToXmlString(false));
    return sig.Length + "|" + x.VerifyData(d, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) + "|" + BitConverter.ToString(r.Decrypt(x.Encrypt(d, RSAEncryptionPadding.OaepSHA1), RSAEncryptionPadding.OaepSHA1));`),
  // Mono's RSA.Create(int) keeps the default 1024-bit key; .NET Framework 4.7.2's creates a key of the size asked
  // (https://learn.microsoft.com/dotnet/api/system.security.cryptography.rsa.create#system-security-cryptography-rsa-create(system-int32))
  c("rsa.create.sized", "int", `RSA.Create(2048).KeySize`, { expectDotNet: "2048" }),
  c("rsa.create.sized.bad", "int", `RSA.Create(100).KeySize`),
  // RSACryptoServiceProvider.EncryptValue/DecryptValue throw NotSupportedException on .NET Framework
  // (reference source rsacryptoserviceprovider.cs: "NotSupported_Method"); Mono computes the raw value
  b("rsa.encryptvalue", "int", `${rsa} return r.EncryptValue(new byte[4]).Length;`, { expectDotNet: "!NotSupportedException" }),
  c("rsa.padding.objects", "string", `RSAEncryptionPadding.Pkcs1 + "|" + RSAEncryptionPadding.OaepSHA1 + "|" + RSAEncryptionPadding.OaepSHA512 + "|" + RSAEncryptionPadding.OaepSHA256.Mode + "|" + RSAEncryptionPadding.OaepSHA384.OaepHashAlgorithm + "|" + RSAEncryptionPadding.Pkcs1.OaepHashAlgorithm.Name + "|" + RSAEncryptionPadding.CreateOaep(HashAlgorithmName.SHA256).Equals(RSAEncryptionPadding.OaepSHA256) + "|" + RSAEncryptionPadding.Pkcs1.Equals(RSAEncryptionPadding.OaepSHA1) + "|" + RSASignaturePadding.Pkcs1 + "|" + RSASignaturePadding.Pss + "|" + RSASignaturePadding.Pss.Mode + "|" + RSASignaturePadding.Pkcs1.Equals(RSASignaturePadding.Pkcs1) + "|" + (RSAEncryptionPadding.Pkcs1.Mode == RSAEncryptionPaddingMode.Pkcs1)`),
  c("rsa.createoaep.empty", "string", `RSAEncryptionPadding.CreateOaep(new HashAlgorithmName("")).ToString()`),
  // ---- symmetric ---------------------------------------------------------------------------
  b("sym.aes.matrix", "string", sym("AES")),
  b("sym.rijndael.matrix", "string", sym("Rijndael")),
  b("sym.tripledes.matrix", "string", sym("TripleDES")),
  b("sym.des.matrix", "string", sym("DES")),
  b("sym.defaults", "string", `var s = new List<string>(); foreach (var n in new[] { "AES", "Rijndael", "TripleDES", "DES", "AesManaged" }) { var a = SymmetricAlgorithm.Create(n); s.Add(n + ":" + a.KeySize + "," + a.BlockSize + "," + a.FeedbackSize + "," + a.Mode + "," + a.Padding + "," + a.Key.Length + "," + a.IV.Length + "," + string.Join(";", a.LegalKeySizes.Select(k => k.MinSize + "-" + k.MaxSize + "/" + k.SkipSize)) + "," + string.Join(";", a.LegalBlockSizes.Select(k => k.MinSize + "-" + k.MaxSize + "/" + k.SkipSize))); }
    var d = SymmetricAlgorithm.Create(); s.Add(d.KeySize + "," + d.BlockSize); s.Add((SymmetricAlgorithm.Create("nope") == null).ToString()); return string.Join("|", s);`),
  b("sym.keysizes", "string", `var a = SymmetricAlgorithm.Create("AES"); var k = new byte[16]; k[0] = 9; a.Key = k; var before = a.KeySize; k[1] = 1; var k2 = a.Key; k2[2] = 5; a.KeySize = 192; return before + "|" + BitConverter.ToString(a.Key.Take(3).ToArray()).Length + "|" + a.Key.Length + "|" + a.ValidKeySize(128) + a.ValidKeySize(100) + a.ValidKeySize(192) + a.ValidKeySize(320);`),
  b("sym.key.copy", "string", `var a = SymmetricAlgorithm.Create("AES"); var k = new byte[16]; a.Key = k; k[0] = 99; var k2 = a.Key; k2[1] = 98; return BitConverter.ToString(a.Key);`),
  b("sym.iv.bad", "int", `var a = SymmetricAlgorithm.Create("AES"); a.IV = new byte[8]; return 1;`),
  b("sym.key.bad", "int", `var a = SymmetricAlgorithm.Create("AES"); a.Key = new byte[20]; return 1;`),
  b("sym.key.null", "int", `var a = SymmetricAlgorithm.Create("AES"); a.Key = null; return 1;`),
  b("sym.keysize.bad", "int", `var a = SymmetricAlgorithm.Create("AES"); a.KeySize = 100; return 1;`),
  b("sym.blocksize.bad", "int", `var a = SymmetricAlgorithm.Create("AES"); a.BlockSize = 64; return 1;`),
  b("sym.mode.cts", "int", `var a = SymmetricAlgorithm.Create("AES"); a.Mode = CipherMode.CTS; return a.CreateEncryptor().TransformFinalBlock(new byte[3], 0, 3).Length;`),
  b("sym.mode.ofb", "int", `var a = SymmetricAlgorithm.Create("Rijndael"); a.Mode = CipherMode.OFB; return a.CreateEncryptor().TransformFinalBlock(new byte[3], 0, 3).Length;`),
  b("sym.decrypt.badpadding", "int", `var a = SymmetricAlgorithm.Create("AES"); a.Key = new byte[16]; a.IV = new byte[16]; return a.CreateDecryptor().TransformFinalBlock(new byte[16], 0, 16).Length;`),
  // a ciphertext that is not whole blocks: CapiSymmetricAlgorithm throws CryptographicException
  // ("Length of the data to decrypt is invalid."); Mono's transform throws ArgumentException
  b("sym.decrypt.partial", "int", `var a = SymmetricAlgorithm.Create("AES"); a.Key = new byte[16]; a.IV = new byte[16]; return a.CreateDecryptor().TransformFinalBlock(new byte[15], 0, 15).Length;`, { expectDotNet: "!CryptographicException" }),
  b("sym.encrypt.none.partial", "int", `var a = SymmetricAlgorithm.Create("AES"); a.Padding = PaddingMode.None; a.Key = new byte[16]; a.IV = new byte[16]; return a.CreateEncryptor().TransformFinalBlock(new byte[15], 0, 15).Length;`),
  b("sym.empty", "string", `var a = SymmetricAlgorithm.Create("AES"); a.Key = new byte[16]; a.IV = new byte[16]; var e = a.CreateEncryptor().TransformFinalBlock(new byte[0], 0, 0); a.Padding = PaddingMode.Zeros; var z = a.CreateEncryptor().TransformFinalBlock(new byte[0], 0, 0); a.Padding = PaddingMode.PKCS7; return e.Length + "|" + z.Length + "|" + a.CreateDecryptor().TransformFinalBlock(e, 0, e.Length).Length;`),
  b("sym.blocks", "string", `var a = SymmetricAlgorithm.Create("AES"); a.Key = new byte[16]; a.IV = new byte[16]; var p = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdefxyz");
    var e = a.CreateEncryptor(); var o = new byte[48]; int n = e.TransformBlock(p, 0, 32, o, 0); var f = e.TransformFinalBlock(p, 32, 3); var all = a.CreateEncryptor().TransformFinalBlock(p, 0, p.Length);
    var d = a.CreateDecryptor(); var o2 = new byte[64]; int m = d.TransformBlock(all, 0, 32, o2, 0); int m2 = d.TransformBlock(all, 32, 16, o2, m); var f2 = d.TransformFinalBlock(all, 48, 0);
    return n + "|" + (Convert.ToBase64String(o.Take(32).Concat(f).ToArray()) == Convert.ToBase64String(all)) + "|" + m + "|" + m2 + "|" + Encoding.ASCII.GetString(o2, 0, m + m2) + Encoding.ASCII.GetString(f2) + "|" + e.InputBlockSize + "," + e.OutputBlockSize + "," + e.CanTransformMultipleBlocks;`),
  // after TransformFinalBlock, .NET Framework's transforms reset to the IV and say CanReuseTransform
  // (reference source rijndaelmanagedtransform.cs / capisymmetricalgorithm.cs: Reset() after the final
  // block); Mono's AES transform keeps the CBC state and says false
  b("sym.reuse", "string", `var a = SymmetricAlgorithm.Create("AES"); a.Key = new byte[16]; a.IV = new byte[16]; var e = a.CreateEncryptor(); var x = e.TransformFinalBlock(new byte[3], 0, 3); var y = e.TransformFinalBlock(new byte[3], 0, 3); return (Convert.ToBase64String(x) == Convert.ToBase64String(y)) + "|" + e.CanReuseTransform;`, { expectDotNet: "True|True" }),
  b("sym.explicit.key", "string", `var a = SymmetricAlgorithm.Create("AES"); var k = new byte[16]; k[3] = 3; var e = a.CreateEncryptor(k, new byte[16]).TransformFinalBlock(new byte[5], 0, 5); a.Mode = CipherMode.ECB; var f = a.CreateEncryptor(k, null).TransformFinalBlock(new byte[5], 0, 5); return Convert.ToBase64String(e) + "|" + Convert.ToBase64String(f) + "|" + a.CreateDecryptor(k, null).TransformFinalBlock(f, 0, f.Length).Length;`),
  b("sym.generate", "string", `var a = SymmetricAlgorithm.Create("AES"); a.KeySize = 128; a.GenerateKey(); a.GenerateIV(); var k1 = a.Key; a.GenerateKey(); var t = SymmetricAlgorithm.Create("TripleDES"); t.GenerateKey(); return a.Key.Length + "|" + a.IV.Length + "|" + (Convert.ToBase64String(k1) != Convert.ToBase64String(a.Key)) + "|" + t.Key.Length;`),
  b("sym.iso10126", "string", `var a = SymmetricAlgorithm.Create("AES"); a.Padding = PaddingMode.ISO10126; a.Key = new byte[16]; a.IV = new byte[16]; var e = a.CreateEncryptor().TransformFinalBlock(new byte[] { 1, 2, 3, 4, 5 }, 0, 5); var d = a.CreateDecryptor().TransformFinalBlock(e, 0, e.Length); a.Padding = PaddingMode.None; var raw = a.CreateDecryptor().TransformFinalBlock(e, 0, e.Length); return e.Length + "|" + BitConverter.ToString(d) + "|" + raw[15];`),
  b("sym.des.weak", "int", `var a = SymmetricAlgorithm.Create("DES"); a.Key = new byte[] { 1, 1, 1, 1, 1, 1, 1, 1 }; return 1;`),
  b("sym.tripledes.weak", "int", `var a = SymmetricAlgorithm.Create("TripleDES"); a.Key = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8 }; return 1;`),
  b("sym.tripledes.16", "string", `var a = SymmetricAlgorithm.Create("TripleDES"); a.Key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray(); a.IV = new byte[8]; return Convert.ToBase64String(a.CreateEncryptor().TransformFinalBlock(new byte[] { 1, 2, 3 }, 0, 3)) + "|" + a.KeySize;`),
  // ---- random numbers ----------------------------------------------------------------------
  b("rng.nonzero", "string", `var r = new RNGCryptoServiceProvider(); var b = new byte[2000]; r.GetNonZeroBytes(b); var c = new byte[16]; RandomNumberGenerator.Create().GetNonZeroBytes(c); return b.All(x => x != 0) + "|" + c.All(x => x != 0) + "|" + (b.Distinct().Count() > 200);`, { note: "2000 random non-zero bytes take more than 200 of the 255 values" }),
  b("rng.nonzero.null", "int", `new RNGCryptoServiceProvider().GetNonZeroBytes(null); return 1;`),
  // ---- HMAC legacy values ------------------------------------------------------------------
  b("hmac.legacy", "string", `var k = Encoding.UTF8.GetBytes("key"); var d = Encoding.UTF8.GetBytes("data"); var h = new HMACSHA512(k); var std = Convert.ToBase64String(h.ComputeHash(d)); var l = new HMACSHA512(k); var before = l.ProduceLegacyHmacValues; l.ProduceLegacyHmacValues = true; var leg = Convert.ToBase64String(l.ComputeHash(d));
    var h3 = new HMACSHA384(k); h3.ProduceLegacyHmacValues = true; return before + "|" + std + "|" + leg + "|" + Convert.ToBase64String(h3.ComputeHash(d));`),
  // ---- Oid ---------------------------------------------------------------------------------
  c("oid.basics", "string", `new Oid("2.5.4.3").FriendlyName + "|" + new Oid("sha256").Value + "|" + new Oid("sha256").FriendlyName + "|" + new Oid("1.2.840.113549.1.1.11").FriendlyName + "|" + new Oid("1.2.3.4").FriendlyName + "|" + new Oid("1.2.3", "mine").FriendlyName + "|" + new Oid(new Oid("2.5.4.10")).FriendlyName + "|" + (new Oid().Value == null)`),
  c("oid.lookup", "string", `Oid.FromFriendlyName("sha1", OidGroup.All).Value + "|" + Oid.FromOidValue("1.2.840.113549.1.1.1", OidGroup.All).FriendlyName`),
  c("oid.lookup.unknown", "string", `Oid.FromFriendlyName("no such name", OidGroup.All).Value`),
];
