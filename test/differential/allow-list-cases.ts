// Differential cases for members added to cover APIM's allow-list (docs/surface-coverage.md): each
// member with its ordinary use and its edge cases (bounds, nulls, empty inputs, exceptions).
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `allow.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `allow.${id}`, type, expr: body, block: true, ...opts });

export const ALLOW_LIST_CASES: DiffCase[] = [
  // ---- Math --------------------------------------------------------------------------------
  c("math.acos", "string", `Math.Acos(0.5).ToString("R") + "|" + Math.Acos(1).ToString() + "|" + Math.Acos(2).ToString()`),
  c("math.asin", "string", `Math.Asin(0.5).ToString("R") + "|" + Math.Asin(-1).ToString() + "|" + Math.Asin(-1.5).ToString()`),
  c("math.hyperbolic", "string", `Math.Cosh(1).ToString() + "|" + Math.Sinh(-2).ToString() + "|" + Math.Tanh(0.5).ToString() + "|" + Math.Tanh(1000).ToString() + "|" + Math.Cosh(double.NegativeInfinity).ToString()`),
  c("math.ieeeremainder", "string", `Math.IEEERemainder(10, 3) + "|" + Math.IEEERemainder(11, 3) + "|" + Math.IEEERemainder(-10, 3) + "|" + Math.IEEERemainder(5, 2) + "|" + Math.IEEERemainder(7, 2) + "|" + Math.IEEERemainder(-4, 2) + "|" + Math.IEEERemainder(1, 0) + "|" + Math.IEEERemainder(double.PositiveInfinity, 2)`),
  c("math.bigmul", "long", `Math.BigMul(int.MaxValue, int.MaxValue) + Math.BigMul(int.MinValue, -1)`),
  c("math.bigmul.neg", "long", `Math.BigMul(int.MinValue, int.MaxValue)`),
  b("math.divrem.int", "string", `int r; int q = Math.DivRem(-7, 2, out r); int r2; int q2 = Math.DivRem(7, -3, out r2); return q + "," + r + "|" + q2 + "," + r2;`),
  b("math.divrem.zero", "int", `int r; return Math.DivRem(7, int.Parse("0"), out r);`),
  b("math.divrem.long", "string", `long r; long q = Math.DivRem(long.MaxValue, 10L, out r); return q + "," + r;`),
  // ---- char --------------------------------------------------------------------------------
  c("char.surrogates", "string", `Char.IsSurrogate('\\ud83d') + "|" + Char.IsHighSurrogate('\\ud83d') + "|" + Char.IsLowSurrogate('\\ude00') + "|" + Char.IsHighSurrogate('a') + "|" + Char.IsSurrogatePair('\\ud83d', '\\ude00') + "|" + Char.IsSurrogatePair('\\ude00', '\\ud83d')`),
  c("char.surrogates.at", "string", `Char.IsSurrogate("a\\ud83d\\ude00", 1) + "|" + Char.IsHighSurrogate("a\\ud83d\\ude00", 2) + "|" + Char.IsLowSurrogate("a\\ud83d\\ude00", 2) + "|" + Char.IsSurrogatePair("a\\ud83d\\ude00", 1) + "|" + Char.IsSurrogatePair("a\\ud83d", 1)`),
  c("char.surrogates.at.range", "bool", `Char.IsSurrogate("ab", 2)`),
  c("char.surrogates.at.null", "bool", `Char.IsHighSurrogate((string)null, 0)`),
  c("char.categories", "string", `Char.IsNumber('7') + "|" + Char.IsNumber('\\u00bd') + "|" + Char.IsNumber('x') + "|" + Char.IsSeparator(' ') + "|" + Char.IsSeparator('\\u2028') + "|" + Char.IsSeparator('\\t') + "|" + Char.IsSymbol('+') + "|" + Char.IsSymbol('$') + "|" + Char.IsSymbol('!') + "|" + Char.IsNumber("a1", 1) + "|" + Char.IsSymbol("a<", 1) + "|" + Char.IsSeparator("a b", 1)`),
  c("char.utf32", "string", `Char.ConvertFromUtf32(0x1F600) + "|" + Char.ConvertFromUtf32(65) + "|" + Char.ConvertToUtf32('\\ud83d', '\\ude00') + "|" + Char.ConvertToUtf32("x\\ud83d\\ude00", 1) + "|" + Char.ConvertToUtf32("xA", 1)`),
  c("char.utf32.surrogate", "string", `Char.ConvertFromUtf32(0xD800)`),
  c("char.utf32.range", "string", `Char.ConvertFromUtf32(0x110000)`),
  c("char.utf32.lonelow", "int", `Char.ConvertToUtf32("\\ude00x", 0)`),
  c("char.utf32.badpair", "int", `Char.ConvertToUtf32('a', '\\ude00')`),
  b("char.tryparse", "string", `char a; char b2; char c2; bool x = char.TryParse("q", out a); bool y = char.TryParse("qq", out b2); bool z = char.TryParse(null, out c2); return x + ":" + a + "|" + y + ":" + (int)b2 + "|" + z;`),
  // ---- string ------------------------------------------------------------------------------
  c("string.isnormalized", "string", `"abc".IsNormalized() + "|" + "e\\u0301".IsNormalized() + "|" + "\\u00e9".IsNormalized()`),
  c("string.clone.copy.intern", "string", `(string)"ab".Clone() + String.Copy("cd") + String.Intern("ef")`),
  c("string.copy.null", "string", `String.Copy(null)`),
  c("string.intern.null", "string", `String.Intern(null)`),
  c("string.lastindexofany", "string", `"a,b;c,d".LastIndexOfAny(new[] { ',', ';' }) + "|" + "a,b;c,d".LastIndexOfAny(new[] { ',', ';' }, 4) + "|" + "a,b;c,d".LastIndexOfAny(new[] { ';' }, 4, 2) + "|" + "a,b;c,d".LastIndexOfAny(new[] { ';' }, 6, 2) + "|" + "".LastIndexOfAny(new[] { 'x' }) + "|" + "abc".LastIndexOfAny(new char[0])`),
  c("string.lastindexofany.range", "int", `"abc".LastIndexOfAny(new[] { 'a' }, 3)`),
  c("string.lastindexofany.count", "int", `"abc".LastIndexOfAny(new[] { 'a' }, 1, 3)`),
  c("string.lastindexofany.null", "int", `"abc".LastIndexOfAny(null)`),
  // ---- LINQ --------------------------------------------------------------------------------
  c("linq.append.prepend", "string", `string.Join(",", new[] { 1, 2 }.Append(3).Prepend(0)) + "|" + string.Join(",", new List<string>().Append("x")) + "|" + new[] { 5 }.Prepend(4).Append(6).Sum()`),
  c("linq.append.null", "int", `((int[])null).Append(1).Count()`),
  c("linq.prepend.null", "int", `((int[])null).Prepend(1).Count()`),
  // ---- TimeSpan ----------------------------------------------------------------------------
  c("timespan.compare", "string", `TimeSpan.Compare(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(999)) + "|" + TimeSpan.Compare(TimeSpan.Zero, TimeSpan.Zero) + "|" + TimeSpan.Compare(TimeSpan.MinValue, TimeSpan.MaxValue)`),
  // ---- List<T> -----------------------------------------------------------------------------
  b("list.ranges", "string", `var l = new List<int> { 1, 2, 3, 4, 5 }; var g = l.GetRange(1, 3); l.RemoveRange(0, 2); l.InsertRange(1, new[] { 8, 9 }); l.InsertRange(l.Count, g); return string.Join(",", g) + "|" + string.Join(",", l);`),
  b("list.getrange.bad", "int", `var l = new List<int> { 1, 2 }; return l.GetRange(1, 2).Count;`),
  b("list.getrange.neg", "int", `var l = new List<int> { 1, 2 }; return l.GetRange(-1, 1).Count;`),
  b("list.removerange.bad", "int", `var l = new List<int> { 1, 2 }; l.RemoveRange(2, 1); return l.Count;`),
  b("list.insertrange.null", "int", `var l = new List<int> { 1 }; l.InsertRange(0, null); return l.Count;`),
  b("list.insertrange.bad", "int", `var l = new List<int> { 1 }; l.InsertRange(2, new[] { 1 }); return l.Count;`),
  b("list.find.indexes", "string", `var l = new List<int> { 4, 7, 2, 7, 9 }; return l.FindIndex(x => x == 7) + "|" + l.FindIndex(2, x => x == 7) + "|" + l.FindIndex(2, 1, x => x == 7) + "|" + l.FindLastIndex(x => x == 7) + "|" + l.FindLastIndex(2, x => x == 7) + "|" + l.FindLastIndex(4, 2, x => x == 7) + "|" + l.FindLastIndex(4, 1, x => x == 7) + "|" + l.FindIndex(x => x > 100) + "|" + l.FindIndex(5, x => true);`),
  b("list.findindex.bad", "int", `var l = new List<int> { 1 }; return l.FindIndex(2, x => true);`),
  b("list.findindex.count", "int", `var l = new List<int> { 1, 2 }; return l.FindIndex(1, 2, x => true);`),
  b("list.findlastindex.bad", "int", `var l = new List<int> { 1 }; return l.FindLastIndex(1, x => true);`),
  b("list.findlastindex.count", "int", `var l = new List<int> { 1, 2 }; return l.FindLastIndex(0, 2, x => true);`),
  b("list.findlastindex.empty", "int", `var l = new List<int>(); return l.FindLastIndex(x => true) + l.FindLastIndex(-1, x => true);`),
  b("list.findlast", "string", `var l = new List<string> { "ab", "c", "de" }; var n = new List<int> { 1, 2 }; return l.FindLast(s => s.Length == 2) + "|" + (l.FindLast(s => s.Length == 5) == null) + "|" + n.FindLast(x => x > 5);`),
  b("list.lastindexof.trueforall", "string", `var l = new List<string> { "a", "b", "a", null }; return l.LastIndexOf("a") + "|" + l.LastIndexOf(null) + "|" + l.LastIndexOf("z") + "|" + l.TrueForAll(s => s == null || s.Length == 1) + "|" + l.TrueForAll(s => s != null) + "|" + new List<int>().TrueForAll(x => false);`),
  b("list.convertall", "string", `var l = new List<int> { 1, 2, 3 }; List<string> s = l.ConvertAll(x => "n" + x); return string.Join(",", s) + "|" + s.Count;`),
  b("list.copyto", "string", `var l = new List<int> { 1, 2 }; var a = new int[4]; l.CopyTo(a); l.CopyTo(a, 2); l.TrimExcess(); return string.Join(",", a);`),
  b("list.copyto.short", "int", `var l = new List<int> { 1, 2 }; var a = new int[3]; l.CopyTo(a, 2); return a[0];`),
  b("list.trueforall.null", "bool", `var l = new List<int> { 1 }; return l.TrueForAll(null);`),
  // ---- HashSet<T> --------------------------------------------------------------------------
  b("hashset.setops", "string", `var a = new HashSet<int> { 1, 2, 3, 4 }; a.UnionWith(new[] { 4, 5 }); var u = a.Count; a.IntersectWith(new List<int> { 2, 3, 4, 5, 9 }); var i = a.Count; a.ExceptWith(new[] { 2, 7 }); var e = a.Count; a.SymmetricExceptWith(new[] { 3, 6, 6 }); return u + "," + i + "," + e + "|" + string.Join(",", a.OrderBy(x => x));`),
  b("hashset.relations", "string", `var a = new HashSet<string> { "x", "y" }; var b2 = new[] { "x", "y", "z" }; return a.IsSubsetOf(b2) + "," + a.IsProperSubsetOf(b2) + "," + a.IsSupersetOf(b2) + "," + a.IsProperSupersetOf(new[] { "x" }) + "," + a.IsProperSupersetOf(new[] { "x", "y", "y" }) + "," + a.Overlaps(new[] { "q", "y" }) + "," + a.Overlaps(new string[0]) + "," + a.SetEquals(new[] { "y", "x", "x" }) + "," + a.SetEquals(b2) + "," + a.IsSubsetOf(new[] { "x", "y", "y" }) + "," + a.IsProperSubsetOf(new[] { "x", "y", "y" });`),
  b("hashset.empty.relations", "string", `var a = new HashSet<int>(); return a.IsSubsetOf(new int[0]) + "," + a.IsProperSubsetOf(new int[0]) + "," + a.IsProperSubsetOf(new[] { 1 }) + "," + a.IsSupersetOf(new int[0]) + "," + a.Overlaps(new[] { 1 });`),
  b("hashset.removewhere", "string", `var a = new HashSet<int> { 1, 2, 3, 4, 5, 6 }; int n = a.RemoveWhere(x => x % 2 == 0); a.TrimExcess(); return n + "|" + string.Join(",", a.OrderBy(x => x)) + "|" + a.Contains(2);`),
  b("hashset.unionwith.null", "int", `var a = new HashSet<int>(); a.UnionWith(null); return a.Count;`),
  b("hashset.isSubsetOf.null", "bool", `var a = new HashSet<int>(); return a.IsSubsetOf(null);`),
  b("hashset.clear", "int", `var a = new HashSet<int> { 1, 2 }; a.Clear(); return a.Count;`),
  // ---- Queue / Stack -----------------------------------------------------------------------
  b("queue.stack.trimexcess", "string", `var q = new Queue<int>(); q.Enqueue(1); q.TrimExcess(); var s = new Stack<int>(); s.Push(2); s.TrimExcess(); return q.Count + "|" + s.Count;`),
  // ---- BitConverter ------------------------------------------------------------------------
  c("bitconverter.readers", "string", `BitConverter.ToInt16(new byte[] { 0xFE, 0xFF }, 0) + "|" + BitConverter.ToUInt16(new byte[] { 0, 0xFE, 0xFF }, 1) + "|" + (int)BitConverter.ToChar(new byte[] { 0x41, 0 }, 0) + "|" + BitConverter.ToUInt32(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, 0) + "|" + BitConverter.ToBoolean(new byte[] { 0, 2 }, 1) + "|" + BitConverter.ToBoolean(new byte[] { 0 }, 0)`),
  c("bitconverter.int64", "string", `BitConverter.ToInt64(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, 0) + "|" + BitConverter.ToInt64(BitConverter.GetBytes(-5L), 0) + "|" + BitConverter.ToUInt64(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, 0) + "|" + BitConverter.ToUInt64(BitConverter.GetBytes(123456789012L), 0)`),
  c("bitconverter.floats", "string", `BitConverter.ToDouble(new byte[] { 0, 0, 0, 0, 0, 0, 0xF0, 0x3F }, 0) + "|" + BitConverter.ToSingle(new byte[] { 0, 0, 0xC0, 0x3F }, 0) + "|" + BitConverter.ToDouble(new byte[] { 0, 0, 0, 0, 0, 0, 0xF8, 0x7F }, 0) + "|" + BitConverter.ToSingle(new byte[] { 0xCD, 0xCC, 0xCC, 0x3D }, 0)`),
  c("bitconverter.doublebits", "string", `BitConverter.DoubleToInt64Bits(1.0) + "|" + BitConverter.DoubleToInt64Bits(-0.0) + "|" + BitConverter.Int64BitsToDouble(4611686018427387904L) + "|" + BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(0.1)) + "|" + BitConverter.DoubleToInt64Bits(double.NaN)`),
  c("bitconverter.short", "long", `BitConverter.ToInt64(new byte[] { 1, 2, 3 }, 0)`),
  c("bitconverter.index", "short", `BitConverter.ToInt16(new byte[] { 1, 2 }, 2)`),
  c("bitconverter.null", "double", `BitConverter.ToDouble(null, 0)`),
  // ---- Uri ---------------------------------------------------------------------------------
  c("uri.constants", "string", `Uri.UriSchemeHttp + Uri.SchemeDelimiter + "|" + Uri.UriSchemeHttps + "|" + Uri.UriSchemeFile + "|" + Uri.UriSchemeFtp + "|" + Uri.UriSchemeMailto + "|" + Uri.UriSchemeNews + "|" + Uri.UriSchemeNntp + "|" + Uri.UriSchemeGopher + "|" + Uri.UriSchemeNetTcp + "|" + Uri.UriSchemeNetPipe`),
  c("uri.flags", "string", `new Uri("https://example.com/a").IsDefaultPort + "|" + new Uri("https://example.com:8443/a").IsDefaultPort + "|" + new Uri("http://example.com:80/").IsDefaultPort + "|" + new Uri("https://example.com/").IsFile + "|" + new Uri("https://example.com/").IsUnc + "|" + new Uri("http://localhost:8080/").IsLoopback + "|" + new Uri("http://127.0.0.1/").IsLoopback + "|" + new Uri("https://example.com/").IsLoopback`),
  c("uri.dnssafehost", "string", `new Uri("http://[::1]:8080/x").DnsSafeHost + "|" + new Uri("https://Example.COM/x").DnsSafeHost`),
  c("uri.isbaseof", "string", `new Uri("https://a.com/b/c").IsBaseOf(new Uri("https://a.com/b/d/e")) + "|" + new Uri("https://a.com/b/c/").IsBaseOf(new Uri("https://a.com/b/d")) + "|" + new Uri("https://a.com/b/").IsBaseOf(new Uri("http://a.com/b/")) + "|" + new Uri("https://a.com/").IsBaseOf(new Uri("https://b.com/"))`),
  c("uri.isbaseof.null", "bool", `new Uri("https://a.com/").IsBaseOf(null)`),
  c("uri.statics", "string", `Uri.CheckSchemeName("http") + "|" + Uri.CheckSchemeName("1http") + "|" + Uri.CheckSchemeName("a+b.c-d") + "|" + Uri.CheckSchemeName("") + "|" + Uri.CheckSchemeName(null) + "|" + Uri.IsHexDigit('f') + "|" + Uri.IsHexDigit('g') + "|" + Uri.FromHex('B') + "|" + Uri.FromHex('7') + "|" + Uri.HexEscape(' ') + "|" + Uri.HexEscape('\u00e9') + "|" + Uri.IsHexEncoding("a%2Fb", 1) + "|" + Uri.IsHexEncoding("a%2", 1) + "|" + Uri.IsHexEncoding("%zz", 0)`),
  c("uri.fromhex.bad", "int", `Uri.FromHex('x')`),
  c("uri.hexescape.bad", "string", `Uri.HexEscape('\u0100')`),
  // ---- StringBuilder -----------------------------------------------------------------------
  b("stringbuilder.indexer", "string", `var sb = new StringBuilder("hello"); sb[0] = 'J'; char c2 = sb[4]; return sb.ToString() + "|" + c2 + "|" + sb.MaxCapacity;`),
  b("stringbuilder.indexer.get.bad", "char", `var sb = new StringBuilder("ab"); return sb[2];`),
  b("stringbuilder.indexer.set.bad", "string", `var sb = new StringBuilder("ab"); sb[-1] = 'x'; return sb.ToString();`),
  // ---- Tuple -------------------------------------------------------------------------------
  c("tuple.seven", "string", `Tuple.Create(1, "b", 3.5, "d", 5L, true, 7).ToString() + "|" + Tuple.Create(1, 2, 3, 4, 5).Item5 + "|" + Tuple.Create(1, 2, 3, 4, 5, 6).Item6 + "|" + Tuple.Create(1, 2, 3, 4, 5, 6, "seven").Item7`),
  c("tuple.equals5", "bool", `Tuple.Create(1, 2, 3, 4, 5).Equals(Tuple.Create(1, 2, 3, 4, 5))`),
  // ---- XmlNodeType -------------------------------------------------------------------------
  c("xml.nodetype", "string", `string.Join(",", XElement.Parse("<a x='1'>t<![CDATA[c]]><!--m--><b/></a>").Nodes().Select(n => n.NodeType.ToString())) + "|" + XElement.Parse("<a x='1'/>").Attribute("x").NodeType + "|" + XDocument.Parse("<a/>").NodeType + "|" + (int)System.Xml.XmlNodeType.Whitespace + "|" + System.Xml.XmlNodeType.XmlDeclaration`),
  c("xml.nodetype.null", "string", `XElement.Parse("<a/>").Element("b").NodeType.ToString()`),
  // ---- Newtonsoft: siblings, ancestors, Extensions over sequences --------------------------
  b("json.siblings", "string", `var a = JArray.Parse("[1,2,3,4]"); var t = a[1]; return string.Join(",", t.AfterSelf()) + "|" + string.Join(",", t.BeforeSelf()) + "|" + a[0].BeforeSelf().Count() + "|" + a.AfterSelf().Count();`),
  b("json.ancestors", "string", `var o = JObject.Parse("{\\"a\\":{\\"b\\":[1,{\\"c\\":true}]}}"); var c = o.SelectToken("a.b[1].c"); return string.Join(";", c.Ancestors().Select(x => x.Type + ":" + x.Path)) + "|" + c.AncestorsAndSelf().Count() + "|" + o.Ancestors().Count();`),
  b("json.descendantsandself", "string", `var o = JObject.Parse("{\\"a\\":[1,2],\\"b\\":null}"); return string.Join(",", o.DescendantsAndSelf().Select(x => x.Type.ToString()));`),
  b("json.replaceall", "string", `var a = JArray.Parse("[1,2,3]"); a.ReplaceAll(9); var o = JObject.Parse("{\\"x\\":1}"); o.ReplaceAll(new JProperty("y", 2)); return a.ToString(Formatting.None) + "|" + o.ToString(Formatting.None);`),
  c("json.propertyvalues", "string", `string.Join(",", JObject.Parse("{\\"a\\":1,\\"b\\":\\"x\\",\\"c\\":[2]}").PropertyValues().Select(v => v.ToString(Formatting.None)))`),
  b("json.ext.sequences", "string", `var a = JArray.Parse("[{\\"n\\":1,\\"k\\":[5]},{\\"n\\":2,\\"k\\":[6,7]}]"); IEnumerable<JToken> items = a.Children(); var objs = new[] { (JObject)a[0], (JObject)a[1] }; return string.Join(",", items.Children().Select(x => x.Path)) + "|" + string.Join(",", items.Values("n")) + "|" + string.Join(",", items.Values<int>("n")) + "|" + string.Join(",", objs.Properties().Select(p => p.Name)) + "|" + Newtonsoft.Json.Linq.Extensions.Descendants(objs).Count() + "|" + Newtonsoft.Json.Linq.Extensions.DescendantsAndSelf(objs).Count();`),
  b("json.ext.values", "string", `IEnumerable<JToken> v = JArray.Parse("[1,[2,3],{\\"a\\":4}]").Children(); return string.Join(",", v.Values().Select(x => x.Type.ToString())) + "|" + string.Join(",", JArray.Parse("[[1,2],[3]]").Children().Values<int>());`),
  b("json.ext.ancestors", "string", `var o = JObject.Parse("{\\"a\\":{\\"b\\":1}}"); IEnumerable<JToken> leaves = o.Descendants().Where(t => t.Type == JTokenType.Integer); return Newtonsoft.Json.Linq.Extensions.Ancestors(leaves).Count() + "|" + Newtonsoft.Json.Linq.Extensions.AncestorsAndSelf(leaves).Count() + "|" + leaves.AsJEnumerable().Count();`),
  c("json.ext.null", "int", `((IEnumerable<JToken>)null).Children().Count()`),
  // ---- LINQ to XML: siblings, document order, replacement, Extensions ----------------------
  b("xml.siblings", "string", `var e = XElement.Parse("<r><a/>t<b/><c/></r>"); var b2 = e.Element("b"); return string.Join(",", b2.NodesBeforeSelf()) + "|" + string.Join(",", b2.NodesAfterSelf()) + "|" + string.Join(",", b2.ElementsBeforeSelf().Select(x => x.Name.LocalName)) + "|" + b2.ElementsBeforeSelf("a").Count() + "|" + e.NodesAfterSelf().Count();`),
  b("xml.addself", "string", `var e = XElement.Parse("<r><a/><b/></r>"); e.Element("a").AddAfterSelf(new XElement("x"), "txt"); e.Element("b").AddBeforeSelf(new XComment("c")); e.Element("b").AddAfterSelf("end"); return e.ToString(SaveOptions.DisableFormatting);`),
  b("xml.addself.noparent", "string", `var e = new XElement("a"); e.AddAfterSelf(new XElement("b")); return e.ToString();`),
  b("xml.replacewith", "string", `var e = XElement.Parse("<r><a>1</a><b/></r>"); e.Element("a").ReplaceWith(new XElement("z", 2), new XElement("y")); var bb = e.Element("b"); bb.ReplaceWith(bb); return e.ToString(SaveOptions.DisableFormatting);`),
  b("xml.order", "string", `var e = XElement.Parse("<r><a><b/></a><c/></r>"); var a = e.Element("a"); var b2 = a.Element("b"); var c2 = e.Element("c"); return b2.IsAfter(a) + "," + b2.IsBefore(c2) + "," + c2.IsAfter(b2) + "," + a.IsBefore(b2) + "," + a.IsAfter(null) + "," + XNode.CompareDocumentOrder(c2, a) + "," + XNode.CompareDocumentOrder(a, a) + "|" + string.Join(",", new XNode[] { c2, b2, e, a }.InDocumentOrder().Select(x => ((XElement)x).Name.LocalName));`),
  b("xml.order.trees", "bool", `var a = new XElement("a"); var b2 = new XElement("b"); return a.IsBefore(b2);`),
  b("xml.replaceall", "string", `var e = XElement.Parse("<r x='1'><a/></r>"); e.ReplaceAll(new XAttribute("y", 2), "t"); var f = XElement.Parse("<f p='1' q='2'><k/></f>"); f.ReplaceAttributes(new XAttribute("z", 3)); return e.ToString(SaveOptions.DisableFormatting) + "|" + f.ToString(SaveOptions.DisableFormatting) + "|" + string.Join(",", XElement.Parse("<a>t<b/></a>").DescendantNodesAndSelf().Select(n => n.NodeType.ToString()));`),
  b("xml.attribute.axes", "string", `var e = XElement.Parse("<a p='1' q='2' r='3'/>"); var q = e.Attribute("q"); q.SetValue(7.5); return q.NextAttribute.Name + "," + q.PreviousAttribute.Name + "," + (e.LastAttribute.NextAttribute == null) + "," + (new XAttribute("z", 1).NextAttribute == null) + "|" + e.ToString();`),
  b("xml.attribute.setvalue.null", "string", `var e = XElement.Parse("<a p='1'/>"); e.Attribute("p").SetValue(null); return e.ToString();`),
  b("xml.ext.axes", "string", `var e = XElement.Parse("<r><a><b/><b/></a><c><b/></c></r>"); var bs = e.Descendants("b"); return System.Xml.Linq.Extensions.Ancestors(bs).Count() + "," + System.Xml.Linq.Extensions.Ancestors(bs, "a").Count() + "," + System.Xml.Linq.Extensions.AncestorsAndSelf(bs).Count() + "," + System.Xml.Linq.Extensions.AncestorsAndSelf(e.Elements(), "r").Count() + "," + e.Elements().DescendantNodes().Count() + "," + e.Elements().DescendantNodesAndSelf().Count() + "," + e.Elements().DescendantsAndSelf().Count() + "," + e.Elements().DescendantsAndSelf("b").Count();`),
  b("xml.ext.remove", "string", `var e = XElement.Parse("<r a='1' b='2'><x/><y/><x/></r>"); e.Elements("x").Remove(); e.Attributes().Where(a => a.Name == "a").Remove(); return e.ToString(SaveOptions.DisableFormatting);`),
  b("xml.ext.remove.noparent", "int", `new[] { new XElement("a") }.Remove(); return 1;`),
  // an extension method called as a static method of its class
  c("linq.static.call", "string", `Enumerable.Count(new[] { 1, 2, 3 }) + "|" + string.Join(",", Enumerable.Where(new List<int> { 1, 2, 3, 4 }, x => x % 2 == 0)) + "|" + System.Linq.Enumerable.Sum(Enumerable.Select(new[] { "a", "bcd" }, x => x.Length))`),
];
