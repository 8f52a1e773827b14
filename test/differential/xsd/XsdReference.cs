// The C# reference for the XML Schema differential (test/differential/xsd-cases.ts): .NET's own
// validator, System.Xml.Schema (an XmlReader over an XmlSchemaSet), as Mono ships it.
// Input: a folder with one sub-folder per case holding schema files (*.xsd; main.xsd first) and
// documents (*.xml). Output (stdout), one line per case and document, tab-separated:
//   schema <case> ok|error <message>
//   doc <case> <doc> valid|invalid <line> <position> <message>
// Only errors decide a verdict (warnings, such as a lax wildcard's unknown element, do not).
using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Schema;

static class XsdReference
{
    static string Clean(string s) { return s.Replace("\t", " ").Replace("\r", " ").Replace("\n", " "); }

    static int Main(string[] args)
    {
        foreach (var dir in Directory.GetDirectories(args[0]).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var set = new XmlSchemaSet();
            string schemaError = null;
            set.ValidationEventHandler += (s, e) => { if (e.Severity == XmlSeverityType.Error && schemaError == null) schemaError = e.Message; };
            try
            {
                using (var r = XmlReader.Create(Path.Combine(dir, "main.xsd")))
                    set.Add(null, r);
                set.Compile();
            }
            catch (Exception e) { schemaError = schemaError ?? e.Message; }
            Console.WriteLine("schema\t" + name + "\t" + (schemaError == null ? "ok\t" : "error\t" + Clean(schemaError)));
            if (schemaError != null) continue;
            foreach (var doc in Directory.GetFiles(dir, "*.xml").OrderBy(d => d, StringComparer.Ordinal))
            {
                string message = null; int line = 0, pos = 0;
                var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, DtdProcessing = DtdProcessing.Prohibit };
                settings.ValidationEventHandler += (s, e) =>
                {
                    if (e.Severity != XmlSeverityType.Error || message != null) return;
                    message = e.Message; line = e.Exception.LineNumber; pos = e.Exception.LinePosition;
                };
                try
                {
                    using (var r = XmlReader.Create(doc, settings)) while (r.Read()) { }
                }
                catch (XmlException e) { if (message == null) { message = e.Message; line = e.LineNumber; pos = e.LinePosition; } }
                Console.WriteLine("doc\t" + name + "\t" + Path.GetFileNameWithoutExtension(doc) + "\t" + (message == null ? "valid\t0\t0\t" : "invalid\t" + line + "\t" + pos + "\t" + Clean(message)));
            }
        }
        return 0;
    }
}
