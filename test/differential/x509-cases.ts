// Differential cases for System.Security.Cryptography.X509Certificates over a fixed self-signed
// client certificate (data/crypto-fixtures.ts): names in CryptoAPI's form, hashes, serial, dates,
// key, extensions, GetNameInfo, DER and PEM input, errors. Where Mono differs from .NET Framework,
// `expectDotNet` says what .NET Framework 4.x answers and why.
import type { DiffCase } from "./cases.js";
import { CLIENT_CERT_DER_B64, CLIENT_CERT_PEM } from "./data/crypto-fixtures.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `x509.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `x509.${id}`, type, expr: body, block: true, ...opts });

const cert = `var raw = Convert.FromBase64String("${CLIENT_CERT_DER_B64}"); var c = new X509Certificate2(raw);`;

export const X509_CASES: DiffCase[] = [
  b("names", "string", `${cert} return c.Subject + "|" + c.Issuer + "|" + c.SubjectName.Name + "|" + c.IssuerName.Name;`),
  b("legacy.names", "string", `${cert} return c.GetName() + "|" + c.GetIssuerName();`),
  b("hashes", "string", `${cert} return c.Thumbprint + "|" + c.GetCertHashString() + "|" + BitConverter.ToString(c.GetCertHash());`),
  b("serial", "string", `${cert} return c.SerialNumber + "|" + c.GetSerialNumberString() + "|" + BitConverter.ToString(c.GetSerialNumber());`),
  b("dates", "string", `${cert} return c.NotBefore.ToString("yyyy-MM-dd HH:mm:ss") + "|" + c.NotAfter.ToString("yyyy-MM-dd HH:mm:ss") + "|" + c.NotAfter.Kind + "|" + c.GetEffectiveDateString() + "|" + c.GetExpirationDateString() + "|" + (c.NotAfter > c.NotBefore);`),
  b("describe", "string", `${cert} return c.Version + "|" + c.SignatureAlgorithm.FriendlyName + "|" + c.SignatureAlgorithm.Value + "|" + c.GetFormat() + "|" + c.HasPrivateKey + "|" + (c.PrivateKey == null) + "|[" + c.FriendlyName + "]|" + c.Archived;`),
  // Mono's X509Certificate2.FriendlyName setter throws PlatformNotSupportedException; .NET Framework on
  // Windows stores it (CERT_FRIENDLY_NAME_PROP_ID) and reads null back as "" (reference source x509certificate2.cs)
  b("friendlyname.set", "string", `${cert} c.FriendlyName = "mine"; var x = c.FriendlyName; c.FriendlyName = null; return x + "|[" + c.FriendlyName + "]";`, { expectDotNet: "mine|[]" }),
  b("raw", "string", `${cert} return c.RawData.Length + "|" + (Convert.ToBase64String(c.RawData) == Convert.ToBase64String(raw)) + "|" + (Convert.ToBase64String(c.GetRawCertData()) == Convert.ToBase64String(raw)) + "|" + c.GetRawCertDataString().Substring(0, 16) + "|" + c.Export(X509ContentType.Cert).Length;`),
  b("key", "string", `${cert} return c.GetKeyAlgorithm() + "|" + BitConverter.ToString(c.GetKeyAlgorithmParameters()) + "|" + c.GetKeyAlgorithmParametersString() + "|" + c.GetPublicKey().Length + "|" + c.GetPublicKeyString().Substring(0, 24) + "|" + c.PublicKey.Oid.FriendlyName + "|" + c.PublicKey.Oid.Value + "|" + c.PublicKey.EncodedKeyValue.RawData.Length + "|" + BitConverter.ToString(c.PublicKey.EncodedParameters.RawData) + "|" + c.PublicKey.Key.KeySize;`),
  b("rsa.public", "string", `${cert} var k = c.GetRSAPublicKey(); var x = k.ExportParameters(false); return k.KeySize + "|" + Convert.ToBase64String(x.Exponent) + "|" + (Convert.ToBase64String(x.Modulus) == Convert.ToBase64String(((RSA)c.PublicKey.Key).ExportParameters(false).Modulus)) + "|" + (c.GetRSAPrivateKey() == null) + "|" + k.VerifyData(new byte[] { 1 }, new byte[256], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);`),
  // .NET Framework 4.6+ gives the certificate's key as RSACng, whose KeyExchangeAlgorithm and SignatureAlgorithm
  // are RSA's "RSA" (https://learn.microsoft.com/dotnet/api/system.security.cryptography.rsa.keyexchangealgorithm)
  // and which verifies PSS signatures; Mono gives an RSACryptoServiceProvider (PKCS#1 v1.5 only)
  b("rsa.public.kind", "string", `${cert} var k = c.GetRSAPublicKey(); return k.KeyExchangeAlgorithm + "|" + k.SignatureAlgorithm;`, { expectDotNet: "RSA|RSA" }),
  b("rsa.public.pss", "bool", `${cert} return c.GetRSAPublicKey().VerifyData(new byte[] { 1 }, new byte[256], HashAlgorithmName.SHA256, RSASignaturePadding.Pss);`, { expectDotNet: "false" }),
  b("nameinfo", "string", `${cert} var s = new List<string>(); foreach (var t in new[] { X509NameType.SimpleName, X509NameType.EmailName, X509NameType.UpnName, X509NameType.DnsName, X509NameType.DnsFromAlternativeName, X509NameType.UrlName }) s.Add(t + "=" + c.GetNameInfo(t, false) + "/" + c.GetNameInfo(t, true)); return string.Join("|", s);`),
  b("extensions", "string", `${cert} var s = new List<string>(); foreach (X509Extension e in c.Extensions) s.Add(e.Oid.Value + "," + (e.Oid.Value == "2.5.29.37" ? "" : e.Oid.FriendlyName) + "," + e.Critical + "," + e.RawData.Length); return c.Extensions.Count + "|" + string.Join("|", s) + "|" + c.Extensions[1].Oid.Value + "|" + c.Extensions["2.5.29.15"].Critical + "|" + (c.Extensions["1.2.3.4"] == null);`),
  // CryptoAPI names 2.5.29.37 "Enhanced Key Usage" (CryptFindOIDInfo, as certmgr shows it); Mono's table says "Extended Key Usage"
  c("eku.name", "string", `new Oid("2.5.29.37").FriendlyName`, { expectDotNet: "Enhanced Key Usage" }),
  b("tostring", "string", `${cert} return c.ToString();`, { windowsNewline: true }),
  b("tostring.x509", "string", `${cert} var x = new X509Certificate(raw); return x.ToString() + "|" + x.ToString(false) + "|" + x.Subject + "|" + x.GetCertHashString();`),
  b("equals", "string", `${cert} var d = new X509Certificate2(raw); return c.Equals(d) + "|" + c.Equals((X509Certificate)null) + "|" + c.Equals((object)"x") + "|" + (c.GetHashCode() == d.GetHashCode()) + "|" + new X509Certificate2(new X509Certificate(raw)).Thumbprint;`),
  c("pem", "string", `new X509Certificate2(Encoding.ASCII.GetBytes(${JSON.stringify(CLIENT_CERT_PEM + "\n")})).Thumbprint`),
  b("contenttype", "string", `${cert} return X509Certificate2.GetCertContentType(raw) + "|" + (int)X509ContentType.Pfx + "|" + (int)X509ContentType.Pkcs12 + "|" + X509ContentType.Unknown + "|" + (int)X509ContentType.Authenticode + "|" + (int)X509NameType.UrlName;`),
  c("junk", "string", `new X509Certificate2(new byte[] { 1, 2, 3 }).Thumbprint`),
  c("empty", "string", `new X509Certificate2().Thumbprint`),
  c("empty.subject", "string", `new X509Certificate2().Subject`),
  c("null.bytes", "string", `new X509Certificate2((byte[])null).Subject`),
  // Mono's Import throws PlatformNotSupportedException; .NET Framework's X509Certificate2.Import(byte[]) loads the
  // certificate into the object, and a null or empty array is an ArgumentException (reference source
  // x509certificate.cs LoadCertificateFromBlob: Arg_EmptyOrNullArray)
  b("import", "string", `${cert} var e = new X509Certificate2(); e.Import(raw); c.Reset(); c.Import(Encoding.ASCII.GetBytes(${JSON.stringify(CLIENT_CERT_PEM)})); return e.Thumbprint + "|" + c.Subject;`, {
    expectDotNet: "773710350BE7A43D7219F9240750DCF0580EA065|E=ops@example.com, CN=client.example.com, OU=Gateway, O=Contoso Ltd, L=Seattle, S=Washington, C=US",
  }),
  b("import.null", "string", `var e = new X509Certificate2(); e.Import((byte[])null); return e.Subject;`, { expectDotNet: "!ArgumentException" }),
  b("reset", "string", `${cert} c.Reset(); return c.Subject;`),
  b("verify", "bool", `${cert} return c.Verify();`, { note: "a self-signed certificate no trust store holds does not verify" }),
];
