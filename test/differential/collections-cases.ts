// Collections and LINQ cases found by the generator (npm run fuzz:csharp, issue 11) and the classes
// around them: List<T> versioning under foreach, Array/List sort (.NET Framework's introsort and its
// comparer exceptions), HashSet/Dictionary enumeration order and versioning, Cast/OfType exactness,
// deferred LINQ. Same shape and conventions as cases.ts.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id, type, expr: body, block: true, ...opts });

/** A foreach over a List<int> {3, 1, 2} that does `change` at step `at`; "n=<steps>" or the exception's name. */
const walk = (change: string, at: number) =>
  `var l = new List<int> { 3, 1, 2 }; int n = 0; try { foreach (var x in l) { n++; if (n == ${at}) ${change}; } } catch (InvalidOperationException) { return "threw@" + n; } return "n=" + n + " " + string.Join(",", l);`;
const LIST_CHANGES: [string, string][] = [
  ["set", "l[0] = x"],
  ["add", "l.Add(x)"],
  ["addrange.empty", "l.AddRange(new int[0])"],
  ["insert", "l.Insert(0, x)"],
  ["insertrange.empty", "l.InsertRange(0, new int[0])"],
  ["remove", "l.Remove(3)"],
  ["remove.missing", "l.Remove(99)"],
  ["removeat", "l.RemoveAt(0)"],
  ["removeall.none", "l.RemoveAll(y => y > 100)"],
  ["removeall", "l.RemoveAll(y => y > 2)"],
  ["removerange.empty", "l.RemoveRange(0, 0)"],
  ["removerange", "l.RemoveRange(0, 1)"],
  ["clear", "l.Clear()"],
  ["sort", "l.Sort()"],
  ["reverse", "l.Reverse()"],
  ["icollection.add", "((ICollection<int>)l).Add(x)"],
  ["ilist.set", "((IList<int>)l)[1] = x"],
  ["read", "l.IndexOf(x)"],
];

// Cast/OfType: boxed ints and doubles are both JS numbers; the element's static type decides.
const CAST_SOURCES: [string, string][] = [
  ["int", "new List<int> { 0, 7 }"],
  ["double", "new List<double> { 1.0, 2.5 }"],
  ["long", "new long[] { 1L, -2L }"],
  ["char", "new List<char> { 'a' }"],
  ["decimal", "new List<decimal> { 1.50m }"],
  ["nint", "new List<int?> { 1, null }"],
  ["object", `new List<object> { 1, 2L, 3.0, 4.5, "st", 5m, null }`],
  ["string", `new[] { "x", null }`],
];
const CAST_TARGETS = ["int", "double", "long", "decimal", "object", "string", "IComparable", "int?"];

/**
 * Value-type items that are objects at run time (decimals of different scales, dates, time spans,
 * guids, offsets, boxes): equal values are one item of a HashSet, a Distinct/GroupBy key, a Union.
 * Each row: the type and two lists of equal values built separately (so no two are the same object).
 */
const EQUAL_VALUES: [string, string, string][] = [
  ["decimal", "1m, 2.50m, -0m, 79228162514264337593543950335m", "1.000m, 2.5m, 0.0m, decimal.MaxValue"],
  ["DateTime", "new DateTime(2020, 1, 1), DateTime.MaxValue, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)", "new DateTime(637134336000000000), new DateTime(DateTime.MaxValue.Ticks), new DateTime(2020, 1, 1).AddTicks(0)"],
  ["TimeSpan", "TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.MaxValue", "new TimeSpan(1, 0, 0), new TimeSpan(0), new TimeSpan(long.MaxValue)"],
  ["Guid", "Guid.Empty, new Guid(\"0f8fad5b-d9cb-469f-a165-70867728950e\")", "new Guid(\"00000000-0000-0000-0000-000000000000\"), Guid.Parse(\"{0F8FAD5B-D9CB-469F-A165-70867728950E}\")"],
  ["DateTimeOffset", "new DateTimeOffset(2020, 1, 1, 5, 0, 0, TimeSpan.FromHours(5)), DateTimeOffset.MinValue", "new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.MinValue.AddTicks(0)"],
  ["object", "1, 1L, 1.0, 1m, 'a', (short)1, double.NaN, -0.0, 5000000000L", "(object)1, (object)1L, (object)1.0, (object)1.00m, (object)'a', (object)(short)1, (object)(0.0 / 0.0), (object)0.0, (object)5000000000L"],
];
const equalValues = (t: string, xs: string, ys: string) =>
  `var xs = new List<${t}> { ${xs} }; var ys = new List<${t}> { ${ys} }; var h = new HashSet<${t}>(xs); var r = new List<string>(); r.Add(h.Count + ":" + ys.Count(y => h.Contains(y)) + ":" + h.SetEquals(ys) + ":" + h.IsSubsetOf(ys) + ":" + h.Overlaps(ys)); var u = new HashSet<${t}>(xs); u.UnionWith(ys); var i = new HashSet<${t}>(xs); i.IntersectWith(ys); var x = new HashSet<${t}>(xs); x.SymmetricExceptWith(ys); var e = new HashSet<${t}>(xs); e.ExceptWith(ys); var m = new HashSet<${t}>(xs); int removed = ys.Count(y => m.Remove(y)); foreach (var y in ys) m.Add(y); r.Add(u.Count + ":" + i.Count + ":" + x.Count + ":" + e.Count + ":" + removed + ":" + m.Count); r.Add(xs.Concat(ys).Distinct().Count() + ":" + xs.Concat(ys).GroupBy(v => v).Count() + ":" + xs.Union(ys).Count() + ":" + xs.Intersect(ys).Count() + ":" + xs.Except(ys).Count() + ":" + ys.Count(y => xs.Contains(y)) + ":" + ys.Count(y => xs.IndexOf(y) >= 0) + ":" + xs.Concat(ys).ToLookup(v => v).Count + ":" + xs.SequenceEqual(ys)); return string.Join(",", r);`;

export const COLLECTION_CASES: DiffCase[] = [
  ...CAST_SOURCES.flatMap(([sn, src]) =>
    CAST_TARGETS.flatMap((t) => [
      c(`fz.oftype.${sn}.${t}`, "string", `string.Join(",", (${src}).OfType<${t}>())`),
      // (left out: a boxed char is a 1-char string in apimc, so OfType<string> over objects takes it)
      ...(sn === "char" && t === "string" ? [] : [c(`fz.cast.object.oftype.${sn}.${t}`, "string", `string.Join(",", (${src}).Cast<object>().OfType<${t}>())`)]),
      c(`fz.cast.${sn}.${t}`, "string", `string.Join(",", (${src}).Cast<${t}>())`),
    ]),
  ),
  c("fz.cast.object.oftype.sum", "double", "new List<int> { 255 }.Cast<object>().OfType<double>().Select(v3 => double.PositiveInfinity).Sum()"),
  // List<T>._version: every change (an item set too) fails the enumeration at its next step, the last one included
  ...LIST_CHANGES.flatMap(([name, change]) => [1, 3].map((at) => b(`fz.foreach.list.${name}.${at}`, "string", walk(change, at)))),
  // .NET Framework's List.Sort(Comparison<T>) does not change _version (reference source List.cs);
  // Mono's does, so Mono throws here.
  b("fz.foreach.list.sort.comparison", "string", walk("l.Sort((a, b) => a - b)", 1), { expectDotNet: "n=3 1,2,3" }),
  b("fz.list.foreach.set", "int", "var l = new List<int> { 3, 1, 2 }; int n = 0; l.ForEach(x => { n++; if (n == 2) l[0] = 9; }); return n;"),
  b("fz.list.foreach.read", "int", "var l = new List<int> { 3, 1, 2 }; int n = 0; l.ForEach(x => { n += x; }); return n;"),
  // Dictionary<K,V>._version: .NET Framework counts a set of an existing key as a change
  ...(
    [
      ["set.existing", `d["a"] = 5`],
      ["add", `d.Add("c", 3)`],
      ["remove", `d.Remove("a")`],
      ["remove.missing", `d.Remove("zz")`],
      ["clear", "d.Clear()"],
      ["read", `d.ContainsKey("a")`],
    ] as const
  ).flatMap(([name, change]) =>
    [1, 2].map((at) =>
      b(
        `fz.foreach.dict.${name}.${at}`,
        "string",
        `var d = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }; int n = 0; try { foreach (var kv in d) { n++; if (n == ${at}) ${change}; } } catch (InvalidOperationException) { return "threw@" + n; } return "n=" + n + " " + d.Count;`,
      ),
    ),
  ),
  // HashSet<T>._version, and its slot order after Remove + Add (free list, reset when empty)
  ...(
    [
      ["add", "h.Add(7)"],
      ["add.existing", "h.Add(1)"],
      ["remove", "h.Remove(1)"],
      ["remove.missing", "h.Remove(99)"],
      ["clear", "h.Clear()"],
      ["unionwith", "h.UnionWith(new[] { 8 })"],
    ] as const
  ).flatMap(([name, change]) =>
    [1, 3].map((at) =>
      b(
        `fz.foreach.hashset.${name}.${at}`,
        "string",
        `var h = new HashSet<int> { 1, 2, 3 }; int n = 0; try { foreach (var x in h) { n++; if (n == ${at}) ${change}; } } catch (InvalidOperationException) { return "threw@" + n; } return "n=" + n + " " + h.Count;`,
      ),
    ),
  ),
  b("fz.hashset.order.remove.add", "string", `var h = new HashSet<string> { "a", "b", "c", "d" }; h.Remove("b"); h.Remove("c"); h.Add("e"); h.Add("f"); h.Add("g"); return string.Join(",", h);`),
  b("fz.hashset.order.emptied", "string", `var h = new HashSet<string> { "a", "b", "c" }; h.Remove("a"); h.Remove("b"); h.Remove("c"); h.Add("e"); h.Add("f"); return string.Join(",", h);`),
  b("fz.hashset.order.removewhere", "string", "var h = new HashSet<int> { 4, 1, 2, 3 }; h.RemoveWhere(x => x < 3); h.Add(9); h.Add(8); h.Add(7); return string.Join(\",\", h);"),
  b("fz.hashset.order.intersect", "string", "var h = new HashSet<int> { 4, 1, 2, 3 }; h.IntersectWith(new[] { 3, 1 }); h.Add(9); h.Add(8); h.Add(7); return string.Join(\",\", h);"),
  b("fz.hashset.order.tohashset", "string", "var h = new List<int> { 4, 1, 2, 3 }.ToHashSet(); h.Remove(1); h.Add(9); return string.Join(\",\", h);"),
  b("fz.hashset.self.ops", "string", "var h = new HashSet<int> { 1, 2, 3 }; h.SymmetricExceptWith(h); h.Add(5); h.UnionWith(h); var g = new HashSet<int> { 1 }; g.ExceptWith(g); return string.Join(\",\", h) + h.Count + g.Count;"),
  // Sort: .NET Framework's introsort (insertion sort up to 16 items, then median-of-three quicksort)
  b("fz.sort.comparison.null.receiver", "string", `var l = new List<string> { "ab", (string)null }; l.Sort((a, b) => b.CompareTo(a)); return string.Join(",", l);`),
  b("fz.sort.comparison.null.deref", "string", `var l = new List<string> { (string)null, "" }; l.Sort((a, b) => a.ToString().Length - b.ToString().Length); return string.Join(",", l);`),
  b("fz.sort.comparison.throws", "string", `var l = new List<string> { "1", "x", "2" }; l.Sort((a, b) => int.Parse(a) - int.Parse(b)); return string.Join(",", l);`),
  b("fz.sort.default.incomparable", "string", `var l = new List<object> { 1, "a" }; l.Sort(); return string.Join(",", l);`),
  b("fz.sort.comparison.constant", "string", "var l = new List<int> { 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 12, 13, 14 }; l.Sort((a, b) => 1); return string.Join(\",\", l);"),
  b("fz.sort.comparison.two", "string", "var v0 = new List<int> { 0, int.MinValue }; v0.Sort((v2, v3) => 1); return string.Join(\",\", v0);"),
  b("fz.sort.comparison.three", "string", "var v0 = new List<int> { 2, 0, 1 }; v0.Sort((v2, v3) => 1); return string.Join(\",\", v0);"),
  b("fz.sort.comparison.bad", "string", "var l = new List<int> { 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 12, 13, 14 }; try { l.Sort((a, b) => -1); } catch (ArgumentException) { return \"bad\"; } return string.Join(\",\", l);"),
  ...[4, 16, 17, 23, 40].map((n) =>
    b(
      `fz.sort.unstable.${n}`,
      "string",
      `var l = new List<string>(); for (int i = 0; i < ${n}; i++) l.Add(new string((char)('a' + i % 26), 1 + (i * 7) % 3)); l.Sort((a, b) => a.Length - b.Length); return string.Join(",", l);`,
    ),
  ),
  b("fz.sort.array.unstable", "string", `var a = new[] { "bb", "a", "cc", "d", "ee", "f", "gg", "h", "ii", "j", "kk", "l", "mm", "n", "oo", "p", "qq", "r", "ss", "t", "uu", "v" }; var l = a.ToList(); l.Sort((x, y) => x.Length.CompareTo(y.Length)); return string.Join(",", l);`),
  // Deferred LINQ (.NET Framework System.Core Enumerable.cs): a selector runs only for the elements a
  // consumer pulls, arguments of later calls are evaluated before earlier operators run, and each
  // enumeration runs the chain again.
  c("fz.linq.deferred.takewhile.take.neg", "double", `(((new List<double> { double.NaN }).TakeWhile(v3 => (ulong.Parse("2020-02-29T23:59:59Z", NumberStyles.AllowHexSpecifier)).Equals((object)(1.5)))).Take(-1)).Max()`),
  c("fz.linq.deferred.append.arg.first", "double", `(((new List<double> { 0.0 }).OrderByDescending(v0 => (new XProcessingInstruction("-42", "ABCabc")).Target)).Append((new List<double> {  })[-1])).Max(v1 => 0.0)`),
  c("fz.linq.deferred.contains.arg.first", "bool", `((new double[] { 0.0 }).Where(v0 => (decimal.ToUInt32(1000000000000m)).Equals((default(Array)).Clone()))).Contains((new List<bool> {  }).Min(v1 => 0.0))`),
  ...(
    [
      ["first", "int", "First()", 2],
      ["firstordefault.pred", "int", "FirstOrDefault(x => x < 0)", 2],
      ["any", "bool", "Any()", 1],
      ["any.pred", "bool", "Any(x => x < 0)", 2],
      ["take.sum", "int", "Take(2).Sum()", 3],
      ["take.zero.count", "int", "Take(0).Count()", 1],
      ["elementat", "int", "ElementAt(1)", 3],
      ["elementat.neg", "int", "ElementAtOrDefault(-1)", 1],
      ["single", "int", "Single()", 3],
      ["last", "int", "Last()", 3],
      ["last.pred", "int", "Last(x => x > 0)", 1],
      ["contains", "bool", "Contains(-10)", 2],
      ["sequenceequal", "bool", "SequenceEqual(new[] { 5, 6 })", 3],
      ["zip", "string", "Zip(new[] { 1 }, (a, b) => a + b).Single().ToString()", 2],
      ["takewhile", "int", "TakeWhile(x => x < 0).Count()", 2],
      ["concat.first", "int", "Concat(new[] { 1 }).First()", 2],
      ["defaultifempty.first", "int", "DefaultIfEmpty().First()", 2],
      ["distinct.first", "int", "Distinct().First()", 2],
      ["where.first", "int", "Where(x => x != 0).First()", 2],
    ] as const
  ).flatMap(([name, type, tail, zeroAt]) =>
    // 10 / (x - k) divides by zero at the k-th element: which consumers pull that far?
    [zeroAt, zeroAt + 1].map((k) => c(`fz.linq.deferred.${name}.${k}`, type, `new[] { 1, 2, 3 }.Select(x => 10 / (x - ${k})).${tail}`)),
  ),
  b("fz.linq.deferred.log.where.select", "string", `var log = new List<string>(); var q = new[] { 1, 2, 3 }.Where(x => { log.Add("w" + x); return x > 1; }).Select(x => { log.Add("s" + x); return x; }); var f = q.First(); var c = q.Count(); return string.Join(",", log) + "|" + f + c;`),
  b("fz.linq.deferred.log.skip.reverse", "string", `var log = new List<string>(); var q = new[] { 1, 2, 3 }.Select(x => { log.Add("s" + x); return x; }).Reverse().Skip(1).Take(1); log.Add("built"); return string.Join(",", q) + "|" + string.Join(",", log);`),
  b("fz.linq.deferred.log.groupby", "string", `var log = new List<string>(); var q = new[] { 1, 2, 1 }.GroupBy(x => { log.Add("k" + x); return x; }); log.Add("built"); var f = q.First().Count(); return f + "|" + string.Join(",", log);`),
  b("fz.linq.deferred.log.intersect", "string", `var log = new List<string>(); var q = new[] { 1, 2 }.Select(x => { log.Add("a" + x); return x; }).Intersect(new[] { 2, 3 }.Select(x => { log.Add("b" + x); return x; })); log.Add("built"); return string.Join(",", q) + "|" + string.Join(",", log);`),
  b("fz.linq.deferred.list.changed.after", "string", "var l = new List<int> { 1, 2 }; var q = l.Select(x => x * 10); l.Add(3); return string.Join(\",\", q);"),
  c("fz.linq.deferred.jarray.content", "string", `new JArray(new[] { 1, 2 }.Select(x => new JObject(new JProperty("v", x)))).ToString(Formatting.None)`),
  c("fz.linq.deferred.serialize", "string", "JsonConvert.SerializeObject(new[] { 1, 2 }.Where(x => x > 1))"),
  c("fz.linq.deferred.intersect.decimal", "string", `string.Join(",", new[] { 1.0m, 2m }.Intersect(new[] { 1m, 2.0m }))`),
  c("fz.linq.deferred.except.decimal", "string", `string.Join(",", new[] { 1.0m, 2m, 1m }.Except(new[] { 2.0m }))`),
  // .NET Framework's OrderedEnumerable computes every key of the first level, then every key of the next
  // (EnumerableSorter.ComputeKeys), also for First(); Mono's (corefx) First() compares as it goes.
  b("fz.linq.orderby.thenby.keys.order", "string", `var log = new List<string>(); var q = new[] { 3, 1, 2 }.OrderBy(x => { log.Add("k" + x); return x; }).ThenBy(x => { log.Add("t" + x); return -x; }); log.Add("built"); var f = q.First(); return string.Join(",", log) + "|" + f;`, { expectDotNet: "built,k3,k1,k2,t3,t1,t2|1" }),
  // .NET Framework's Count() enumerates an OrderBy (OrderedEnumerable is no ICollection), so the key
  // selector runs; corefx (Mono) counts the source without keys.
  c("fz.linq.orderby.count.keys.run", "int", `((new List<double> { 0.0 }).OrderByDescending(v0 => (new List<string> {  }).FindIndex(3, v1 => true)).AsEnumerable()).Count()`, { expectDotNet: "!ArgumentOutOfRangeException" }),
  // .NET Framework's GroupJoin/Join build the inner lookup at the first MoveNext, before looking at the
  // outer sequence; corefx (Mono) skips it for an empty outer sequence.
  c("fz.linq.groupjoin.empty.outer.inner.keys", "long", `((new List<double> {  }).GroupJoin(new List<string> { "-42" }, v0 => double.Parse("-0"), v1 => (new Queue<double>()).Peek(), (v2, v3) => 0L)).LongCount()`, { expectDotNet: "!InvalidOperationException" }),
  // .NET Framework's Skip pulls the skipped elements through Select (WhereSelectArrayIterator); corefx
  // (Mono) skips them in the array without running the selector.
  c("fz.linq.select.skip.selector.runs", "int", `new[] { 1, 2 }.Select(x => 10 / (x - 1)).Skip(1).Count()`, { expectDotNet: "!DivideByZeroException" }),
  // ToLookup (immediate; a missing key is an empty sequence; null is a key)
  c("fz.lookup.groups", "string", `string.Join(";", new[] { "a", "bb", "c", "dd", "eee" }.ToLookup(s => s.Length).Select(g => g.Key + ":" + string.Join(",", g)))`),
  c("fz.lookup.indexer", "string", `string.Join(",", new[] { "a", "bb", "c" }.ToLookup(s => s.Length)[1]) + "|" + new[] { "a" }.ToLookup(s => s.Length)[7].Count()`),
  c("fz.lookup.count.contains", "string", `new[] { 1, 2, 3, 4 }.ToLookup(x => x % 2).Count + "|" + new[] { 1, 2 }.ToLookup(x => x % 2).Contains(1) + new[] { 1, 2 }.ToLookup(x => x % 2).Contains(5)`),
  c("fz.lookup.element", "string", `string.Join(";", new[] { "a1", "b2", "a3" }.ToLookup(s => s[0], s => int.Parse(s.Substring(1))).Select(g => g.Key + "=" + g.Sum()))`),
  c("fz.lookup.comparer", "string", `string.Join(";", new[] { "A", "a", "B" }.ToLookup(s => s, StringComparer.OrdinalIgnoreCase).Select(g => g.Key + ":" + g.Count()))`),
  c("fz.lookup.element.comparer", "string", `string.Join(";", new[] { "Ax", "ay", "Bz" }.ToLookup(s => s.Substring(0, 1), s => s.Substring(1), StringComparer.OrdinalIgnoreCase).Select(g => g.Key + ":" + string.Join(",", g)))`),
  c("fz.lookup.null.key", "string", `string.Join(";", new[] { "a", null, "b", null }.ToLookup(s => s).Select(g => (g.Key ?? "null") + ":" + g.Count()))`),
  c("fz.lookup.immediate", "int", `new[] { 1, 0 }.ToLookup(x => 10 / x).Take(0).Count()`),
  b("fz.lookup.foreach", "string", `var r = ""; foreach (var g in new[] { 3, 1, 3 }.ToLookup(x => x)) r += g.Key + "x" + g.Count() + ","; return r;`),
  // Queue<T>/Stack<T>: versioned enumeration, empty-case messages, order
  b("fz.queue.stack.0", "string", "var q = new Queue<int>(new[] { 1, 2, 3 }); int n = 0; try { foreach (var x in q) { n++; if (n == 2) q.Enqueue(9); } } catch (InvalidOperationException) { return \"threw@\" + n; } return \"n=\" + n;"),
  b("fz.queue.stack.1", "string", "var q = new Queue<int>(new[] { 1, 2, 3 }); int n = 0; try { foreach (var x in q) { n++; if (n == 3) q.Dequeue(); } } catch (InvalidOperationException) { return \"threw@\" + n; } return \"n=\" + n;"),
  b("fz.queue.stack.2", "string", "var q = new Queue<int>(new[] { 1, 2, 3 }); int n = 0; try { foreach (var x in q) { n++; q.Peek(); q.Contains(1); } } catch (InvalidOperationException) { return \"threw@\" + n; } return \"n=\" + n;"),
  b("fz.queue.stack.3", "string", "var q = new Stack<int>(new[] { 1, 2, 3 }); int n = 0; try { foreach (var x in q) { n++; if (n == 1) q.Push(9); } } catch (InvalidOperationException) { return \"threw@\" + n; } return \"n=\" + n;"),
  b("fz.queue.stack.4", "string", "var q = new Stack<int>(new[] { 1, 2, 3 }); int n = 0; try { foreach (var x in q) { n++; if (n == 3) q.Pop(); } } catch (InvalidOperationException) { return \"threw@\" + n; } return \"n=\" + n;"),
  b("fz.queue.stack.5", "string", "var q = new Stack<int>(new[] { 1, 2, 3 }); string r = \"\"; foreach (var x in q) r += x; var p = new Queue<int>(new[] { 1, 2, 3 }); p.Dequeue(); p.Enqueue(4); foreach (var x in p) r += x; return r;"),
  b("fz.queue.stack.6", "string", "var q = new Stack<int>(); try { q.Pop(); } catch (InvalidOperationException e) { return e.Message; } return \"\";"),
  b("fz.queue.stack.7", "string", "var q = new Queue<int>(); try { q.Peek(); } catch (InvalidOperationException e) { return e.Message; } return \"\";"),
  b("fz.queue.stack.8", "string", "var q = new Stack<int>(); q.Clear(); try { foreach (var x in q) { } } catch (InvalidOperationException e) { return e.Message; } return \"ok\";"),
  c("fz.queue.stack.9", "int", "new Queue<int>().Select(x => 1 / x).Count()"),
  c("fz.queue.stack.10", "string", "string.Join(\",\", new Stack<int>(new[] { 1, 2 }).Select(x => x * 2))"),
  // default(decimal) from the *OrDefault operators is a decimal (boxes as one)
  c("fz.linq.ordefault.decimal.boxed", "string", `new decimal[] { new List<decimal>().FirstOrDefault(v0 => false), new List<decimal>().ElementAtOrDefault(3), new decimal[0].LastOrDefault(), new decimal[0].SingleOrDefault() }.Cast<object>().OfType<decimal>().Count() + "|" + new List<decimal>().FirstOrDefault()`),
  // equal values are one key: HashSet<T> (its set operations too), Distinct, GroupBy, Union, Contains
  ...EQUAL_VALUES.map(([t, xs, ys]) => b(`fz.hashset.equal.values.${t.toLowerCase()}`, "string", equalValues(t, xs, ys))),
  b("fz.hashset.object.boxes.matrix", "string", `var xs = new object[] { 1, 1L, 1.0, 1.0f, 1m, (short)1, (byte)1, 'a', "a", double.NaN, 0.0 / 0.0, -0.0, 0.0, 0, 0L, 1.00m, true, null, (uint)1, (ulong)1, float.NaN }; var h = new HashSet<object>(xs); var r = new List<string>(); r.Add(h.Count.ToString()); r.Add(string.Join("|", xs.Distinct().Select(o => o == null ? "null" : (o is int ? "i" : o is long ? "l" : o is double ? "d" : o is float ? "f" : o is decimal ? "m" : o is short ? "s" : o is byte ? "b" : o is char ? "c" : o is string ? "S" : o is bool ? "B" : o is uint ? "u" : o is ulong ? "U" : "?") + ":" + o))); r.Add(string.Join("|", xs.GroupBy(o => o).Select(g => g.Count()))); foreach (var a in xs) r.Add(string.Join("", xs.Select(b => h.Contains(a) && (a == null ? b == null : a.Equals(b)) ? "1" : "0"))); return string.Join(",", r);`),
  b("fz.hashset.dictionary.object.boxes", "string", `var d = new Dictionary<object, int>(); foreach (var o in new object[] { 1, 1L, 1.0, 1m, 1.00m, double.NaN, -0.0, 0.0, 'a', "a" }) { d[o] = d.ContainsKey(o) ? d[o] + 1 : 1; } return string.Join("|", d.Select(kv => kv.Key + "=" + kv.Value));`),
  b("fz.hashset.list.object.contains", "string", `var xs = new List<object> { 1, 1L, 1.0, double.NaN }; return xs.Contains(1) + "|" + xs.Contains(1.0) + "|" + xs.Contains(double.NaN) + "|" + xs.IndexOf(1L) + "|" + xs.Contains((short)1) + "|" + new object[] { double.NaN }.Contains((object)double.NaN) + "|" + Array.IndexOf(new object[] { 1.0, double.NaN }, (object)double.NaN) + "|" + xs.Distinct().Count() + "|" + new[] { double.NaN, double.NaN, 0.0, -0.0 }.Distinct().Count() + "|" + new HashSet<double> { double.NaN, double.NaN, 0.0, -0.0 }.Count;`),
  c("fz.hashset.value.objects", "string", `new HashSet<decimal> { 1m, 1.00m, 2m }.Count + "|" + new HashSet<decimal> { 1m }.Contains(1.000m) + "|" + new HashSet<DateTime> { new DateTime(2020, 1, 1), new DateTime(2020, 1, 1) }.Count + "|" + new HashSet<TimeSpan> { TimeSpan.FromHours(1), new TimeSpan(1, 0, 0) }.Count + "|" + new HashSet<Guid> { Guid.Empty, new Guid("00000000-0000-0000-0000-000000000000") }.Count + "|" + new HashSet<long> { 1L, 9007199254740993L, long.Parse("9007199254740993") }.Count + "|" + new HashSet<object> { 1m, 1.0m, 5L, 5L, (short)3, (short)3, 'x', 'x' }.Count`),
  b("fz.hashset.decimal.setops", "string", `var h = new HashSet<decimal> { 1m, 2m }; h.UnionWith(new[] { 1.0m, 3m }); h.ExceptWith(new List<decimal> { 2.00m }); var o = new HashSet<object> { 1L }; o.Remove(1L); o.Add(2L); o.Add((object)2L); return string.Join("|", h) + "|" + h.SetEquals(new[] { 1.00m, 3.0m }) + "|" + h.IsSubsetOf(new[] { 1.000m, 3m, 4m }) + "|" + o.Count + "|" + h.Overlaps(new[] { 3.0m }) + "|" + new HashSet<decimal>(new[] { 1m, 1.0m }).Count + "|" + string.Join(",", new[] { 1m, 1.0m, 2m }.Distinct()) + "|" + string.Join(",", new[] { 1m, 1.0m, 2m }.GroupBy(x => x).Select(g => g.Key + ":" + g.Count())) + "|" + new[] { 1.0m }.Contains(1m) + "|" + string.Join(",", new[] { 1m, 2m }.Union(new[] { 1.0m })) + "|" + string.Join(",", new[] { 1m, 2m }.Intersect(new[] { 1.0m }))+ "|" + string.Join(",", new[] { 1m, 2m }.Except(new[] { 1.0m }));`),
  // SymmetricExceptWith: against a sequence, new items are added before common ones are removed
  b("fz.hashset.symmetric.except.order", "string", `var r = new List<string>(); foreach (var o in new[] { new List<int> { 0, 2 }, new List<int> { 2, 0 }, new List<int> { 0, 0, 2, 2, 5 }, new List<int>(), new List<int> { 1, 0, 7 } }) { var s = new HashSet<int>(new List<int> { 0, 1, 3 }); s.SymmetricExceptWith(o); var h = new HashSet<int>(new List<int> { 0, 1, 3 }); h.SymmetricExceptWith(new HashSet<int>(o)); var t = new HashSet<int>(new List<int> { 0, 1, 3 }); t.SymmetricExceptWith(t); r.Add(string.Join(",", s) + "/" + string.Join(",", h) + "/" + t.Count); } return string.Join("|", r);`),
];
