// System.IO.StringReader and StringWriter (the two System.IO types APIM allows). A StringWriter
// writes into a StringBuilder (its own, or the one given) that GetStringBuilder() returns; WriteLine
// ends lines with "\r\n", Environment.NewLine on the Windows gateway.
import { DotNetException, argumentError, argumentNull, argumentOutOfRange } from "../errors.js";
import { toStr } from "./text-format.js";
import { Encoding } from "./encoding.js";
import { StringBuilder } from "./string.js";

const closedReader = () => new DotNetException("System.ObjectDisposedException", "Cannot read from a closed TextReader.");
const closedWriter = () => new DotNetException("System.ObjectDisposedException", "Cannot write to a closed TextWriter.");
function checkBuffer(buffer: unknown[] | null, index: number, count: number): unknown[] {
  if (buffer === null || buffer === undefined) throw argumentNull("buffer");
  if (index < 0) throw argumentOutOfRange("index", "Non-negative number required.");
  if (count < 0) throw argumentOutOfRange("count", "Non-negative number required.");
  if (buffer.length - index < count) throw argumentError("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
  return buffer;
}

export class StringReader {
  readonly $typeName = "System.IO.StringReader";
  private s: string | null;
  private pos = 0;
  constructor(s: string | null) {
    if (s === null || s === undefined) throw argumentNull("s");
    this.s = s;
  }
  private text(): string {
    if (this.s === null) throw closedReader();
    return this.s;
  }
  Peek(): number {
    const s = this.text();
    return this.pos < s.length ? s.charCodeAt(this.pos) : -1;
  }
  Read(): number {
    const s = this.text();
    return this.pos < s.length ? s.charCodeAt(this.pos++) : -1;
  }
  ReadInto(buffer: number[] | null, index: number, count: number): number {
    const b = checkBuffer(buffer, index, count);
    const s = this.text();
    const n = Math.min(count, s.length - this.pos);
    for (let i = 0; i < n; i++) b[index + i] = s.charCodeAt(this.pos + i);
    this.pos += n;
    return n;
  }
  /** The text up to "\r", "\n" or "\r\n" (not included); null at the end. */
  ReadLine(): string | null {
    const s = this.text();
    if (this.pos >= s.length) return null;
    let i = this.pos;
    while (i < s.length && s[i] !== "\r" && s[i] !== "\n") i++;
    const line = s.slice(this.pos, i);
    this.pos = i < s.length ? (s[i] === "\r" && s[i + 1] === "\n" ? i + 2 : i + 1) : i;
    return line;
  }
  ReadToEnd(): string {
    const s = this.text();
    const rest = s.slice(this.pos);
    this.pos = s.length;
    return rest;
  }
  Close(): void {
    this.s = null;
  }
}

let stringWriterEncoding: { WebName: string } | undefined;

export class StringWriter {
  readonly $typeName = "System.IO.StringWriter";
  private open = true;
  constructor(private readonly sb: StringBuilder = new StringBuilder()) {}
  static over(sb: StringBuilder | null): StringWriter {
    if (sb === null || sb === undefined) throw argumentNull("sb");
    return new StringWriter(sb);
  }
  Write(v: string | null): void {
    if (!this.open) throw closedWriter();
    this.sb.Append(v);
  }
  WriteObject(v: unknown): void {
    this.Write(v === null || v === undefined ? null : toStr(v));
  }
  WriteChars(buffer: number[] | null, index: number, count: number): void {
    const b = checkBuffer(buffer, index, count) as number[];
    this.Write(String.fromCharCode(...b.slice(index, index + count)));
  }
  WriteLine(v: string | null = null): void {
    this.Write(`${v ?? ""}\r\n`);
  }
  GetStringBuilder(): StringBuilder {
    return this.sb;
  }
  /** new UnicodeEncoding(false, false), as .NET's StringWriter makes it: no byte order mark. */
  get Encoding(): unknown {
    return (stringWriterEncoding ??= Encoding.Unicode.withoutPreamble());
  }
  ToString(): string {
    return this.sb.ToString();
  }
  toString(): string {
    return this.ToString();
  }
  Close(): void {
    this.open = false;
  }
}
