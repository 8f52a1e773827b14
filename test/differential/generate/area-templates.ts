// Area templates (issue 11 and after), each a function of the generator: anonymous types, string
// interpolation, JSON and XML round trips, checked blocks, double and string semantics, boxing,
// DateTimeOffset.
import { CONSTRUCTOR_TEXTS, FORMATS } from "./values.js";
import { enumTypes, enumValues } from "./surface-index.js";
import { list } from "./collection-templates.js";
import { INTEGRAL, integralValue } from "./integral-templates.js";
import { block, csStr, emptyEnv, leaf, node, paren, type Env, type GeneratorCore, type Node } from "./node.js";

/** Anonymous types: ToString, equality, arrays of them, GroupBy keys, Select with index. */
export function anonymous(g: GeneratorCore): Node {
  const e = emptyEnv();
  const at = g.pick(["int", "string", "double", "decimal", "bool", "DateTime"]);
  const bt = g.pick(["int", "string", "long"]);
  const a = () => g.gen(at, 1, e);
  const b = () => g.gen(bt, 1, e);
  switch (g.int(0, 6)) {
    case 0:
      return node("string", "anonymous", [a(), b()], (k) => `new { n = ${k[0]}, v = ${k[1]} }.ToString()`);
    case 1:
      return node("bool", "anonymous", [a(), b(), a(), b()], (k) => `new { n = ${k[0]}, v = ${k[1]} }.Equals(new { n = ${k[2]}, v = ${k[3]} })`);
    case 2:
      return node("string", "anonymous", [a(), b(), a(), b()], (k) => `string.Join("|", new[] { new { n = ${k[0]}, v = ${k[1]} }, new { n = ${k[2]}, v = ${k[3]} } }.Select(o => o.n + ":" + o.v))`);
    case 3:
      return node("string", "anonymous", [list(g, at, e)], (k) => `string.Join(";", ${paren(k[0]!)}.Select((x, i) => new { x, i }).Where(p => p.i % 2 == 0).Select(p => p.ToString()))`);
    case 4:
      return node(
        "string",
        "anonymous",
        [list(g, "int", e)],
        (k) => `string.Join(";", ${paren(k[0]!)}.GroupBy(x => new { odd = x % 2 != 0, big = x > 10 }).Select(g => g.Key + "=" + g.Count()))`,
      );
    case 5:
      return node("string", "anonymous", [a(), b()], (k) => `JsonConvert.SerializeObject(new { n = ${k[0]}, v = ${k[1]}, inner = new { ok = true } })`);
    default:
      return node("int", "anonymous", [list(g, "int", e)], (k) => `${paren(k[0]!)}.Select(x => new { x, sq = x * x }).OrderBy(p => p.sq).ThenBy(p => p.x).First().x`);
  }
}

/** `$"..."` with holes of several types, format specifiers and alignments. */
export function interpolation(g: GeneratorCore): Node {
  return interpolationOf(g, 2, emptyEnv());
}

/** Hole types: every type a hole prints (the integer types below long print as JS numbers in apimc). */
const HOLE_TYPES = ["int", "long", "double", "decimal", "DateTime", "DateTimeOffset", "TimeSpan", "string", "bool", "char", "short", "byte", "sbyte", "ushort", "uint", "ulong", "float", "DayOfWeek", "int?"];

export function interpolationOf(g: GeneratorCore, depth: number, env: Env): Node {
  // adjacent holes with nothing between and no alignment or format ($"{a}{b}" of two ints was their sum)
  const adjacent = g.chance(0.4);
  const n = adjacent ? g.int(2, 4) : g.int(1, 3);
  const kids: Node[] = [];
  const specs: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = g.pick(HOLE_TYPES);
    // (narrow integers from their own values: the generator has no pools for them; an enum value with no name prints its number)
    kids.push(INTEGRAL.includes(t as never) && t !== "int" && t !== "long" ? integralValue(g, t) : t === "DayOfWeek" && g.chance(0.3) ? leaf(t, `(DayOfWeek)${g.pick(["7", "3", "(-1)"])}`, "enum") : g.gen(t, depth - 1, env));
    const fmts = FORMATS[t] ?? FORMATS[t.replace("?", "")];
    let spec = "";
    if (!adjacent && g.chance(0.3)) spec += `,${g.pick(["5", "-6", "12"])}`;
    if (fmts && !adjacent && g.chance(0.7)) spec += `:${g.pick(fmts)}`;
    specs.push(spec);
  }
  // (no "}}" right after a hole with a format: Mono's mcs reads it into the format string)
  const seps = kids.map((_k, i) => (adjacent ? "" : g.pick(i > 0 && specs[i - 1]!.includes(":") ? ["", " ", "|", "="] : ["", " ", "|", "=", "{{", "}}"])));
  const end = adjacent && g.chance(0.6) ? "" : "!";
  // Mono's mcs misreads an interpolated string with a hole nested in an initializer's braces inside
  // another interpolation's hole ($"{(new[] { $"{2}" }.Length)}": CS1525 "expecting `${'"; Roslyn
  // takes it): such holes are written as the same composite formatting, string.Format("{0,5:F1}", x).
  const mcsMisreads = (x: string) => x.includes('$"') && x.includes("{ ");
  return node("string", "interpolation", kids, (k) =>
    k.some(mcsMisreads)
      ? `(${k.map((x, i) => `${JSON.stringify(seps[i]!.slice(0, 1) + "")} + string.Format(${JSON.stringify(`{0${specs[i]}}`)}, ${paren(x)})`).join(" + ")} + "${end}")`
      : `$"${k.map((x, i) => `${seps[i]}{${paren(x)}${specs[i]}}`).join("")}${end}"`,
  );
}

/** JSON round trips, JSONPath, number writing, reading into object. */
export function jsonTemplate(g: GeneratorCore): Node {
  const e = emptyEnv();
  const vt = g.pick(["int", "long", "double", "decimal", "string", "bool", "DateTime", "DateTimeOffset", "TimeSpan"]);
  const v = () => g.gen(vt, 1, e);
  switch (g.int(0, 13)) {
    case 13: {
      // JSON constructors as the reader takes them: JToken.Parse, and DeserializeObject (new Date(ms) becomes a date)
      const text = g.pick(CONSTRUCTOR_TEXTS);
      const how = g.pick([`JToken.Parse(${csStr(text)})`, `((JToken)JsonConvert.DeserializeObject(${csStr(`[${text}]`)}))`, `JsonConvert.DeserializeObject<JToken>(${csStr(text)})`]);
      const show = g.pick([`.ToString(Formatting.None)`, `.Type.ToString()`, `.ToString()`]);
      return node("string", "json", [], () => `${how}${show}`);
    }
    case 10: {
      // JContainer.CreateWriter + JToken.WriteTo: what each write adds to the container, inside `using` or not
      const cont = g.pick(["new JArray()", "new JObject()", "new JArray(1)"]);
      const toks = [g.gen(g.pick(["JToken", "JObject", "JArray", "JValue"]), 1, e), jsonWritable(g, e)];
      const use = g.chance(0.5);
      return node("string", "json", toks, (k) => {
        const writes = k.map((x) => `${paren(x)}.WriteTo(w);`).join(" ");
        return block(`var c = ${cont}; ${use ? `using (var w = c.CreateWriter()) { ${writes} }` : `var w = c.CreateWriter(); ${writes}`} return c.ToString(Formatting.None);`);
      }, true);
    }
    case 11: {
      // JToken.CreateReader + Load/ReadFrom/JRaw.Create: consecutive loads from one reader
      const loads = ["JToken.ReadFrom(r)", "JToken.Load(r)", "JObject.Load(r)", "JArray.Load(r)", "JProperty.Load(r)", "JRaw.Create(r)"];
      const a = g.pick(loads);
      const b2 = g.pick(loads);
      return node("string", "json", [g.gen(g.pick(["JToken", "JObject", "JArray", "JProperty"]), 1, e)], (k) => block(`var r = ${paren(k[0]!)}.CreateReader(); var x = ${a}; var y = ${b2}; return x.ToString(Formatting.None) + "|" + y.Type + "|" + y.ToString(Formatting.None);`), true);
    }
    case 12:
      return node("string", "json", [g.gen("JToken", 1, e), g.gen("JToken", 1, e), g.gen("JToken", 1, e)], (k) => `string.Join(";", new JToken[] { ${k.join(", ")} }.ToLookup(t => t, JToken.EqualityComparer).Select(g => g.Key.Type + "x" + g.Count()))`);
    case 0:
      return node("string", "json", [v()], (k) => `JsonConvert.SerializeObject(${k[0]})`);
    case 1:
      return node("string", "json", [v()], (k) => `new JObject { ["p"] = ${k[0]} }.ToString(Formatting.None)`);
    case 2:
      return node("string", "json", [v()], (k) => `new JArray(${k[0]}, ${k[0]}).ToString(Formatting.None)`);
    case 3: {
      const path = g.pick([
        "$.items[?(@.p > 10)].n",
        "$..x",
        "$.b[1:3]",
        "$.items[-1:]",
        "$.b[0]",
        "$.c.d",
        "$..p",
        "$.items[*].n",
        "$['a']",
        "$.items[?(@.n == 'b')].p",
        "$.b[::2]",
        "$.b[-2:]",
        "$.b[:-1]",
        "$.items[?(@.p >= 15 && @.n != 'c')].n",
        "$.items[?(@.p < 10 || @.n == 'c')].p",
        "$.items[?(@.n)].p",
        "$.b[?(@ > 1)]",
      ]);
      return node("string", "jsonpath", [g.gen("JObject", 0, e)], (k) => `string.Join(",", ${paren(k[0]!)}.SelectTokens("${path}").Select(t => t.ToString(Formatting.None)))`);
    }
    case 4:
      return node("string", "json", [g.gen("string", 0, e)], (k) => `JsonConvert.SerializeObject(JsonConvert.DeserializeObject(${k[0]} ?? "null"))`);
    case 5: {
      const json = g.pick(["1", "1.0", "1e15", "12345678901234", "-0.0", "0.1", "\"s\"", "true", "null", "[1,2]", "{\"a\":2.50}", "9223372036854775807", "1E400"]);
      // what JSON numbers read into object are: long, double (or BigInteger), by their text
      return node("string", "json", [], () => `JsonConvert.DeserializeObject(${csStr(json)}) is long ? "long" : JsonConvert.DeserializeObject(${csStr(json)}) is double ? "double" : JsonConvert.DeserializeObject(${csStr(json)}) is string ? "string" : "other:" + JsonConvert.DeserializeObject(${csStr(json)})`);
    }
    case 6: {
      const ct = g.pick(["int", "long", "double", "decimal", "string", "bool"]);
      const path = g.pick(["a", "n", "f", "big", "s", "b[0]", "b[1]", "c.d", "items[0].p"]);
      return node(ct, "json", [g.gen("JObject", 0, e)], (k) => `(${ct})${paren(k[0]!)}.SelectToken("$.${path}")`);
    }
    case 7:
      return node("string", "json", [g.gen("JObject", 0, e), v()], (k) => `${block(`var o = ${k[0]}; o["a"] = ${k[1]}; o.Property("a").AddAfterSelf(new JProperty("z", 1)); return o.ToString(Formatting.None);`)}`, true);
    case 8:
      return node("string", "json", [g.gen("double", 1, e)], (k) => `JToken.FromObject(${k[0]}).ToString()`);
    default:
      return node("string", "json", [g.gen("JObject", 0, e)], (k) => `JObject.FromObject(${paren(k[0]!)}.ToObject<Dictionary<string, object>>()).ToString(Formatting.None)`);
  }
}

/** A token for a writer: a value, a property (for an object container) or a container. */
function jsonWritable(g: GeneratorCore, e: Env): Node {
  const name = csStr(g.pick(["p", "q", ""]));
  return g.chance(0.4) ? node("JProperty", "json", [g.gen("JToken", 0, e)], (k) => `new JProperty(${name}, ${k[0]})`) : g.gen(g.pick(["JToken", "JArray", "JValue"]), 1, e);
}

/** LINQ to XML round trips with typed values. */
export function xmlTemplate(g: GeneratorCore): Node {
  const e = emptyEnv();
  const vt = g.pick(["int", "double", "decimal", "string", "bool", "DateTime", "TimeSpan", "DateTimeOffset", "long"]);
  const v = () => g.gen(vt, 1, e);
  switch (g.int(0, 7)) {
    case 5: {
      // XContainer.CreateWriter + XNode.WriteTo/Save(XmlWriter): the nodes land when the writer is disposed
      const cont = g.pick(["new XElement(\"r\")", "new XDocument()"]);
      const save = g.chance(0.3);
      return node("string", "xml", [g.gen("XElement", 1, e), g.gen(g.pick(["XElement", "XNode"]), 1, e)], (k) =>
        block(`var c = ${cont}; using (var w = c.CreateWriter()) { ${save ? `${paren(k[0]!)}.Save(w);` : `${paren(k[0]!)}.WriteTo(w); ${paren(k[1]!)}.WriteTo(w);`} } return c.ToString();`), true);
    }
    case 6:
      // XNode.CreateReader + XElement.Load(XmlReader), and a second Load from the same reader
      return node("string", "xml", [g.gen(g.pick(["XElement", "XNode", "XDocument"]), 1, e)], (k) => block(`var r = ${paren(k[0]!)}.CreateReader(); var x = XElement.Load(r); return x.ToString() + "|" + XElement.Load(r, LoadOptions.None);`), true);
    case 7: {
      // Load(TextReader) and Save(TextWriter) through StringReader/StringWriter
      const opt = g.pick(["", ", SaveOptions.DisableFormatting"]);
      return node("string", "xml", [g.gen(g.pick(["XElement", "XDocument"]), 1, e)], (k) => block(`var sw = new StringWriter(); ${paren(k[0]!)}.Save(sw${opt}); var back = XElement.Load(new StringReader(sw.ToString())); return sw.ToString() + "|" + back.ToString();`), true);
    }
    case 0:
      return node("string", "xml", [v()], (k) => `new XElement("a", ${k[0]}).ToString()`);
    case 1:
      return node("string", "xml", [v()], (k) => `new XElement("a", new XAttribute("b", ${k[0]})).ToString(SaveOptions.DisableFormatting)`);
    case 2: {
      const ct = g.pick(["int", "double", "decimal", "string", "bool", "long"]);
      return node(ct, "xml", [g.gen("XElement", 0, e)], (k) => `(${ct})${paren(k[0]!)}.Element("b")`);
    }
    case 3:
      return node("string", "xml", [v()], (k) => `(string)new XElement("a", ${k[0]})`);
    default:
      return node("string", "xml", [g.gen("XElement", 0, e)], (k) => `string.Join("|", ${paren(k[0]!)}.Descendants().Select(x => x.Name.LocalName + "=" + x.Value))`);
  }
}

/** checked/unchecked statement blocks and compound assignments. */
export function checkedBlock(g: GeneratorCore): Node {
  const e = emptyEnv();
  const t = g.pick(["int", "long", "short", "byte"]);
  const a = g.gen(t === "short" || t === "byte" ? "int" : t, 1, e);
  const b = g.gen(t === "short" || t === "byte" ? "int" : t, 1, e);
  const kw = g.pick(["checked", "unchecked"]);
  const op = g.pick(["+=", "-=", "*=", "++", "--"]);
  const cast = t === "short" || t === "byte" ? `(${t})` : "";
  return node(
    t,
    "checked",
    [a, b],
    (k) => block(`${t} x = ${cast}${paren(k[0]!)}; ${kw} { ${op.length === 2 && op[0] === op[1] ? `x${op}` : `x ${op} ${cast}${paren(k[1]!)}`}; } return x;`),
    true,
  );
}

/** NaN and signed zero in Equals, CompareTo, ordering, Contains, IndexOf, Math.Round. */
export function doubleSemantics(g: GeneratorCore): Node {
  const e = emptyEnv();
  const d = () => g.gen("double", 1, e);
  switch (g.int(0, 7)) {
    case 0:
      return node("bool", "double", [d(), d()], (k) => `${paren(k[0]!)}.Equals(${k[1]})`);
    case 1:
      return node("int", "double", [d(), d()], (k) => `${paren(k[0]!)}.CompareTo(${k[1]})`);
    case 2:
      return node("string", "double", [list(g, "double", e)], (k) => `string.Join(",", ${paren(k[0]!)}.OrderBy(x => x))`);
    case 3:
    {
      const agg = g.pick(["Min", "Max"]);
      return node("double", "double", [list(g, "double", e)], (k) => `${paren(k[0]!)}.DefaultIfEmpty(0).${agg}()`);
    }
    case 4:
      return node("bool", "double", [list(g, "double", e), d()], (k) => `${paren(k[0]!)}.Contains(${k[1]})`);
    case 5:
      return node("int", "double", [list(g, "double", e), d()], (k) => `${paren(k[0]!)}.IndexOf(${k[1]})`);
    case 6: {
      const mode = g.pick(["MidpointRounding.ToEven", "MidpointRounding.AwayFromZero"]);
      const digits = g.int(0, 4);
      return node("double", "double", [d()], (k) => `Math.Round(${k[0]}, ${digits}, ${mode})`);
    }
    default:
      return node("bool", "double", [d(), d()], (k) => `((object)${paren(k[0]!)}).Equals((object)${paren(k[1]!)})`);
  }
}

/** Ordinal comparisons and index overloads. */
export function stringCompare(g: GeneratorCore): Node {
  const e = emptyEnv();
  const s = () => g.gen("string", 1, e);
  switch (g.int(0, 4)) {
    case 0:
      return node("int", "strings", [s(), s()], (k) => `string.CompareOrdinal(${k[0]}, ${k[1]})`);
    case 1:
      return node("int", "strings", [s(), s(), g.gen("int", 0, e)], (k) => `${paren(k[0]!)}.LastIndexOf(${k[1]}, ${k[2]})`);
    case 2:
    {
      const how = g.pick(["Ordinal", "OrdinalIgnoreCase", "InvariantCulture"]);
      return node("int", "strings", [s(), s(), g.gen("int", 0, e)], (k) => `${paren(k[0]!)}.IndexOf(${k[1]}, ${k[2]}, StringComparison.${how})`);
    }
    case 3:
    {
      const how = g.pick(["InvariantCulture", "InvariantCultureIgnoreCase"]);
      return node("int", "strings", [s(), s()], (k) => `Math.Sign(string.Compare(${k[0]}, ${k[1]}, StringComparison.${how}))`);
    }
    default:
      return node("int", "strings", [s(), g.gen("char", 0, e), g.gen("int", 0, e)], (k) => `${paren(k[0]!)}.LastIndexOf(${k[1]}, ${k[2]})`);
  }
}

/** A Guid or an enum value (a member, two OR-ed, or any number) converted to object. */
function boxedValue(g: GeneratorCore, env: Env): Node {
  if (g.chance(0.35)) return node("object", "boxing", [g.gen("Guid", 1, env)], (k) => `((object)${paren(k[0]!)})`);
  const et = g.pick(enumTypes());
  const names = enumValues(et)!;
  const v = g.chance(0.4) ? `${et}.${g.pick(names)}` : g.chance(0.5) ? `${et}.${g.pick(names)} | ${et}.${g.pick(names)}` : `(${et})(${g.pick([0, 1, 3, 6, 7, 9, 64, 99, -1])})`;
  return leaf("object", `((object)(${v}))`, "boxing");
}

/**
 * Boxed Guids and enums (session 24): what a value converted to object prints (an enum's name, a
 * Guid's text), equals (a boxed Guid is not its text), is, and becomes in JSON and collections.
 */
export function boxing(g: GeneratorCore): Node {
  const env = emptyEnv();
  const a = boxedValue(g, env);
  const b = g.chance(0.3) ? leaf("object", g.pick([`((object)"0f8fad5b-d9cb-469f-a165-70867728950e")`, `((object)Guid.Empty.ToString())`, `((object)1)`, `((object)"Monday")`])) : boxedValue(g, env);
  const two = (out: (x: string, y: string) => string): Node => node("string", "boxing", [a, b], (k) => out(k[0]!, k[1]!));
  const sinks: (() => Node)[] = [
    () => two((x, y) => `string.Join(",", new object[] { ${x}, ${y} })`),
    () => two((x, y) => `string.Concat(${x}, "|", ${y})`),
    () => two((x, y) => `"" + ${x} + "|" + ${y}`),
    () => two((x, y) => `$"{${x}}|{${y}}"`),
    () => two((x, y) => `string.Format("{0}|{1}", ${x}, ${y})`),
    () => two((x, y) => `${x}.ToString() + ${y}.ToString()`),
    // (no GetHashCode of a string: its hash differs between .NET Framework and Mono)
    () => two((x, y) => `${x}.Equals(${y}).ToString() + "," + object.Equals(${y}, ${x})`),
    () => two((x, y) => `(${x} is Guid ? ((Guid)${x}).Equals(${y}) : ${x}.Equals(${y})).ToString()`),
    () => two((x, y) => `(${x} is Guid) + "," + (${x} is string) + "," + (${x} is int) + "," + (${y} is DayOfWeek)`),
    () => two((x, y) => `new JValue(${x}).Type + "," + new JValue(${x})`),
    () => two((x, y) => `JsonConvert.SerializeObject(new object[] { ${x}, ${y} })`),
    () => two((x, y) => `new JArray(${x}, ${y}).ToString(Formatting.None)`),
    () => two((x, y) => `JToken.FromObject(${x}).Type.ToString()`),
    () => two((x, y) => `new Dictionary<object, int> { [${x}] = 1 }.ContainsKey(${y}).ToString()`),
    () => two((x, y) => `new List<object> { ${x}, ${y}, ${x} }.Distinct().Count().ToString()`),
    () => two((x, y) => `Convert.ToString(${x}) + Convert.ToString(${y})`),
    () => {
      const et = g.pick(enumTypes());
      const e = `((${et})(${g.pick([0, 1, 2, 3, 6, 7, 9, 64, 99, -1])}))`;
      return leaf("string", `${e}.ToString(${JSON.stringify(g.pick(["G", "F", "D", "X", "g", "f", "d", "x"]))}) + "|" + ${e} + "|" + string.Format("{0:D}|{0:X}|{0:F}", ${e})`, "boxing");
    },
  ];
  return g.pick(sinks)();
}

/** DateTimeOffset: offsets through Parse, the constructor, ToString and JSON; ParseExact with standard formats. */
export function dateOffset(g: GeneratorCore): Node {
  const e = emptyEnv();
  const o = () => g.gen("DateTimeOffset", 1, e);
  switch (g.int(0, 4)) {
    case 0:
      return node("string", "datetimeoffset", [o()], (k) => `${paren(k[0]!)}.Offset.ToString()`);
    case 1:
    {
      const f = g.pick(FORMATS.DateTimeOffset!);
      return node("string", "datetimeoffset", [o()], (k) => `${paren(k[0]!)}.ToString(${csStr(f)})`);
    }
    case 2:
      return node("string", "datetimeoffset", [o()], (k) => `JsonConvert.SerializeObject(${k[0]})`);
    case 3: {
      const f = g.pick(["r", "o", "s", "u"]);
      return node("string", "datetimeoffset", [o()], (k) => `DateTimeOffset.ParseExact(${paren(k[0]!)}.ToString("${f}"), "${f}", CultureInfo.InvariantCulture).ToString("o")`);
    }
    default:
      return node("string", "datetimeoffset", [o()], (k) => `DateTimeOffset.Parse(${paren(k[0]!)}.ToString("o")).ToString()`);
  }
}
