// Differential cases for the number, decimal, conversion and date/time areas found by the generator
// (npm run fuzz:csharp, seeds 3000-3999): each catches a class of inputs (a matrix of values and
// operators) rather than the one input the fuzzer shrank to. Pushed onto CASES by cases.ts.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id, type, expr: body, block: true, ...opts });

/** Decimals whose scale and mantissa width (32, 64, 96 bits) steer .NET's VarDecMul/VarDecDiv/VarDecMod. */
// (parsed, not literals: mcs compiles a zero literal such as 0.00m without its scale, Roslyn keeps it)
const DECIMALS = ["0", "0.00", "1.50", "-2.5", "123.456", "79228162514264337593543950335", "-79228162514264337593543950335", "0.1", "7.00", "1e-28", "-7.5", "3", "1000000000000", "0.3333333333333333333333333333", "2.0000000000000000000000000001", "79228162514264337593543950.335", "0.0000000000000000000000000000", "-0.000"];
/** Every pair of DECIMALS through one operator: the result's text (its scale) or which exception. */
const decimalMatrix = (op: string, skip = "false") =>
  `var xs = new[] { ${DECIMALS.map((d) => `"${d}"`).join(", ")} }.Select(s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray(); var r = new List<string>(); foreach (var a in xs) foreach (var b in xs) { if (${skip}) continue; try { r.Add((a ${op} b).ToString()); } catch (OverflowException) { r.Add("overflow"); } catch (DivideByZeroException) { r.Add("div0"); } } return string.Join(",", r);`;

/** Doubles whose boxes differ: integral (in and beyond int and 2^53), fractional, huge, tiny, ±0, non-finite. */
const DOUBLES = `0.0, -0.0, 1.0, -1.0, 2147483648.0, 1e15, 1e16, 123456789012345680.0, 1e21, double.MaxValue, double.MinValue, 0.1, 1e-7, -2.5, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 4.35, 1.0 / 3`;
/** Each of DOUBLES boxed to object at run time (a local of type object), then used through `use`. */
const boxedDoubles = (use: string) => `var xs = new double[] { ${DOUBLES} }; var r = new List<string>(); foreach (var d in xs) { object o = d; r.Add(${use}); } return string.Join(",", r);`;

/** The IConvertible matrix: each boxed value through each Convert.ToX(object), the value or which exception. */
const CONVERT_TARGETS = ["Boolean", "Char", "Int32", "Int64", "Byte", "SByte", "Int16", "UInt16", "UInt32", "UInt64", "Double", "Single", "Decimal", "DateTime"];
const convertMatrix = (values: string) =>
  `var xs = new object[] { ${values} }; var r = new List<string>(); foreach (var o in xs) { ${CONVERT_TARGETS.map((t) => `try { r.Add("${t}=" + Convert.To${t}(o)); } catch (InvalidCastException) { r.Add("${t}!cast"); } catch (FormatException) { r.Add("${t}!format"); } catch (OverflowException) { r.Add("${t}!overflow"); }`).join(" ")} } return string.Join(",", r);`;

/** Convert.ToXxx(string, fromBase) for every target and base over texts that probe signs, prefixes, widths and junk. */
const BASE_TEXTS = ["0", "1", "-1", "+7", "-0", "7f", "80", "ff", "FF", "100", "7fff", "8000", "ffff", "10000", "7fffffff", "80000000", "ffffffff", "100000000", "ffffffffffffffff", "10000000000000000", "0x1A", "0X1a", "-0x1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775808", "-9223372036854775808", "18446744073709551615", "", " 1", "1 ", "12a", "z", "11111111111111111111111111111111", "777", "8", "2"];
const baseMatrix = (target: string) =>
  `var r = new List<string>(); foreach (var s in new[] { ${BASE_TEXTS.map((t) => JSON.stringify(t)).join(", ")} }) foreach (var b in new[] { 2, 8, 10, 16 }) { try { r.Add(Convert.To${target}(s, b).ToString()); } catch (FormatException) { r.Add("format"); } catch (OverflowException) { r.Add("overflow"); } catch (ArgumentOutOfRangeException) { r.Add("range"); } catch (ArgumentException) { r.Add("arg"); } } return string.Join(",", r);`;

/** Dates whose tick counts a double cannot hold exactly (beyond 2^53), odd ticks, both ends of the range. */
const DATES = `DateTime.MinValue, DateTime.MaxValue, new DateTime(637134336000000001), new DateTime(2020, 2, 29), new DateTime(1999, 12, 31, 23, 59, 59, 999), DateTime.MinValue.AddTicks(1), new DateTime(2019, 6, 30, 12, 0, 0, DateTimeKind.Utc).AddTicks(-1)`;

export const NUMBERS_CASES: DiffCase[] = [
  // An integral zero has no sign: -4 % 2, -1 / 2 and -0L are 0 in .NET; JS's -0 showed as "-0" once
  // boxed (XAttribute, Convert.ToDouble). Run time over int, long and short operands; constant folding.
  b("fz.integral.zero.sign.matrix", "string", `var r = new List<string>(); foreach (var a in new[] { 0, -1, -2, -4, int.MinValue, 4, -7 }) foreach (var d in new[] { 2, -2, 1, -1, 4, 8 }) { try { object m = a % d; object q = a / d; object lm = (long)a % d; object lq = (long)a / d; object sm = (short)(a % 1000) % (short)d; object sq = (short)(a % 1000) / (short)d; r.Add(new XAttribute("m", m).Value + "," + new XAttribute("q", q).Value + "," + Convert.ToDouble(lm).ToString("R") + "," + Convert.ToDouble(lq).ToString("R") + "," + new XAttribute("s", sm).Value + "," + Convert.ToDouble(sq).ToString("R")); } catch (OverflowException) { r.Add("overflow"); } } return string.Join("|", r);`),
  // Nullable<T>.GetValueOrDefault(x) is a call: x is evaluated (and may throw) whether or not there is a value.
  b("fz.nullable.getvalueordefault.argument.evaluated", "string", `var n = 0; Func<int, int> f = v => { n++; return v; }; int? some = 5; int? none = null; double? d = 1.5; DateTime? t = null; var r = new List<string>(); r.Add(some.GetValueOrDefault(f(1)) + "," + none.GetValueOrDefault(f(2)) + "," + d.GetValueOrDefault(f(3)) + "," + t.GetValueOrDefault(DateTime.MinValue.AddDays(f(4))).Day + ",n=" + n); foreach (var x in new int?[] { 7, null }) { try { r.Add(x.GetValueOrDefault(new List<int>().First()).ToString()); } catch (InvalidOperationException) { r.Add("first"); } try { r.Add(((double?)x).GetValueOrDefault(new List<double>().Average()).ToString()); } catch (InvalidOperationException) { r.Add("average"); } } return string.Join("|", r);`),
  c("fz.integral.zero.sign.constants", "string", `new XAttribute("a", int.MinValue % 2).Value + new XAttribute("b", -1 / 2).Value + new XAttribute("c", -4L % 2L).Value + new XAttribute("d", -1L / 2L).Value + new XAttribute("e", -0L).Value + Convert.ToDouble((object)(-3 % 3)).ToString("R") + Convert.ToDouble((object)(-(long)0)).ToString("R")`),
  // DateTime/DateTimeOffset arithmetic in exact ticks (a difference of two 2020 dates has ticks beyond 2^53)
  b("fz.datetime.subtract.matrix", "string", `var xs = new[] { ${DATES} }; var r = new List<string>(); foreach (var a in xs) foreach (var b in xs) r.Add(a.Subtract(b).Ticks + "/" + (a - b) + "/" + (a - b).Days + ":" + (a - b).Hours + ":" + (a - b).Milliseconds); return string.Join(",", r);`),
  b("fz.datetime.add.ticks.matrix", "string", `var xs = new[] { ${DATES} }; var r = new List<string>(); foreach (var a in xs) foreach (var t in new[] { 1L, -1L, 9999L, 10000L, -123456789L }) { try { r.Add(a.Add(TimeSpan.FromTicks(t)).ToString("o") + "|" + a.Subtract(TimeSpan.FromTicks(t)).ToString("o") + "|" + new DateTimeOffset(DateTime.SpecifyKind(a, DateTimeKind.Utc)).Add(TimeSpan.FromTicks(t)).ToString("o")); } catch (ArgumentOutOfRangeException) { r.Add("range"); } } return string.Join(",", r);`),
  c("fz.datetimeoffset.subtract.max", "TimeSpan", `(new DateTimeOffset(2020, 12, 31, 23, 0, 0, TimeSpan.FromHours(5.5))).Subtract(DateTimeOffset.MaxValue)`),
  c("fz.timespan.totalms.clamped", "string", `TimeSpan.MaxValue.TotalMilliseconds + "|" + TimeSpan.MinValue.TotalMilliseconds`),
  // Convert.ToXxx(string, fromBase) and Convert.ToString(value, toBase): ParseNumbers' rules, the value's own width
  ...["Int32", "Int64", "Byte", "SByte", "Int16", "UInt16", "UInt32", "UInt64"].map((t) => b(`fz.convert.frombase.${t.toLowerCase()}`, "string", baseMatrix(t))),
  b("fz.convert.tobase", "string", `var r = new List<string>(); foreach (var b in new[] { 2, 8, 10, 16 }) { r.Add(Convert.ToString(-1L, b) + "|" + Convert.ToString(long.MinValue, b) + "|" + Convert.ToString(-1, b) + "|" + Convert.ToString(int.MinValue, b) + "|" + Convert.ToString((short)-1, b) + "|" + Convert.ToString((short)-32768, b) + "|" + Convert.ToString((byte)255, b) + "|" + Convert.ToString(4294967296L, b) + "|" + Convert.ToString(0, b)); } return string.Join(",", r);`),
  c("fz.convert.tobase.invalid", "string", `Convert.ToString(5, 3)`),
  // small integral types' CompareTo returns the difference; long.MinValue % -1 overflows
  c("fz.compareto.small", "string", `((byte)0).CompareTo((byte)255) + "|" + ((sbyte)-128).CompareTo((sbyte)127) + "|" + ((short)-32768).CompareTo((short)32767) + "|" + ((ushort)0).CompareTo(ushort.MaxValue) + "|" + 0.CompareTo(int.MaxValue) + "|" + 0L.CompareTo(5L) + "|" + 'a'.CompareTo('z')`),
  c("fz.long.minvalue.mod.minus1", "long", `long.Parse("-9223372036854775808") % -1L`),
  // a boxed char is a Char, not a 1-char string: type tests, Convert, equality, formatting, keys
  b("fz.boxed.char.matrix", "string", `var xs = new char[] { 'a', '0', '\\n', '\\u00e9', char.MaxValue, (char)127 }; var r = new List<string>(); foreach (var c in xs) { object o = c; r.Add((o is char) + ":" + (o is string) + ":" + (o as string ?? "-") + ":" + o + ":" + o.ToString() + ":" + o.Equals(c) + ":" + o.Equals((object)c) + ":" + o.Equals(c.ToString()) + ":" + ((char)o == c) + ":" + string.Format("{0}|{0,3}|{0:X}", o) + ":" + $"{o}" + ":" + Convert.ToString(o) + ":" + o.Equals('a') + ":" + (o as char?)); } return string.Join(",", r);`),
  b("fz.convert.object.chars", "string", convertMatrix(`'a', '0', (char)200, char.MaxValue, "a", "7"`)),
  b("fz.convert.object.numbers", "string", convertMatrix(`1, -1, 300, 65536, 1L, 4294967296L, 1.5, 2.5, double.NaN, 1e15, 1.5f, 1.5m, (byte)7, (short)-7, (ushort)7, (uint)7, ulong.MaxValue, true, false`)),
  b("fz.boxed.char.collections", "string", `var l = new List<object> { 'a', "a", 'b', 1, 1L }; var d = new Dictionary<object, int> { ['a'] = 1, [1L] = 2, [1.5m] = 3 }; return l.IndexOf('a') + ":" + l.Contains("b") + ":" + l.Contains('b') + ":" + l.Count(x => x is char) + ":" + string.Join("|", l) + ":" + string.Concat(l) + ":" + string.Join("|", l.OfType<char>()) + ":" + l.IndexOf(1L) + ":" + d.ContainsKey('a') + ":" + d.ContainsKey("a") + ":" + d.ContainsKey(1L) + ":" + d.ContainsKey(1) + ":" + d.ContainsKey(1.50m) + ":" + d[(object)'a'] + ":" + JsonConvert.SerializeObject(new object[] { 'a', (object)'b' });`),
  // Math.Round of constants rounds half to even (Mono's JIT folds them half away from zero: the
  // generator boxes Math.Round's argument, generator.ts)
  c("fz.math.round.const", "string", `Math.Round(0.5) + "|" + Math.Round(1.5) + "|" + Math.Round(2.5) + "|" + Math.Round(-0.5) + "|" + Math.Round(-2.5) + "|" + Math.Round(0.5, MidpointRounding.AwayFromZero) + "|" + Math.Round(1.25, 1)`, {
    // https://learn.microsoft.com/dotnet/api/system.math.round: "Math.Round(2.5) returns 2", half to even
    expectDotNet: "0|2|2|0|-2|1|1.2",
  }),
  // double boxed to object: an integral double prints as a double (1E+15), not as the int it looks like
  b("fz.boxed.double.concat", "string", boxedDoubles(`"" + o`)),
  b("fz.boxed.double.tostring", "string", boxedDoubles(`o.ToString() + "/" + string.Format("{0}|{0,8}|{0:R}|{0:F2}", o) + "/" + $"{o}|{o:E2}"`)),
  b("fz.boxed.double.typetests", "string", boxedDoubles(`(o is int) + ":" + (o is double) + ":" + (o is long) + ":" + o.Equals(d) + ":" + o.Equals((int)1) + ":" + o.Equals(1L) + ":" + object.Equals(o, (object)d) + ":" + o.Equals((object)(float)d) + ":" + o.GetHashCode().Equals(d.GetHashCode())`)),
  b("fz.boxed.double.unbox", "string", boxedDoubles(`((double)o).ToString("R") + ":" + (o as double?) + ":" + Convert.ToString(o) + ":" + ((o is double x) ? x * 2 : -1)`)),
  c("fz.boxed.double.constants", "string", `"x" + (object)double.MaxValue + "|" + (object)1e15 + "|" + (object)0.1f + "|" + (object)1.0 + "|" + (object)(-0.0) + "|" + string.Concat((object)1e15, (object)2.0, (object)1e-7)`),
  c("fz.boxed.double.object", "object", `(object)(1e-7)`),
  c("fz.boxed.double.object.integral", "object", `(object)(1e15)`),
  c("fz.boxed.double.list", "List<object>", `new List<object> { 1e15, 2.0, 0.5, 1, 1L, 1.5f, 1e-7 }`),
  // decimal: the scale of results. % returns a dividend smaller than the divisor (or zero) as it is,
  // else the exact remainder at the larger scale; a product of wide mantissas that is zero is a plain
  // 0; an inexact quotient drops its trailing zeros (1m / decimal.MaxValue is 0, not 0.000…0).
  c("fz.decimal.mod.small", "string", `(0m % 1.50m) + "|" + (-2.5m % 123.456m) + "|" + (0.1m % 1.50m) + "|" + (1.50m % 1.50m) + "|" + (decimal.MaxValue % -2.5m)`),
  c("fz.decimal.div.zero", "decimal", `decimal.Divide(0.0000000000000000000000000001m, decimal.MaxValue)`),
  c("fz.decimal.mul.zero", "decimal", `((decimal.MaxValue % -2.5m) * decimal.MinValue) * 1m`),
  // (a 96-bit divisor of the dividend's full width is left out of %: Mono's remainder is not the exact one there)
  b("fz.decimal.matrix.mod", "string", decimalMatrix("%", `b == 2.0000000000000000000000000001m && Math.Abs(a) == decimal.MaxValue`)),
  b("fz.decimal.matrix.mul", "string", decimalMatrix("*")),
  b("fz.decimal.matrix.div", "string", decimalMatrix("/")),
  b("fz.decimal.matrix.add", "string", decimalMatrix("+")),
  b("fz.decimal.matrix.sub", "string", decimalMatrix("-")),
  // Constant expressions (C# spec): a conditional is a constant only when its test and both branches
  // are; `null ?? x`, static readonly fields (bool.TrueString, BitConverter.IsLittleEndian) never are.
  // So none of these overflow at compile time: they wrap at run time (or throw in checked code).
  b("fz.constant.conditional.nonconstant", "string", `int x = 3; long y = 2; uint u = 1; return (int.MaxValue * (false ? x : -17)) + "|" + (int.MaxValue + (true ? 1 : x)) + "|" + (int.MinValue - (false ? x : 1)) + "|" + (long.MaxValue * (false ? y : 2L)) + "|" + (int.MaxValue * -(false ? x : 17)) + "|" + (int.MaxValue * (int)(false ? x : 17L)) + "|" + (int.MaxValue * (BitConverter.IsLittleEndian ? 2 : 3)) + "|" + (uint.MaxValue + (true ? 1u : u)) + "|" + (int.MaxValue * (false ? x : -17) / 2) + "|" + ((short)(true ? 40000 : x)) + "|" + (int.MaxValue << (false ? x : 1)) + "|" + (bool.TrueString.Length + int.MaxValue) + "|" + (int.MaxValue + (null ?? "ab").Length);`),
  b("fz.constant.conditional.checked", "int", `int x = 3; return checked(int.MaxValue + (false ? x : 1));`),
  b("fz.constant.conditional.checked.cast", "short", `short x = (short)(0); checked { x *= (short)(false ? int.Parse("65536") : int.MaxValue); } return x;`),
  b("fz.constant.conditional.const", "string", `int x = 3; const int k = true ? 5 : 6; return (int.MaxValue - k + (x > 0 ? 1 : 0)) + "|" + (int.MaxValue * (BitConverter.IsLittleEndian ? 1 : 2));`),
  b("fz.constant.conditional.division", "int", `int x = -1; return int.MinValue / (false ? x : -1);`),
  // double.Parse and "R"'s round-trip test convert digits to a double as .NET Framework does
  // (runtime number-to-double.ts): 18 digits at most, a lossy product, denormals truncated.
  b("fz.double.r.denormal.matrix", "string", `var r = new List<string>(); for (long k = 1; k < 4000000000000000L; k = k * 3 + 1) { var d = double.Epsilon * k; r.Add(d.ToString("R") + "/" + double.Parse(d.ToString("R"), CultureInfo.InvariantCulture).Equals(d) + "/" + d); } return string.Join(",", r);`),
  b("fz.double.r.decades.matrix", "string", `var r = new List<string>(); for (int i = -330; i < 309; i += 3) { foreach (var m in new[] { 1.0 / 3, 2.0 / 3, 0.7, 0.123456789012345678, 0.9999999999999999 }) { var d = m * double.Parse("1E" + i, CultureInfo.InvariantCulture); r.Add(d.ToString("R") + "/" + ((float)d).ToString("R")); } } return string.Join(",", r);`),
  b("fz.double.parse.digits.matrix", "string", `var r = new List<string>(); foreach (var s in new[] { "0.1000000000000000055511151231257827021181583404541015625", "123456789012345678901234567890", "9007199254740993", "9007199254740993.000000000001", "2.4703282292062327E-324", "2.4703282292062328E-324", "4.9406564584124654E-324", "1.7976931348623157E+308", "1.7976931348623158E+308", "1.797693134862315807E+308", "2.2250738585072011E-308", "2.2250738585072012E-308", "7.2057594037927933E+16", "1e-320", "3.3e-320", "8.98846567431158E+307", "0.30000000000000004", "5e-324", "1.00000000000000011102230246251565404236316680908203125", "1.000000000000000111022302462515654042363166809082031250001", "3.4028235677973366E+38", "1.401298464324817E-45", "7.00649232162408E-46" }) { var d = double.Parse(s, CultureInfo.InvariantCulture); r.Add(d.ToString("R") + "/" + BitConverter.DoubleToInt64Bits(d) + "/" + (d < 3.4E38 ? float.Parse(s, CultureInfo.InvariantCulture).ToString("R") : "-")); } return string.Join(",", r);`),
  // Math.Log(a, newBase), Max and Min of the .NET Framework reference source (NaN first, the second of
  // two equal zeros), over every pair of special values; and each integral overload's own type.
  b("fz.math.log.max.min.matrix", "string", `var xs = new[] { 0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 10.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1e308 }; var r = new List<string>(); foreach (var a in xs) foreach (var b in xs) r.Add(Math.Log(a, b).ToString("R") + ";" + (1 / Math.Max(a, b)).ToString("R") + ";" + (1 / Math.Min(a, b)).ToString("R") + ";" + (1 / Math.Max((float)a, (float)b)).ToString("R") + ";" + (1 / Math.Min((float)a, (float)b)).ToString("R")); return string.Join(",", r);`),
  c("fz.math.overloads.0", "byte", `Math.Max((byte)1, (byte)200)`),
  c("fz.math.overloads.1", "sbyte", `Math.Min((sbyte)-1, (sbyte)-100)`),
  c("fz.math.overloads.2", "short", `Math.Min((short)-1, (short)-100)`),
  c("fz.math.overloads.3", "ushort", `Math.Max((ushort)1, (ushort)65535)`),
  c("fz.math.overloads.4", "uint", `Math.Min(4000000000u, 3u)`),
  c("fz.math.overloads.5", "ulong", `Math.Max(ulong.MaxValue, 1UL)`),
  c("fz.math.overloads.6", "ulong", `Math.Min(ulong.MaxValue, 18446744073709551614UL)`),
  c("fz.math.overloads.7", "float", `Math.Max(1.5f, 2.5f)`),
  c("fz.math.overloads.8", "long", `Math.Max(1, 2L)`),
  c("fz.math.overloads.9", "ushort", `Math.Max('a', 'b')`),
  c("fz.math.overloads.10", "short", `Math.Abs((short)-5)`),
  c("fz.math.overloads.11", "sbyte", `Math.Abs((sbyte)-5)`),
  c("fz.math.overloads.12", "string", `Math.Sign((short)-5) + "|" + Math.Sign((sbyte)0) + "|" + Math.Sign(-1.5f) + "|" + Math.Sign(-0.0f)`),
  c("fz.math.overloads.13", "float", `Math.Min(float.NaN, 1f)`),
  c("fz.math.overloads.14", "double", `Math.Max(1f, 2.5)`),
  c("fz.math.abs.short.min", "int", `Math.Abs(short.MinValue)`),
  b("fz.math.abs.sbyte.min", "string", `sbyte s = sbyte.MinValue; return Math.Abs(s).ToString();`),
  c("fz.math.sign.float.nan", "int", `Math.Sign(float.NaN)`),
  // Math.Round(double, digits, mode) on the binary value, as the reference source's InternalRound
  b("fz.math.round.digits.matrix", "string", `var xs = new double[] { 0.5, 1.5, 2.5, -0.5, -2.5, 1.005, 2.675, 1.25, 1.35, -1.25, 16777217f, 1e15 + 0.5, 4503599627370497, 9007199254740993, 1e16, 123.456789, -0.0, 0.125, 0.375, 2.5e-15, 1.0000000000000002, double.Epsilon, 5e15 + 0.5, 0.285, 1.115, 10.005 }; var r = new List<string>(); foreach (var x in xs) foreach (var d in new[] { 0, 1, 2, 3, 15 }) r.Add(Math.Round(x, d).ToString("R") + "/" + Math.Round(x, d, MidpointRounding.AwayFromZero).ToString("R") + "/" + (1 / Math.Round(x, d, MidpointRounding.AwayFromZero)).ToString("R")); foreach (var x in xs) r.Add(Math.Round(x).ToString("R") + "/" + Math.Round(x, MidpointRounding.AwayFromZero).ToString("R")); return string.Join(",", r);`),
  c("fz.math.round.mode.invalid", "double", `Math.Round(1.5, 1, (MidpointRounding)5)`),
  // Mono gives 1 (its Round(x, 0) does not take COMDouble::Round's tie check); .NET Framework's InternalRound
  // calls Round(double), which sees 0.49999999999999994 + 0.5 == 1.0 as a tie of odd 1 and returns 0
  // (referencesource mscorlib/system/math.cs InternalRound; clr classlibnative/float/floatdouble.cpp Round).
  c("fz.math.round.digits.below.half", "double", `Math.Round(0.49999999999999994, 0) + Math.Round(0.49999999999999994)`, { expectDotNet: "0" }),
  // decimal → double as VarR8FromDec: the 96-bit mantissa as a double divided by the double 10^scale
  b("fz.decimal.to.double.matrix", "string", `var xs = new[] { "0.0000000000000000000000000001", "1.1", "0.1", "79228162514264337593543950335", "7.9228162514264337593543950335", "123.456", "-0.3333333333333333333333333333", "2.675", "1e-10", "18446744073709551615.5", "0.0000000000000000000000000005", "4.35", "1000000000000000000000000.1" }; var r = new List<string>(); foreach (var s in xs) { var d = decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture); r.Add(((double)d).ToString("R") + "/" + decimal.ToDouble(d).ToString("R") + "/" + Convert.ToDouble(d).ToString("R") + "/" + ((float)d).ToString("R")); } return string.Join(",", r);`),
  // Standard vs custom numeric formats: .NET Framework's ParseFormatSpecifier reads a letter and a precision
  // whose digit loop stops once it reaches 10, so "F12" and "F012" are standard and "F123" is custom text
  ...[
    ["int", "1234", "-42"],
    ["long", "1234567890123L", "-42L"],
    ["short", "(short)1234", "(short)-42"],
    ["byte", "(byte)200", "(byte)7"],
    ["ulong", "18446744073709551615UL", "0UL"],
    ["double", "1234.5678", "-0.5"],
    ["float", "1234.5678f", "-0.5f"],
    ["decimal", "1234.5678m", "-0.5m"],
  ].map(([type, a, z]) =>
    b(`fz.s23.numfmt.specifier.${type}`, "string", `var vs = new ${type}[] { ${a}, ${z} }; var r = new List<string>(); foreach (var f in new[] { "C", "D", "E", "F", "G", "N", "P", "R", "X", "c", "d", "e", "f", "g", "n", "p", "r", "x", "A", "Z", "a", "z" }) foreach (var t in new[] { "", "0", "9", "10", "12", "99", "012", "123", "0123", "007", "100", "1000", "5x", "1 " }) foreach (var v in vs) { try { r.Add(v.ToString(f + t, CultureInfo.InvariantCulture)); } catch (FormatException) { r.Add("!F"); } } return string.Join("|", r);`),
  ),
  // new Guid(byte[]): a null array is ArgumentNullException "b" before the length check
  b("fz.s23.guid.bytes.ctor", "string", `var r = new List<string>(); foreach (var a in new byte[][] { null, new byte[0], new byte[15], new byte[16], new byte[17], new RSAParameters().DQ, Encoding.UTF8.GetBytes("0123456789abcdef") }) { try { r.Add(new Guid(a).ToString()); } catch (ArgumentNullException e) { r.Add("null:" + e.Message.Replace("\\r", "")); } catch (ArgumentException e) { r.Add("arg:" + e.Message.Replace("\\r", "")); } } return string.Join("|", r);`),
  // StringWriter's Encoding is new UnicodeEncoding(false, false): no byte order mark, so not Equal to Encoding.Unicode (seed 34103)
  b("fz.s23.stringwriter.encoding", "string", `var e = new System.IO.StringWriter().Encoding; var c = (Encoding)e.Clone(); return e.GetPreamble().Length + "|" + Encoding.Unicode.GetPreamble().Length + "|" + e.Equals(Encoding.Unicode) + "|" + Encoding.Unicode.Equals(e) + "|" + e.Equals(new System.IO.StringWriter().Encoding) + "|" + e.WebName + "|" + e + "|" + c.GetPreamble().Length + "|" + c.Equals(e) + "|" + e.IsReadOnly + "|" + c.IsReadOnly + "|" + ((Encoding)Encoding.UTF8.Clone()).GetPreamble().Length;`),
  // TimeSpan.FromX(double) rounds to whole milliseconds (TimeSpan.Interval) and keeps every tick of long spans (seeds 34101, 34200)
  b("fz.s23.timespan.from.double.long", "string", `var r = new List<string>(); foreach (var v in new double[] { 1e15 / 2.675, 900719925474.0993, 9007199254740.993, 922337203685.4775, -922337203685.4775, 123456789012.3456, 0.0005, -0.0005, 1.5e-4, 2.675e14 }) { r.Add(TimeSpan.FromMilliseconds(v).Ticks + ";" + TimeSpan.FromSeconds(v / 1000).Ticks + ";" + TimeSpan.FromMinutes(v / 60000).Ticks + ";" + TimeSpan.FromHours(v / 3600000).Ticks + ";" + TimeSpan.FromDays(v / 86400000).Ticks); try { r.Add(TimeSpan.FromSeconds(new TimeSpan((long)(v * 10000)).TotalMilliseconds).ToString()); } catch (OverflowException) { r.Add("overflow"); } } foreach (var sec in new double[] { 900719925474.0993, 922337203685.4775, -922337203685.4775, 123456789012.3456, 31536000000.5, 9007199254.740993 }) { try { r.Add(TimeSpan.FromSeconds(sec).Ticks + ";" + TimeSpan.FromMinutes(sec / 60).Ticks + ";" + TimeSpan.FromHours(sec / 3600).Ticks); } catch (OverflowException) { r.Add("overflow"); } } return string.Join("|", r);`),
  // an element in the xmlns namespace cannot be written: XmlWriter reserves the prefix (seed 34200)
  b("fz.s23.xml.element.xmlns.namespace", "string", `var r = new List<string>(); var e = new XElement(XNamespace.Xmlns.GetName("a"), 1); r.Add(e.Name.LocalName + "|" + e.Name.NamespaceName); try { r.Add(e.ToString()); } catch (ArgumentException x) { r.Add("A:" + x.Message); } try { r.Add(new XElement("p", e).ToString(SaveOptions.DisableFormatting)); } catch (ArgumentException x) { r.Add("A:" + x.Message); } try { var sw = new StringWriter(); e.Save(sw); r.Add(sw.ToString()); } catch (ArgumentException x) { r.Add("A:" + x.Message); } try { r.Add(new XElement(XNamespace.Xml.GetName("b"), 2).ToString()); } catch (ArgumentException x) { r.Add("A:" + x.Message); } try { r.Add(new XElement("c", new XAttribute(XNamespace.Xmlns.GetName("q"), "urn:q")).ToString()); } catch (ArgumentException x) { r.Add("A:" + x.Message); } return string.Join("|", r);`),
  // a CLR object Json.NET's JValue has no type for, as container content: ArgumentException naming it (seed 34201)
  b("fz.s23.json.content.clr.object", "string", `var r = new List<string>(); foreach (var o in new object[] { Encoding.ASCII, Encoding.UTF8.Clone(), new StringBuilder("x"), new Regex("a"), new System.IO.StringWriter(), new Uri("http://a/"), TimeSpan.Zero }) { try { r.Add(new JArray(o).ToString(Formatting.None)); } catch (ArgumentException e) { r.Add("A:" + e.Message); } try { r.Add(new JObject(new JProperty("p", o)).ToString(Formatting.None)); } catch (ArgumentException e) { r.Add("A:" + e.Message); } try { r.Add(new JValue(o).Type.ToString()); } catch (ArgumentException e) { r.Add("A:" + e.Message); } } return string.Join("|", r);`),
];
