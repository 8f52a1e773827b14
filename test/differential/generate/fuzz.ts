// `npm run fuzz:csharp -- --count N --seed S [--batch B] [--out fuzz-out]`: compares apimc with the C#
// reference (Mono) on N generated cases (generator.ts), many cases per mcs program, shrinks every
// mismatch (shrink.ts) and writes them, ready to paste into cases.ts, to <out>/mismatches.json.
// Bundled and run by scripts/fuzz-csharp.mjs.
//
// A generated case that mcs rejects (a generator gap, or a surface row .NET Framework does not have)
// is dropped from its batch and counted by the member it used; a case whose static type is not what
// the generator said is counted too (a surface signature that differs from .NET's).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DiffCase } from "../cases.js";
import { compileProgram, findReference, generateProgram, runProgram, toReferenceResult, type RawAnswer, type Reference, type ReferenceResult } from "../csharp-harness.js";
import { evaluateWithApimc, type ApimcResult } from "../apimc-eval.js";
import { corefxLinq } from "../../../runtime/dotnet/linq.js";
import { monoStaticUtc, monoTzNames } from "../../../runtime/dotnet/timezone.js";
import { monoSbCopyTo } from "../../../runtime/dotnet/chars.js";
import { monoHtmlEncode } from "../../../runtime/dotnet/web-utility.js";
import { monoUnixPath } from "../../../runtime/dotnet/uri.js";
import { monoNewline } from "../../../runtime/dotnet/newline.js";
import { monoDecryptMarker, monoRsa } from "../../../runtime/dotnet/rsa.js";
import { monoIntMinDivide } from "../../../runtime/dotnet/core.js";
import { monoArrayIndexOf, monoComparerNames } from "../../../runtime/dotnet/collection-views.js";
import { monoPow } from "../../../runtime/dotnet/math.js";
import { monoLongMulMin } from "../../../runtime/dotnet/long.js";
import { mcsVariant } from "./mcs-variant.js";
import { x87Cos, x87Sin } from "./x87-trig.js";
import { render } from "../canonical.js";
import { generateCases, toCase } from "./generator.js";
import { text, type Node } from "./node.js";
import { shrinkCandidates } from "./shrink.js";
import { regexNodes } from "./regex-gen.js";

export interface Verdict {
  id: string;
  c: DiffCase;
  cs: ReferenceResult;
  apimc: ApimcResult;
  agree: boolean;
}

/** The answer lines a (possibly killed) C# program printed (csharp-harness.ts protocol). */
function parseAnswers(stdout: string): Map<string, RawAnswer> {
  const out = new Map<string, RawAnswer>();
  for (const line of stdout.split("\n")) {
    const [id, kind, b64] = line.split("\t");
    if (!id || !kind || b64 === undefined) continue;
    const text = Buffer.from(b64, "base64").toString("utf8");
    if (kind === "v") out.set(id, { kind: "value", text });
    else if (kind === "n") out.set(id, { kind: "null" });
    else if (kind === "t") out.set(id, { kind: "type-mismatch", actual: text });
    else if (kind === "x") {
      const nl = text.indexOf("\n");
      out.set(id, { kind: "throw", type: text.slice(0, nl), message: text.slice(nl + 1) });
    }
  }
  return out;
}

/** "value", "null", "throw:Type", "compile-error" or "type-mismatch": what a mismatch must keep while shrinking. */
function kindOf(r: ReferenceResult | ApimcResult): string {
  return r.kind === "throw" ? `throw:${r.type}` : r.kind;
}
export const shown = (r: ReferenceResult | ApimcResult): string =>
  r.kind === "compile-error" ? `<does not compile: ${r.codes.join(",")}> ${r.message.split("\n").slice(0, 3).join(" / ")}` : r.kind === "type-mismatch" ? `<C# type ${r.actual}>` : render(r) + (r.kind === "throw" && r.message ? ` (${r.message})` : "");

/**
 * apimc agrees with C#. Environment.NewLine is "\n" on Mono/Linux and "\r\n" on the Windows gateway
 * APIM runs (cases.ts `windowsNewline`): a value that differs only by CRLF for LF agrees.
 */
export function agrees(cs: ReferenceResult, a: ApimcResult): boolean {
  if (cs.kind === "type-mismatch" || a.kind === "compile-error") return false;
  if (render(a) === render(cs)) return true;
  if (cs.kind !== "value" || a.kind !== "value") return false;
  // The C# program prints UTF-8: a lone surrogate arrives as U+FFFD.
  const text = Buffer.from(a.text, "utf8").toString("utf8");
  return text === cs.text || (cs.text.includes("\n") && text === cs.text.replace(/\r?\n/g, "\r\n"));
}

/**
 * Mono's System.Linq is corefx's, which skips work .NET Framework's System.Core does (and APIM runs
 * .NET Framework): OrderBy(..).Count() and OrderBy(..).Skip(n) past the end compute no keys,
 * Select(..).Skip(n) over a list runs no selector for the skipped items, Join/GroupJoin build no
 * inner lookup for an empty outer sequence, GroupBy(.., resultSelector).Count() runs no result selector (cases fz.linq.orderby.count.keys.run,
 * fz.linq.select.skip.selector.runs, fz.linq.groupjoin.empty.outer.inner.keys give .NET's answers).
 * (corefx also pulls the first outer element before building the lookup, so an exception there comes
 * first). So where apimc threw and Mono did not or threw something else, apimc runs the case again emulating those shortcuts
 * (runtime linq.ts corefxLinq); if that agrees, the difference is this known one, not a bug.
 */
export async function corefxArtefact(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  // (Mono's answer may be null: a List.Find or a string that the skipped work would have thrown before)
  if ((cs.kind !== "value" && cs.kind !== "throw" && cs.kind !== "null") || a.kind !== "throw") return false;
  corefxLinq.on = true;
  try {
    return agrees(cs, await evaluateWithApimc(c));
  } finally {
    corefxLinq.on = false;
  }
}
/**
 * TimeZoneInfo's names: Mono on Linux names the UTC zones after the tz database (DisplayName,
 * StandardName, DaylightName and ToString() all "UTC"; Local's DaylightName is empty), .NET Framework
 * on Windows, which APIM runs and apimc follows, "(UTC) Coordinated Universal Time" and "Coordinated
 * Universal Time" (TimeZoneInfo.ToString() returns DisplayName; Windows' names come from the registry,
 * cases tz.windows.utc, tz.names.*; the obsolete TimeZone.CurrentTimeZone's StandardName and DaylightName
 * are "UTC" and "" on Mono, "Coordinated Universal Time" on Windows: allowsys.timezone.names). So a case that uses TimeZoneInfo and differs is run again
 * with apimc giving Mono's names for exactly those members of Utc and Local (runtime timezone.ts
 * monoTzNames); if that agrees, the difference is this one. Ids, offsets and conversions are not
 * emulated: a difference there stays a mismatch.
 */
export async function tzNameArtefact(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  if (!c.expr.includes("TimeZone") || a.kind === "compile-error" || cs.kind === "type-mismatch") return false;
  monoTzNames.on = true;
  try {
    return agrees(cs, await evaluateWithApimc(c));
  } finally {
    monoTzNames.on = false;
  }
}
/**
 * Math.Sin, Cos, Tan, Asin, Acos, Atan, Atan2, Sinh, Cosh, Tanh, Exp, Log, Log10 and Pow are not
 * exactly specified: .NET Framework calls the C runtime (the Math docs: "the result may vary
 * between platforms"), Mono calls glibc's libm, apimc V8's fdlibm port. Each is within 1 ulp of the
 * exact value, and they differ by 1 ulp on some inputs (Math.Sin(-2.5)). Neither answer is the
 * Windows CRT's, so apimc does not try to match one: a case that calls one of them and whose
 * values differ only in numbers, each by at most 4 ulps or one unit of its last printed digit (a
 * 1-ulp difference can move the 15th digit of ToString()), agrees. Any other difference (text,
 * sign, a number further off, or a case with no such call) stays a mismatch.
 * Sin, Cos and Tan of a magnitude of 2^63 or more: Mono (x87 fsin/fcos/fptan, which leave such an
 * operand unreduced and set C2) answers the argument itself, .NET (the CRT) reduces it; a number
 * that Mono gives at 2^63 or more where apimc gives a finite one (within [-1, 1] for Sin and Cos)
 * agrees in a case calling one of the three.
 */
export const CRT_MATH = /\bMath\s*\.\s*(?:Sin|Cos|Tan|Asin|Acos|Atan|Atan2|Sinh|Cosh|Tanh|Exp|Log|Log10|Pow)\s*\(/;
const NUMBER = /-?\d+(?:\.\d+)?(?:E[-+]?\d+)?/gi;
export function crtMathArtefact(c: DiffCase, cs: ReferenceResult, a: ApimcResult): boolean {
  if (cs.kind !== "value" || a.kind !== "value" || !CRT_MATH.test(c.expr)) return false;
  const split = (t: string) => ({ text: t.split(NUMBER), nums: t.match(NUMBER) ?? [] });
  const x = split(cs.text);
  const y = split(a.text);
  if (x.text.length !== y.text.length || x.text.some((t, i) => t !== y.text[i]) || x.nums.length !== y.nums.length) return false;
  const trig = X87_TRIG.exec(c.expr)?.[1];
  return x.nums.every((n, i) => n === y.nums[i] || closeNumbers(n, y.nums[i]!) || (trig !== undefined && x87Unreduced(n, y.nums[i]!, trig)));
}
const X87_TRIG = /\bMath\s*\.\s*(Sin|Cos|Tan)\s*\(/;
function x87Unreduced(mono: string, apimc: string, trig: string): boolean {
  const u = Number(mono);
  const v = Number(apimc);
  return Number.isFinite(u) && Math.abs(u) >= 2 ** 63 && Number.isFinite(v) && (trig === "Tan" || Math.abs(v) <= 1);
}
function closeNumbers(p: string, q: string): boolean {
  const u = Number(p);
  const v = Number(q);
  if (!Number.isFinite(u) || !Number.isFinite(v) || p.startsWith("-") !== q.startsWith("-")) return false;
  const big = Math.max(Math.abs(u), Math.abs(v));
  if (Math.abs(u - v) <= 4 * ulp(big)) return true;
  // one unit of the last printed digit, when both print 15 or more significant digits (G15, R)
  const significant = (t: string) => t.replace(/E.*$/i, "").replace(/\D/g, "").replace(/^0+/, "").length;
  if (significant(p) < 15 || significant(q) < 15) return false;
  const lastDigit = (t: string) => {
    const m = /^-?\d+(?:\.(\d+))?(?:E([-+]?\d+))?$/i.exec(t)!;
    return Number(m[2] ?? 0) - (m[1]?.length ?? 0);
  };
  // (1.5: the texts are one unit apart, the doubles they parse to may be a little further)
  return Math.abs(u - v) <= 1.5 * 10 ** Math.max(lastDigit(p), lastDigit(q));
}
function ulp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const e = Math.floor(Math.log2(x));
  return Math.max(2 ** (e - 52), Number.MIN_VALUE);
}

/**
 * Answers that hang on the last bit of a C runtime function (crtMathArtefact): a case whose value moves
 * by more than crtMathArtefact allows when apimc's CRT functions answer one ulp higher is
 * ill-conditioned (Math.Tan(double.MaxValue * Math.Cos(1e15)): one ulp of the product is 2^971, many
 * periods of tan), and neither Mono's libm nor V8's gives .NET Framework's CRT answer there. Such a
 * case has no reference answer to compare with; counted with noReferenceAnswer.
 */
const CRT_FUNCTIONS = ["sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "exp", "log", "log10", "pow"] as const;
export async function crtIllConditioned(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  if (cs.kind !== "value" || a.kind !== "value" || !CRT_MATH.test(c.expr)) return false;
  const saved = CRT_FUNCTIONS.map((f) => Math[f]);
  CRT_FUNCTIONS.forEach((f, i) => {
    const g = saved[i] as (...xs: number[]) => number;
    (Math as unknown as Record<string, unknown>)[f] = (...xs: number[]) => nextUp(g(...xs));
  });
  let nudged: ApimcResult;
  try {
    nudged = await evaluateWithApimc(c);
  } finally {
    CRT_FUNCTIONS.forEach((f, i) => ((Math as unknown as Record<string, unknown>)[f] = saved[i]));
  }
  if (nudged.kind !== "value") return true;
  const asReference: ReferenceResult = { kind: "value", text: nudged.text };
  return !agrees(asReference, a) && !crtMathArtefact(c, asReference, a);
}
/** The next double above a finite x (x itself for NaN and ±∞). */
function nextUp(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return Number.MIN_VALUE;
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] = i[0]! + (x > 0 ? 1n : -1n);
  return b[0]!;
}

/**
 * Math.Sin/Math.Cos: Mono on x86-64 answers with x87 FSIN/FCOS, whose argument reduction uses a
 * 66-bit pi (x87-trig.ts), so large arguments far below 2^63 come out wrong (Math.Cos(1e15) is off in
 * the 6th digit); .NET Framework's CRT reduces correctly, apimc's answer (generated code calls
 * Math.sin/Math.cos). A differing case that calls one of them is run again with Math.sin and Math.cos
 * emulating the x87, and agrees if that reproduces Mono's answer (exactly, or as crtMathArtefact
 * allows: within 4 ulps). Measured: the emulation is within 4 ulps of Mono for 1,703 arguments over
 * 2^0..2^64 (data/x87-trig-mono.json keeps 578 of them; x87-trig.test.ts).
 */
const X87_SIN_COS = /\bMath\s*\.\s*(?:Sin|Cos)\s*\(/;
export async function x87TrigArtefact(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  if (a.kind === "compile-error" || cs.kind === "type-mismatch" || !X87_SIN_COS.test(c.expr)) return false;
  const { sin, cos } = Math;
  Math.sin = x87Sin;
  Math.cos = x87Cos;
  let emulated: ApimcResult;
  try {
    emulated = await evaluateWithApimc(c);
  } finally {
    Math.sin = sin;
    Math.cos = cos;
  }
  return agrees(cs, emulated) || crtMathArtefact(c, cs, emulated);
}

/**
 * Mono behaviours apimc can emulate (test-only switches in the runtime); a case that uses the member
 * and differs is run again with apimc behaving as Mono, and agrees if that gives Mono's answer:
 * - StringBuilder.CopyTo's argument checks: .NET Framework's reference source (mscorlib
 *   system/text/stringbuilder.cs) checks `count < 0` (ArgumentOutOfRangeException "count") before the
 *   destination range; Mono checks the destination range first (ArgumentException "Either offset did
 *   not refer to a position ...") (runtime chars.ts monoSbCopyTo).
 * - WebUtility.HtmlEncode: .NET Framework's (reference source System/net/System/Net/WebUtility.cs)
 *   writes U+00A0..U+00FF and surrogate pairs as numeric references and leaves other characters
 *   (U+0130 'İ') as they are; Mono writes every character above U+00FF as one too (runtime
 *   web-utility.ts monoHtmlEncode).
 * - TimeZoneInfo.Utc after the cache is cleared (ConvertTime(dateTime, destination) clears it for a
 *   DateTime of Ticks 0): .NET Framework's CachedData makes a new Utc object (reference source
 *   TimeZoneInfo.cs: CachedData.m_utcTimeZone, ClearCachedData replaces s_cachedData), so a Utc zone
 *   taken before is no longer Utc (Kind Unspecified); Mono's Utc is one static object (Kind Utc)
 *   (runtime timezone.ts monoStaticUtc).
 * - RSA.Create() is RSACryptoServiceProvider on both, but .NET Framework's verifies with CryptoAPI
 *   (reference source Utils.VerifySign → CryptVerifySignature, no length checks of its own), so a
 *   signature that cannot verify, empty or wrong in length, or a hash of the wrong length, is false;
 *   Mono's managed PKCS1.Verify_v15 reads an empty signature past its end (IndexOutOfRangeException)
 *   and refuses a hash of the wrong length (CryptographicException "bad hash length for ..").
 *   Mono's HashData (VerifyData/SignData) asks CryptoConfig for the name and reads the null it gets
 *   for an unknown one (NullReferenceException) where .NET's GetAlgorithmId throws
 *   CryptographicException "'x' is not a known hash algorithm." (runtime rsa.ts monoRsa).
 * - Environment.NewLine: "\r\n" on .NET Framework on Windows (the Environment.NewLine docs), which
 *   Json.NET's indented ToString(), XmlWriter's indentation and StringBuilder.AppendLine write; "\n"
 *   on Mono/Linux. `agrees` already accepts a value that differs only by CRLF for LF; this catches the
 *   rest: positions and lengths (`JToken.ToString().LastIndexOf(',', 42)`) and escaped newlines
 *   (an XAttribute holding indented JSON: &#xD;&#xA; for &#xA;) (runtime newline.ts monoNewline).
 * - int.MinValue / -1 and % -1: .NET throws OverflowException (C# spec §12.10.3; the CLR JIT checks
 *   for -1); Mono's x86-64 JIT lets idiv trap when the divisor is computed (a shift, negation, or, an
 *   unboxing...) and reports DivideByZeroException; a divisor that is a call's result checks, like
 *   .NET (measured with mcs/mono 6.8: 15 divisor shapes) (runtime core.ts monoIntMinDivide).
 * - IList<T>.IndexOf of an array (Array.AsReadOnly(a).IndexOf(x)): .NET Framework's
 *   SZArrayHelper.IndexOf is Array.IndexOf (EqualityComparer<T>.Default: a null element is skipped);
 *   Mono's InternalArray__IndexOf calls Equals on each element, so a null one before the match
 *   throws NullReferenceException (runtime collection-views.ts monoArrayIndexOf).
 * - Math.Pow: .NET Framework's COMDouble::Pow returns NaN for a NaN argument and for Pow(-1, ±∞)
 *   before calling the CRT (the Math.Pow docs: Pow(1, NaN) and Pow(NaN, 0) are "1 (NaN on .NET
 *   Framework)"); Mono calls glibc's C99 pow, which gives 1 for all three (runtime math.ts monoPow).
 * - long * -2147483648: Mono's x86-64 JIT multiplies by that right operand as by +2147483648 (a
 *   32-bit immediate read unsigned; 3L * -2147483648L is 6442450944); C# and .NET give the product
 *   (runtime long.ts monoLongMulMin).
 * - StringComparer.Ordinal/OrdinalIgnoreCase.ToString(): .NET Framework's are one class,
 *   System.OrdinalComparer (reference source StringComparer.cs: `new OrdinalComparer(false)` and
 *   `(true)`); Mono's StringComparer is corefx's, OrdinalCaseSensitiveComparer and
 *   OrdinalIgnoreCaseComparer (runtime collection-views.ts monoComparerNames).
 */
const MONO_EMULATIONS: { uses: RegExp; flag: { on: boolean } }[] = [
  { uses: /\.CopyTo\s*\(/, flag: monoSbCopyTo },
  { uses: /\bHtmlEncode\s*\(/, flag: monoHtmlEncode },
  { uses: /\bTimeZoneInfo\.Convert/, flag: monoStaticUtc },
  { uses: /\.(?:Verify|Sign)(?:Data|Hash)\s*\(/, flag: monoRsa },
  { uses: /\.ToString\s*\(|\bSerializeObject\b|\bAppendLine\b|\bJ(?:Token|Object|Array|Property|Value)\b|\bX(?:Element|Document|Attribute)\b/, flag: monoNewline },
  { uses: /[%/]/, flag: monoIntMinDivide },
  { uses: /\bAsReadOnly\b/, flag: monoArrayIndexOf },
  { uses: /\bMath\s*\.\s*Pow\b/, flag: monoPow },
  { uses: /\*/, flag: monoLongMulMin },
  { uses: /\bStringComparer\b|\.Comparer\b/, flag: monoComparerNames },
];
export async function monoEmulationArtefact(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  if (a.kind === "compile-error" || cs.kind === "type-mismatch") return false;
  const used = MONO_EMULATIONS.filter((e) => e.uses.test(c.expr));
  if (!used.length) return false;
  for (const e of used) e.flag.on = true;
  try {
    return agrees(cs, await evaluateWithApimc(c));
  } finally {
    for (const e of used) e.flag.on = false;
  }
}
/**
 * Time zone ids: Mono on Linux looks an id up as a file under /usr/share/zoneinfo, so an id that names
 * a directory ("/") or a file that is no zone ("\uD83D" as U+FFFD) throws SecurityException or
 * InvalidTimeZoneException ("The time zone ID '..' was found on the local computer, but ..."). .NET
 * Framework on Windows, which APIM runs, looks the id up as a registry key under
 * HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Time Zones, where such ids do not exist:
 * TimeZoneNotFoundException (TimeZoneInfo.FindSystemTimeZoneById docs: "The time zone identifier
 * specified by id was not found"), apimc's answer. Only that pair of answers agrees.
 */
export function tzFileArtefact(c: DiffCase, cs: ReferenceResult, a: ApimcResult): boolean {
  return (
    c.expr.includes("TimeZoneInfo") &&
    cs.kind === "throw" &&
    (cs.type === "SecurityException" || cs.type === "InvalidTimeZoneException") &&
    /was found on the local computer/.test(cs.message ?? "") &&
    a.kind === "throw" &&
    a.type === "TimeZoneNotFoundException"
  );
}
/**
 * RSACryptoServiceProvider (what RSA.Create() makes on .NET Framework) does not implement the raw
 * EncryptValue/DecryptValue: "This method is not supported in the current version" (docs,
 * NotSupportedException), apimc's answer; Mono implements them. A case where apimc threw that
 * NotSupportedException from one of them agrees whatever Mono answered.
 */
export function rsaValueArtefact(c: DiffCase, _cs: ReferenceResult, a: ApimcResult): boolean {
  return /\.(?:En|De)cryptValue\(/.test(c.expr) && a.kind === "throw" && a.type === "NotSupportedException";
}

/**
 * Cases the reference cannot answer for .NET Framework: Mono's class library has the Span-typed
 * properties of .NET Core (Encoding.Preamble is a ReadOnlySpan<byte>), which reflection cannot box, so
 * Json.NET's reflection over such an object (SerializeObject, FromObject) throws
 * BadImageFormatException "Cannot box IsByRefLike type". .NET Framework 4.x has no such property and
 * no IsByRefLike types, so this answer is never its own. They are counted and listed apart
 * (`noReferenceAnswer` in the summary), neither agreeing nor mismatching.
 */
export function referenceCannotAnswer(cs: ReferenceResult): boolean {
  if (cs.kind !== "throw") return false;
  // (mcs emitted invalid IL for the case, usually a lambda's closure: the program is not the C# text)
  if (cs.type === "InvalidProgramException") return true;
  return cs.type === "BadImageFormatException" && /IsByRefLike/.test(cs.message ?? "");
}

/**
 * RSA decryption that fails in apimc (data not encrypted to the key, usually a key RSA.Create() just
 * made): Mono's managed PKCS#1 v1.5 decoding accepts most wrong blocks, so its answer is random bytes
 * about half of the time, and its failures have their own messages; .NET Framework's CryptoAPI throws
 * CryptographicException "Bad Data." (apimc's answer). A differing case is run again with apimc's
 * decryption failures recorded (runtime rsa.ts monoDecryptMarker); if one failed, caught or not, Mono
 * has no answer for the case: counted with noReferenceAnswer.
 */
export async function rsaDecryptHasNoAnswer(c: DiffCase, a: ApimcResult): Promise<boolean> {
  if (!/\.Decrypt\s*\(/.test(c.expr) || a.kind === "compile-error") return false;
  monoDecryptMarker.on = true;
  monoDecryptMarker.failed = false;
  try {
    await evaluateWithApimc(c);
    return monoDecryptMarker.failed;
  } finally {
    monoDecryptMarker.on = false;
  }
}

/** A differing case whose reference answer is not comparable (rsaDecryptHasNoAnswer, crtIllConditioned): set aside, counted with noReferenceAnswer. */
async function noComparableAnswer(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  return (await rsaDecryptHasNoAnswer(c, a)) || (await crtIllConditioned(c, cs, a));
}

/**
 * Unix file paths as URIs: Mono on Unix reads a string starting with one '/' as a file path
 * (new Uri("/a").Scheme is "file"), where .NET Framework on Windows, which APIM runs, throws
 * UriFormatException "The format of the URI could not be determined" for UriKind.Absolute and makes
 * a relative URI for RelativeOrAbsolute (Uri(string) docs; apimc's answers). A differing case is run
 * again with apimc refusing such strings (runtime uri.ts monoUnixPath); if that run stops there,
 * the case depends on that reading and Mono has no .NET answer for it.
 */
export async function uriUnixPathArtefact(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  if (!/\bUri\b/.test(c.expr) || a.kind === "compile-error" || cs.kind === "type-mismatch") return false;
  monoUnixPath.on = true;
  try {
    const marked = await evaluateWithApimc(c);
    return marked.kind === "throw" && marked.type === "MonoUnixFilePath";
  } finally {
    monoUnixPath.on = false;
  }
}

/** agrees, or differs only by a documented Mono-vs-.NET Framework difference (corefxArtefact, tzNameArtefact, crtMathArtefact, ...). */
export async function agreesWithDotNet(c: DiffCase, cs: ReferenceResult, a: ApimcResult): Promise<boolean> {
  return (
    agrees(cs, a) ||
    crtMathArtefact(c, cs, a) ||
    tzFileArtefact(c, cs, a) ||
    rsaValueArtefact(c, cs, a) ||
    (await corefxArtefact(c, cs, a)) ||
    (await tzNameArtefact(c, cs, a)) ||
    (await x87TrigArtefact(c, cs, a)) ||
    (await monoEmulationArtefact(c, cs, a)) ||
    (await uriUnixPathArtefact(c, cs, a))
  );
}

/**
 * The mismatches that are the reference's compilers' own: mcs's compilation of constants
 * (mcs-variant.ts: each one's variant with those constants made non-constant runs through mcs+mono
 * in one batch, and a mismatch whose variant answer agrees with apimc's answer to the original is
 * explained), and Mono's JIT optimizations (the rest run again with `mono --optimize=-all`; seed
 * 34405: the JIT shifted (1 << 31) >> 4 logically when the operands came from unboxing). Returns the
 * explained ids.
 */
export async function mcsArtefacts(ref: Reference, found: { c: DiffCase; a: ApimcResult }[]): Promise<Set<string>> {
  const explained = new Set((await mcsVariantAnswers(ref, found)).keys());
  const rest = found.filter(({ c }) => !explained.has(c.id));
  if (!rest.length) return explained;
  const { source, lineCase } = generateProgram(rest.map(({ c }) => c));
  let answers: Map<string, RawAnswer>;
  try {
    answers = await runProgram(ref, await compileProgram(ref, source, lineCase, "fuzz-noopt.exe"), 20_000, ["--optimize=-all"]);
  } catch {
    return explained;
  }
  for (const { c, a } of rest) {
    const raw = answers.get(c.id);
    if (raw && raw.kind !== "type-mismatch" && (await agreesWithDotNet(c, toReferenceResult(raw), a))) explained.add(c.id);
  }
  return explained;
}

/** For each mismatch mcs-variant.ts explains: the variant's text and its raw reference answer (which apimc's answer agrees with). */
export async function mcsVariantAnswers(ref: Reference, found: { c: DiffCase; a: ApimcResult }[]): Promise<Map<string, { expr: string; answer: RawAnswer }>> {
  const variants = found.flatMap(({ c, a }) => {
    const expr = mcsVariant(c.expr);
    return expr ? [{ orig: c, a, v: { ...c, id: `${c.id}-mcsv`, expr } }] : [];
  });
  const explained = new Map<string, { expr: string; answer: RawAnswer }>();
  if (!variants.length) return explained;
  const { answers } = await runBatch(ref, variants.map((x) => x.v), () => {}, true);
  for (const { orig, a, v } of variants) {
    const raw = answers.get(v.id);
    if (!raw || raw.kind === "type-mismatch") continue;
    if (await agreesWithDotNet(v, toReferenceResult(raw), a)) explained.set(orig.id, { expr: v.expr, answer: raw });
  }
  return explained;
}

/** Runs cases through mcs+mono in one program, dropping the ones mcs rejects (returned with the errors). */
export async function runBatch(ref: Reference, cases: DiffCase[], log: (s: string) => void, raw?: false): Promise<{ answers: Map<string, ReferenceResult>; rejected: Map<string, string> }>;
export async function runBatch(ref: Reference, cases: DiffCase[], log: (s: string) => void, raw: true): Promise<{ answers: Map<string, RawAnswer>; rejected: Map<string, string> }>;
export async function runBatch(
  ref: Reference,
  cases: DiffCase[],
  log: (s: string) => void,
  raw = false,
): Promise<{ answers: Map<string, ReferenceResult | RawAnswer>; rejected: Map<string, string> }> {
  const rejected = new Map<string, string>();
  let live = cases;
  // (a syntax error stops mcs at the first few: a batch may need many rounds to drop every bad case)
  for (let round = 0; round < 40 && live.length; round++) {
    const { source, lineCase } = generateProgram(live);
    try {
      const exe = await compileProgram(ref, source, lineCase, "fuzz.exe");
      try {
        const out = await runProgram(ref, exe, 20_000);
        const answers = new Map<string, ReferenceResult | RawAnswer>();
        for (const [id, a] of out) answers.set(id, raw ? a : toReferenceResult(a));
        return { answers, rejected };
      } catch (e) {
        // A case that hangs or kills mono: the program prints answers in case order, so the first
        // case without one is the culprit; keep the answers before it and run the rest again.
        const out = String((e as { stdout?: unknown }).stdout ?? "");
        const answers = new Map<string, ReferenceResult | RawAnswer>();
        for (const [id, a] of parseAnswers(out)) answers.set(id, raw ? a : toReferenceResult(a));
        const at = live.findIndex((c) => !answers.has(c.id));
        if (at < 0) return { answers, rejected };
        rejected.set(live[at]!.id, `mono failed: ${(e as Error).message.split("\n")[0]!.slice(0, 160)}`);
        log(`  mono failed at case ${live[at]!.id} (${live[at]!.expr.slice(0, 100)}); running the ${live.length - at - 1} after it again`);
        const rest = await runBatch(ref, live.slice(at + 1), log, raw as true);
        for (const [k, v] of rest.rejected) rejected.set(k, v);
        for (const [k, v] of rest.answers) answers.set(k, v);
        return { answers, rejected };
      }
    } catch (e) {
      const msg = (e as Error).message;
      const kept = /\(source kept at (.*)\)$/.exec(msg);
      if (kept) rmSync(dirname(kept[1]!), { recursive: true, force: true });
      const m = /; cases: ([^\n]*)/.exec(msg);
      if (!m) throw e;
      let bad = new Set(m[1]!.split(", "));
      const lines = msg.split("\n").filter((l) => l.includes("error"));
      // A syntax error (an mcs parser error) can derail the parse of the cases after it, which then
      // report errors of their own: drop only the case of the first syntax error this round.
      const syntax = lines.find((l) => /error CS(10[0-3]\d|104[01]|151\d|152\d|9010)\b/.test(l));
      if (syntax) {
        const lm = /\((\d+),\d+\+?\): error/.exec(syntax);
        const first = lm ? generateProgram(live).lineCase[Number(lm[1]) - 1] : null;
        if (first) bad = new Set([first]);
      }
      for (const id of bad) rejected.set(id, lines.find((l) => l.includes("error CS"))?.replace(/^.*?error /, "") ?? "mcs error");
      // Attribute each error line to its case for the report.
      const { lineCase: lc } = generateProgram(live);
      for (const l of lines) {
        const lm = /\((\d+),\d+\+?\): error (.*)$/.exec(l);
        const id = lm ? lc[Number(lm[1]) - 1] : null;
        if (id && bad.has(id)) rejected.set(id, lm![2]!);
      }
      live = live.filter((c) => !bad.has(c.id));
    }
  }
  return { answers: new Map(), rejected };
}

interface Options {
  count: number;
  seed: number;
  batch: number;
  out: string;
  shrinkRounds: number;
  /**
   * "regex": only the regular-expression area (regex-gen.ts), `count` of them. Otherwise a comma list
   * of generator areas ("rsa,hashalgorithm"): `count` generated cases that have a node of one of
   * those areas anywhere in their tree (generated and filtered, so rare areas can be run on their own).
   */
  only?: string;
}

const areasOf = (n: Node, into = new Set<string>()): Set<string> => {
  into.add(n.area);
  for (const k of n.kids) areasOf(k, into);
  return into;
};
/** `count` generated cases touching one of `areas`, from the batch seed's sub-streams (batchSeed * 1000 + j). */
function areaOnly(seed: number, count: number, areas: ReadonlySet<string>): { nodes: Node[]; cases: DiffCase[] } {
  const nodes: Node[] = [];
  const cases: DiffCase[] = [];
  for (let j = 0; j < 1000 && nodes.length < count; j++) {
    const got = generateCases(seed * 1000 + j, 2000, "f");
    got.nodes.forEach((n, i) => {
      if (nodes.length < count && [...areasOf(n)].some((a) => areas.has(a))) nodes.push(n), cases.push(got.cases[i]!);
    });
  }
  return { nodes, cases };
}

/** `count` regular-expression cases from a batch seed (the stream generateCases appends count/10 of). */
function regexOnly(seed: number, count: number): { nodes: Node[]; cases: DiffCase[] } {
  const nodes = regexNodes(seed, count);
  return { nodes, cases: nodes.map((n, i) => toCase(`f${seed}-re${i}`, n)) };
}

export async function fuzz(opts: Options, log: (s: string) => void = console.log): Promise<void> {
  const ref = findReference();
  const t0 = performance.now();
  let csMs = 0;
  let apimcMs = 0;
  const mismatches: { node: Node; v: Verdict }[] = [];
  const rejectedByMember = new Map<string, number>();
  const rejectedExamples: { expr: string; error: string }[] = [];
  let ran = 0;
  let typeMismatch = 0;
  let mcsExplained = 0;
  const noReferenceAnswer: string[] = [];
  let rejectedTotal = 0;
  const areaCount = new Map<string, number>();
  for (let start = 0; start < opts.count; start += opts.batch) {
    const n = Math.min(opts.batch, opts.count - start);
    // One generator stream a batch: seed S, batch k → cases S-k-i, reproducible one batch at a time.
    const batchSeed = opts.seed * 1000 + start / opts.batch;
    const { nodes, cases } = opts.only === "regex" ? regexOnly(batchSeed, n) : opts.only ? areaOnly(batchSeed, n, new Set(opts.only.split(","))) : generateCases(batchSeed, n, "f");
    const byId = new Map(cases.map((c, i) => [c.id, nodes[i]!] as const));
    const t1 = performance.now();
    const { answers, rejected } = await runBatch(ref, cases, log);
    csMs += performance.now() - t1;
    rejectedTotal += rejected.size;
    for (const [id, err] of rejected) {
      const key = (/'([^']+)'/.exec(err)?.[1] ?? err).slice(0, 80);
      rejectedByMember.set(key, (rejectedByMember.get(key) ?? 0) + 1);
      if (rejectedExamples.length < 300) rejectedExamples.push({ expr: cases.find((c) => c.id === id)!.expr, error: err });
    }
    const t2 = performance.now();
    const batchMismatches: { node: Node; v: Verdict }[] = [];
    for (const c of cases) {
      const cs = answers.get(c.id);
      if (!cs) continue;
      ran++;
      const node = byId.get(c.id)!;
      areaCount.set(node.area, (areaCount.get(node.area) ?? 0) + 1);
      if (cs.kind === "type-mismatch") {
        typeMismatch++;
        mismatches.push({ node, v: { id: c.id, c, cs, apimc: { kind: "null" }, agree: false } });
        continue;
      }
      if (referenceCannotAnswer(cs)) {
        noReferenceAnswer.push(c.expr);
        continue;
      }
      const a = await evaluateWithApimc(c);
      if (await agreesWithDotNet(c, cs, a)) continue;
      if (await noComparableAnswer(c, cs, a)) noReferenceAnswer.push(c.expr);
      else batchMismatches.push({ node, v: { id: c.id, c, cs, apimc: a, agree: false } });
    }
    const explained = await mcsArtefacts(ref, batchMismatches.map((m) => ({ c: m.v.c, a: m.v.apimc })));
    mcsExplained += explained.size;
    mismatches.push(...batchMismatches.filter((m) => !explained.has(m.v.id)));
    apimcMs += performance.now() - t2;
    log(`batch ${start / opts.batch}: ${ran} cases run, ${mismatches.length} mismatches, ${rejected.size} rejected by mcs (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const runSeconds = (performance.now() - t0) / 1000;

  // Shrink: every round, all pending mismatches' candidates in one batch.
  const t3 = performance.now();
  const originals = new Map(mismatches.map((m) => [m.v.id, m.v.c.expr]));
  const shrunk = await shrinkAll(ref, mismatches.filter((m) => m.v.cs.kind !== "type-mismatch"), opts.shrinkRounds, log);
  const shrinkSeconds = (performance.now() - t3) / 1000;

  mkdirSync(opts.out, { recursive: true });
  const entries = [...shrunk, ...mismatches.filter((m) => m.v.cs.kind === "type-mismatch")].map(({ node, v }) => ({
    id: `fz.${v.id}`,
    area: node.area,
    type: v.c.type,
    block: v.c.block ?? false,
    expr: v.c.expr,
    // (the generated case before shrinking, to tell a shrink that changed the class)
    ...(originals.get(v.id) !== v.c.expr ? { original: originals.get(v.id) } : {}),
    csharp: shown(v.cs),
    apimc: shown(v.apimc),
    paste: `${v.c.block ? "b" : "c"}(${JSON.stringify(`fz.${v.id}`)}, ${JSON.stringify(v.c.type)}, ${JSON.stringify(v.c.expr)}),`,
  }));
  const byArea = new Map<string, number>();
  for (const e of entries) byArea.set(e.area, (byArea.get(e.area) ?? 0) + 1);
  const summary = {
    seed: opts.seed,
    generated: opts.count,
    ran,
    rejectedByMcs: rejectedTotal,
    rejectedPercent: Math.round((rejectedTotal / (ran + rejectedTotal)) * 1000) / 10,
    typeMismatch,
    mcsArtefacts: mcsExplained,
    noReferenceAnswer: noReferenceAnswer.length,
    mismatches: entries.length,
    byArea: Object.fromEntries([...byArea].sort((a, b) => b[1] - a[1])),
    casesByArea: Object.fromEntries([...areaCount].sort((a, b) => b[1] - a[1])),
    seconds: { total: Math.round(runSeconds + shrinkSeconds), csharp: Math.round(csMs / 1000), apimc: Math.round(apimcMs / 1000), shrink: Math.round(shrinkSeconds) },
    casesPerMinute: Math.round((ran / runSeconds) * 60),
    rejectedByMember: Object.fromEntries([...rejectedByMember].sort((a, b) => b[1] - a[1]).slice(0, 60)),
  };
  writeFileSync(join(opts.out, "mismatches.json"), JSON.stringify({ summary, mismatches: entries }, null, 1));
  writeFileSync(join(opts.out, "rejected.json"), JSON.stringify(rejectedExamples, null, 1));
  writeFileSync(join(opts.out, "no-reference-answer.json"), JSON.stringify(noReferenceAnswer, null, 1));
  log(JSON.stringify({ ...summary, rejectedByMember: undefined }, null, 1));
  log(`wrote ${join(opts.out, "mismatches.json")}`);
}

/** Repeatedly replaces each mismatch by its smallest one-step simplification that still differs the same way. */
async function shrinkAll(ref: Reference, found: { node: Node; v: Verdict }[], rounds: number, log: (s: string) => void): Promise<{ node: Node; v: Verdict }[]> {
  const cur = found.map((f) => ({ ...f, done: false }));
  for (let round = 0; round < rounds; round++) {
    const pending = cur.filter((c) => !c.done);
    if (!pending.length) break;
    const cands: { owner: number; node: Node; c: DiffCase }[] = [];
    pending.forEach((p) => {
      const owner = cur.indexOf(p);
      shrinkCandidates(p.node)
        .slice(0, 30)
        .forEach((n, j) => cands.push({ owner, node: n, c: toCase(`s${round}-${owner}-${j}`, n) }));
    });
    if (!cands.length) break;
    const { answers } = await runBatch(ref, cands.map((x) => x.c), () => {});
    // (a candidate keeps the mismatch only as the fuzzer would count it: not agreeing, not set aside and
    // not an mcs artefact; otherwise shrinking can drift into an explained class)
    const differing: { owner: number; node: Node; c: DiffCase; cs: ReferenceResult; a: ApimcResult }[] = [];
    for (const x of cands) {
      const cs = answers.get(x.c.id);
      if (!cs || cs.kind === "type-mismatch" || referenceCannotAnswer(cs)) continue;
      const a = await evaluateWithApimc(x.c);
      const orig = cur[x.owner]!.v;
      if (kindOf(cs) !== kindOf(orig.cs) || kindOf(a) !== kindOf(orig.apimc)) continue;
      if (!(await agreesWithDotNet(x.c, cs, a)) && !(await noComparableAnswer(x.c, cs, a))) differing.push({ ...x, cs, a });
    }
    const explained = await mcsArtefacts(ref, differing.map((d) => ({ c: d.c, a: d.a })));
    const best = new Map<number, { node: Node; v: Verdict }>();
    for (const d of differing) {
      if (best.has(d.owner) || explained.has(d.c.id)) continue; // candidates come smallest first
      const orig = cur[d.owner]!.v;
      best.set(d.owner, { node: d.node, v: { id: orig.id, c: { ...d.c, id: orig.id }, cs: d.cs, apimc: d.a, agree: false } });
    }
    for (const p of pending) {
      const i = cur.indexOf(p);
      const b = best.get(i);
      if (b) cur[i] = { ...b, done: false };
      else p.done = true;
    }
    log(`shrink round ${round}: ${best.size} of ${pending.length} simplified`);
  }
  return cur.map(({ node, v }) => ({ node, v: { ...v, c: { ...v.c, expr: text(node) } } }));
}
