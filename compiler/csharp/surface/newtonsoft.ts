// Newtonsoft.Json and Newtonsoft.Json.Linq, lowered to runtime/dotnet/newtonsoft.ts.
import { js, rt, type Code } from "../../codegen/code.js";
import { C, I, K, M, P, SM, SP, type } from "./dsl.js";
import { tryParse } from "./system.js";
import type { LowerInfo } from "../types.js";
import { typeTestOf } from "./linq.js";

// Decimals (Decimal), longs beyond 2^53 (BigInt) and boxed long/float/... (NumBox) reach the runtime
// as they are: toJToken/toJValue keep a decimal's scale and a long's digits, jconv returns a Decimal
// for a decimal target.
const jt = (v: Code) => js`${rt("toJToken")}(${v})`;
/**
 * What JSON needs of a static type that the runtime value does not carry: where its doubles,
 * decimals (Float tokens: 1.0, not 1) and floats (float digits) are, through arrays, lists and other
 * sequences, dictionary values and anonymous-object members. Null when there is nothing to say.
 */
type JsonShape = string | ["seq", JsonShape] | ["map", JsonShape] | ["anon", Record<string, JsonShape>];
const SEQUENCES = new Set(["List", "IList", "IEnumerable", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "HashSet", "ISet", "Queue", "Stack"]);
const DICTIONARIES = new Set(["Dictionary", "IDictionary", "IReadOnlyDictionary", "SortedDictionary"]);
function jsonShape(t: Type | undefined, depth = 0): JsonShape | null {
  if (!t || depth > 16) return null;
  if (t.k === "array") {
    const e = jsonShape(t.elem, depth + 1);
    return e === null ? null : ["seq", e];
  }
  if (t.k !== "named") return null;
  const d = t.def;
  if (d.name === "Nullable") return jsonShape(t.args[0], depth + 1);
  if (d.ns === "System" && (d.name === "double" || d.name === "decimal" || d.name === "float" || d.name === "char" || d.name === "Guid")) return d.name;
  if (SEQUENCES.has(d.name) && t.args.length === 1) {
    const e = jsonShape(t.args[0], depth + 1);
    return e === null ? null : ["seq", e];
  }
  if (DICTIONARIES.has(d.name) && t.args.length === 2) {
    const v = jsonShape(t.args[1], depth + 1);
    return v === null ? null : ["map", v];
  }
  if (d.name.startsWith("<anonymous")) {
    const members: Record<string, JsonShape> = {};
    let any = false;
    for (const [name, [m]] of d.members) {
      const ms = jsonShape(m?.parsed?.ret, depth + 1);
      if (ms !== null) {
        members[name] = ms;
        any = true;
      }
    }
    return any ? ["anon", members] : null;
  }
  return null;
}
/** Argument `index`, typed `object`, converted on the way in when its static type says what JSON needs (see jsonShape). */
function typedValue(a: Code, info: LowerInfo, index = 0): Code {
  const shape = jsonShape(info.argTypes[index]);
  // (a char argument arrives boxed already: a CharBox, which toJToken knows)
  if (shape === null || shape === "char") return a;
  if (typeof shape === "string") return js`${rt("toJValue")}(${a}, ${shape})`;
  return js`${rt("jShaped")}(${a}, ${JSON.stringify(shape)})`;
}

// JsonReader and JsonWriter are not on APIM's allow-list, but JToken.CreateReader() and
// JContainer.CreateWriter() make them and JToken.Load/ReadFrom/WriteTo, JRaw.Create take them: a value
// passes from one allowed member to another (runtime/dotnet/json-io.ts); naming the type or using a
// member of it is APIMC3005.
type("Newtonsoft.Json", "JsonReader", { opaque: "a reader only passes from JToken.CreateReader() to JToken.Load/ReadFrom, JObject/JArray/JProperty/JConstructor.Load or JRaw.Create" }, []);
type("Newtonsoft.Json", "JsonWriter", { opaque: "a writer only passes from JContainer.CreateWriter() to JToken.WriteTo" }, []);
type("Newtonsoft.Json.Linq", "JTokenEqualityComparer", { interfaces: ["IEqualityComparer<JToken>"], opaque: "JToken.EqualityComparer only passes to a parameter of type IEqualityComparer<JToken>" }, []);

type("Newtonsoft.Json.Linq", "JToken", { interfaces: ["IEnumerable<JToken>"], test: (v) => js`(${v} instanceof ${rt("JToken")})` }, [
  I("JToken this[object key]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
  // (Extensions.Convert: Convert.ChangeType's rules, not the explicit operators')
  M("T Value<T>(object key)", (r, a, x) => js`${rt("jValueAt")}(${r}, ${a[0]}, ${castKeyOf(x.typeArgs[0]!)})`),
  M("IEnumerable<T> Values<T>()", (r, _a, x) => js`${rt("jvalues")}(${r}, ${castKeyOf(x.typeArgs[0]!)})`),
  M("T ToObject<T>()", (r, _a, x) => js`${rt("jconv")}(${r}, ${castKeyOf(x.typeArgs[0]!)}, true)`),
  M("string ToString()", (r) => js`${r}.ToString()`),
  M("string ToString(Formatting formatting)", (r, a) => js`${r}.ToString(${a[0]})`),
  P("JTokenType Type", (r) => js`${r}.Type`),
  P("JContainer Parent", (r) => js`${r}.Parent`),
  P("JToken Root", (r) => js`${r}.Root`),
  P("string Path", (r) => js`${r}.Path`),
  P("bool HasValues", (r) => js`${r}.HasValues`),
  P("JToken First", (r) => js`${r}.First`),
  P("JToken Last", (r) => js`${r}.Last`),
  P("JToken Next", (r) => js`${r}.Next`),
  P("JToken Previous", (r) => js`${r}.Previous`),
  M("IEnumerable<JToken> Children()", (r) => js`${r}.Children()`),
  M("JToken SelectToken(string path)", (r, a) => js`${r}.SelectToken(${a[0]}, false)`),
  M("JToken SelectToken(string path, bool errorWhenNoMatch)", (r, a) => js`${r}.SelectToken(${a[0]}, ${a[1]})`),
  M("IEnumerable<JToken> SelectTokens(string path)", (r, a) => js`${r}.SelectTokens(${a[0]})`),
  M("JToken DeepClone()", (r) => js`${r}.DeepClone()`),
  M("void Remove()", (r) => js`${r}.Remove()`),
  M("void Replace(JToken value)", (r, a) => js`${r}.Replace(${a[0]})`),
  M("void AddAfterSelf(object content)", (r, a, x) => js`${r}.AddAfterSelf(${typedValue(a[0]!, x)})`),
  M("void AddBeforeSelf(object content)", (r, a, x) => js`${r}.AddBeforeSelf(${typedValue(a[0]!, x)})`),
  SM("JToken Parse(string json)", (_r, a) => js`${rt("JToken")}.Parse(${a[0]})`),
  SM("JToken FromObject(object o)", (_r, a, x) => js`${rt("JToken")}.FromObject(${typedValue(a[0]!, x)})`),
  SM("bool DeepEquals(JToken t1, JToken t2)", (_r, a) => js`${rt("JToken")}.DeepEquals(${a[0]}, ${a[1]})`),
  M("IEnumerable<JToken> AfterSelf()", (r) => js`${rt("jAfterSelf")}(${r})`),
  M("IEnumerable<JToken> BeforeSelf()", (r) => js`${rt("jBeforeSelf")}(${r})`),
  M("IEnumerable<JToken> Ancestors()", (r) => js`${rt("jAncestors")}(${r}, false)`),
  M("IEnumerable<JToken> AncestorsAndSelf()", (r) => js`${rt("jAncestors")}(${r}, true)`),
  M("void AddAnnotation(object annotation)", (r, a) => js`${r}.AddAnnotation(${a[0]})`),
  M("T Annotation<T>()", (r, _a, x) => js`(${r}.annotationsOf(${typeTestOf(x.typeArgs[0]!)})[0] ?? null)`),
  M("IEnumerable<T> Annotations<T>()", (r, _a, x) => js`${r}.annotationsOf(${typeTestOf(x.typeArgs[0]!)})`),
  M("void RemoveAnnotations<T>()", (r, _a, x) => js`${r}.RemoveAnnotations(${typeTestOf(x.typeArgs[0]!)})`),
  M("JsonReader CreateReader()", (r) => js`${rt("jCreateReader")}(${r})`),
  // (WriteTo's params JsonConverter[]: JsonConverter is not on the allow-list, so no converter can be passed)
  M("void WriteTo(JsonWriter writer)", (r, a) => js`${rt("jWriteTo")}(${r}, ${a[0]})`),
  SM("JToken Load(JsonReader reader)", (_r, a) => js`${rt("jReadFrom")}(${a[0]})`),
  SM("JToken ReadFrom(JsonReader reader)", (_r, a) => js`${rt("jReadFrom")}(${a[0]})`),
  SP("JTokenEqualityComparer EqualityComparer", () => js`${rt("jEqualityComparer")}`),
]);

type("Newtonsoft.Json.Linq", "JContainer", { base: "JToken" }, [
  P("int Count", (r) => js`${r}.Count`),
  M("void Add(object content)", (r, a, x) => js`${r}.AddContent(${typedValue(a[0]!, x)})`),
  M("void RemoveAll()", (r) => js`${r}.RemoveAll()`),
  M("IEnumerable<JToken> Descendants()", (r) => js`${r}.Descendants()`),
  M("void Merge(object content)", (r, a, x) => js`${r}.Merge(${jt(typedValue(a[0]!, x))})`),
  M("IEnumerable<JToken> DescendantsAndSelf()", (r) => js`${rt("jDescendantsAndSelf")}(${r})`),
  M("void ReplaceAll(object content)", (r, a, x) => js`${rt("jReplaceAll")}(${r}, ${jt(typedValue(a[0]!, x))})`),
  M("void AddFirst(object content)", (r, a, x) => js`${r}.AddFirst(${typedValue(a[0]!, x)})`),
  M("JsonWriter CreateWriter()", (r) => js`${rt("jCreateWriter")}(${r})`),
]);

type(
  "Newtonsoft.Json.Linq",
  "JObject",
  { base: "JContainer", interfaces: ["IEnumerable<KeyValuePair<string, JToken>>"], test: (v) => js`(${v} instanceof ${rt("JObject")})` },
  [
    C("()", () => js`new ${rt("JObject")}()`),
    C("(params object[] content)", (_r, a) => js`${rt("JObject")}.of(${a[0]})`),
    C("(JObject other)", (_r, a) => js`${rt("JObject")}.of([${a[0]}])`),
    I("JToken this[string propertyName]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
    M("IEnumerable<JProperty> Properties()", (r) => js`${r}.Properties()`),
    M("IEnumerable<JToken> PropertyValues()", (r) => js`${rt("jPropertyValues")}(${r})`),
    M("JProperty Property(string name)", (r, a) => js`${r}.Property(${a[0]})`),
    M("JProperty Property(string name, StringComparison comparison)", (r, a) => js`${r}.Property(${a[0]}, ${a[1]})`),
    M("void Add(string propertyName, JToken value)", (r, a) => js`${r}.AddProperty(${a[0]}, ${a[1]})`),
    M("bool Remove(string propertyName)", (r, a) => js`${r}.RemoveProperty(${a[0]})`),
    M("bool ContainsKey(string propertyName)", (r, a) => js`${r}.ContainsKey(${a[0]})`),
    M("bool TryGetValue(string propertyName, out JToken value)", (r, a, x) => tryParse(js`${r}.TryGetValue(${a[0]})`, a[1]!, x, js`null`)),
    M("JToken GetValue(string propertyName)", (r, a) => js`${r}.GetValue(${a[0]})`),
    M("JToken GetValue(string propertyName, StringComparison comparison)", (r, a) => js`${r}.GetValue(${a[0]}, ${a[1]})`),
    SM("JObject Parse(string json)", (_r, a) => js`${rt("JObject")}.Parse(${a[0]})`),
    SM("JObject FromObject(object o)", (_r, a, x) => js`${rt("JObject")}.FromObject(${typedValue(a[0]!, x)})`),
    SM("JObject Load(JsonReader reader)", (_r, a) => js`${rt("jLoadAs")}(${a[0]}, "JObject")`),
  ],
);

type("Newtonsoft.Json.Linq", "JArray", { base: "JContainer", interfaces: ["IList<JToken>"], test: (v) => js`(${v} instanceof ${rt("JArray")})` }, [
  C("()", () => js`new ${rt("JArray")}()`),
  C("(params object[] content)", (_r, a) => js`${rt("JArray")}.of(${a[0]})`),
  C("(JArray other)", (_r, a) => js`${rt("JArray")}.copyOf(${a[0]})`),
  C("(object content)", (_r, a, x) => js`${rt("JArray")}.of([${typedValue(a[0]!, x)}])`),
  I("JToken this[int index]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
  I("JToken this[object key]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
  // (JArray's own Add(JToken) hides JContainer.Add(object) for anything convertible to JToken: a char goes in as ushort)
  M("void Add(JToken item)", (r, a) => js`${r}.Add(${jt(a[0]!)})`),
  M("void Add(object content)", (r, a, x) => js`${r}.AddContent(${typedValue(a[0]!, x)})`),
  M("bool Remove(JToken item)", (r, a) => js`${r}.RemoveItem(${a[0]})`),
  M("void RemoveAt(int index)", (r, a) => js`${r}.RemoveAt(${a[0]})`),
  M("void Insert(int index, JToken item)", (r, a) => js`${r}.Insert(${a[0]}, ${a[1]})`),
  M("void Clear()", (r) => js`${r}.RemoveAll()`),
  M("bool Contains(JToken item)", (r, a) => js`${r}.Contains(${a[0]})`),
  M("int IndexOf(JToken item)", (r, a) => js`${r}.IndexOf(${a[0]})`),
  SM("JArray Parse(string json)", (_r, a) => js`${rt("JArray")}.Parse(${a[0]})`),
  P("bool IsReadOnly", (r) => js`(void ${r}.Count, false)`),
  SM("JArray FromObject(object o)", (_r, a, x) => js`${rt("JArray")}.FromObject(${typedValue(a[0]!, x)})`),
  SM("JArray Load(JsonReader reader)", (_r, a) => js`${rt("jLoadAs")}(${a[0]}, "JArray")`),
]);

type("Newtonsoft.Json.Linq", "JProperty", { base: "JContainer", test: (v) => js`(${v} instanceof ${rt("JProperty")})` }, [
  C("(string name, object content)", (_r, a, x) => js`${rt("JProperty")}.named(${a[0]}, ${typedValue(a[1]!, x, 1)})`),
  C("(string name, params object[] content)", (_r, a) => js`${rt("JProperty")}.of(${a[0]}, ${a[1]})`),
  P("string Name", (r) => js`${r}.Name`),
  P("JToken Value", (r) => js`${r}.Value`, (r, _a, v) => js`${r}.SetValue(${v})`),
  SM("JProperty Load(JsonReader reader)", (_r, a) => js`${rt("jLoadAs")}(${a[0]}, "JProperty")`),
]);

// A JavaScript constructor call in JSON (`new Date(1, 2)`): runtime/dotnet/json-constructor.ts. Its
// only indexer is this[object key] (a boxed int; JArray's this[int] has no counterpart here).
type("Newtonsoft.Json.Linq", "JConstructor", { base: "JContainer", test: (v) => js`(${v} instanceof ${rt("JConstructor")})` }, [
  C("()", () => js`new ${rt("JConstructor")}()`),
  C("(JConstructor other)", (_r, a) => js`${rt("JConstructor")}.copyOf(${a[0]})`),
  C("(string name)", (_r, a) => js`${rt("JConstructor")}.named(${a[0]})`),
  C("(string name, object content)", (_r, a, x) => js`${rt("JConstructor")}.of(${a[0]}, ${typedValue(a[1]!, x, 1)})`),
  C("(string name, params object[] content)", (_r, a) => js`${rt("JConstructor")}.of(${a[0]}, ${a[1]})`),
  P("string Name", (r) => js`${r}.Name`),
  P("JTokenType Type", (r) => js`${r}.Type`),
  I("JToken this[object key]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
  M("void WriteTo(JsonWriter writer)", (r, a) => js`${rt("jWriteTo")}(${r}, ${a[0]})`),
  SM("JConstructor Load(JsonReader reader)", (_r, a) => js`${rt("jLoadAs")}(${a[0]}, "JConstructor")`),
]);

type("Newtonsoft.Json.Linq", "JValue", { base: "JToken", test: (v) => js`(${v} instanceof ${rt("JValue")})` }, [
  C("(object value)", (_r, a, x) => jt(typedValue(a[0]!, x))),
  C("(string value)", (_r, a) => js`${rt("JValue")}.str(${a[0]})`),
  C("(char value)", (_r, a) => js`${rt("JValue")}.chr(${a[0]})`),
  P("object Value", (r) => js`${rt("jvalueObject")}(${r})`),
  SM("JValue CreateNull()", () => js`${rt("JValue")}.null()`),
  SM("JValue CreateString(string value)", (_r, a) => js`${rt("JValue")}.str(${a[0]})`),
  SM("JValue CreateComment(string value)", (_r, a) => js`${rt("JValue")}.comment(${a[0]})`),
  SM("JValue CreateUndefined()", () => js`${rt("JValue")}.undefinedValue()`),
  M("int CompareTo(JValue obj)", (r, a) => js`${r}.CompareTo(${a[0]})`),
]);
type("Newtonsoft.Json.Linq", "JRaw", { base: "JValue" }, [
  C("(object rawJson)", (_r, a) => js`${rt("JValue")}.raw(${a[0]})`),
  SM("JRaw Create(JsonReader reader)", (_r, a) => js`${rt("jRawCreate")}(${a[0]})`),
]);

// JTokenType values (Newtonsoft.Json.Linq.JTokenType).
const JTT = ["None", "Object", "Array", "Constructor", "Property", "Comment", "Integer", "Float", "String", "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes", "Guid", "Uri", "TimeSpan"];
type(
  "Newtonsoft.Json.Linq",
  "JTokenType",
  { valueType: true },
  JTT.map((n, i) => K(`JTokenType ${n}`, i, () => js`${i}`)),
);
type("Newtonsoft.Json", "Formatting", { valueType: true }, [K("Formatting None", 0, () => js`0`), K("Formatting Indented", 1, () => js`1`)]);

type("Newtonsoft.Json", "JsonConvert", { isStatic: true }, [
  SM("string SerializeObject(object value)", (_r, a, x) => js`${rt("jsonSerialize")}(${typedValue(a[0]!, x)}, 0)`),
  SM("string SerializeObject(object value, Formatting formatting)", (_r, a, x) => js`${rt("jsonSerialize")}(${typedValue(a[0]!, x)}, ${a[1]})`),
  SM("object DeserializeObject(string value)", (_r, a) => js`${rt("jsonDeserialize")}(${a[0]}, null)`),
  SM("T DeserializeObject<T>(string value)", (_r, a, x) => js`${rt("jsonDeserialize")}(${a[0]}, ${castKeyOf(x.typeArgs[0]!)})`),
  SP("string Null", () => js`"null"`),
  SP("string True", () => js`"true"`),
  SP("string False", () => js`"false"`),
  SM("string ToString(string value)", (_r, a) => js`${rt("jsonQuote")}(${a[0]})`),
]);

type("Newtonsoft.Json.Linq", "Extensions", { isStatic: true }, [
  SM("T Value<T>(this IEnumerable<JToken> value)", (_r, a, x) => js`${rt("jsValue")}(${a[0]}, ${castKeyOf(x.typeArgs[0]!)})`),
  SM("IEnumerable<JToken> Ancestors(this IEnumerable<JToken> source)", (_r, a) => js`${rt("jsAncestors")}(${a[0]}, false)`),
  SM("IEnumerable<JToken> AncestorsAndSelf(this IEnumerable<JToken> source)", (_r, a) => js`${rt("jsAncestors")}(${a[0]}, true)`),
  SM("IEnumerable<JToken> Descendants(this IEnumerable<JContainer> source)", (_r, a) => js`${rt("jsDescendants")}(${a[0]}, false)`),
  SM("IEnumerable<JToken> DescendantsAndSelf(this IEnumerable<JContainer> source)", (_r, a) => js`${rt("jsDescendants")}(${a[0]}, true)`),
  SM("IEnumerable<JProperty> Properties(this IEnumerable<JObject> source)", (_r, a) => js`${rt("jsProperties")}(${a[0]})`),
  SM("IEnumerable<JToken> Children(this IEnumerable<JToken> source)", (_r, a) => js`${rt("jsChildren")}(${a[0]})`),
  SM("IEnumerable<JToken> Values(this IEnumerable<JToken> source)", (_r, a) => js`${rt("jsValues")}(${a[0]}, undefined, null)`),
  SM("IEnumerable<JToken> Values(this IEnumerable<JToken> source, object key)", (_r, a) => js`${rt("jsValues")}(${a[0]}, ${a[1]}, null)`),
  SM("IEnumerable<U> Values<U>(this IEnumerable<JToken> source)", (_r, a, x) => js`${rt("jsValues")}(${a[0]}, undefined, ${castKeyOf(x.typeArgs[0]!)})`),
  SM("IEnumerable<U> Values<U>(this IEnumerable<JToken> source, object key)", (_r, a, x) => js`${rt("jsValues")}(${a[0]}, ${a[1]}, ${castKeyOf(x.typeArgs[0]!)})`),
  SM("IEnumerable<JToken> AsJEnumerable(this IEnumerable<JToken> source)", (_r, a) => a[0]!),
]);

import type { Type } from "../types.js";
let castKeyOf: (t: Type) => Code = () => js`"object"`;
export function setJCastKey(f: (t: Type) => Code): void {
  castKeyOf = f;
}
