// System.Text and collection members of APIM's allow-list (docs/surface-coverage.md): StringBuilder's
// Capacity/EnsureCapacity through appends, length changes, Clear and Insert; Encoding's flags,
// IsAlwaysNormalized and Convert; Dictionary.TrimExcess and its effect on enumeration order; the
// Nullable<T> constructor.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `text.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `text.${id}`, type, expr: body, block: true, ...opts });

const ENCODINGS = ["Encoding.UTF8", "Encoding.ASCII", "Encoding.Unicode", "Encoding.UTF32", "Encoding.BigEndianUnicode", `Encoding.GetEncoding("iso-8859-1")`, `Encoding.GetEncoding("utf-8")`];
/** Append sizes walked from several starting builders: the capacity after each append. */
const APPEND_RUNS: [string, number[]][] = [
  ["new StringBuilder()", [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 40]],
  [`new StringBuilder("x")`, [100, 100, 1, 300, 7]],
  ["new StringBuilder(5)", [6, 0, 5, 1, 20, 64]],
  ["new StringBuilder(0)", [16, 1, 31, 1]],
  [`new StringBuilder("abcd", 3)`, [1, 2, 3]],
  ["new StringBuilder(7000)", [7000, 1, 6999, 2]],
];

export const TEXT_COLLECTION_CASES: DiffCase[] = [
  // ---- StringBuilder capacity -------------------------------------------------------------------
  ...APPEND_RUNS.map(([init, sizes], i) =>
    b(`sb.capacity.append.${i}`, "string", `var sb = ${init}; var r = sb.Capacity + ":" + sb.Length; foreach (var n in new[] { ${sizes.join(", ")} }) { sb.Append(new string('a', n)); r += "," + sb.Capacity + ":" + sb.Length; } return r;`),
  ),
  // AppendLine appends Environment.NewLine: "\r\n" on APIM's Windows, "\n" on Mono/Linux (2 chars more on .NET)
  b("sb.capacity.char.appendline", "string", `var sb = new StringBuilder(); var r = ""; for (int i = 0; i < 20; i++) { sb.Append('x'); r += sb.Capacity + ","; } sb.AppendLine("y"); sb.AppendLine(); r += sb.Capacity + ":" + sb.Length; return r;`, {
    expectDotNet: "16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,32,32,32,32,32:25",
  }),
  b("sb.capacity.length.clear", "string", `var sb = new StringBuilder("x"); sb.Append(new string('a', 100)); var r = sb.Capacity + ","; sb.Clear(); r += sb.Capacity + ","; sb.Length = 500; r += sb.Capacity + ","; sb.Length = 3; r += sb.Capacity + ","; sb.Remove(0, 2); r += sb.Capacity + "," + sb.Length; return r;`),
  b("sb.capacity.set", "string", `var sb = new StringBuilder("abc"); sb.Capacity = 600; var r = sb.Capacity + "," + sb.EnsureCapacity(10) + "," + sb.EnsureCapacity(1000) + "," + sb.Capacity; sb.Capacity = 3; r += "," + sb.Capacity + "," + sb.ToString(); sb.Append("d"); r += "," + sb.Capacity; return r;`),
  b("sb.capacity.set.small", "int", `var sb = new StringBuilder("abc"); sb.Capacity = 2; return sb.Capacity;`),
  b("sb.capacity.set.negative", "int", `var sb = new StringBuilder(); sb.Capacity = -1; return sb.Capacity;`),
  c("sb.ensurecapacity.negative", "int", `new StringBuilder("abc").EnsureCapacity(-1)`),
  c("sb.ctor.capacity", "string", `new StringBuilder(0).Capacity + "," + new StringBuilder("ab", 3).Capacity + "," + new StringBuilder("abcd", 3).Capacity + "," + new StringBuilder("", 0).Capacity + "," + new StringBuilder(30000).Capacity + "," + new StringBuilder(new string('x', 40)).Capacity + "," + new StringBuilder(new string('x', 40), 100).Capacity`),
  c("sb.ctor.capacity.negative", "int", `new StringBuilder("a", -1).Capacity`),
  c("sb.insert.inplace", "int", `new StringBuilder("abc").Insert(0, "x").Capacity`),
  c("sb.maxcapacity", "int", `new StringBuilder(5).MaxCapacity`),
  // ---- Encoding ------------------------------------------------------------------------------------
  c("encoding.flags", "string", `string.Join(" ", new[] { ${ENCODINGS.join(", ")} }.Select(e => e.WebName + ":" + e.IsBrowserDisplay + e.IsBrowserSave + e.IsMailNewsDisplay + e.IsMailNewsSave + e.IsAlwaysNormalized()))`),
  c("encoding.convert", "string", `string.Join(" ", new[] { ${ENCODINGS.join(", ")} }.Select(e => BitConverter.ToString(Encoding.Convert(Encoding.UTF8, e, Encoding.UTF8.GetBytes("h\\u00e9\\ud83d\\ude00"))) + "/" + BitConverter.ToString(Encoding.Convert(e, Encoding.UTF8, e.GetBytes("a\\u00e9b"), 0, e.GetBytes("a\\u00e9b").Length - 1))))`),
  c("encoding.convert.null.src", "int", `Encoding.Convert(null, Encoding.ASCII, new byte[0]).Length`),
  c("encoding.convert.null.dst", "int", `Encoding.Convert(Encoding.ASCII, null, new byte[0]).Length`),
  c("encoding.convert.null.bytes", "int", `Encoding.Convert(Encoding.ASCII, Encoding.UTF8, null).Length`),
  c("encoding.convert.range", "int", `Encoding.Convert(Encoding.ASCII, Encoding.UTF8, new byte[] { 65 }, 0, 2).Length`),
  // ---- Dictionary.TrimExcess -------------------------------------------------------------------------
  b("dictionary.trimexcess.order", "string", `var d = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 3, ["d"] = 4 }; d.Remove("b"); d.Remove("a"); var e = new Dictionary<string, int>(d); d.TrimExcess(); d.Add("x", 9); d.Add("y", 8); e.Add("x", 9); return string.Join(",", d.Keys) + "|" + string.Join(",", e.Keys);`),
  b("dictionary.trimexcess.capacity", "string", `var d = new Dictionary<int, int> { [1] = 1, [2] = 2 }; d.Remove(1); d.TrimExcess(5); d.Add(7, 7); d.TrimExcess(2); return string.Join(",", d.Keys);`),
  b("dictionary.trimexcess.small", "int", `var d = new Dictionary<int, int> { [1] = 1, [2] = 2 }; d.TrimExcess(1); return d.Count;`),
  b("dictionary.trimexcess.noreorder", "string", `var d = new Dictionary<int, string> { [3] = "c", [1] = "a" }; d.Remove(3); d.Add(5, "e"); var r = string.Join(",", d.Keys); d.TrimExcess(); d.Remove(1); d.Add(9, "i"); return r + "|" + string.Join(",", d.Keys);`),
  // ---- List<T>.BinarySearch, Array.SyncRoot ----------------------------------------------------------
  b("list.binarysearch", "string", `var l = new List<int> { 1, 3, 5, 7, 9 }; var s = new List<string> { "a", "B", "c" }; return l.BinarySearch(5) + "," + l.BinarySearch(4) + "," + l.BinarySearch(0) + "," + l.BinarySearch(10) + "," + new List<int>().BinarySearch(1) + "," + s.BinarySearch("b") + "," + s.BinarySearch("c");`),
  b("list.binarysearch.null", "int", `List<int> l = null; return l.BinarySearch(3);`),
  b("array.syncroot", "string", `var a = new[] { 1, 2 }; return (a.SyncRoot == (object)a) + "|" + ((int[])a.SyncRoot).Length;`),
  b("array.syncroot.null", "bool", `int[] a = null; return a.SyncRoot == null;`),
  // ---- Nullable<T> constructor ------------------------------------------------------------------------
  c("nullable.ctor", "string", `new Nullable<int>(5).Value + "|" + new Nullable<double>(2.5).HasValue + "|" + (new Nullable<int>(3) + 1) + "|" + new Nullable<DateTime>(new DateTime(2020, 1, 2)).Value.Day`),
];
