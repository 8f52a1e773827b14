// The JSON reader (Newtonsoft-lenient: comments, single quotes, unquoted names): JToken.Parse,
// JsonConvert.DeserializeObject, ISO dates as Date tokens, integers and floats kept apart.
import { DotNetException, argumentNull, nullReference } from "../errors.js";
import { jvalueObject } from "./decimal.js";
import { TT, TT_NAMES, readerError, dateTimeOps, formatJsonPath, JToken, JContainer, JObject, JArray, JProperty, JValue, type ReaderError } from "./json-tokens.js";
import { JConstructor, constructorAsValue, writtenByWriteToken } from "./json-constructor.js";
import { jconv } from "./json-convert.js";

export function parseJson(text: string, dates = true): JToken {
  return new JsonReader(text, dates).root();
}
/** Deserialization targets whose strings Newtonsoft reads with ReadAsString (string, string[], List<string>, Dictionary<K, string>). */
const STRING_TARGET = /(?:^|[<,]\s*)string(?:\[\]|>)?$/;

// DateTimeParser's ISO form: yyyy-MM-ddTHH:mm:ss, up to 7 fraction digits, Z or an offset (±HH, ±HHmm, ±HH:mm).
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
let dateTimeClass: { fromTicks(ticks: bigint, kind: number): unknown } | null = null;
/**
 * A string value of the reader that is an ISO date: its DateTime (exact ticks), else null. The
 * DateTime class comes from the registered shim (datetime.ts imports this module, not the reverse).
 */
function isoDate(s: string): unknown {
  const m = ISO_DATE_RE.exec(s);
  if (!m || !dateTimeOps) return null;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = +m[4]!;
  const mi = +m[5]!;
  const sec = +m[6]!;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]! + (leap ? 1 : 0) || h > 23 || mi > 59 || sec > 59) return null;
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, sec, 0);
  let ticks = BigInt(utc.getTime()) * 10000n + 621355968000000000n + (m[7] ? BigInt(m[7].padEnd(7, "0")) : 0n);
  const zone = m[8];
  let kind = 0;
  if (zone === "Z") kind = 1;
  else if (zone) {
    const hh = +m[10]!;
    const mm = m[11] ? +m[11] : 0;
    if (hh > 99 || mm > 59) return null;
    ticks -= BigInt((m[9] === "-" ? -1 : 1) * (hh * 60 + mm)) * 600000000n;
    kind = 2;
  }
  try {
    dateTimeClass ??= (dateTimeOps.parse("2000-01-01T00:00:00") as { constructor: typeof dateTimeClass }).constructor;
    return dateTimeClass!.fromTicks(ticks, kind);
  } catch {
    return null;
  }
}

// JS `\s` plus BOM, as the reader has always skipped; ASCII is decided by char code.
const WS_RE = /[\s\ufeff]/;
const NAME_RE = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const LITERAL_RE = /-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|true|false|null|undefined|NaN|-?Infinity/y;
const HEX4_RE = /^[0-9a-fA-F]{4}$/;
/** char.IsLetterOrDigit of one UTF-16 unit (a surrogate is neither). */
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
/** char.IsWhiteSpace (Unicode's Zs, Zl, Zp, tab to carriage return, U+0085, U+00A0). */
const isWhiteSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || (c > 0xff && c !== 0xfeff && /\s/.test(String.fromCharCode(c)));

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/**
 * An integer literal (`-?\d+`) read exactly: a JS number while |v| <= 2^53 - 1, else a BigInt (the
 * canonical long form; beyond Int64 it stands for Newtonsoft's BigInteger).
 */
function bigInteger(tok: string): number | bigint {
  const b = BigInt(tok);
  return b <= MAX_SAFE_BIG && b >= -MAX_SAFE_BIG ? Number(b) : b;
}

/** Newtonsoft-lenient reader: comments, single quotes, unquoted names, JS literals (NaN, Infinity, undefined). */
class JsonReader {
  private declare i: number;
  /** Position of the next backslash at or after the last search (-1: none left; -2: not searched yet). */
  private declare bs: number;
  private declare readonly n: number;
  constructor(
    private readonly text: string,
    /** Whether ISO date strings become Date tokens (DateParseHandling.DateTime). */
    private readonly dates = true,
  ) {
    this.i = 0;
    this.bs = -2;
    this.n = text.length;
  }
  root(): JToken {
    const v = this.value();
    this.rest();
    return v;
  }
  /**
   * After the content Json.NET reads one more token: none, or a comment, ends it (what follows a
   * comment is not read: "{}/*a*\/{}" is an object); anything else is additional text.
   */
  private rest(): void {
    this.plainWs();
    if (this.i >= this.n) return;
    if (this.text.startsWith("//", this.i) || this.text.startsWith("/*", this.i)) {
      // (an unterminated comment still fails)
      this.wsSkip();
      return;
    }
    throw readerError("Additional text encountered after finished reading JSON content: " + this.text[this.i] + ".", this.i, this.text);
  }
  private plainWs(): void {
    while (this.i < this.n) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && WS_RE.test(this.text[this.i]!))) this.i++;
      else break;
    }
  }
  /** A comment at `i` (after white space), read as Json.NET's Comment token, or null. */
  private comment(): JValue | null {
    this.plainWs();
    const text = this.text;
    if (text.startsWith("/*", this.i)) {
      const e = text.indexOf("*/", this.i + 2);
      if (e < 0) throw readerError("Unexpected end while parsing comment.", this.i, text);
      const v = JValue.comment(text.slice(this.i + 2, e));
      this.i = e + 2;
      return v;
    }
    if (text.startsWith("//", this.i)) {
      const e = text.indexOf("\n", this.i);
      const end = e < 0 ? this.n : e;
      const v = JValue.comment(text.slice(this.i + 2, end).replace(/\r$/, ""));
      this.i = end;
      return v;
    }
    return null;
  }
  /**
   * JToken.Parse: Json.NET loads the first token, a comment as well (JToken.Parse("/*c*\/") is a
   * Comment); then reads one more, which must be none or a comment (additional text otherwise,
   * positioned after it).
   */
  parseToken(): JToken {
    const c = this.comment();
    if (c === null) {
      this.noContent("JToken");
      return this.root();
    }
    this.plainWs();
    if (this.i >= this.n || this.text.startsWith("//", this.i) || this.text.startsWith("/*", this.i)) return c;
    this.firstToken();
    throw readerError("Additional text found in JSON string after parsing content.", this.i, this.text);
  }
  /**
   * JObject.Parse / JArray.Parse: the first token past white space and comments, which must start
   * the container: Json.NET's error names the token it read (StartArray, Integer, None, ...) and
   * stands after it.
   */
  parseContainer(kind: "JObject" | "JArray"): JToken {
    const start = this.i;
    this.noContent(kind);
    this.wsSkip();
    const name = this.firstToken();
    if (name !== (kind === "JObject" ? "StartObject" : "StartArray")) {
      throw readerError(`Error reading ${kind} from JsonReader. Current JsonReader item is not ${kind === "JObject" ? "an object" : "an array"}: ${name}.`, this.i, this.text);
    }
    this.i = start;
    return this.root();
  }
  /** Nothing but white space: Json.NET's reader read no token ("Error reading JToken from JsonReader.", at line 0 when the text is empty). */
  private noContent(kind: string): void {
    const at = this.i;
    this.plainWs();
    const none = this.i >= this.n;
    const end = this.i;
    this.i = at;
    if (!none) return;
    const msg = `Error reading ${kind} from JsonReader.`;
    if (this.n === 0) throw new DotNetException("Newtonsoft.Json.JsonReaderException", `${msg} Path '', line 0, position 0.`);
    throw readerError(msg, end, this.text);
  }
  /** Reads one token's extent (a container's or constructor's start only) and names it as Json.NET's JsonToken. */
  private firstToken(): string {
    const text = this.text;
    if (this.i >= this.n) return "None";
    const c = text.charCodeAt(this.i);
    if (c === 123 || c === 91) {
      this.i++;
      return c === 123 ? "StartObject" : "StartArray";
    }
    if (c === 110 && text.startsWith("new", this.i)) {
      const open = text.indexOf("(", this.i);
      this.i = open < 0 ? this.n : open + 1;
      return "StartConstructor";
    }
    return TT_NAMES[this.value().Type]!;
  }
  private ws(): void {
    // the common case, a token right here: printable ASCII other than '/'
    const c = this.text.charCodeAt(this.i);
    if (c > 32 && c < 127 && c !== 47) return;
    this.wsSkip();
  }
  private wsSkip(): void {
    const text = this.text;
    const n = this.n;
    let i = this.i;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && WS_RE.test(text[i]!))) i++;
        else break;
      }
      if (i + 1 < n && text.charCodeAt(i) === 47) {
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          const e = text.indexOf("\n", i);
          i = e < 0 ? n : e;
          continue;
        }
        if (d === 42) {
          const e = text.indexOf("*/", i + 2);
          if (e < 0) throw readerError("Unexpected end while parsing comment.", i, text);
          i = e + 2;
          continue;
        }
      }
      this.i = i;
      return;
    }
  }
  /** A quoted string; `i` is at the opening quote `q` (34 or 39). */
  private str(q: number): string {
    const text = this.text;
    const start = this.i + 1;
    const end = text.indexOf(q === 34 ? '"' : "'", start);
    if (end >= 0) {
      // the next backslash of the text, searched again only once passed (a search per string would
      // scan to the end of a document without backslashes: quadratic)
      let bs = this.bs;
      if (bs !== -1 && bs < start) bs = this.bs = text.indexOf("\\", start);
      if (bs < 0 || bs > end) {
        this.i = end + 1;
        return text.slice(start, end);
      }
    }
    return this.strEscaped(q, start);
  }
  private strEscaped(q: number, start: number): string {
    const text = this.text;
    const n = this.n;
    let i = start;
    let s = "";
    let run = i;
    for (;;) {
      if (i >= n) throw readerError("Unterminated string. Expected delimiter: " + String.fromCharCode(q) + ".", i, text);
      const c = text.charCodeAt(i++);
      if (c === q) {
        this.i = i;
        return s + text.slice(run, i - 1);
      }
      if (c !== 92) continue;
      s += text.slice(run, i - 1);
      const e = text[i++];
      switch (e) {
        case "n":
          s += "\n";
          break;
        case "r":
          s += "\r";
          break;
        case "t":
          s += "\t";
          break;
        case "b":
          s += "\b";
          break;
        case "f":
          s += "\f";
          break;
        case "u": {
          const h = text.slice(i, i + 4);
          if (!HEX4_RE.test(h)) throw readerError("Invalid Unicode escape sequence.", i, text);
          s += String.fromCharCode(parseInt(h, 16));
          i += 4;
          break;
        }
        case '"':
        case "'":
        case "\\":
        case "/":
          s += e;
          break;
        default:
          throw readerError(`Bad JSON escape sequence: \\${e}.`, i, text);
      }
      run = i;
    }
  }
  private value(): JToken {
    this.ws();
    const text = this.text;
    if (this.i >= this.n) throw readerError("Unexpected end of content while loading JObject.", this.i, text);
    const c = text.charCodeAt(this.i);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === 34 || c === 39) {
      const s = this.str(c);
      // a date has 19-33 chars and starts with a digit: only those strings meet the date regex
      if (this.dates && s.length >= 19 && s.length <= 33) {
        const d0 = s.charCodeAt(0);
        if (d0 >= 48 && d0 <= 57) {
          const d = isoDate(s);
          if (d !== null) return new JValue(TT.Date, d);
        }
      }
      return new JValue(TT.String, s);
    }
    if (c === 110 && text.startsWith("new", this.i)) return this.constructorCall();
    if ((c >= 48 && c <= 57) || c === 45) {
      const v = this.number(c);
      if (v !== null) return v;
    }
    return this.literal(c);
  }
  /** A plain JSON-style number (`-?\d+(\.\d*)?([eE][+-]?\d+)?`), or null for anything else (the literal regex decides). */
  private number(c: number): JValue | null {
    const text = this.text;
    const n = this.n;
    const start = this.i;
    let i = start;
    if (c === 45) {
      i++;
      c = i < n ? text.charCodeAt(i) : 0;
      if (c < 48 || c > 57) return null;
    }
    let v = 0;
    const d0 = i;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      i++;
    }
    let float = false;
    let frac = -1;
    if (i < n && c === 46) {
      float = true;
      i++;
      const f0 = i;
      while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        i++;
      }
      frac = i - f0;
    }
    if (i < n && (c === 101 || c === 69)) {
      let j = i + 1;
      let d = j < n ? text.charCodeAt(j) : 0;
      if (d === 43 || d === 45) d = ++j < n ? text.charCodeAt(j) : 0;
      if (d >= 48 && d <= 57) {
        float = true;
        frac = -1;
        while (j < n && (d = text.charCodeAt(j)) >= 48 && d <= 57) j++;
        i = j;
      }
    }
    this.i = i;
    if (float) {
      // d.ddd without exponent and at most 15 digits: the digits are an exact integer and 10^frac an
      // exact double, so their quotient is correctly rounded, the double Number() reads (Clinger)
      if (frac >= 0 && i - d0 - 1 <= 15) {
        const x = v / POW10[frac]!;
        return new JValue(TT.Float, text.charCodeAt(start) === 45 ? -x : x);
      }
      const x = Number(text.slice(start, i));
      // beyond double's range: .NET Framework's double.TryParse fails, so Json.NET rejects the number
      if (!Number.isFinite(x)) throw readerError(`Input string '${text.slice(start, i)}' is not a valid number.`, i, text);
      return new JValue(TT.Float, x);
    }
    // Up to 15 digits the running value is exact; longer integers are read exactly (bigInteger).
    if (i - d0 > 15) return new JValue(TT.Integer, bigInteger(text.slice(start, i)));
    return new JValue(TT.Integer, text.charCodeAt(start) === 45 ? -v : v);
  }
  private literal(c: number): JToken {
    const text = this.text;
    // true, false, null as LITERAL_RE matches them (a prefix: what follows is checked by the caller)
    if (c === 116 && text.startsWith("true", this.i)) {
      this.i += 4;
      return new JValue(TT.Boolean, true);
    }
    if (c === 102 && text.startsWith("false", this.i)) {
      this.i += 5;
      return new JValue(TT.Boolean, false);
    }
    if (c === 110 && text.startsWith("null", this.i)) {
      this.i += 4;
      return JValue.null();
    }
    LITERAL_RE.lastIndex = this.i;
    const m = LITERAL_RE.exec(text);
    // (Json.NET reads a t, f or n as the start of true, false or null: a word that is not one fails so)
    if (!m) throw readerError(c === 116 || c === 102 ? "Error parsing boolean value." : c === 110 ? "Error parsing null value." : `Unexpected character encountered while parsing value: ${String.fromCharCode(c)}.`, this.i, text);
    const tok = m[0];
    this.i += tok.length;
    if (tok === "true" || tok === "false") return new JValue(TT.Boolean, tok === "true");
    if (tok === "null") return JValue.null();
    if (tok === "undefined") return new JValue(TT.Undefined, null);
    if (tok === "NaN") return new JValue(TT.Float, NaN);
    if (tok.endsWith("Infinity")) return new JValue(TT.Float, tok.startsWith("-") ? -Infinity : Infinity);
    if (/[.eE]/.test(tok)) return new JValue(TT.Float, Number(tok));
    return new JValue(TT.Integer, tok.length > 15 ? bigInteger(tok) : Number(tok));
  }
  /**
   * JsonTextReader.ParseConstructor and the arguments after it: `new`, white space, a name of letters
   * and digits (char.IsLetterOrDigit), optional white space, `(`, values separated by commas up to `)`.
   * As Json.NET reads them, a comment between arguments is an argument (a Comment token), a comma
   * where a value belongs is an Undefined one ("new D(1,,2)"), and a comma before `)` is allowed.
   * The name is checked as JConstructor's constructor checks it (empty: ArgumentException) before
   * the arguments are read.
   */
  private constructorCall(): JConstructor {
    const text = this.text;
    const n = this.n;
    let i = this.i + 3;
    if (i >= n) throw readerError("Unexpected end while parsing constructor.", i, text);
    if (!isWhiteSpace(text.charCodeAt(i))) throw readerError("Unexpected content while parsing JSON.", i, text);
    while (i < n && isWhiteSpace(text.charCodeAt(i))) i++;
    const start = i;
    for (;;) {
      if (i >= n) throw readerError("Unexpected end while parsing constructor.", i, text);
      const ch = text.charCodeAt(i);
      if (ch === 40 || isWhiteSpace(ch)) break;
      if (!LETTER_OR_DIGIT.test(text[i]!)) throw readerError(`Unexpected character while parsing constructor: ${text[i]}.`, i, text);
      i++;
    }
    const name = text.slice(start, i);
    while (i < n && isWhiteSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 40) throw readerError(`Unexpected character while parsing constructor: ${text[i] ?? "\0"}.`, i, text);
    this.i = i + 1;
    const c = JConstructor.named(name);
    const items = c.items;
    let wantValue = true;
    for (;;) {
      this.commentsInto(c, items);
      if (this.i >= n) throw readerError("Unexpected end of content while loading JConstructor.", this.i, text);
      const d = text.charCodeAt(this.i);
      if (d === 41) {
        this.i++;
        return c;
      }
      if (d === 93 || d === 125) throw readerError(`JsonToken ${d === 93 ? "EndArray" : "EndObject"} is not valid for closing JsonType Constructor.`, this.i, text);
      if (!wantValue) {
        if (d !== 44) throw readerError(`After parsing a value an unexpected character was encountered: ${text[this.i]}.`, this.i, text);
        this.i++;
        wantValue = true;
        continue;
      }
      const v = d === 44 ? JValue.undefinedValue() : this.value();
      v.Parent = c;
      items.push(v);
      wantValue = false;
    }
  }
  /** White space, and each comment as a Comment item of `owner` (Json.NET keeps an array's and a constructor's comments). */
  private commentsInto(owner: JContainer, items: JToken[]): void {
    const text = this.text;
    // the common case, a token right here: printable ASCII other than '/'
    const c0 = text.charCodeAt(this.i);
    if (c0 > 32 && c0 < 127 && c0 !== 47) return;
    const n = this.n;
    const put = (t: JToken) => {
      t.Parent = owner;
      items.push(t);
    };
    for (;;) {
      // (the white space the reader skips elsewhere: JS \s and a BOM)
      for (let c = text.charCodeAt(this.i); this.i < n && (c === 32 || (c >= 9 && c <= 13) || (c > 127 && WS_RE.test(text[this.i]!))); c = text.charCodeAt(++this.i));
      if (this.i + 1 >= n || text.charCodeAt(this.i) !== 47) return;
      const d = text.charCodeAt(this.i + 1);
      if (d === 42) {
        const e = text.indexOf("*/", this.i + 2);
        if (e < 0) throw readerError("Unexpected end while parsing comment.", this.i, text);
        put(JValue.comment(text.slice(this.i + 2, e)));
        this.i = e + 2;
      } else if (d === 47) {
        let e = this.i + 2;
        while (e < n && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
        put(JValue.comment(text.slice(this.i + 2, e)));
        this.i = e;
      } else return;
    }
  }
  private object(): JObject {
    const text = this.text;
    this.i++;
    const o = new JObject();
    this.ws();
    if (text.charCodeAt(this.i) === 125) {
      this.i++;
      return o;
    }
    // (nothing after the '{': Json.NET's reader has no token to load the object from)
    if (this.i >= this.n) throw readerError("Error reading JObject from JsonReader.", this.i, text);
    // the reader's Path in an error: the property whose name and ':' were read last
    let current: string | null = null;
    try {
      for (;;) {
        this.ws();
        let name: string;
        const q = text.charCodeAt(this.i);
        if (q === 34 || q === 39) name = this.str(q);
        else {
          NAME_RE.lastIndex = this.i;
          const m = NAME_RE.exec(text);
          if (!m) throw readerError(this.i >= this.n ? "Unexpected end of content while loading JObject." : `Invalid property identifier character: ${text[this.i]}.`, this.i, text);
          name = m[0];
          this.i += name.length;
          if (this.i >= this.n) throw readerError("Unexpected end while parsing unquoted property name.", this.i, text);
        }
        this.ws();
        if (text.charCodeAt(this.i) !== 58) throw readerError(`Invalid character after parsing property name. Expected ':' but got: ${text[this.i] ?? ""}.`, this.i, text);
        this.i++;
        current = name;
        if (this.objectMember(o, name)) return o;
      }
    } catch (e) {
      throw current === null ? e : inContainer(e, current);
    }
  }
  /** One property's value and what follows it; true at the object's end. */
  private objectMember(o: JObject, name: string): boolean {
    const text = this.text;
    const v = this.value();
    // duplicate names: the last one wins, in the first one's place (JObject.Parse default in
    // Newtonsoft 13 is Replace); the replaced property was never seen.
    const p = new JProperty(name, v);
    p.Parent = o;
    o.putParsed(p);
    this.ws();
    const d = text.charCodeAt(this.i);
    if (d === 44) {
      this.i++;
      this.ws();
      if (text.charCodeAt(this.i) === 125) {
        this.i++;
        return true;
      }
      return false;
    }
    if (d === 125) {
      this.i++;
      return true;
    }
    throw readerError(this.i >= this.n ? "Unexpected end of content while loading JObject." : `After parsing a value an unexpected character was encountered: ${text[this.i]}.`, this.i, text);
  }
  private array(): JArray {
    const text = this.text;
    this.i++;
    const a = new JArray();
    const items = a.items;
    // (as Json.NET reads an array: its comments are Comment items, a comma where a value belongs an Undefined one)
    this.commentsInto(a, items);
    if (text.charCodeAt(this.i) === 93) {
      this.i++;
      return a;
    }
    if (this.i >= this.n && items.length === 0) throw readerError("Error reading JArray from JsonReader.", this.i, text);
    // the reader's Path in an error: the index of the value read last, or of the container being read
    let done = 0;
    let reading = false;
    try {
      for (;;) {
        if (this.i >= this.n) throw readerError("Unexpected end of content while loading JArray.", this.i, text);
        const c = text.charCodeAt(this.i);
        reading = c === 123 || c === 91 || (c === 110 && text.startsWith("new", this.i));
        const v = c === 44 ? JValue.undefinedValue() : this.value();
        reading = false;
        done++;
        v.Parent = a;
        items.push(v);
        this.commentsInto(a, items);
        const d = text.charCodeAt(this.i);
        if (d === 44) {
          this.i++;
          this.commentsInto(a, items);
          if (text.charCodeAt(this.i) === 93) {
            this.i++;
            return a;
          }
          continue;
        }
        if (d === 93) {
          this.i++;
          return a;
        }
        throw readerError(this.i >= this.n ? "Unexpected end of content while loading JArray." : `After parsing a value an unexpected character was encountered: ${text[this.i]}.`, this.i, text);
      }
    } catch (e) {
      const at = reading ? done : done - 1;
      throw at < 0 ? e : inContainer(e, at);
    }
  }
}

/** A reader error raised inside a container gets the container's part of the reader's Path (outermost first). */
function inContainer(e: unknown, part: string | number): unknown {
  const r = e as ReaderError;
  if (!(e instanceof DotNetException) || r.jsonParts === undefined) return e;
  r.jsonParts.unshift(part);
  r.message = `${r.jsonMsg} Path '${formatJsonPath(r.jsonParts)}', ${r.jsonWhere}`;
  return e;
}

const TOKEN_TARGETS = new Set(["JToken", "JObject", "JArray", "JContainer", "JConstructor", "JValue", "JProperty"]);
const serializationError = (msg: string) => new DotNetException("Newtonsoft.Json.JsonSerializationException", msg);
export function jsonDeserialize(text: string | null, key: string | null): unknown {
  if (text === null || text === undefined) throw argumentNull("value");
  if (text.trim() === "") return null;
  // a string target reads strings as they are (ReadAsString): no Date tokens
  let t: JToken;
  try {
    t = parseJson(text, key === null || !STRING_TARGET.test(key));
  } catch (e) {
    // `new (…)`: the serializer reads on past the empty name and fails where it uses it (see writtenByWriteToken)
    if (e instanceof DotNetException && e.message.startsWith("'name' cannot be empty.")) {
      if (key === null || key === "object" || TOKEN_TARGETS.has(key)) throw nullReference();
      constructorAsValue(key.endsWith("[]") ? key.slice(0, -2) : /(?:^List<|,\s*)(.+)>$/.exec(key)?.[1] ?? key);
    }
    throw e;
  }
  // (a token target gets the serializer's JTokenWriter copy: an Undefined value is Null there)
  if (t.Type === TT.Undefined && key !== null && TOKEN_TARGETS.has(key)) t = JValue.null();
  if (t instanceof JContainer) {
    // (into object, a constructor at the top reads as its name, and its arguments are text left over)
    if (t instanceof JConstructor && (key === null || key === "object")) throw serializationError("Additional text found in JSON string after finishing deserializing object.");
    if (t instanceof JConstructor && !TOKEN_TARGETS.has(key!)) constructorAsValue(key!);
    if (key === null || key === "object" || TOKEN_TARGETS.has(key)) t = writtenByWriteToken(t);
    else {
      const ek = key.endsWith("[]") ? key.slice(0, -2) : /(?:^List<|,\s*)(.+)>$/.exec(key)?.[1] ?? "object";
      for (const c of t.childList()) {
        const v = c instanceof JProperty ? c.Value : c;
        if (v instanceof JConstructor) constructorAsValue(ek);
        if ((ek === "object" || TOKEN_TARGETS.has(ek)) && v instanceof JContainer) {
          const w = writtenByWriteToken(v);
          if (w !== v) (c instanceof JProperty ? c.SetValue(w) : t.replaceChild(c, w));
        }
      }
    }
  }
  // into object: a JSON integer is a boxed Int64, a float a boxed Double (as JValue.Value)
  if (key === null || key === "object") return t instanceof JValue ? jvalueObject(t) : t;
  if (key.startsWith("Dictionary<") || key.startsWith("IDictionary<")) {
    if (!(t instanceof JObject)) throw new DotNetException("Newtonsoft.Json.JsonSerializationException", "Cannot deserialize the current JSON into a dictionary.");
    const valueKey = /,\s*(.+)>$/.exec(key)?.[1] ?? "object";
    const m = new Map<string, unknown>();
    for (const p of t.Properties()) m.set(p.Name, jconv(p.Value, valueKey));
    return m;
  }
  if (key.endsWith("[]") || key.startsWith("List<")) {
    const ek = key.endsWith("[]") ? key.slice(0, -2) : key.slice(5, -1);
    if (!(t instanceof JArray)) throw new DotNetException("Newtonsoft.Json.JsonSerializationException", "Cannot deserialize the current JSON into an array.");
    // (the serializer passes over comments)
    return t.items.filter((c) => c.Type !== TT.Comment).map((c) => jconv(c, ek));
  }
  return jconv(t, key);
}

JToken.Parse = function (text: string | null): JToken {
  if (text === null || text === undefined) throw argumentNull("json");
  return new JsonReader(text).parseToken();
};
/** JObject.Parse and JArray.Parse: the container's start is read first (JsonReader.parseContainer). */
function parseContainer(text: string | null, kind: "JObject" | "JArray"): JToken {
  if (text === null || text === undefined) throw argumentNull("json");
  return new JsonReader(text).parseContainer(kind);
}
JObject.Parse = (text: string | null): JObject => parseContainer(text, "JObject") as JObject;
JArray.Parse = (text: string | null): JArray => parseContainer(text, "JArray") as JArray;
