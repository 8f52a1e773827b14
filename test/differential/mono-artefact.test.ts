// The fuzzer's documented Mono/mcs-vs-.NET differences (generate/fuzz.ts, generate/mcs-variant.ts):
// each accepts exactly its own difference and rejects every other one.
import { describe, expect, it } from "vitest";
import { rsaValueArtefact, monoEmulationArtefact, tzFileArtefact } from "./generate/fuzz.js";
import { mcsVariant } from "./generate/mcs-variant.js";
import type { DiffCase } from "./cases.js";
import type { ReferenceResult } from "./csharp-harness.js";
import type { ApimcResult } from "./apimc-eval.js";
import { evaluateWithApimc } from "./apimc-eval.js";

const c = (expr: string, block = false): DiffCase => ({ id: "t", type: "string", expr, ...(block ? { block: true } : {}) });
const thrown = (type: string, message = "") => ({ kind: "throw", type, message }) as ReferenceResult & ApimcResult;
const value = (text: string) => ({ kind: "value", text }) as ReferenceResult & ApimcResult;
const MONO_OFFSET = "Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.";

describe("StringBuilder.CopyTo argument order (Mono checks the destination before the count)", () => {
  it("accepts Mono's ArgumentException where .NET Framework checks count < 0 first", async () => {
    const body = `var sb = new StringBuilder("ab"); sb.CopyTo(0, new char[0], 3, -1); return sb.ToString();`;
    const a = await evaluateWithApimc(c(body, true));
    expect(a.kind === "throw" && a.type).toBe("ArgumentOutOfRangeException");
    expect(await monoEmulationArtefact(c(body, true), thrown("ArgumentException", MONO_OFFSET), a)).toBe(true);
  });
  it("rejects answers the Mono order does not give", async () => {
    const body = `var sb = new StringBuilder("ab"); sb.CopyTo(0, new char[0], 3, -1); return sb.ToString();`;
    const a = await evaluateWithApimc(c(body, true));
    // Mono's order gives ArgumentException here, not a value nor another exception
    expect(await monoEmulationArtefact(c(body, true), value("ab"), a)).toBe(false);
    expect(await monoEmulationArtefact(c(body, true), thrown("NullReferenceException"), a)).toBe(false);
    // a valid call: both orders agree, so a different C# answer stays a mismatch
    const ok = `var sb = new StringBuilder("ab"); var d = new char[2]; sb.CopyTo(0, d, 0, 2); return new string(d);`;
    expect(await monoEmulationArtefact(c(ok, true), thrown("ArgumentException", MONO_OFFSET), await evaluateWithApimc(c(ok, true)))).toBe(false);
    // no CopyTo in the case
    expect(await monoEmulationArtefact(c(`"a".Substring(5)`), thrown("ArgumentException", MONO_OFFSET), thrown("ArgumentOutOfRangeException"))).toBe(false);
  });
});

describe("WebUtility.HtmlEncode above U+00FF (Mono encodes every such character)", () => {
  it("accepts Mono's numeric references for characters .NET Framework leaves alone", async () => {
    const e = c(`WebUtility.HtmlEncode("\u0130I\u0131i\u00e9<")`);
    const a = await evaluateWithApimc(e);
    expect(a).toEqual(value("\u0130I\u0131i&#233;&lt;"));
    expect(await monoEmulationArtefact(e, value("&#304;I&#305;i&#233;&lt;"), a)).toBe(true);
  });
  it("rejects other differences", async () => {
    const e = c(`WebUtility.HtmlEncode("\u0130I\u0131i\u00e9<")`);
    const a = await evaluateWithApimc(e);
    expect(await monoEmulationArtefact(e, value("&#304;I&#305;i\u00e9&lt;"), a)).toBe(false);
    expect(await monoEmulationArtefact(e, value("&#304;I&#305;i&#233;<"), a)).toBe(false);
    expect(await monoEmulationArtefact(c(`"\u0130"`), value("&#304;"), value("\u0130"))).toBe(false);
  });
});

describe("time zone ids Mono reads as files", () => {
  const tz = c(`TimeZoneInfo.FindSystemTimeZoneById("/").Id`);
  it("accepts Mono's SecurityException / InvalidTimeZoneException for an id .NET does not find", () => {
    expect(tzFileArtefact(tz, thrown("SecurityException", "The time zone ID '/' was found on the local computer, but the application does not have permission to read the file."), thrown("TimeZoneNotFoundException"))).toBe(true);
    expect(tzFileArtefact(tz, thrown("InvalidTimeZoneException", "The time zone ID '\uFFFD' was found on the local computer, but the file at '/usr/share/zoneinfo/\uFFFD' was corrupt."), thrown("TimeZoneNotFoundException"))).toBe(true);
  });
  it("rejects other differences", () => {
    expect(tzFileArtefact(tz, thrown("SecurityException", "was found on the local computer"), value("/"))).toBe(false);
    expect(tzFileArtefact(tz, thrown("InvalidTimeZoneException", "some other message"), thrown("TimeZoneNotFoundException"))).toBe(false);
    expect(tzFileArtefact(tz, thrown("TimeZoneNotFoundException"), thrown("InvalidTimeZoneException"))).toBe(false);
    expect(tzFileArtefact(c(`"/".Length.ToString()`), thrown("SecurityException", "was found on the local computer"), thrown("TimeZoneNotFoundException"))).toBe(false);
  });
});

describe("RSA EncryptValue/DecryptValue (not supported on .NET Framework)", () => {
  it("accepts apimc's NotSupportedException from them whatever Mono answered", () => {
    const e = c(`BitConverter.ToString(RSA.Create().DecryptValue(new byte[0]))`);
    expect(rsaValueArtefact(e, thrown("ArgumentOutOfRangeException"), thrown("NotSupportedException"))).toBe(true);
    expect(rsaValueArtefact(e, value("00"), thrown("NotSupportedException"))).toBe(true);
  });
  it("rejects other answers and other members", () => {
    const e = c(`BitConverter.ToString(RSA.Create().DecryptValue(new byte[0]))`);
    expect(rsaValueArtefact(e, value("00"), value("01"))).toBe(false);
    expect(rsaValueArtefact(e, value("00"), thrown("CryptographicException"))).toBe(false);
    expect(rsaValueArtefact(c(`RSA.Create().Decrypt(new byte[0], RSAEncryptionPadding.Pkcs1).Length`), value("0"), thrown("NotSupportedException"))).toBe(false);
  });
});

describe("mcs constant artefacts: the variant without constants", () => {
  it("makes decimal literals, decimal's constant fields and `0 - ` non-constant", () => {
    expect(mcsVariant(`new decimal[] { 0.00m, 1.50m % 1.50m }[0]`)).toBe(`new decimal[] { ((decimal)(object)0.00m), ((decimal)(object)1.50m) % ((decimal)(object)1.50m) }[0]`);
    expect(mcsVariant(`decimal.MaxValue % 1e-28M`)).toBe(`((decimal)(object)decimal.MaxValue) % ((decimal)(object)1e-28M)`);
    expect(mcsVariant(`checked(0 - int.Parse("-2147483648"))`)).toBe(`checked(((int)(object)0) - int.Parse("-2147483648"))`);
  });
  it("leaves string and char literals alone, and rewrites interpolation holes", () => {
    expect(mcsVariant(`"1.50m" + '0' + "0 - x"`)).toBeNull();
    expect(mcsVariant(`@"a""1m" + x`)).toBeNull();
    expect(mcsVariant(`$"{1.5m:F2} 2m {{3m}} {"{0 - 1}"}"`)).toBe(`$"{((decimal)(object)1.5m):F2} 2m {{3m}} {"{0 - 1}"}"`);
  });
  it("does not touch identifiers, members or other numbers", () => {
    expect(mcsVariant(`v1m + x.m0 + 10 - 2 + 1.5 + 20 - x + 2e5`)).toBeNull();
  });
});

describe("TimeZoneInfo.Utc after ConvertTime cleared the cache (Mono keeps one static Utc)", () => {
  const e = c(`TimeZoneInfo.ConvertTime(new DateTime(0L, DateTimeKind.Utc), TimeZoneInfo.Utc).ToString("o")`);
  it("accepts Mono's Kind Utc where .NET Framework's new CachedData makes the old Utc an ordinary zone", async () => {
    const a = await evaluateWithApimc(e);
    expect(a).toEqual(value("0001-01-01T00:00:00.0000000"));
    expect(await monoEmulationArtefact(e, value("0001-01-01T00:00:00.0000000Z"), a)).toBe(true);
    const d = c(`JsonConvert.SerializeObject(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.MinValue, "UTC"))`);
    const ad = await evaluateWithApimc(d);
    expect(ad).toEqual(value(`"0001-01-01T00:00:00"`));
    expect(await monoEmulationArtefact(d, value(`"0001-01-01T00:00:00Z"`), ad)).toBe(true);
  });
  it("rejects other differences: Local stays stale in both, other ticks do not clear", async () => {
    const local = c(`TimeZoneInfo.ConvertTime(DateTime.MinValue, TimeZoneInfo.Local).ToString("o")`);
    expect(await monoEmulationArtefact(local, value("0001-01-01T00:00:00.0000000+00:00"), await evaluateWithApimc(local))).toBe(false);
    const one = c(`TimeZoneInfo.ConvertTime(new DateTime(1L, DateTimeKind.Utc), TimeZoneInfo.Utc).ToString("o")`);
    expect(await monoEmulationArtefact(one, value("0001-01-01T00:00:00.0000001"), await evaluateWithApimc(one))).toBe(false);
    expect(await monoEmulationArtefact(e, value("0001-01-01T00:00:00.0000000+00:00"), await evaluateWithApimc(e))).toBe(false);
  });
});

describe("Environment.NewLine (Mono/Linux writes \\n where .NET Framework on Windows writes \\r\\n)", () => {
  const json = `JToken.Parse("{\\"x\\":{\\"x\\":1},\\"y\\":[{\\"x\\":2}]}")`;
  it("accepts Mono's positions and escapes when apimc writing \\n gives them", async () => {
    const pos = c(`(${json}.ToString()).LastIndexOf(',', 42).ToString()`);
    const a = await evaluateWithApimc(pos);
    expect(a).toEqual(value("28"));
    expect(await monoEmulationArtefact(pos, value("25"), a)).toBe(true);
    const attr = c(`new XElement("a", new XAttribute("b", ${json}.ToString())).ToString(SaveOptions.DisableFormatting)`);
    const aa = await evaluateWithApimc(attr);
    expect(aa.kind === "value" && aa.text.includes("&#xD;&#xA;")).toBe(true);
    const mono = (aa as { text: string }).text.replaceAll("&#xD;&#xA;", "&#xA;");
    expect(await monoEmulationArtefact(attr, value(mono), aa)).toBe(true);
    const sb = c(`new StringBuilder().AppendLine().AppendLine("a").ToString().Length.ToString()`);
    expect(await monoEmulationArtefact(sb, value("3"), await evaluateWithApimc(sb))).toBe(true);
  });
  it("rejects other differences and cases that write no newline", async () => {
    const pos = c(`(${json}.ToString()).LastIndexOf(',', 42).ToString()`);
    const a = await evaluateWithApimc(pos);
    expect(await monoEmulationArtefact(pos, value("26"), a)).toBe(false);
    expect(await monoEmulationArtefact(pos, value("28"), value("27"))).toBe(false);
    const plain = c(`${json}.ToString(Formatting.None).LastIndexOf(',', 20).ToString()`);
    expect(await monoEmulationArtefact(plain, value("10"), await evaluateWithApimc(plain))).toBe(false);
    expect(await monoEmulationArtefact(c(`"a,b".LastIndexOf(',').ToString()`), value("0"), value("1"))).toBe(false);
  });
});

describe("answers the reference cannot give for .NET Framework (Mono's Span-typed properties under reflection)", () => {
  it("sets aside only Mono's BadImageFormatException for an IsByRefLike type", async () => {
    const { referenceCannotAnswer } = await import("./generate/fuzz.js");
    expect(referenceCannotAnswer(thrown("BadImageFormatException", "Cannot box IsByRefLike type 'System.ReadOnlySpan`1'"))).toBe(true);
    expect(referenceCannotAnswer(thrown("BadImageFormatException", "Bad IL format."))).toBe(false);
    expect(referenceCannotAnswer(thrown("InvalidCastException", "Cannot box IsByRefLike type"))).toBe(false);
    expect(referenceCannotAnswer(value("Cannot box IsByRefLike type"))).toBe(false);
  });
  it("sets aside Mono's InvalidProgramException (mcs emitted invalid IL)", async () => {
    const { referenceCannotAnswer } = await import("./generate/fuzz.js");
    expect(referenceCannotAnswer(thrown("InvalidProgramException", "Invalid IL code in ApimcDifferential.Program:<Case12>m__45 (System.Decimal): IL_001c: ldarg.1"))).toBe(true);
    expect(referenceCannotAnswer(value("InvalidProgramException"))).toBe(false);
  });
});

describe("RSA decryption of data not encrypted to the key (Mono's PKCS#1 decoding answers at random)", () => {
  const shapes = [16, 127, 128, 129].flatMap((n) =>
    ["RSAEncryptionPadding.Pkcs1", "RSAEncryptionPadding.OaepSHA1"].map((p) => c(`BitConverter.ToString(RSA.Create().Decrypt(new byte[${n}], ${p}))`)),
  );
  it("sets aside a case whose apimc answer is a failed decryption, and says Bad Data for short data", async () => {
    const { rsaDecryptHasNoAnswer } = await import("./generate/fuzz.js");
    for (const e of shapes.filter((e) => !e.expr.includes("129"))) {
      const a = await evaluateWithApimc(e);
      expect(a.kind === "throw" && a.type === "CryptographicException", e.expr).toBe(true);
      expect(await rsaDecryptHasNoAnswer(e, a), e.expr).toBe(true);
    }
    expect(await evaluateWithApimc(shapes[1]!)).toEqual(thrown("CryptographicException", "Bad Data."));
  });
  it("keeps cases whose decryption succeeds or fails before decrypting (data longer than the modulus)", async () => {
    const { rsaDecryptHasNoAnswer } = await import("./generate/fuzz.js");
    const block = c(`var r = RSA.Create(); return BitConverter.ToString(r.Decrypt(r.Encrypt(new byte[] { 1, 2 }, RSAEncryptionPadding.Pkcs1), RSAEncryptionPadding.Pkcs1));`, true);
    const a = await evaluateWithApimc(block);
    expect(a).toEqual(value("01-02"));
    expect(await rsaDecryptHasNoAnswer(block, thrown("X"))).toBe(false);
    const long = shapes.find((e) => e.expr.includes("129"))!;
    expect(await rsaDecryptHasNoAnswer(long, await evaluateWithApimc(long))).toBe(false);
    // (a failure the case catches is set aside too: where apimc catches, Mono may have returned bytes)
    const caught = c(`try { return RSA.Create().Decrypt(new byte[16], RSAEncryptionPadding.Pkcs1).Length.ToString(); } catch (Exception) { return "caught"; }`, true);
    expect(await evaluateWithApimc(caught)).toEqual(value("caught"));
    expect(await rsaDecryptHasNoAnswer(caught, value("caught"))).toBe(true);
  });
});

describe("Unix file paths as URIs (Mono reads new Uri(\"/a\") as file:///a)", () => {
  it("accepts a case whose answer depends on a string with one leading '/' parsed as an absolute URI", async () => {
    const { uriUnixPathArtefact } = await import("./generate/fuzz.js");
    for (const expr of [`(new Uri((new Uri("https://h/")).LocalPath + -1, UriKind.Absolute)).Query`, `new Uri("/a%20b/c?x=1").Scheme`, `new Uri("/x", UriKind.RelativeOrAbsolute).IsAbsoluteUri.ToString()`]) {
      const a = await evaluateWithApimc(c(expr));
      expect(await uriUnixPathArtefact(c(expr), value("file"), a)).toBe(true);
    }
  });
  it("rejects cases that never parse such a string as absolute", async () => {
    const { uriUnixPathArtefact } = await import("./generate/fuzz.js");
    for (const expr of [`new Uri("//h/a").Host`, `new Uri("/x", UriKind.Relative).ToString()`, `new Uri("http://h/a").AbsolutePath`, `new Uri(new Uri("http://h/"), "/a").AbsoluteUri`, `"/a".Length.ToString()`]) {
      const a = await evaluateWithApimc(c(expr));
      expect(await uriUnixPathArtefact(c(expr), value("other"), a)).toBe(false);
    }
  });
});

describe("IList<T>.IndexOf of an array (Mono's InternalArray__IndexOf calls Equals on a null element)", () => {
  const null1 = `new string[] { "a", null, "x" }`;
  it("accepts Mono's NullReferenceException where .NET Framework's Array.IndexOf skips the null element", async () => {
    for (const expr of [`Array.AsReadOnly(${null1}).IndexOf("x").ToString()`, `Array.AsReadOnly(new object[] { null, 1 }).IndexOf(2).ToString()`]) {
      const a = await evaluateWithApimc(c(expr));
      expect(a.kind, expr).toBe("value");
      expect(await monoEmulationArtefact(c(expr), thrown("NullReferenceException", "Object reference not set to an instance of an object"), a), expr).toBe(true);
    }
  });
  it("rejects it where Mono finds the value first, looks for null, or the view is over a List", async () => {
    for (const expr of [`Array.AsReadOnly(${null1}).IndexOf("a").ToString()`, `Array.AsReadOnly(${null1}).IndexOf(null).ToString()`, `new List<string> { null, "x" }.AsReadOnly().IndexOf("x").ToString()`, `Array.AsReadOnly(new[] { "b", "x" }).IndexOf("y").ToString()`]) {
      const a = await evaluateWithApimc(c(expr));
      expect(await monoEmulationArtefact(c(expr), thrown("NullReferenceException", "Object reference not set to an instance of an object"), a), expr).toBe(false);
    }
  });
});

describe("Math.Pow's special operands (Mono calls glibc's C99 pow)", () => {
  it("accepts Mono's 1 for Pow(1, NaN), Pow(NaN, 0) and Pow(-1, ±∞) where .NET Framework answers NaN", async () => {
    for (const expr of [`Math.Pow(1, double.NaN).ToString()`, `Math.Pow(double.NaN, -0.0).ToString()`, `Math.Pow(-1, double.NegativeInfinity).ToString()`]) {
      const a = await evaluateWithApimc(c(expr));
      expect(a, expr).toEqual(value("NaN"));
      expect(await monoEmulationArtefact(c(expr), value("1"), a), expr).toBe(true);
    }
  });
  it("rejects other answers: Pow(1, ±∞) is 1 on both, an ordinary NaN stays NaN", async () => {
    for (const [expr, mono] of [[`Math.Pow(1, double.PositiveInfinity).ToString()`, "NaN"], [`Math.Pow(double.NaN, 2).ToString()`, "1"], [`Math.Pow(2, double.NaN).ToString()`, "1"]] as const) {
      expect(await monoEmulationArtefact(c(expr), value(mono), await evaluateWithApimc(c(expr))), expr).toBe(false);
    }
  });
});

describe("long * -2147483648 (Mono's JIT reads the right operand's immediate unsigned)", () => {
  it("accepts Mono's product with +2147483648 for a right operand of -2147483648", async () => {
    for (const [expr, block, mono] of [[`long x = 1L; unchecked { x *= ((long)int.MinValue); } return x.ToString();`, true, "2147483648"], [`(long.Parse("3") * -2147483648L).ToString()`, false, "6442450944"]] as const) {
      const a = await evaluateWithApimc(c(expr, block));
      expect(a.kind, expr).toBe("value");
      expect(await monoEmulationArtefact(c(expr, block), value(mono), a), expr).toBe(true);
    }
  });
  it("rejects it for the left operand, other values and checked products", async () => {
    for (const [expr, mono] of [[`(-2147483648L * long.Parse("3")).ToString()`, "6442450944"], [`(long.Parse("3") * -2147483647L).ToString()`, "6442450941"], [`checked(long.Parse("3") * -2147483648L).ToString()`, "6442450944"]] as const) {
      expect(await monoEmulationArtefact(c(expr), value(mono), await evaluateWithApimc(c(expr))), expr).toBe(false);
    }
  });
});

describe("StringComparer class names (Mono's are corefx's)", () => {
  const e = c(`StringComparer.Ordinal.ToString() + "|" + StringComparer.OrdinalIgnoreCase + "|" + new Dictionary<string, int>(StringComparer.InvariantCulture).Comparer`);
  it("accepts Mono's OrdinalCaseSensitiveComparer/OrdinalIgnoreCaseComparer where .NET Framework has OrdinalComparer", async () => {
    const a = await evaluateWithApimc(e);
    expect(a).toEqual(value("System.OrdinalComparer|System.OrdinalComparer|System.CultureAwareComparer"));
    expect(await monoEmulationArtefact(e, value("System.OrdinalCaseSensitiveComparer|System.OrdinalIgnoreCaseComparer|System.CultureAwareComparer"), a)).toBe(true);
  });
  it("rejects other differences", async () => {
    const a = await evaluateWithApimc(e);
    expect(await monoEmulationArtefact(e, value("System.OrdinalIgnoreCaseComparer|System.OrdinalCaseSensitiveComparer|System.CultureAwareComparer"), a)).toBe(false);
    expect(await monoEmulationArtefact(e, value("System.OrdinalCaseSensitiveComparer|System.OrdinalIgnoreCaseComparer|System.OrdinalComparer"), a)).toBe(false);
    expect(await monoEmulationArtefact(e, value("4|5|2"), a)).toBe(false);
    expect(await monoEmulationArtefact(c(`"System.OrdinalComparer"`), value("System.OrdinalCaseSensitiveComparer"), value("System.OrdinalComparer"))).toBe(false);
  });
});
