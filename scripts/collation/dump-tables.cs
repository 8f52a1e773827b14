// Dumps the collation and casing data of Mono's managed collator (Mono.Globalization.Unicode.
// MSCompatUnicodeTable, built to match Windows' NLS sort weights, which .NET Framework uses) for
// every UTF-16 code unit, as tab-separated lines. Run by scripts/gen-collation.mjs.
using System;
using System.Globalization;
using System.Reflection;

static class DumpTables {
  const BindingFlags Any = BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

  static void Main() {
    var t = Type.GetType("Mono.Globalization.Unicode.MSCompatUnicodeTable", true);
    Func<string, MethodInfo> byInt = n => t.GetMethod(n, Any, null, new[] { typeof(int) }, null);
    MethodInfo cat = byInt("Category"), l1 = byInt("Level1"), l2 = byInt("Level2"), l3 = byInt("Level3"), nonSpacing = byInt("IsIgnorableNonSpacing");
    var ignorable = t.GetMethod("IsIgnorable", Any, null, new[] { typeof(int), typeof(byte) }, null);
    Func<string, MethodInfo> byChar = n => t.GetMethod(n, Any, null, new[] { typeof(char) }, null);
    MethodInfo special = byChar("HasSpecialWeight"), small = byChar("IsJapaneseSmallLetter"), hiragana = byChar("IsHiragana"), halfWidth = byChar("IsHalfWidthKana");
    TextInfo inv = CultureInfo.InvariantCulture.TextInfo, en = CultureInfo.GetCultureInfo("en-US").TextInfo;
    Console.WriteLine("# code cat l1 l2 l3 ignorable nonspacing special lowerInv upperInv lowerEn upperEn small hiragana halfwidth");
    for (int c = 0; c < 0x10000; c++) {
      object[] a = { c };
      Console.WriteLine(string.Join("\t", new object[] {
        c, cat.Invoke(null, a), l1.Invoke(null, a), l2.Invoke(null, a), l3.Invoke(null, a),
        (bool)ignorable.Invoke(null, new object[] { c, (byte)1 }) ? 1 : 0,
        (bool)nonSpacing.Invoke(null, a) ? 1 : 0,
        (bool)special.Invoke(null, new object[] { (char)c }) ? 1 : 0,
        (int)inv.ToLower((char)c), (int)inv.ToUpper((char)c), (int)en.ToLower((char)c), (int)en.ToUpper((char)c),
        (bool)small.Invoke(null, new object[] { (char)c }) ? 1 : 0,
        (bool)hiragana.Invoke(null, new object[] { (char)c }) ? 1 : 0,
        (bool)halfWidth.Invoke(null, new object[] { (char)c }) ? 1 : 0 }));
    }
    // The invariant collator's expansions (Æ -> AE, ß -> ss, ...).
    var sc = Type.GetType("Mono.Globalization.Unicode.SimpleCollator", true);
    var collator = sc.GetField("invariant", Any).GetValue(null);
    var ct = Type.GetType("Mono.Globalization.Unicode.Contraction", true);
    foreach (var x in (Array)sc.GetField("contractions", Any).GetValue(collator)) {
      var source = (char[])ct.GetField("Source").GetValue(x);
      var replacement = (string)ct.GetField("Replacement").GetValue(x);
      if (replacement == null || source.Length != 1) throw new Exception("unexpected contraction kind");
      Console.WriteLine("X\t" + (int)source[0] + "\t" + string.Join(" ", Array.ConvertAll(replacement.ToCharArray(), ch => ((int)ch).ToString())));
    }
    // The culture names CultureInfo.GetCultureInfo accepts.
    foreach (var ci in CultureInfo.GetCultures(CultureTypes.AllCultures))
      if (ci.Name != "") Console.WriteLine("C\t" + ci.Name);
  }
}
