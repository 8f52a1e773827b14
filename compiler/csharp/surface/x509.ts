// System.Security.Cryptography.X509Certificates: the client certificate (context.Request.Certificate),
// deployment certificates and certificates built from bytes, lowered to runtime/dotnet/x509.ts.
import { js, prop, rt } from "../../codegen/code.js";
import { C, I, K, M, P, SM, type } from "./dsl.js";

const NS = "System.Security.Cryptography.X509Certificates";
const get = (sig: string) => P(sig, (r) => js`${r}${prop(/(\w+)$/.exec(sig)![1]!)}`);
const call0 = (sig: string) => M(sig, (r) => js`${r}${prop(/(\w+)\s*\(/.exec(sig)![1]!)}()`);

type(NS, "X500DistinguishedName", {}, [get("string Name")]);
type(NS, "X509ContentType", { valueType: true }, (
  [["Unknown", 0], ["Cert", 1], ["SerializedCert", 2], ["Pfx", 3], ["Pkcs12", 3], ["SerializedStore", 4], ["Pkcs7", 5], ["Authenticode", 6]] as const
).map(([n, v]) => K(`X509ContentType ${n}`, v, () => js`${v}`)));
type(NS, "X509NameType", { valueType: true }, (["SimpleName", "EmailName", "UpnName", "DnsName", "DnsFromAlternativeName", "UrlName"] as const).map((n, i) => K(`X509NameType ${n}`, i, () => js`${i}`)));
type("System.Security.Cryptography", "AsnEncodedData", {}, [get("Oid Oid"), get("byte[] RawData")]);
type(NS, "PublicKey", {}, [
  C("(Oid oid, AsnEncodedData parameters, AsnEncodedData keyValue)", () => js`${rt("notSupportedCtor")}("PublicKey")`),
  get("Oid Oid"),
  get("AsnEncodedData EncodedKeyValue"),
  get("AsnEncodedData EncodedParameters"),
  get("AsymmetricAlgorithm Key"),
]);
type(NS, "X509Extension", {}, [get("Oid Oid"), get("bool Critical"), get("byte[] RawData")]);
type(NS, "X509ExtensionCollection", { interfaces: ["IEnumerable<X509Extension>"] }, [
  P("int Count", (r) => js`${r}.length`),
  I("X509Extension this[int index]", (r, a) => js`${rt("arrItem")}(${r}, ${a[0]})`),
  I("X509Extension this[string oid]", (r, a) => js`${rt("certExtension")}(${r}, ${a[0]})`),
]);

const certMembers = [
  get("string Subject"),
  get("string Issuer"),
  call0("string GetName()"),
  call0("string GetIssuerName()"),
  call0("byte[] GetCertHash()"),
  M("byte[] GetCertHash(HashAlgorithmName hashAlgorithm)", (r, a) => js`${r}.GetCertHash(${a[0]})`),
  call0("string GetCertHashString()"),
  M("string GetCertHashString(HashAlgorithmName hashAlgorithm)", (r, a) => js`${r}.GetCertHashString(${a[0]})`),
  call0("byte[] GetSerialNumber()"),
  call0("string GetSerialNumberString()"),
  call0("string GetEffectiveDateString()"),
  call0("string GetExpirationDateString()"),
  call0("string GetFormat()"),
  call0("string GetKeyAlgorithm()"),
  call0("byte[] GetKeyAlgorithmParameters()"),
  call0("string GetKeyAlgorithmParametersString()"),
  call0("byte[] GetPublicKey()"),
  call0("string GetPublicKeyString()"),
  call0("byte[] GetRawCertData()"),
  call0("string GetRawCertDataString()"),
  M("byte[] Export(X509ContentType contentType)", (r, a) => js`${r}.Export(${a[0]})`),
  M("bool Equals(X509Certificate other)", (r, a) => js`${r}.Equals(${a[0]})`),
  M("bool Equals(object obj)", (r, a) => js`${r}.Equals(${a[0]})`),
  call0("int GetHashCode()"),
  call0("string ToString()"),
  M("string ToString(bool fVerbose)", (r, a) => js`${r}.ToString(${a[0]})`),
  call0("void Reset()"),
  M("void Import(byte[] rawData)", (r, a) => js`${r}.Import(${a[0]})`),
  call0("void Dispose()"),
];
type(NS, "X509Certificate", { test: (v) => js`(${v} instanceof ${rt("X509Certificate")})` }, [
  C("()", () => js`${rt("newX509")}(null, false)`),
  C("(byte[] data)", (_r, a) => js`${rt("newX509")}(${a[0]}, false)`),
  C("(byte[] rawData, string password)", (_r, a) => js`${rt("newX509")}(${a[0]}, false, ${a[1]})`),
  C("(X509Certificate cert)", (_r, a) => js`${rt("newX509")}(${rt("certRaw")}(${a[0]}), false)`),
  ...certMembers,
]);
type(NS, "X509Certificate2", { base: "X509Certificate", test: (v) => js`(${v} instanceof ${rt("X509Certificate2")})` }, [
  C("()", () => js`${rt("newX509")}(null, true)`),
  C("(byte[] rawData)", (_r, a) => js`${rt("newX509")}(${a[0]}, true)`),
  C("(byte[] rawData, string password)", (_r, a) => js`${rt("newX509")}(${a[0]}, true, ${a[1]})`),
  C("(X509Certificate certificate)", (_r, a) => js`${rt("newX509")}(${rt("certRaw")}(${a[0]}), true)`),
  SM("X509ContentType GetCertContentType(byte[] rawData)", (_r, a) => js`${rt("certContentType")}(${a[0]})`),
  get("string Thumbprint"),
  get("string SerialNumber"),
  get("DateTime NotBefore"),
  get("DateTime NotAfter"),
  get("X500DistinguishedName SubjectName"),
  get("X500DistinguishedName IssuerName"),
  get("int Version"),
  get("Oid SignatureAlgorithm"),
  get("PublicKey PublicKey"),
  get("byte[] RawData"),
  get("X509ExtensionCollection Extensions"),
  get("bool HasPrivateKey"),
  get("AsymmetricAlgorithm PrivateKey"),
  get("bool Archived"),
  P("string FriendlyName", (r) => js`${r}.FriendlyName`, (r, _a, v) => js`(${r}.FriendlyName = ${v})`),
  M("string GetNameInfo(X509NameType nameType, bool forIssuer)", (r, a) => js`${r}.GetNameInfo(${a[0]}, ${a[1]})`),
  // chain validation needs a trust store the gateway does not have: an object may supply verify()
  M("bool Verify()", (r) => js`${rt("certVerify")}(${r})`),
  M("bool VerifyNoRevocation()", (r) => js`${rt("certVerify")}(${r})`),
]);
type(NS, "RSACertificateExtensions", { isStatic: true }, [
  SM("RSA GetRSAPublicKey(this X509Certificate2 certificate)", (_r, a) => js`${rt("certRsaPublicKey")}(${a[0]})`),
  SM("RSA GetRSAPrivateKey(this X509Certificate2 certificate)", (_r, a) => js`${rt("certRsaPrivateKey")}(${a[0]})`),
  SM("X509Certificate2 CopyWithPrivateKey(this X509Certificate2 certificate, RSA privateKey)", (_r, a) => js`${rt("certCopyWithPrivateKey")}(${a[0]}, ${a[1]})`),
]);
