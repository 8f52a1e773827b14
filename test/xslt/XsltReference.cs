// The .NET answers for the xsl-transform cases: reads a JSON array of { xml, xsl, params } on stdin,
// runs each through System.Xml.Xsl.XslCompiledTransform (the stylesheet's xsl:output settings, UTF-8
// without a byte order mark, as a response body is written) and prints a JSON array of
// { output } or { error } (the exception's type). Built and run by xslt-reference.ts.
using System;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Xsl;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

public static class XsltReference {
  public static void Main() {
    var cases = JArray.Parse(Console.In.ReadToEnd());
    var results = new JArray();
    foreach (JObject c in cases) {
      var result = new JObject();
      try {
        var xslt = new XslCompiledTransform();
        using (var sr = new StringReader((string)c["xsl"])) using (var xr = XmlReader.Create(sr)) xslt.Load(xr);
        var args = new XsltArgumentList();
        var ps = c["params"] as JObject;
        if (ps != null) foreach (var p in ps) args.AddParam(p.Key, "", (string)p.Value);
        var settings = xslt.OutputSettings.Clone();
        settings.Encoding = new UTF8Encoding(false);
        using (var ms = new MemoryStream()) {
          using (var input = XmlReader.Create(new StringReader((string)c["xml"]))) using (var w = XmlWriter.Create(ms, settings)) xslt.Transform(input, args, w);
          result["output"] = Encoding.UTF8.GetString(ms.ToArray());
        }
      } catch (Exception e) {
        result["error"] = e.GetType().FullName;
      }
      results.Add(result);
    }
    Console.Out.Write(results.ToString(Newtonsoft.Json.Formatting.None));
  }
}
