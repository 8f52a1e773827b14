// Newtonsoft.Json.Linq members of APIM's allow-list (docs/surface-coverage.md): JContainer.AddFirst on
// arrays, objects and properties; JValue.CompareTo across value types; comments and undefined values
// (CreateComment, CreateUndefined) as Newtonsoft writes them; annotations; JArray.IsReadOnly.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `jtoken.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `jtoken.${id}`, type, expr: body, block: true, ...opts });

/** JValue constructions whose CompareTo is compared pairwise (each is its own statement: some pairs throw). */
const VALUES = ["new JValue(1)", "new JValue(2.5)", "new JValue(-3L)", "new JValue(1.5m)", "new JValue(double.NaN)", "new JValue(\"5\")", "new JValue(\"abc\")", "new JValue(\"ab\")", "new JValue(true)", "new JValue(false)", "JValue.CreateNull()", "JValue.CreateString(null)", "JValue.CreateComment(\"c\")", "new JValue(long.MaxValue)"];

export const JTOKEN_CASES: DiffCase[] = [
  // ---- AddFirst -----------------------------------------------------------------------------------
  b("addfirst.object", "string", `var o = JObject.Parse("{\\"a\\":1}"); o.AddFirst(new JProperty("z", 2)); o.AddFirst(new JProperty("y", new JArray(1, 2))); return o.ToString(Formatting.None) + "|" + o.First.Path + "|" + ((JProperty)o.First).Name;`),
  b("addfirst.object.duplicate", "string", `var o = JObject.Parse("{\\"a\\":1}"); o.AddFirst(new JProperty("a", 2)); return o.ToString(Formatting.None);`),
  b("addfirst.object.value", "string", `var o = JObject.Parse("{\\"a\\":1}"); o.AddFirst(5); return o.ToString(Formatting.None);`),
  b("addfirst.array", "string", `var o = JArray.Parse("[1]"); o.AddFirst(null); o.AddFirst("s"); o.AddFirst(new JObject()); o.AddFirst(2.5); return o.ToString(Formatting.None) + "|" + o.Count + "|" + o[0].Type + "|" + o[1].Path;`),
  b("addfirst.property", "string", `var o = new JProperty("p", 1); o.AddFirst(2); return o.ToString(Formatting.None);`),
  b("addfirst.parented", "string", `var o = JArray.Parse("[1]"); var x = o[0]; var b2 = JArray.Parse("[2]"); b2.AddFirst(x); return o.ToString(Formatting.None) + b2.ToString(Formatting.None) + (b2[0] == x) + (b2[0].Parent == b2);`),
  b("addfirst.null.receiver", "int", `JArray a = null; a.AddFirst(1); return 1;`),
  // ---- CompareTo ----------------------------------------------------------------------------------
  ...VALUES.flatMap((x, i) =>
    VALUES.map((y, j) => c(`compareto.${i}.${j}`, "int", `(${x}).CompareTo(${y})`)),
  ),
  c("compareto.null", "int", `new JValue(1).CompareTo(null)`),
  c("compareto.orderby", "string", `string.Join(",", new[] { new JValue(3), new JValue(1.5), new JValue(-2L), new JValue(2) }.OrderBy(v => v).Select(v => v.ToString()))`),
  // ---- comments, undefined --------------------------------------------------------------------------
  c("comment.undefined.write", "string", `new JArray(JValue.CreateComment("c"), JValue.CreateUndefined(), 1, JValue.CreateComment("d"), 2, JValue.CreateComment(null)).ToString(Formatting.None)`),
  c("comment.undefined.indented", "string", `new JArray(JValue.CreateComment("c"), JValue.CreateUndefined(), 1, JValue.CreateComment("d")).ToString()`, { windowsNewline: true }),
  c("comment.undefined.values", "string", `JValue.CreateComment("c").ToString() + "|" + JValue.CreateUndefined().ToString() + "|" + JValue.CreateComment("c").Type + "|" + JValue.CreateUndefined().Type + "|" + (JValue.CreateComment(null).Value == null) + "|" + JValue.CreateComment("x").ToString(Formatting.None) + "|" + new JObject(new JProperty("u", JValue.CreateUndefined())).ToString(Formatting.None)`),
  c("undefined.parse", "string", `JToken.Parse("[undefined]").ToString(Formatting.None) + JToken.Parse("[undefined]")[0].Type`),
  c("comment.only", "string", `new JArray(JValue.CreateComment("a"), JValue.CreateComment("b")).ToString(Formatting.None)`),
  // ---- annotations ------------------------------------------------------------------------------------
  b("annotations", "string", `var t = new JObject(); t.AddAnnotation("s"); t.AddAnnotation(5); t.AddAnnotation("q"); t.AddAnnotation(new JArray()); return t.Annotation<string>() + "|" + string.Join(",", t.Annotations<string>()) + "|" + t.Annotations<object>().Count() + "|" + (t.Annotation<JObject>() == null) + "|" + t.Annotations<JToken>().Count() + "|" + t.Annotations<JArray>().Count();`),
  b("annotations.remove", "string", `var t = new JObject(); t.AddAnnotation("s"); t.AddAnnotation(5); t.RemoveAnnotations<string>(); var r = t.Annotations<object>().Count() + "|" + t.Annotation<object>() + "|" + t.DeepClone().Annotations<object>().Count(); t.RemoveAnnotations<object>(); return r + "|" + t.Annotations<object>().Count() + "|" + (t.Annotation<string>() == null);`),
  b("annotations.null", "int", `var t = new JObject(); t.AddAnnotation(null); return 1;`),
  b("annotations.value", "string", `var t = JToken.Parse("[1,2]"); t[0].AddAnnotation("first"); return t[0].Annotation<string>() + "|" + (t[1].Annotation<string>() == null) + "|" + t.ToString(Formatting.None);`),
  // ---- IsReadOnly --------------------------------------------------------------------------------------
  c("jarray.isreadonly", "bool", `new JArray(1).IsReadOnly`),
];
