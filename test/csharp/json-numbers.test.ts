// Newtonsoft numbers beyond a double and decimals, and ISO dates in JSON (runtime/dotnet/newtonsoft.ts):
// JSON integers are read exactly (a JS number while safe, a BigInt beyond, as long.ts keeps longs),
// written back digit for digit, and converted with .NET's range checks; the differential suite
// compares the same paths with Mono + Newtonsoft.
import { describe, expect, it } from "vitest";
import { evaluate } from "./helpers.js";
import { JToken, type JValue } from "../../runtime/dotnet/newtonsoft.js";

const val = (text: string): unknown => (JToken.Parse(text) as JValue).Value;

describe("JSON integers beyond 2^53", () => {
  it("are read exactly and written back unchanged", () => {
    for (const text of ["9007199254740993", "-9007199254740993", "9223372036854775807", "-9223372036854775808", "18446744073709551615", "123456789012345678901234567890"])
      expect(JToken.Parse(`{"a":${text}}`).ToString(0)).toBe(`{"a":${text}}`);
    expect(JToken.Parse(`[9007199254740993]`).ToString(0)).toBe(`[9007199254740993]`);
  });
  it("stay plain numbers while safe, also with more than 15 digits", () => {
    expect(val("1234567890123456")).toBe(1234567890123456);
    expect(val("-9007199254740991")).toBe(-9007199254740991);
    expect(val("9007199254740992")).toBe(9007199254740992n);
    expect(val("12")).toBe(12);
  });
  it("convert to long/ulong exactly and to narrower types with OverflowException", () => {
    expect(evaluate(`@((long)JToken.Parse("9223372036854775807"))`)).toBe(9223372036854775807n);
    expect(evaluate(`@((ulong)JToken.Parse("18446744073709551615"))`)).toBe(18446744073709551615n);
    expect(evaluate(`@((long)JToken.Parse("9007199254740993") - 1)`)).toBe(9007199254740992n);
    expect(evaluate(`@((double)JToken.Parse("9007199254740993"))`)).toBe(9007199254740992);
    expect(evaluate(`@(JToken.Parse("12345678901234567890").ToString())`)).toBe("12345678901234567890");
    expect(evaluate(`@((string)JToken.Parse("12345678901234567890"))`)).toBe("12345678901234567890");
    expect(() => evaluate(`@((int)JToken.Parse("9223372036854775807"))`)).toThrow(/too large or too small for an Int32/);
    expect(() => evaluate(`@((long)JToken.Parse("9223372036854775808"))`)).toThrow(/too large or too small for an Int64/);
    expect(() => evaluate(`@((ulong)JToken.Parse("-9223372036854775808"))`)).toThrow(/too large or too small for a UInt64/);
    expect(evaluate(`@((bool)JToken.Parse("9223372036854775807"))`)).toBe(true);
  });
  it("long values are written exactly by JsonConvert and JToken", () => {
    expect(evaluate(`@(JsonConvert.SerializeObject(long.MaxValue))`)).toBe("9223372036854775807");
    expect(evaluate(`@(JsonConvert.SerializeObject(new { t = long.MinValue, u = ulong.MaxValue }))`)).toBe(`{"t":-9223372036854775808,"u":18446744073709551615}`);
    expect(evaluate(`@(new JObject { ["t"] = long.MaxValue }.ToString(Formatting.None))`)).toBe(`{"t":9223372036854775807}`);
    expect(evaluate(`@(JToken.FromObject(new List<long> { long.MaxValue, 1 }).ToString(Formatting.None))`)).toBe(`[9223372036854775807,1]`);
  });
});

describe("decimals and boxed numbers in JSON", () => {
  it("a decimal keeps its scale when written (integral: .0)", () => {
    expect(evaluate(`@(JsonConvert.SerializeObject(new { p = 2m, q = 0.10m, r = -1.500m }))`)).toBe(`{"p":2.0,"q":0.10,"r":-1.500}`);
    expect(evaluate(`@(JsonConvert.SerializeObject(1.50m))`)).toBe("1.50");
    expect(evaluate(`@(JToken.FromObject(new List<decimal> { 1.50m, 3m }).ToString(Formatting.None))`)).toBe("[1.50,3.0]");
    expect(evaluate(`@(JToken.FromObject(new Dictionary<string, object> { { "a", 1.50m }, { "b", 5L }, { "c", (short)3 } }).ToString(Formatting.None))`)).toBe(`{"a":1.50,"b":5,"c":3}`);
    expect(evaluate(`@(new JArray(new object[] { 2.0m, 7L }).ToString(Formatting.None))`)).toBe("[2.0,7]");
    expect(evaluate(`@(JsonConvert.SerializeObject(new { a = new object[] { 1.10m, (byte)2 } }))`)).toBe(`{"a":[1.10,2]}`);
  });
  it("a decimal token converts back exactly", () => {
    expect(evaluate(`@(JToken.FromObject(new { p = 1.10m })["p"].Value<decimal>().ToString())`)).toBe("1.10");
    expect(evaluate(`@(((decimal)JToken.FromObject(new { p = 0.1m })["p"]) + 0.2m == 0.3m)`)).toBe(true);
    expect(evaluate(`@((string)JToken.FromObject(new { p = 1.50m })["p"])`)).toBe("1.50");
    expect(evaluate(`@((double)JToken.FromObject(new { p = 1.5m })["p"])`)).toBe(1.5);
    expect(evaluate(`@((int)JToken.FromObject(new { p = 2.5m })["p"])`)).toBe(2);
    expect(evaluate(`@(JToken.FromObject(new { p = 1.5m })["p"].Type.ToString())`)).toBe("Float");
  });
  it("JSON numbers convert to decimal as Convert.ToDecimal does", () => {
    expect(evaluate(`@(JObject.Parse("{\\"a\\":\\"1.10\\"}")["a"].Value<decimal>().ToString())`)).toBe("1.10");
    expect(evaluate(`@(JObject.Parse("{\\"a\\":0.1}")["a"].Value<decimal>() + 0.2m == 0.3m)`)).toBe(true);
    expect(evaluate(`@(JObject.Parse("{\\"a\\":[1,2.5]}")["a"].Values<decimal>().Sum().ToString())`)).toBe("3.5");
    expect(evaluate(`@(((decimal?)JObject.Parse("{\\"a\\":null}")["a"]) == null)`)).toBe(true);
    expect(evaluate(`@(JsonConvert.DeserializeObject<decimal>("12").ToString())`)).toBe("12");
  });
});

describe("ISO dates in JSON (DateParseHandling.DateTime)", () => {
  it("become Date tokens and are written back as Newtonsoft writes them", () => {
    expect(evaluate(`@(JObject.Parse("{\\"d\\":\\"2020-01-02T03:04:05Z\\"}")["d"].Type.ToString())`)).toBe("Date");
    expect(evaluate(`@((string)JObject.Parse("{\\"d\\":\\"2020-01-02T03:04:05Z\\"}")["d"])`)).toBe("01/02/2020 03:04:05");
    expect(JToken.Parse(`{"a":"2020-01-02T03:04:05.1200000Z","b":"2020-01-02T03:04:05+02:00","c":"2020-01-02T03:04:05"}`).ToString(0)).toBe(
      `{"a":"2020-01-02T03:04:05.12Z","b":"2020-01-02T01:04:05+00:00","c":"2020-01-02T03:04:05"}`,
    );
    expect(evaluate(`@(((DateTime)JToken.Parse("\\"2020-01-02T03:04:05.1234567Z\\"")).Ticks)`)).toBe(637135310451234567n);
  });
  it("other strings stay strings (names, invalid dates, other forms, string targets)", () => {
    const types = (JToken.Parse(`["2020-02-30T00:00:00", "2020-01-02 03:04:05", "2020-01-02T03:04", "1234567890123456789012", "2020-01-02T03:04:05Zx"]`) as unknown as { items: { Type: number }[] }).items.map((t) => t.Type);
    expect(types).toEqual([8, 8, 8, 8, 8]);
    expect(JToken.Parse(`{"2020-01-02T03:04:05Z":1}`).ToString(0)).toBe(`{"2020-01-02T03:04:05Z":1}`);
    expect(evaluate(`@(JsonConvert.DeserializeObject<List<string>>("[\\"2020-01-02T03:04:05Z\\"]")[0])`)).toBe("2020-01-02T03:04:05Z");
  });
});
