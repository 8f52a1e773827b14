// Cases found by the generator (npm run fuzz:csharp, issue 11) in the object, JSON, XML, URI,
// encoding, regex, hashing and tuple areas, and the classes around them. Same shape and conventions
// as cases.ts.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id, type, expr: body, block: true, ...opts });

// ---- a null receiver: NullReferenceException, after the arguments are evaluated ----------------------
// Members of object, of interfaces and of Enum/Array lower to runtime helpers that take any value; the
// receiver is checked. [static type of the receiver, result type, member call].
const NULL_RECEIVERS: [string, string, string][] = [
  ["object", "string", "ToString()"],
  ["object", "bool", "Equals(1)"],
  ["object", "int", "GetHashCode()"],
  ["Enum", "string", "ToString()"],
  ["Enum", "bool", "Equals(null)"],
  ["Array", "string", "ToString()"],
  ["Array", "int", "GetHashCode()"],
  ["IComparable", "int", "CompareTo(null)"],
  ["IComparable", "int", `CompareTo((object)"x")`],
  ["ISet<int>", "bool", "Add(1)"],
  ["ISet<int>", "bool", "IsSubsetOf(null)"],
  ["ISet<int>", "bool", "Overlaps(new int[0])"],
  ["ICollection<int>", "int", "Count"],
  ["ICollection<int>", "bool", "Contains(1)"],
  ["IList<int>", "int", "IndexOf(1)"],
  ["IList<int>", "int", "[0]"],
  ["IReadOnlyList<int>", "int", "[0]"],
  ["IReadOnlyCollection<int>", "int", "Count"],
  ["IDictionary<string, int>", "int", "Count"],
  ["IDictionary<string, int>", "bool", "ContainsKey(null)"],
  ["IReadOnlyDictionary<string, int>", "int", `["a"]`],
  ["IEnumerable<int>", "string", "ToString()"],
  ["IEnumerable<int>", "bool", "Equals(null)"],
  ["IComparer<int>", "int", "Compare(1, 2)"],
  ["IFormatProvider", "string", "ToString()"],
  ["string", "int", "GetHashCode()"],
  ["List<int>", "int", "GetHashCode()"],
  ["List<int>", "bool", "Equals(null)"],
  ["int[]", "bool", "Equals(null)"],
  ["int[]", "int", "GetHashCode()"],
  ["JToken", "bool", "Equals(null)"],
  ["Regex", "string", "ToString()"],
  ["Encoding", "string", "ToString()"],
  ["CultureInfo", "string", "ToString()"],
];
const receiverCases = NULL_RECEIVERS.map(([t, r, call], i) => c(`fz.null.receiver.${i}`, r, `(default(${t}))${call.startsWith("[") ? "" : "."}${call}`));
// the arguments run first: a throwing argument wins over the null receiver
const receiverOrder = [
  c("fz.null.receiver.args.first.set", "bool", `(default(ISet<int>)).Add(int.Parse("x"))`),
  c("fz.null.receiver.args.first.overlaps", "bool", `(default(ISet<int>)).Overlaps(new List<int> { int.Parse("x") })`),
  c("fz.null.receiver.args.first.equals", "bool", `((object)null).Equals(int.Parse("x"))`),
  b("fz.null.receiver.args.order", "string", `var s = ""; try { ((IComparable)null).CompareTo((object)(s += "a")); } catch (NullReferenceException) { s += "!"; } return s;`),
  // Nullable<T> receivers are value types: null is a value with these members
  c("fz.null.receiver.nullable", "string", `((int?)null).ToString() + "|" + ((int?)null).GetHashCode() + "|" + ((int?)null).Equals(null)`),
  c("fz.null.receiver.jvalue.value", "string", `((JValue.CreateNull()).Value).ToString()`),
  c("fz.receiver.new.tostring", "string", `new JObject(new JProperty("a", 1)).ToString(Formatting.None) + new List<int> { 1 }.ToString() + new { a = 1 }.ToString()`),
];

// ---- JToken indexers: the key's boxed type --------------------------------------------------------
// JArray takes only a boxed int, JObject only a string; any other key is an ArgumentException (null:
// ArgumentNullException); JValue and JProperty have no children (InvalidOperationException).
const KEYS = ["(object)1", "(object)1.0", "(object)1.5", "(object)double.NaN", "(object)1L", "(object)long.Parse(\"9007199254740993\")", "(object)1000000000000m", "(object)'a'", "(object)(short)1", "(object)true", `"a"`, "(object)null"];
const HOLDERS: [string, string][] = [
  ["jarray", `JArray.Parse("[1,2]")`],
  ["jobject", `JObject.Parse("{\\"a\\":1,\\"1\\":2}")`],
  ["jvalue", `(JToken)new JValue(1)`],
  ["jproperty", `(JToken)new JProperty("a", 1)`],
];
// (A char boxed to object is a 1-char string in apimc, so a JObject takes it as a property name: a
// documented limit of the value representation, compiler/csharp/lower.ts `box`.)
const keyCases = HOLDERS.flatMap(([name, holder]) =>
  KEYS.flatMap((k, i) => (name === "jobject" && k.includes("'") ? [] : [
    c(`fz.jtoken.key.${name}.get.${i}`, "JToken", `((JToken)${holder})[${k}]`),
    b(`fz.jtoken.key.${name}.set.${i}`, "string", `var t = (JToken)${holder}; t[${k}] = 3; return t.ToString(Formatting.None);`),
  ])),
);

export const OBJECT_JSON_CASES: DiffCase[] = [...receiverCases, ...receiverOrder, ...keyCases];
