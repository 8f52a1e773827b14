// System.Net.WebUtility: UrlEncode/UrlDecode (strings and byte ranges), HtmlEncode/HtmlDecode.
import { argumentNull, argumentOutOfRange } from "../errors.js";
import { unescapeDataString } from "./uri.js";

/** WebUtility.UrlEncode: spaces → '+', upper-case hex; unreserved -_.!*() stay. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function urlEncode(s: string | null): string | null {
  if (s === null) return null;
  // (UTF-8 of a lone surrogate is U+FFFD's EF BF BD, as Encoding.UTF8 writes it)
  return encodeURIComponent(s.replace(LONE_SURROGATE, "\ufffd"))
    .replace(/%20/g, "+")
    .replace(/'/g, "%27")
    .replace(/~/g, "%7E");
}
export function urlEncodeLower(s: string | null): string | null {
  const e = urlEncode(s);
  return e === null ? null : e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}
export function urlDecode(s: string | null): string | null {
  if (s === null) return null;
  return unescapeDataString(s.replace(/\+/g, " "));
}
/**
 * Test-only (the fuzzer's Mono artefact rule, test/differential/generate/fuzz.ts): Mono's HtmlEncode
 * also writes every other character above U+00FF as a numeric reference; .NET Framework's
 * (reference source System/net/System/Net/WebUtility.cs) only U+00A0..U+00FF and surrogate pairs.
 */
export const monoHtmlEncode = { on: false };
const HTML_ENCODED = /[&<>"'\u00a0-\u00ff]|[\ud800-\udbff][\udc00-\udfff]/g;
const MONO_HTML_ENCODED = /[&<>"'\u00a0-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff]/g;
export function htmlEncode(s: string | null): string | null {
  if (s === null) return null;
  // .NET Framework also writes U+00A0..U+00FF and surrogate pairs as numeric references
  return s.replace(monoHtmlEncode.on ? MONO_HTML_ENCODED : HTML_ENCODED, (c) =>
    c.length === 2 ? `&#${c.codePointAt(0)};` : c.charCodeAt(0) >= 0xa0 ? `&#${c.charCodeAt(0)};` : ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}
/** The HTML 4 named character references (WebUtility.HtmlDecode's table), name:code. */
const HTML_ENTITIES_SRC =
  "nbsp:160 iexcl:161 cent:162 pound:163 curren:164 yen:165 brvbar:166 sect:167 uml:168 copy:169 ordf:170 laquo:171 not:172 shy:173 reg:174 macr:175 deg:176 plusmn:177 sup2:178 sup3:179 acute:180 micro:181 para:182 middot:183 cedil:184 sup1:185 ordm:186 raquo:187 frac14:188 frac12:189 frac34:190 iquest:191 Agrave:192 Aacute:193 Acirc:194 Atilde:195 Auml:196 Aring:197 AElig:198 Ccedil:199 Egrave:200 Eacute:201 Ecirc:202 Euml:203 Igrave:204 Iacute:205 Icirc:206 Iuml:207 ETH:208 Ntilde:209 Ograve:210 Oacute:211 Ocirc:212 Otilde:213 Ouml:214 times:215 Oslash:216 Ugrave:217 Uacute:218 Ucirc:219 Uuml:220 Yacute:221 THORN:222 szlig:223 agrave:224 aacute:225 acirc:226 atilde:227 auml:228 aring:229 aelig:230 ccedil:231 egrave:232 eacute:233 ecirc:234 euml:235 igrave:236 iacute:237 icirc:238 iuml:239 eth:240 ntilde:241 ograve:242 oacute:243 ocirc:244 otilde:245 ouml:246 divide:247 oslash:248 ugrave:249 uacute:250 ucirc:251 uuml:252 yacute:253 thorn:254 yuml:255 Alpha:913 Beta:914 Gamma:915 Delta:916 Epsilon:917 Zeta:918 Eta:919 Theta:920 Iota:921 Kappa:922 Lambda:923 Mu:924 Nu:925 Xi:926 Omicron:927 Pi:928 Rho:929 Sigma:931 Tau:932 Upsilon:933 Phi:934 Chi:935 Psi:936 Omega:937 alpha:945 beta:946 gamma:947 delta:948 epsilon:949 zeta:950 eta:951 theta:952 iota:953 kappa:954 lambda:955 mu:956 nu:957 xi:958 omicron:959 pi:960 rho:961 sigmaf:962 sigma:963 tau:964 upsilon:965 phi:966 chi:967 psi:968 omega:969 quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 tilde:732 thetasym:977 upsih:978 piv:982 ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 ndash:8211 mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 dagger:8224 Dagger:8225 bull:8226 hellip:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 oline:8254 frasl:8260 euro:8364 image:8465 weierp:8472 real:8476 trade:8482 alefsym:8501 larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 hArr:8660 forall:8704 part:8706 exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 prod:8719 sum:8721 minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 cap:8745 cup:8746 int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ge:8805 sub:8834 sup:8835 nsub:8836 sube:8838 supe:8839 oplus:8853 otimes:8855 perp:8869 sdot:8901 lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 lang:9001 rang:9002 loz:9674 spades:9824 clubs:9827 hearts:9829 diams:9830";
let htmlEntities: Map<string, string> | null = null;
export function htmlDecode(s: string | null): string | null {
  if (s === null) return null;
  if (!s.includes("&")) return s;
  htmlEntities ??= new Map(HTML_ENTITIES_SRC.split(" ").map((e) => {
    const i = e.indexOf(":");
    return [e.slice(0, i), String.fromCharCode(Number(e.slice(i + 1)))];
  }));
  const table = htmlEntities;
  return s.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));/g, (m, d?: string, h?: string, name?: string) => {
    if (d !== undefined || h !== undefined) {
      const n = d !== undefined ? Number(d) : parseInt(h!, 16);
      return n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : m;
    }
    return table.get(name!) ?? m;
  });
}

/**
 * WebUtility's byte-range arguments, checked as .NET checks them: a null array with count 0 is a
 * null result (false), otherwise ArgumentNull; offset and count must lie within the array.
 */
function checkedByteRange(b: Uint8Array | null, offset: number, count: number, name: string): b is Uint8Array {
  if (b === null || b === undefined) {
    if (count === 0) return false;
    throw argumentNull(name);
  }
  if (offset < 0 || offset > b.length) throw argumentOutOfRange("offset");
  if (count < 0 || offset + count > b.length) throw argumentOutOfRange("count");
  return true;
}
/** WebUtility.UrlEncodeToBytes(bytes, offset, count): unreserved bytes kept, space as '+', the rest %XX. */
export function urlEncodeToBytes(b: Uint8Array | null, offset: number, count: number): Uint8Array | null {
  if (!checkedByteRange(b, offset, count, "value")) return null;
  const out: number[] = [];
  const hex = "0123456789ABCDEF";
  for (const x of b.subarray(offset, offset + count)) {
    const safe = (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 45 || x === 95 || x === 46 || x === 33 || x === 42 || x === 40 || x === 41;
    if (safe) out.push(x);
    else if (x === 32) out.push(43);
    else out.push(37, hex.charCodeAt(x >> 4), hex.charCodeAt(x & 15));
  }
  return new Uint8Array(out);
}
/** WebUtility.UrlDecodeToBytes(bytes, offset, count): '+' as space, %XX as its byte, anything else kept. */
export function urlDecodeToBytes(b: Uint8Array | null, offset: number, count: number): Uint8Array | null {
  if (!checkedByteRange(b, offset, count, "encodedValue")) return null;
  const h = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  const out: number[] = [];
  for (let i = offset; i < offset + count; i++) {
    const x = b[i]!;
    if (x === 43) out.push(32);
    else if (x === 37 && i + 2 < offset + count && h(b[i + 1]!) >= 0 && h(b[i + 2]!) >= 0) {
      out.push((h(b[i + 1]!) << 4) | h(b[i + 2]!));
      i += 2;
    } else out.push(x);
  }
  return new Uint8Array(out);
}
