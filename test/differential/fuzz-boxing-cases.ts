// Boxed values that must keep their .NET type once they are an `object` (session 24, issue 11): a
// boxed Guid is a Guid, not a string; a boxed enum prints its member name. Each case is a matrix:
// every sink the boxed value can flow into (ToString, concatenation, interpolation, composite
// formatting, string.Join/Concat, Equals, `is`/`as`/unboxing, Dictionary<object, ...> keys, Distinct,
// HashSet, Convert, JValue/JArray/JToken.FromObject/SerializeObject) over values of the class; and
// reference equality, where every boxing makes a new object. Ids fzc.s24.boxing.*.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `fzc.s24.boxing.${id}`, type, expr: body, block: true, ...opts });

/** Statements appending each expression's answer (an exception as its short name) to `r`, comma-separated. */
const tries = (exprs: string[]): string =>
  exprs
    .map(
      (e) =>
        `try { r += (${e}) + ","; } catch (InvalidCastException) { r += "InvalidCast,"; } catch (NullReferenceException) { r += "NullReference,"; } catch (ArgumentException) { r += "Argument,"; } catch (FormatException) { r += "Format,"; }`,
    )
    .join(" ");
const each = (setup: string, exprs: string[]): string => `var r = ""; ${setup} ${tries(exprs)} return r;`;

// ---- Guid ------------------------------------------------------------------------------------------

/** Where a boxed Guid `o` (of the Guid `g`, whose text is `t`) flows. */
const GUID_SINKS = [
  `new JValue(o).Type`, `JToken.FromObject(g).Type`, `JToken.FromObject(o).Type`, `new JArray(o)[0].Type`, `new JArray(g)[0].Type`,
  `new JObject(new JProperty("a", o))["a"].Type`, `new JValue(o).ToString()`, `new JArray(o).ToString(Formatting.None)`, `JsonConvert.SerializeObject(o)`,
  `JsonConvert.SerializeObject(new object[] { g, "x" })`, `JsonConvert.SerializeObject(new { g = g, o = o })`, `new JValue(o).Value is Guid`, `(Guid)new JValue(o).Value == g`,
  `o is Guid`, `o is string`, `(o as string) == null`, `o.Equals(t)`, `t.Equals(o)`, `o.Equals((object)g)`, `object.Equals(o, t)`, `object.Equals(o, o)`, `o == (object)t`,
  `string.Join("|", new object[] { g, g })`, `string.Concat(o, "x")`, `string.Format("{0:N}|{0}|{0:B}", o)`, `$"{o:P}"`, `"" + o`, `o.ToString()`, `((Guid)o).ToString("N")`,
  `(string)o`, `(Guid)(object)t`, `Convert.ToString(o)`, `Convert.GetTypeCode(o)`, `Convert.ToInt32(o)`,
  `new Dictionary<object, int> { [g] = 1, [t] = 2 }.Count`, `new List<object> { g, t, g }.Distinct().Count()`, `new HashSet<object> { g, t, g }.Count`,
  `new object[] { g }.Contains(t)`, `new object[] { g }.Contains(o)`, `new List<object> { g, t }.IndexOf(t)`, `new List<object> { g }.OfType<string>().Count()`,
  `new List<object> { g }.OfType<Guid>().Count()`, `o.GetHashCode() == g.GetHashCode()`, `g.Equals((object)t)`, `g.Equals(o)`, `g.Equals((object)null)`, `g.CompareTo(Guid.Empty)`, `((IComparable)o).CompareTo(o)`,
];
const GUIDS = [`Guid.Empty`, `Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")`, `new Guid("{ca761232-ed42-11ce-bacd-00aa0057b223}")`];

// ---- enums -----------------------------------------------------------------------------------------

/** Every enum type on the surface (compiler/csharp/surface), by the name a policy writes. */
export const SURFACE_ENUMS = [
  "System.Globalization.UnicodeCategory", "NumberStyles", "MidpointRounding", "StringComparison", "StringSplitOptions", "JTokenType", "Formatting",
  "DateTimeKind", "DateTimeStyles", "System.Globalization.TimeSpanStyles", "DayOfWeek", "UriKind", "UriComponents", "UriFormat", "UriHostNameType",
  "UriPartial", "System.Net.Sockets.AddressFamily", "RegexOptions", "System.Xml.XmlNodeType", "LoadOptions", "SaveOptions", "CipherMode", "PaddingMode",
  "RSAEncryptionPaddingMode", "RSASignaturePaddingMode", "OidGroup", "X509ContentType", "X509NameType", "TypeCode",
];
/**
 * The values of each enum tried: zero, one, a combination of two flags (a member of a plain enum),
 * undefined ones (99 is three flags of a [Flags] enum, or no member), a negative one, a value two
 * members share (X509ContentType 3 is Pfx and Pkcs12; AddressFamily 6 and 7).
 */
const ENUM_VALUES = [0, 1, 3, 6, 7, 99, -1];
/** Where an enum value `e` (static type E) flows, boxed and not. */
const enumSinks = (t: string): string[] => [
  `((object)e).ToString()`, `"" + (object)e`, `string.Join("|", new object[] { e, e })`, `string.Concat((object)e, "")`, `$"{(object)e}"`,
  `string.Format("{0}", e)`, `e.ToString()`, `"" + e`, `$"{e}"`, `string.Format("{0:D}|{0:X}|{0:F}|{0:G}", e)`, `$"{(object)e:D}{(object)e:x}"`,
  `e.ToString("D") + e.ToString("x") + e.ToString("F") + e.ToString("g")`, `e.ToString("Q")`, `new List<object> { e }[0].ToString()`,
  `JsonConvert.SerializeObject((object)e)`, `new JValue((object)e).Type`, `JToken.FromObject(e).Type`, `new JArray(e).ToString(Formatting.None)`, `JsonConvert.SerializeObject(new object[] { e })`,
  `((object)e).Equals((int)e)`, `((object)e).Equals((object)e)`, `object.Equals(e, e)`, `((object)e) is int`, `(int)(object)e`, `((object)e) is ${t}`, `((object)(int)e) is ${t}`,
  `(${t})(object)(int)e`, `(${t}?)(object)e`, `(${t})(object)null`, `((object)e) is DayOfWeek`,
  `new Dictionary<object, int> { [e] = 1, [(int)e] = 2 }.Count`, `((object)e).GetHashCode()`, `new List<object> { e, e }.Distinct().Count()`, `new HashSet<object> { e, (int)e }.Count`,
  `Convert.GetTypeCode((object)e)`, `Convert.ToInt32((object)e)`, `Convert.ToString((object)e)`, `Convert.ToInt64((object)e)`,
];

/** decimal operators and operands around zero (runtime values: no constant folding). */
const DECIMAL_OPS = ["+", "-", "*", "/", "%"];
const DECIMAL_OPERANDS = [`decimal.Parse("0")`, `-decimal.Parse("0")`, `decimal.Parse("0.00")`, `-decimal.Parse("0.0")`, `decimal.Parse("1")`, `decimal.Parse("-1")`, `decimal.Parse("-4")`, `decimal.Parse("2.0")`, `decimal.Parse("-0.5")`];

// ---- reference equality ----------------------------------------------------------------------------

/** Values of each kind that boxes (a Nullable with and without a value), and references for contrast. */
const IDENTITY_VALUES = [
  `false`, `1`, `double.NaN`, `-0.0`, `2L`, `1.5m`, `'c'`, `Guid.Empty`, `DayOfWeek.Monday`, `new DateTime(2020, 1, 1)`, `TimeSpan.Zero`,
  `(int?)null`, `(int?)5`, `(bool?)null`, `"lit"`, `(string)null`, `(JToken)null`,
];
/** How two operands meet reference equality: boxed at the call, as `(object)` casts, through an interface, one boxed value twice. */
const identityForms = (v: string): string[] => [
  `object.ReferenceEquals(${v}, ${v})`, `object.ReferenceEquals((object)${v}, (object)${v})`, `(object)${v} == (object)${v}`, `(object)${v} != (object)${v}`,
  `object.ReferenceEquals(${v}, null)`, `object.ReferenceEquals(null, ${v})`, `(object)${v} == null`, `object.ReferenceEquals(${v}, (object)null)`,
  `object.ReferenceEquals(o, o)`, `o == (object)${v}`, `object.ReferenceEquals(o, ${v})`,
];

export const FUZZ_BOXING_CASES: DiffCase[] = [
  // A value boxed by a conversion is a new object: reference equality with anything is false, and
  // both operands still run (seed 34312: ReferenceEquals((object)false, (object)false) was true);
  // a Nullable without a value boxes to null; one box held in a variable is itself
  ...IDENTITY_VALUES.map((v, i) => b(`identity.${i}`, "string", `var r = ""; object o = ${v}; ${identityForms(v).map((e) => `r += (${e}) + ",";`).join(" ")} return r;`)),
  b(
    "identity.order",
    "string",
    `int i = 0; var s = ""; bool a = object.ReferenceEquals(s += i++, i++); bool c = (object)(i += 10) == (object)(s += i); int? n = null; bool d = object.ReferenceEquals(n, s = null); return i + "," + s + "," + a + c + d;`,
  ),
  // A boxed Guid is a Guid: a Guid token, not a string; Equals a string of its text false; its own
  // Dictionary<object, ...> key (apimc boxed a Guid as its text: JValue(object) made a String token)
  ...GUIDS.map((g, i) => b(`guid.sinks.${i}`, "string", each(`var g = ${g}; object o = g; var t = g.ToString();`, GUID_SINKS))),
  b(
    "guid.nullable",
    "string",
    each(`Guid? g = Guid.Empty; Guid? n = null; object o = g; object on = n;`, [
      `o is Guid`, `on == null`, `"" + o + on`, `$"{g}{n}"`, `new JValue(o).Type`, `(Guid?)o`, `(Guid?)on == null`, `(Guid)on`, `JsonConvert.SerializeObject(new object[] { g, n })`,
    ]),
  ),
  // A boxed enum prints its member name ([Flags]: "IgnoreCase, Multiline"; undefined: the number) and
  // keeps its type (apimc boxed an enum as its number: string.Join printed "1")
  ...SURFACE_ENUMS.map((t) => {
    const short = t.slice(t.lastIndexOf(".") + 1);
    return b(`enum.sinks.${short}`, "string", `var r = ""; ${ENUM_VALUES.map((v) => `{ var e = (${t})(${v}); ${tries(enumSinks(t))} r += "/"; }`).join(" ")} return r;`);
  }),
  // JValue(object) of a boxed enum keeps the enum: an Integer token whose ToString() and (string) print
  // the name (Convert.ToString of the value), JSON the number; JToken.FromObject serializes it (a number)
  b(
    "enum.jvalue",
    "string",
    each(`var j = new JValue((object)(RegexOptions.IgnoreCase | RegexOptions.Multiline));`, [
      `j.Type`, `j`, `j.ToString()`, `(string)j`, `(int)j`, `j.ToString(Formatting.None)`, `j.Value`, `j.Value is RegexOptions`, `j.DeepClone()`,
      `new JArray(j).ToString(Formatting.None)`, `new JObject(new JProperty("a", (object)DayOfWeek.Friday))["a"]`, `JToken.FromObject(DayOfWeek.Friday)`,
      `JToken.FromObject(new { d = DayOfWeek.Friday })["d"]`, `JToken.FromObject(new object[] { DayOfWeek.Friday })[0]`, `new JValue((object)(DayOfWeek)9)`,
    ]),
  ),
  // Guid.GetHashCode: .NET Framework's is _a ^ ((_b << 16) | (ushort)_c) ^ ((_f << 24) | _k) (reference
  // source mscorlib/system/guid.cs); Mono's (corefx) XORs the four 32-bit words
  b(
    "guid.hashcode",
    "string",
    each(``, GUIDS.flatMap((g) => [`${g}.GetHashCode()`, `((object)${g}).GetHashCode()`])),
    { expectDotNet: "0,0,-1505432630,-1505432630,657720287,657720287," },
  ),
  // StringComparer.ToString() is its class name: .NET Framework's ordinal comparers are one class,
  // System.OrdinalComparer (reference source StringComparer.cs: `new OrdinalComparer(false)` and
  // `(true)`), the culture ones CultureAwareComparer; Mono's are corefx's OrdinalCaseSensitiveComparer
  // and OrdinalIgnoreCaseComparer (apimc printed the StringComparison code: "4")
  b(
    "stringcomparer.tostring",
    "string",
    `var r = ""; foreach (var c in new[] { StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase, StringComparer.InvariantCulture, StringComparer.InvariantCultureIgnoreCase, StringComparer.CurrentCulture, StringComparer.CurrentCultureIgnoreCase, StringComparer.Create(CultureInfo.InvariantCulture, true) }) r += c.ToString() + "|" + c + "|" + $"{c}" + "|" + new Dictionary<string, int>(c).Comparer.ToString() + "|" + new HashSet<string>(c).Comparer + ";"; return r;`,
    {
      expectDotNet: [..."OOCCCCC"].map((k) => Array(5).fill(k === "O" ? "System.OrdinalComparer" : "System.CultureAwareComparer").join("|") + ";").join(""),
    },
  ),
  // decimal keeps the sign of a zero (decimal.GetBits' bit 31; (double) of it is -0.0): runtime negation,
  // a zero product/quotient of unlike signs, a zero sum or difference whose first operand is negative, a
  // zero remainder of a negative dividend, a negative value rounded to zero, new decimal(.., true, ..),
  // Parse of "-0.0"; a constant folds as the C# compiler emits it (-0m and 0m * -1m are 0, -0.0m is -0.0)
  // (apimc's decimal had no negative zero; seeds 34390, 34302)
  ...DECIMAL_OPS.map((op, i) =>
    b(`decimal.negzero.op.${i}`, "string", `var r = ""; var xs = new[] { ${DECIMAL_OPERANDS.join(", ")} }; foreach (var x in xs) foreach (var y in xs) { try { var v = x ${op} y; r += decimal.GetBits(v)[3] + ":" + v + ","; } catch (DivideByZeroException) { r += "DivideByZero,"; } } return r;`),
  ),
  b(
    "decimal.negzero.members",
    "string",
    `var z = decimal.Parse("0"); var z1 = decimal.Parse("0.0"); var m1 = decimal.Parse("-1"); var p1 = decimal.Parse("1"); var nz = -z; var nz1 = -z1; Func<decimal, string> g = d => string.Join(",", decimal.GetBits(d)); ` +
      `return string.Join(" ", new[] { g(nz), g(nz1), g(Math.Round(decimal.Parse("-0.4"))), g(decimal.Truncate(decimal.Parse("-0.4"))), g(decimal.Ceiling(decimal.Parse("-0.4"))), g(decimal.Floor(nz1)), g(Math.Round(decimal.Parse("-0.04"), 1)), g(Math.Round(decimal.Parse("-0.5"), MidpointRounding.AwayFromZero)), g(Math.Round(decimal.Parse("-0.45"), 1, MidpointRounding.AwayFromZero)), g(Math.Abs(nz)), g(decimal.Negate(z)), g(decimal.Negate(nz)), g(new decimal(0, 0, 0, true, 2)), g(decimal.Multiply(z, m1)), g(decimal.Divide(z, m1)), g(decimal.Remainder(nz, p1)), g(decimal.Add(m1, p1)), g(decimal.Subtract(m1, m1)), g(Math.Max(nz, z)), g(Math.Min(z, nz)), nz.ToString(), nz1.ToString(), nz1.ToString("F2"), (1 / (double)nz).ToString(), JsonConvert.SerializeObject(nz1), new JValue(nz1).ToString(), (nz == z).ToString(), nz.CompareTo(z).ToString(), Math.Sign(nz).ToString(), g(-0m), g(-0.0m), g(-(0.0m)), g(0m * -1m), g(0.0m * -1m), g(decimal.Round(decimal.Parse("-0.4"))), g(nz * nz), (nz.GetHashCode() == z.GetHashCode()).ToString(), g(Convert.ToDecimal("-0")), g(decimal.Parse("-0.0")), g(decimal.Parse("-0")), g((decimal)(-0.0f)), g((decimal)(-0.0)), g(new List<decimal>().Sum()), g(new[] { nz }.Sum()), g(-new List<decimal>().FirstOrDefault()), g(decimal.Parse("0") / decimal.MinValue) });`,
  ),
  // a product or quotient that underflows to zero keeps the sign (not past 47 decimals: plain 0); a
  // rounding to zero keeps its scale (seed 34305)
  b(
    "decimal.negzero.underflow",
    "string",
    `Func<decimal, string> g = d => string.Join(",", decimal.GetBits(d)); return string.Join(" ", new[] { g(Math.Round((0m - 0.1m), MidpointRounding.AwayFromZero)), g(-2.5m / decimal.Parse("79228162514264337593543950335")), g(decimal.Round(-(0.0000000000000000000000000001m), 5, MidpointRounding.ToEven)), g(decimal.Parse("1") / decimal.Parse("-79228162514264337593543950335")), g(decimal.Parse("0.0000000000000000000000000001") * decimal.Parse("-0.1")), g(decimal.Parse("0.0000000000000000000001") * decimal.Parse("-0.00000000000000000000000001")), g(decimal.Parse("-0.0000000000000000000001") * decimal.Parse("-0.00000000000000000000000001")), g(decimal.Parse("-12345678901234567890") * decimal.Parse("0.000000000000000000000000001")) });`,
  ),
];
