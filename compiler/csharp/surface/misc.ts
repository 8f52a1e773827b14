// Guid, Convert, Encoding, Uri, WebUtility, Regex, BitConverter, hashing/HMAC, and the APIM
// extension methods (AsJwt, AsBasic, TryParseJwt, ...), lowered to runtime/dotnet helpers.
import { js, literal, rt, shaped, type Code } from "../../codegen/code.js";
import { C, I, K, M, P, SM, SP, type } from "./dsl.js";
import { tryParse } from "./system.js";
import type { LowerInfo } from "../types.js";

const call = (name: string) => (_r: Code, a: Code[]) => js`${rt(name)}(${a.map((x, i) => (i ? js`, ${x}` : x)).reduce((p, c) => js`${p}${c}`, js``)})`;
const mcall = (name: string) => (r: Code, a: Code[]) => js`${rt(name)}(${r}${a.map((x) => js`, ${x}`).reduce((p, c) => js`${p}${c}`, js``)})`;

type("System", "Guid", { valueType: true, test: (v) => js`${rt("isGuid")}(${v})` }, [
  C("(string g)", (_r, a) => js`${rt("guidParse")}(${a[0]})`),
  C("(byte[] b)", (_r, a) => js`${rt("guidFromBytes")}(${a[0]})`),
  SM("Guid NewGuid()", () => js`${rt("newGuid")}()`),
  SM("Guid Parse(string input)", call("guidParse")),
  SM("bool TryParse(string input, out Guid result)", (_r, a, x) => tryParse(js`${rt("guidTryParse")}(${a[0]})`, a[1]!, x, js`"00000000-0000-0000-0000-000000000000"`)),
  SM("Guid ParseExact(string input, string format)", call("guidParseExact")),
  SM("bool TryParseExact(string input, string format, out Guid result)", (_r, a, x) => tryParse(js`${rt("guidTryParseExact")}(${a[0]}, ${a[1]})`, a[2]!, x, js`"00000000-0000-0000-0000-000000000000"`)),
  SP("Guid Empty", () => js`"00000000-0000-0000-0000-000000000000"`),
  M("string ToString()", (r) => shaped(js`${r}`, { kind: "plainText" })),
  M("string ToString(string format)", mcall("guidFormat")),
  M("byte[] ToByteArray()", mcall("guidToBytes")),
  M("bool Equals(Guid g)", (r, a) => js`(${r} === ${a[0]})`),
  // Guid.Equals(object): only a boxed Guid of the same value (a string of its text is not)
  M("bool Equals(object o)", (r, a) => js`${rt("objEquals")}(${rt("boxGuid")}(${r}), ${a[0]})`),
  // .NET compares the fields a, b, c unsigned, then bytes d..k: the order of the canonical lower-case text
  M("int CompareTo(Guid value)", (r, a) => js`${rt("cmp")}(${r}, ${a[0]})`),
  M("int GetHashCode()", (r) => js`${rt("guidHash")}(${r})`),
]);

type("System", "Convert", { isStatic: true }, [
  SM("string ToBase64String(byte[] inArray)", (_r, a) => {
    const bytes = a[0]!;
    // Convert.ToBase64String(Encoding.UTF8.GetBytes(s)): straight from the string, no byte[] between.
    const code = bytes.shape?.kind === "utf8Bytes" ? js`${rt("utf8ToBase64")}(${bytes.shape.of})` : js`${rt("toBase64")}(${bytes})`;
    return shaped(code, { kind: "base64", bytes, replaced: [] });
  }),
  SM("byte[] FromBase64String(string s)", call("fromBase64")),
  SM("string ToString(object value)", (_r, a) => js`${rt("toStrOrEmpty")}(${a[0]})`),
  SM("string ToString(int value, int toBase)", (_r, a) => js`${rt("intToBase")}(${a[0]}, ${a[1]})`),
  SM("string ToString(long value, int toBase)", (_r, a) => js`${rt("intToBase")}(${a[0]}, ${a[1]}, 64)`),
  SM("string ToString(short value, int toBase)", (_r, a) => js`${rt("intToBase")}(${a[0]}, ${a[1]}, 16)`),
  SM("string ToString(byte value, int toBase)", (_r, a) => js`${rt("intToBase")}(${a[0]}, ${a[1]}, 8)`),
  SM("int ToInt32(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "int")`),
  SM("int ToInt32(char value)", (_r, a) => a[0]!),
  SM("long ToInt64(char value)", (_r, a) => a[0]!),
  SM("int ToInt32(double value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "int")`),
  SM("int ToInt32(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "int")`),
  SM("long ToInt64(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "long")`),
  SM("long ToInt64(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "long")`),
  SM("short ToInt16(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "short")`),
  SM("double ToDouble(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "double")`),
  SM("decimal ToDecimal(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "decimal")`),
  SM("bool ToBoolean(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "bool")`),
  SM("byte ToByte(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "byte")`),
  SM("byte ToByte(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "byte")`),
  SM("sbyte ToSByte(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "sbyte")`),
  SM("short ToInt16(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "short")`),
  SM("ushort ToUInt16(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "ushort")`),
  SM("uint ToUInt32(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "uint")`),
  SM("ulong ToUInt64(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "ulong")`),
  SM("char ToChar(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "char")`),
  SM("sbyte ToSByte(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "sbyte")`),
  SM("ushort ToUInt16(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "ushort")`),
  SM("uint ToUInt32(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "uint")`),
  SM("ulong ToUInt64(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "ulong")`),
  SM("float ToSingle(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "float")`),
  SM("DateTime ToDateTime(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "DateTime")`),
  SM("string ToHexString(byte[] inArray)", call("toHex")),
  SM("byte[] FromBase64CharArray(char[] inArray, int offset, int length)", call("fromBase64Chars")),
  SM("int ToBase64CharArray(byte[] inArray, int offsetIn, int length, char[] outArray, int offsetOut)", call("toBase64Chars")),
  // Convert.DBNull (type-code.ts) is the only DBNull
  SM("bool IsDBNull(object value)", (_r, a) => js`${rt("isDBNull")}(${a[0]})`),
  SM("byte[] FromHexString(string s)", call("fromHex")),
]);

type("System.Text", "Encoding", { test: (v) => js`${rt("isEncoding")}(${v})` }, [
  SP("Encoding UTF8", () => shaped(js`${rt("Encoding")}.UTF8`, { kind: "utf8Encoding" })),
  SP("Encoding ASCII", () => js`${rt("Encoding")}.ASCII`),
  SP("Encoding Unicode", () => js`${rt("Encoding")}.Unicode`),
  SP("Encoding Default", () => shaped(js`${rt("Encoding")}.UTF8`, { kind: "utf8Encoding" })),
  SP("Encoding UTF32", () => js`${rt("Encoding")}.UTF32`),
  SP("Encoding BigEndianUnicode", () => js`${rt("Encoding")}.BigEndianUnicode`),
  SP("Encoding Latin1", () => js`${rt("Encoding")}.Latin1`),
  SP("Encoding UTF7", () => js`${rt("Encoding")}.UTF7`),
  M("object Clone()", (r) => js`${r}.Clone()`),
  SM("Encoding GetEncoding(string name)", (_r, a) => js`${rt("Encoding")}.GetEncoding(${a[0]})`),
  SM("Encoding GetEncoding(int codepage)", (_r, a) => js`${rt("Encoding")}.GetEncodingCp(${a[0]})`),
  M("byte[] GetBytes(string s)", (r, a) => {
    const code = js`${r}.GetBytes(${a[0]})`;
    return r.shape?.kind === "utf8Encoding" ? shaped(code, { kind: "utf8Bytes", of: a[0]! }) : code;
  }),
  M("byte[] GetBytes(char[] chars)", (r, a) => js`${r}.GetCharsBytes(${a[0]})`),
  M("byte[] GetBytes(char[] chars, int index, int count)", (r, a) => js`${r}.GetCharsBytes(${a[0]}, ${a[1]}, ${a[2]})`),
  M("string GetString(byte[] bytes)", (r, a) => js`${r}.GetString(${a[0]})`),
  M("string GetString(byte[] bytes, int index, int count)", (r, a) => js`${r}.GetStringRange(${a[0]}, ${a[1]}, ${a[2]})`),
  M("int GetByteCount(string s)", (r, a) => js`${r}.GetBytes(${a[0]}).length`),
  M("int GetByteCount(char[] chars)", (r, a) => js`${r}.GetCharsBytes(${a[0]}).length`),
  M("int GetByteCount(char[] chars, int index, int count)", (r, a) => js`${r}.GetCharsBytes(${a[0]}, ${a[1]}, ${a[2]}).length`),
  P("string WebName", (r) => js`${r}.WebName`),
  P("int CodePage", (r) => js`${rt("encCodePage")}(${r})`),
  P("int WindowsCodePage", (r) => js`${rt("encWindowsCodePage")}(${r})`),
  P("string EncodingName", (r) => js`${rt("encName")}(${r})`),
  P("string BodyName", (r) => js`${rt("encBodyName")}(${r})`),
  P("string HeaderName", (r) => js`${rt("encHeaderName")}(${r})`),
  P("bool IsSingleByte", (r) => js`${rt("encIsSingleByte")}(${r})`),
  P("bool IsReadOnly", (r) => js`${r}.IsReadOnly`),
  P("bool IsBrowserDisplay", (r) => js`${rt("encFlag")}(${r}, 0)`),
  P("bool IsBrowserSave", (r) => js`${rt("encFlag")}(${r}, 1)`),
  P("bool IsMailNewsDisplay", (r) => js`${rt("encFlag")}(${r}, 2)`),
  P("bool IsMailNewsSave", (r) => js`${rt("encFlag")}(${r}, 3)`),
  M("bool IsAlwaysNormalized()", (r) => js`${rt("encFlag")}(${r}, 4)`),
  SM("byte[] Convert(Encoding srcEncoding, Encoding dstEncoding, byte[] bytes)", (_r, a) => js`${rt("encConvert")}(${a[0]}, ${a[1]}, ${a[2]})`),
  SM("byte[] Convert(Encoding srcEncoding, Encoding dstEncoding, byte[] bytes, int index, int count)", (_r, a) => js`${rt("encConvert")}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`),
  M("byte[] GetPreamble()", (r) => js`${rt("encPreamble")}(${r})`),
  M("int GetMaxByteCount(int charCount)", (r, a) => js`${rt("encMaxByteCount")}(${r}, ${a[0]})`),
  M("int GetMaxCharCount(int byteCount)", (r, a) => js`${rt("encMaxCharCount")}(${r}, ${a[0]})`),
  M("char[] GetChars(byte[] bytes)", (r, a) => js`${rt("encGetChars")}(${r}, ${a[0]})`),
  M("char[] GetChars(byte[] bytes, int index, int count)", (r, a) => js`${rt("encGetChars")}(${r}, ${a[0]}, ${a[1]}, ${a[2]})`),
  M("int GetCharCount(byte[] bytes)", (r, a) => js`${rt("encGetChars")}(${r}, ${a[0]}).length`),
  M("int GetCharCount(byte[] bytes, int index, int count)", (r, a) => js`${rt("encGetChars")}(${r}, ${a[0]}, ${a[1]}, ${a[2]}).length`),
]);

type("System", "Uri", { test: (v) => js`(${v} instanceof ${rt("Uri")})` }, [
  C("(string uriString)", (_r, a) => js`${rt("Uri")}.parse(${a[0]})`),
  C("(Uri baseUri, string relativeUri)", (_r, a) => js`${rt("Uri")}.resolve(${a[0]}, ${a[1]})`),
  C("(string uriString, UriKind uriKind)", (_r, a) => js`${rt("Uri")}.create(${a[0]}, ${a[1]})`),
  C("(Uri baseUri, Uri relativeUri)", (_r, a) => js`${rt("Uri")}.resolve(${a[0]}, ${a[1]}, true)`),
  SM("string EscapeDataString(string stringToEscape)", call("escapeDataString")),
  SM("string UnescapeDataString(string stringToUnescape)", call("unescapeDataString")),
  SM("string EscapeUriString(string stringToEscape)", call("escapeUriString")),
  SM("bool IsWellFormedUriString(string uriString, UriKind uriKind)", call("uriIsWellFormed")),
  SM("bool TryCreate(string uriString, UriKind uriKind, out Uri result)", (_r, a, x) => tryParse(js`${rt("Uri")}.tryParse(${a[0]}, ${a[1]})`, a[2]!, x, js`null`)),
  SM("bool TryCreate(Uri baseUri, string relativeUri, out Uri result)", (_r, a, x) => tryParse(js`${rt("Uri")}.tryResolve(${a[0]}, ${a[1]})`, a[2]!, x, js`null`)),
  SM("bool TryCreate(Uri baseUri, Uri relativeUri, out Uri result)", (_r, a, x) => tryParse(js`${rt("Uri")}.tryResolve(${a[0]}, ${a[1]})`, a[2]!, x, js`null`)),
  SM("int Compare(Uri uri1, Uri uri2, UriComponents partsToCompare, UriFormat compareFormat, StringComparison comparisonType)", (_r, a) => js`${rt("Uri")}.compare(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`),
  SM("UriHostNameType CheckHostName(string name)", (_r, a) => js`${rt("Uri")}.checkHostName(${a[0]})`),
  SM("char HexUnescape(string pattern, ref int index)", (_r, a, x) => {
    const t = x.temp();
    return js`(${t} = ${rt("Uri")}.hexUnescape(${a[0]}, ${a[1]}), ${a[1]} = ${t}[1], ${t}[0])`;
  }),
  M("string GetComponents(UriComponents components, UriFormat format)", (r, a) => js`${r}.GetComponents(${a[0]}, ${a[1]})`),
  M("bool IsWellFormedOriginalString()", (r) => js`${r}.IsWellFormedOriginalString()`),
  M("Uri MakeRelativeUri(Uri uri)", (r, a) => js`${r}.MakeRelativeUri(${a[0]})`),
  M("string MakeRelative(Uri toUri)", (r, a) => js`${r}.MakeRelative(${a[0]})`),
  M("bool Equals(object comparand)", (r, a) => js`${r}.Equals(${a[0]})`),
  M("int GetHashCode()", (r) => js`${r}.GetHashCode()`),
  P("UriHostNameType HostNameType", (r) => js`${r}.HostNameType`),
  P("string IdnHost", (r) => js`${r}.IdnHost`),
  P("string Scheme", (r) => js`${r}.Scheme`),
  P("string Host", (r) => js`${r}.Host`),
  P("string UserInfo", (r) => js`${r}.UserInfo`),
  P("int Port", (r) => js`${r}.Port`),
  P("string AbsolutePath", (r) => js`${r}.AbsolutePath`),
  P("string AbsoluteUri", (r) => js`${r}.AbsoluteUri`),
  P("string PathAndQuery", (r) => js`${r}.PathAndQuery`),
  P("string Query", (r) => js`${r}.Query`),
  P("string Fragment", (r) => js`${r}.Fragment`),
  P("string Authority", (r) => js`${r}.Authority`),
  P("string[] Segments", (r) => js`${r}.Segments`),
  P("bool IsAbsoluteUri", (r) => js`${r}.IsAbsoluteUri`),
  M("string ToString()", (r) => js`${r}.ToString()`),
  M("string GetLeftPart(UriPartial part)", (r, a) => js`${r}.GetLeftPart(${a[0]})`),
  P("bool IsDefaultPort", (r) => js`${r}.IsDefaultPort`),
  P("string OriginalString", (r) => js`${r}.OriginalString`),
  P("string LocalPath", (r) => js`${r}.LocalPath`),
  // a Uri made from a string is never "user escaped" (the constructor that says so is obsolete)
  P("bool UserEscaped", (r) => js`(void ${r}.IsAbsoluteUri, false)`),
  P("bool IsFile", (r) => js`${r}.IsFile`),
  P("bool IsUnc", (r) => js`${r}.IsUnc`),
  P("bool IsLoopback", (r) => js`${r}.IsLoopback`),
  P("string DnsSafeHost", (r) => js`${r}.DnsSafeHost`),
  M("bool IsBaseOf(Uri uri)", (r, a) => js`${r}.IsBaseOf(${a[0]})`),
  SM("bool CheckSchemeName(string schemeName)", (_r, a) => js`${rt("uriCheckSchemeName")}(${a[0]})`),
  SM("bool IsHexDigit(char character)", (_r, a) => js`${rt("uriIsHexDigit")}(${a[0]})`),
  SM("int FromHex(char digit)", (_r, a) => js`${rt("uriFromHex")}(${a[0]})`),
  SM("string HexEscape(char character)", (_r, a) => js`${rt("uriHexEscape")}(${a[0]})`),
  SM("bool IsHexEncoding(string pattern, int index)", (_r, a) => js`${rt("uriIsHexEncoding")}(${a[0]}, ${a[1]})`),
  K("string SchemeDelimiter", "://", () => js`"://"`),
  K("string UriSchemeFile", "file", () => js`"file"`),
  K("string UriSchemeFtp", "ftp", () => js`"ftp"`),
  K("string UriSchemeGopher", "gopher", () => js`"gopher"`),
  K("string UriSchemeHttp", "http", () => js`"http"`),
  K("string UriSchemeHttps", "https", () => js`"https"`),
  K("string UriSchemeMailto", "mailto", () => js`"mailto"`),
  K("string UriSchemeNews", "news", () => js`"news"`),
  K("string UriSchemeNntp", "nntp", () => js`"nntp"`),
  K("string UriSchemeNetPipe", "net.pipe", () => js`"net.pipe"`),
  K("string UriSchemeNetTcp", "net.tcp", () => js`"net.tcp"`),
]);
type("System", "UriKind", { valueType: true }, [K("UriKind RelativeOrAbsolute", 0, () => js`0`), K("UriKind Absolute", 1, () => js`1`), K("UriKind Relative", 2, () => js`2`)]);
// UriComponents, UriFormat and UriHostNameType are not on APIM's allow-list by name, but Uri's allowed
// members take and return them (as UriKind), so they are declared for those members.
type("System", "UriComponents", { valueType: true }, [
  ...(
    [
      ["Scheme", 1], ["UserInfo", 2], ["Host", 4], ["Port", 8], ["Path", 16], ["Query", 32], ["Fragment", 64], ["StrongPort", 128], ["NormalizedHost", 256],
      ["KeepDelimiter", 1073741824], ["SerializationInfoString", -2147483648], ["AbsoluteUri", 127], ["HostAndPort", 132], ["StrongAuthority", 134],
      ["SchemeAndServer", 13], ["HttpRequestUrl", 61], ["PathAndQuery", 48],
    ] as const
  ).map(([n, v]) => K(`UriComponents ${n}`, v, () => js`${v}`)),
]);
type("System", "UriFormat", { valueType: true }, [K("UriFormat UriEscaped", 1, () => js`1`), K("UriFormat Unescaped", 2, () => js`2`), K("UriFormat SafeUnescaped", 3, () => js`3`)]);
type("System", "UriHostNameType", { valueType: true }, [
  K("UriHostNameType Unknown", 0, () => js`0`), K("UriHostNameType Basic", 1, () => js`1`), K("UriHostNameType Dns", 2, () => js`2`),
  K("UriHostNameType IPv4", 3, () => js`3`), K("UriHostNameType IPv6", 4, () => js`4`),
]);
type("System", "UriPartial", { valueType: true }, [K("UriPartial Scheme", 0, () => js`0`), K("UriPartial Authority", 1, () => js`1`), K("UriPartial Path", 2, () => js`2`), K("UriPartial Query", 3, () => js`3`)]);

type("System.Net", "IPAddress", { test: (v) => js`(${v} instanceof ${rt("IPAddress")})` }, [
  SM("IPAddress Parse(string ipString)", (_r, a) => js`${rt("IPAddress")}.Parse(${a[0]})`),
  SM("bool TryParse(string ipString, out IPAddress address)", (_r, a, x) => tryParse(js`${rt("IPAddress")}.TryParse(${a[0]})`, a[1]!, x, js`null`)),
  SM("bool IsLoopback(IPAddress address)", (_r, a) => js`${rt("IPAddress")}.IsLoopback(${a[0]})`),
  P("AddressFamily AddressFamily", (r) => js`${r}.AddressFamily`),
  M("byte[] GetAddressBytes()", (r) => js`${r}.GetAddressBytes()`),
  M("bool Equals(object comparand)", (r, a) => js`${r}.Equals(${a[0]})`),
  M("string ToString()", (r) => js`${r}.ToString()`),
]);
type("System.Net.Sockets", "AddressFamily", { valueType: true }, [
  K("AddressFamily Unknown", -1, () => js`-1`),
  K("AddressFamily Unspecified", 0, () => js`0`),
  K("AddressFamily InterNetwork", 2, () => js`2`),
  K("AddressFamily InterNetworkV6", 23, () => js`23`),
]);

type("System.Net", "WebUtility", { isStatic: true }, [
  SM("string UrlEncode(string value)", call("urlEncode")),
  SM("string UrlDecode(string encodedValue)", call("urlDecode")),
  SM("string HtmlEncode(string value)", call("htmlEncode")),
  SM("string HtmlDecode(string value)", call("htmlDecode")),
  SM("byte[] UrlEncodeToBytes(byte[] value, int offset, int count)", call("urlEncodeToBytes")),
  SM("byte[] UrlDecodeToBytes(byte[] encodedValue, int offset, int count)", call("urlDecodeToBytes")),
]);
type("System.Web", "HttpUtility", { isStatic: true }, [
  SM("string UrlEncode(string value)", call("urlEncodeLower")),
  SM("string UrlDecode(string value)", call("urlDecode")),
  SM("string HtmlEncode(string value)", call("htmlEncode")),
]);

/**
 * The static Regex members take (input, pattern, ...) but build the regex first: C# evaluates the
 * input argument before the pattern, so a non-constant input goes into a temp first.
 */
function inputFirst(f: (r: Code, a: Code[], x: LowerInfo) => Code): (r: Code, a: Code[], x: LowerInfo) => Code {
  return (r, a, x) => {
    if (x.consts[0] !== undefined) return f(r, a, x);
    const t = x.temp();
    return js`(${t} = ${a[0]!}, ${f(r, [t, ...a.slice(1)], x)})`;
  };
}

/**
 * The first `n` arguments into temps (constants need none), so they run in C#'s order before the
 * later ones: Replace's replacement comes before its options and timeout, which the lowering passes
 * to Regex.get first.
 */
function argsInOrder(n: number, f: (r: Code, a: Code[], x: LowerInfo) => Code): (r: Code, a: Code[], x: LowerInfo) => Code {
  return (r, a, x) => {
    const pre: Code[] = [];
    const args = a.map((arg, i) => {
      if (i >= n || x.consts[i] !== undefined) return arg;
      const t = x.temp();
      pre.push(js`${t} = ${arg}`);
      return t;
    });
    if (!pre.length) return f(r, a, x);
    return js`(${pre.reduce((acc, p) => js`${acc}, ${p}`)}, ${f(r, args, x)})`;
  };
}

// Regex: lowered to runtime/dotnet/regex.ts (a .NET-pattern → JS translation with caching).
type("System.Text.RegularExpressions", "Regex", { test: (v) => js`(${v} instanceof ${rt("Regex")})` }, [
  C("(string pattern)", (_r, a) => js`${rt("Regex")}.get(${a[0]}, 0)`),
  C("(string pattern, RegexOptions options)", (_r, a) => js`${rt("Regex")}.get(${a[0]}, ${a[1]})`),
  SM("bool IsMatch(string input, string pattern)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).IsMatch(${a[0]})`)),
  SM("bool IsMatch(string input, string pattern, RegexOptions options)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}).IsMatch(${a[0]})`)),
  SM("Match Match(string input, string pattern)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Match(${a[0]})`)),
  SM("Match Match(string input, string pattern, RegexOptions options)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}).Match(${a[0]})`)),
  SM("MatchCollection Matches(string input, string pattern)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Matches(${a[0]})`)),
  SM("MatchCollection Matches(string input, string pattern, RegexOptions options)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}).Matches(${a[0]})`)),
  // (the replacement is evaluated before Regex.get checks the pattern: all three into temps)
  SM("string Replace(string input, string pattern, string replacement)", argsInOrder(3, (_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Replace(${a[0]}, ${a[2]})`)),
  SM("string Replace(string input, string pattern, string replacement, RegexOptions options)", argsInOrder(3, (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[3]}).Replace(${a[0]}, ${a[2]})`)),
  SM("string Replace(string input, string pattern, Func<Match, string> evaluator)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Replace(${a[0]}, ${a[2]})`)),
  SM("string[] Split(string input, string pattern)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Split(${a[0]})`)),
  // match-timeout overloads (issue 17): the TimeSpan is the budget of matches that run on V8's backtracking engine
  C("(string pattern, RegexOptions options, TimeSpan matchTimeout)", (_r, a) => js`${rt("Regex")}.get(${a[0]}, ${a[1]}, ${a[2]})`),
  SM("bool IsMatch(string input, string pattern, RegexOptions options, TimeSpan matchTimeout)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}, ${a[3]}).IsMatch(${a[0]})`)),
  SM("Match Match(string input, string pattern, RegexOptions options, TimeSpan matchTimeout)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}, ${a[3]}).Match(${a[0]})`)),
  SM("MatchCollection Matches(string input, string pattern, RegexOptions options, TimeSpan matchTimeout)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}, ${a[3]}).Matches(${a[0]})`)),
  SM("string Replace(string input, string pattern, string replacement, RegexOptions options, TimeSpan matchTimeout)", argsInOrder(3, (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[3]}, ${a[4]}).Replace(${a[0]}, ${a[2]})`)),
  SM("string Replace(string input, string pattern, Func<Match, string> evaluator, RegexOptions options)", argsInOrder(3, (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[3]}).Replace(${a[0]}, ${a[2]})`)),
  SM("string Replace(string input, string pattern, Func<Match, string> evaluator, RegexOptions options, TimeSpan matchTimeout)", argsInOrder(3, (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[3]}, ${a[4]}).Replace(${a[0]}, ${a[2]})`)),
  SM("string[] Split(string input, string pattern, RegexOptions options)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}).Split(${a[0]})`)),
  SM("string[] Split(string input, string pattern, RegexOptions options, TimeSpan matchTimeout)", inputFirst((_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}, ${a[3]}).Split(${a[0]})`)),
  SM("string Escape(string str)", call("regexEscape")),
  SM("string Unescape(string str)", call("regexUnescape")),
  M("bool IsMatch(string input)", (r, a) => js`${r}.IsMatch(${a[0]})`),
  M("Match Match(string input)", (r, a) => js`${r}.Match(${a[0]})`),
  M("MatchCollection Matches(string input)", (r, a) => js`${r}.Matches(${a[0]})`),
  M("string Replace(string input, string replacement)", (r, a) => js`${r}.Replace(${a[0]}, ${a[1]})`),
  M("string Replace(string input, Func<Match, string> evaluator)", (r, a) => js`${r}.Replace(${a[0]}, ${a[1]})`),
  M("string[] Split(string input)", (r, a) => js`${r}.Split(${a[0]})`),
]);
type("System.Text.RegularExpressions", "RegexOptions", { valueType: true }, [
  K("RegexOptions None", 0, () => js`0`),
  K("RegexOptions IgnoreCase", 1, () => js`1`),
  K("RegexOptions Multiline", 2, () => js`2`),
  K("RegexOptions ExplicitCapture", 4, () => js`4`),
  K("RegexOptions Compiled", 8, () => js`8`),
  K("RegexOptions Singleline", 16, () => js`16`),
  K("RegexOptions IgnorePatternWhitespace", 32, () => js`32`),
  K("RegexOptions RightToLeft", 64, () => js`64`),
  K("RegexOptions ECMAScript", 256, () => js`256`),
  K("RegexOptions CultureInvariant", 512, () => js`512`),
]);
type("System.Text.RegularExpressions", "Capture", {}, [
  P("string Value", (r) => js`${r}.Value`),
  P("int Index", (r) => js`${r}.Index`),
  P("int Length", (r) => js`${r}.Length`),
  M("string ToString()", (r) => js`${r}.Value`),
]);
type("System.Text.RegularExpressions", "Group", { base: "Capture" }, [
  P("bool Success", (r) => js`${r}.Success`),
  P("string Name", (r) => js`${r}.Name`),
  P("CaptureCollection Captures", (r) => js`${r}.Captures`),
]);
type("System.Text.RegularExpressions", "CaptureCollection", { interfaces: ["IEnumerable<Capture>"] }, [
  I("Capture this[int i]", (r, a) => js`${r}.Item(${a[0]})`),
  P("int Count", (r) => js`${r}.Count`),
]);
type("System.Text.RegularExpressions", "Match", { base: "Group" }, [
  P("GroupCollection Groups", (r) => js`${r}.Groups`),
  M("Match NextMatch()", (r) => js`${r}.NextMatch()`),
  M("string Result(string replacement)", (r, a) => js`${r}.Result(${a[0]})`),
  SP("Match Empty", () => js`${rt("Regex")}.EmptyMatch`),
]);
type("System.Text.RegularExpressions", "GroupCollection", { interfaces: ["IEnumerable<Group>"] }, [
  I("Group this[string groupname]", (r, a) => js`${r}.Item(${a[0]})`),
  I("Group this[int groupnum]", (r, a) => js`${r}.Item(${a[0]})`),
  P("int Count", (r) => js`${r}.Count`),
]);
type("System.Text.RegularExpressions", "MatchCollection", { interfaces: ["IEnumerable<Match>"] }, [
  I("Match this[int i]", (r, a) => js`${rt("matchCollectionItem")}(${r}, ${a[0]})`),
  P("int Count", (r) => js`${r}.length`),
]);

type("System", "BitConverter", { isStatic: true }, [
  SM("string ToString(byte[] value)", call("bitConverterToString")),
  SM("byte[] GetBytes(int value)", (_r, a) => js`${rt("bitConverterGetBytes")}(${a[0]}, 4)`),
  SM("byte[] GetBytes(long value)", (_r, a) => js`${rt("longBytes")}(${a[0]})`),
  SM("int ToInt32(byte[] value, int startIndex)", call("bitConverterToInt32")),
  SM("short ToInt16(byte[] value, int startIndex)", call("bitToInt16")),
  SM("ushort ToUInt16(byte[] value, int startIndex)", call("bitToUInt16")),
  SM("char ToChar(byte[] value, int startIndex)", call("bitToChar")),
  SM("uint ToUInt32(byte[] value, int startIndex)", call("bitToUInt32")),
  SM("long ToInt64(byte[] value, int startIndex)", call("bitToInt64")),
  SM("ulong ToUInt64(byte[] value, int startIndex)", call("bitToUInt64")),
  SM("double ToDouble(byte[] value, int startIndex)", call("bitToDouble")),
  SM("float ToSingle(byte[] value, int startIndex)", call("bitToSingle")),
  SM("bool ToBoolean(byte[] value, int startIndex)", call("bitToBoolean")),
  SM("long DoubleToInt64Bits(double value)", call("bitDoubleToInt64")),
  SM("double Int64BitsToDouble(long value)", call("bitInt64ToDouble")),
  SP("bool IsLittleEndian", () => js`true`),
]);

// ---- APIM helper types and extension methods (apim-semantics §2.3) -------------------------------
type("Microsoft.Azure.ApiManagement", "Jwt", {}, [
  P("string Algorithm", (r) => js`${r}.Algorithm`),
  P("IEnumerable<string> Audiences", (r) => js`${r}.Audiences`),
  P("JwtClaims Claims", (r) => js`${r}.Claims`),
  P("DateTime? ExpirationTime", (r) => js`${r}.ExpirationTime`),
  P("string Id", (r) => js`${r}.Id`),
  P("string Issuer", (r) => js`${r}.Issuer`),
  P("DateTime? IssuedAt", (r) => js`${r}.IssuedAt`),
  P("DateTime? NotBefore", (r) => js`${r}.NotBefore`),
  P("string Subject", (r) => js`${r}.Subject`),
  P("string Type", (r) => js`${r}.Type`),
]);
type("Microsoft.Azure.ApiManagement", "JwtClaims", { interfaces: ["IReadOnlyDictionary<string, string[]>"] }, [
  M("string GetValueOrDefault(string name, string defaultValue = null)", (r, a) => js`${r}.GetValueOrDefault(${a[0]}, ${a[1]})`),
]);
type("Microsoft.Azure.ApiManagement", "BasicAuthCredentials", {}, [
  P("string UserId", (r) => js`${r}.UserId`),
  P("string Password", (r) => js`${r}.Password`),
]);
type("Microsoft.Azure.ApiManagement", "ApimExtensions", { isStatic: true }, [
  SM("Jwt AsJwt(this string value)", call("asJwt")),
  SM("bool TryParseJwt(this string value, out Jwt result)", (_r, a, x) => tryParse(js`(${rt("asJwt")}(${a[0]}) ?? undefined)`, a[1]!, x, js`null`)),
  SM("BasicAuthCredentials AsBasic(this string value)", call("asBasic")),
  SM("bool TryParseBasic(this string value, out BasicAuthCredentials result)", (_r, a, x) => tryParse(js`(${rt("asBasic")}(${a[0]}) ?? undefined)`, a[1]!, x, js`null`)),
  SM("byte[] Encrypt(this byte[] input, string alg, byte[] key, byte[] iv)", call("symEncrypt")),
  SM("byte[] Decrypt(this byte[] input, string alg, byte[] key, byte[] iv)", call("symDecrypt")),
  SM("string ToQueryString(this IDictionary<string, IList<string>> form)", call("formToQueryString")),
  SM("string ToFormUrlEncodedContent(this IDictionary<string, IList<string>> form)", call("formToContent")),
]);
/** enumTryParse(value, names, values, ignoreCase) over the constants of the enum type argument. */
function enumTryParse(a: Code[], x: LowerInfo, ignoreCase: Code): Code {
  const t = x.typeArgs[0]!;
  const names: string[] = [];
  const values: number[] = [];
  if (t.k === "named")
    for (const ms of t.def.members.values()) for (const m of ms) if (m.kind === "field" && typeof m.constant === "number") (names.push(m.name), values.push(m.constant));
  return js`${rt("enumTryParse")}(${a[0]}, ${literal(names)}, ${literal(values)}, ${ignoreCase})`;
}
type("System", "Enum", {}, [
  SM("bool TryParse<TEnum>(string value, out TEnum result)", (_r, a, x) => tryParse(enumTryParse(a, x, js`false`), a[1]!, x, js`0`)),
  SM("bool TryParse<TEnum>(string value, bool ignoreCase, out TEnum result)", (_r, a, x) => tryParse(enumTryParse(a, x, a[1]!), a[2]!, x, js`0`)),
  M("string ToString()", (r) => js`${rt("toStr")}(${r})`),
  M("bool HasFlag(Enum flag)", (r, a) => js`((${r} & ${a[0]}) === ${a[0]})`),
]);
