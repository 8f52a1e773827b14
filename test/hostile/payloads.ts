// Hostile payloads and the encoders that put them into XML and C# source. Shared by the
// injection, sandbox and fuzz suites.

/** Every payload is data: wherever it is written, it must arrive unchanged or be refused with a diagnostic. */
export const PAYLOADS: Readonly<Record<string, string>> = {
  dquote: 'a"b""c',
  squote: "a'b''c",
  typographic: "\u201Cx\u201D \u2018y\u2019 \u00AB\u00BB",
  backslash: "a\\b\\\\c\\",
  backslashQuote: '\\"\\',
  commentEnd: "*/ x /* y",
  template: "${globalThis.pwned=1}",
  backtick: "`${1}`\\`",
  script: "</script><script>alert(1)</script>",
  lineSeparators: "a\u2028b\u2029c",
  nul: "a\u0000b",
  loneSurrogates: "a\uD800b\uDFFFc",
  breakoutDq: '");globalThis.pwned=1;process.exit(1)//',
  breakoutSq: "');globalThis.pwned=1;process.exit(1)//",
  breakoutTpl: "`);globalThis.pwned=1;//",
  proto: "__proto__",
  ctor: "constructor",
  ctorCtor: "constructor.constructor('return process')()",
  entity: "&amp;&lt;&#x41;",
  cdataEnd: "]]>",
  braces: "{x}{{y}}}",
  at: "x@(1+1)@{return 1;}",
};

/** Payloads XML 1.0 cannot carry (NUL, lone surrogates) and ones with a line break. */
export const NOT_XML_CHARS = new Set(["nul", "loneSurrogates"]);

/** Escapes text for a double-quoted XML attribute. */
export function xmlAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
/** Escapes text for element content. */
export function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A C# regular string literal holding exactly `s` (every non-printable or non-ASCII unit as \uXXXX). */
export function csString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** A C# verbatim string literal (`@"..."`, quotes doubled); only for printable payloads. */
export function csVerbatim(s: string): string {
  return `@"${s.replace(/"/g, '""')}"`;
}

/** The text part of a C# interpolated string ($"..."): braces doubled, the rest as in csString. */
export function csInterpolatedText(s: string): string {
  return csString(s).slice(1, -1).replace(/\{/g, "{{").replace(/\}/g, "}}");
}

/** A C# char literal for one UTF-16 unit. */
export function csChar(unit: string): string {
  const c = unit.charCodeAt(0);
  if (unit === "'") return "'\\''";
  if (unit === "\\") return "'\\\\'";
  if (c < 0x20 || c > 0x7e) return `'\\u${c.toString(16).padStart(4, "0")}'`;
  return `'${unit}'`;
}

/** What a UTF-16 string reads as after a UTF-8 round trip (lone surrogates become U+FFFD). */
export function utf8(s: string): string {
  return Buffer.from(s, "utf8").toString("utf8");
}

/** Own enumerable and non-enumerable keys of Object.prototype and friends, to detect pollution. */
export function prototypeSnapshot(): string {
  const protos = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Map.prototype];
  return protos.map((p) => Reflect.ownKeys(p).map(String).sort().join(",")).join("|") + `|${Object.keys(globalThis).sort().join(",")}`;
}
