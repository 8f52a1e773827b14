// System.IO.StringReader and StringWriter, lowered to runtime/dotnet/textio.ts.
import { js, rt } from "../../codegen/code.js";
import { C, M, P, type } from "./dsl.js";

// The abstract bases, off the allow-list: XElement.Load(TextReader) and Save(TextWriter) take a StringReader/StringWriter through them.
type("System.IO", "TextReader", { opaque: "a StringReader is one: pass a StringReader where a TextReader goes" }, []);
type("System.IO", "TextWriter", { opaque: "a StringWriter is one: pass a StringWriter where a TextWriter goes" }, []);

type("System.IO", "StringReader", { base: "TextReader", test: (v) => js`(${v} instanceof ${rt("StringReader")})` }, [
  C("(string s)", (_r, a) => js`new ${rt("StringReader")}(${a[0]})`),
  M("int Peek()", (r) => js`${r}.Peek()`),
  M("int Read()", (r) => js`${r}.Read()`),
  M("int Read(char[] buffer, int index, int count)", (r, a) => js`${r}.ReadInto(${a[0]}, ${a[1]}, ${a[2]})`),
  M("string ReadLine()", (r) => js`${r}.ReadLine()`),
  M("string ReadToEnd()", (r) => js`${r}.ReadToEnd()`),
  M("void Close()", (r) => js`${r}.Close()`),
  M("void Dispose()", (r) => js`${r}.Close()`),
]);

type("System.IO", "StringWriter", { base: "TextWriter", test: (v) => js`(${v} instanceof ${rt("StringWriter")})` }, [
  C("()", () => js`new ${rt("StringWriter")}()`),
  C("(IFormatProvider formatProvider)", () => js`new ${rt("StringWriter")}()`),
  C("(StringBuilder sb)", (_r, a) => js`${rt("StringWriter")}.over(${a[0]})`),
  C("(StringBuilder sb, IFormatProvider formatProvider)", (_r, a) => js`${rt("StringWriter")}.over(${a[0]})`),
  M("void Write(string value)", (r, a) => js`${r}.Write(${a[0]})`),
  M("void Write(char value)", (r, a) => js`${r}.Write(String.fromCharCode(${a[0]}))`),
  M("void Write(char[] buffer, int index, int count)", (r, a) => js`${r}.WriteChars(${a[0]}, ${a[1]}, ${a[2]})`),
  M("void Write(object value)", (r, a) => js`${r}.WriteObject(${a[0]})`),
  M("void WriteLine()", (r) => js`${r}.WriteLine()`),
  M("void WriteLine(string value)", (r, a) => js`${r}.WriteLine(${a[0]})`),
  M("StringBuilder GetStringBuilder()", (r) => js`${r}.GetStringBuilder()`),
  P("Encoding Encoding", (r) => js`${r}.Encoding`),
  M("string ToString()", (r) => js`${r}.ToString()`),
  M("void Close()", (r) => js`${r}.Close()`),
  M("void Dispose()", (r) => js`${r}.Close()`),
]);
