// Newtonsoft.Json.Linq.JConstructor: a JavaScript constructor call in JSON text (`new Date(1, 2)`), a
// container of Type Constructor with a Name and its arguments as children, indexed like an array's
// items. Json.NET 6's rules: the name may be null (new JConstructor()) but never set to null or ""
// by the named constructors; the indexer takes a boxed int only ("Argument position index
// expected"); the model (json-tokens.ts) treats it as an array for Path, Add/AddFirst and
// AddAfterSelf/AddBeforeSelf, and compares it by name and arguments in DeepEquals.
import { DotNetException, argumentError, argumentNull, argumentOutOfRange, nullReference } from "../errors.js";
import { registerTypeCheck } from "./core.js";
import { toStr } from "./text-format.js";
import { JContainer, JProperty, JToken, JValue, TT, TT_NAMES, dateTimeOps } from "./json-tokens.js";

/** A key as Json.NET's message shows it (MiscellaneousUtils.ToString): a string quoted, any other boxed value its ToString(). */
const keyText = (key: unknown): string => (typeof key === "string" ? `"${key}"` : toStr(key));
/** `key is int`: a boxed int (a boxed long, double or char is not). */
const isIntKey = (key: unknown): key is number => typeof key === "number" && Number.isInteger(key) && key >= -2147483648 && key <= 2147483647;

export class JConstructor extends JContainer {
  declare readonly items: JToken[];
  declare Name: string | null;
  constructor(name: string | null = null) {
    super();
    this.items = [];
    this.Name = name;
  }
  /** new JConstructor(string name): a name, never null or empty. */
  static named(name: string | null): JConstructor {
    if (name === null || name === undefined) throw argumentNull("name");
    if (name.length === 0) throw argumentError("'name' cannot be empty.\r\nParameter name: name");
    return new JConstructor(name);
  }
  /** new JConstructor(name, object content) and (name, params object[] content): the name checked, then Add(content). */
  static of(name: string | null, content: unknown): JConstructor {
    const c = JConstructor.named(name);
    c.AddContent(content);
    return c;
  }
  /** new JConstructor(JConstructor other): its name, and copies of its arguments. */
  static copyOf(other: JConstructor | null): JConstructor {
    if (other === null || other === undefined) throw argumentNull("c");
    const c = new JConstructor(other.Name);
    for (const x of other.items) c.Add(x);
    return c;
  }
  override get $clrName(): string {
    return "JConstructor";
  }
  get Type(): number {
    return TT.Constructor;
  }
  childList(): JToken[] {
    return this.items;
  }
  /** Claims a token (Json.NET's ValidateToken: no property; a token with a parent is copied). */
  private adopt(t: JToken | null): JToken {
    let x = t ?? JValue.null();
    if (x instanceof JProperty) throw argumentError(`Can not add ${x.$typeName} to ${this.$typeName}.`);
    // (EnsureParentToken: a copy when it has a parent, is this constructor, or is its root: no loops)
    if (x.Parent || x === this || (x instanceof JContainer && x.HasValues && this.Root === x)) x = x.DeepClone();
    x.Parent = this;
    return x;
  }
  override Add(v: JToken | null): void {
    this.items.push(this.adopt(v));
  }
  Insert(i: number, v: JToken | null): void {
    if (i < 0 || i > this.items.length) throw argumentOutOfRange("index");
    this.items.splice(i, 0, this.adopt(v));
  }
  override Item(key: unknown): JToken | null {
    if (key === null || key === undefined) throw argumentNull("o");
    if (!isIntKey(key)) throw argumentError(`Accessed JConstructor values with invalid key value: ${keyText(key)}. Argument position index expected.`);
    if (key < 0 || key >= this.items.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
    return this.items[key]!;
  }
  override SetItem(key: unknown, value: JToken | null): JToken | null {
    if (key === null || key === undefined) throw argumentNull("o");
    if (!isIntKey(key)) throw argumentError(`Set JConstructor values with invalid key value: ${keyText(key)}. Argument position index expected.`);
    // (JContainer.SetItem's own messages)
    if (key < 0) throw argumentOutOfRange("index", "Index is less than 0.");
    if (key >= this.items.length) throw argumentOutOfRange("index", "Index is equal to or greater than Count.");
    this.items[key]!.Parent = null;
    this.items[key] = this.adopt(value);
    return value;
  }
  removeChild(t: JToken): void {
    const i = this.items.indexOf(t);
    if (i < 0) return;
    this.items.splice(i, 1);
    t.Parent = null;
  }
  replaceChild(t: JToken, v: JToken): void {
    const i = this.items.indexOf(t);
    if (i < 0) return;
    const x = this.adopt(v);
    t.Parent = null;
    this.items[i] = x;
  }
  DeepClone(): JConstructor {
    const c = new JConstructor(this.Name);
    for (const x of this.items) c.Add(x.DeepClone());
    return c;
  }
  /** JConstructor.MergeItem: another constructor's name (when it has one) and its arguments appended; anything else merges nothing. */
  override Merge(content: JToken | null): void {
    if (!(content instanceof JConstructor)) return;
    if (content.Name !== null) this.Name = content.Name;
    for (const x of content.items.slice()) this.Add(x);
  }
}

registerTypeCheck("JConstructor", (v) => v instanceof JConstructor);

/**
 * A constructor where the serializer wants a .NET value (an element or value of a collection of
 * `elementKey`): into object it reads the name as a string and fails on what follows
 * (JsonSerializationException), into a typed value the reader's ReadAsX fails (JsonReaderException).
 */
export function constructorAsValue(elementKey: string): never {
  if (elementKey === "object") throw new DotNetException("Newtonsoft.Json.JsonSerializationException", "Unexpected token while deserializing object: EndConstructor.");
  throw new DotNetException("Newtonsoft.Json.JsonReaderException", "Unexpected token: StartConstructor.");
}

// ---- JsonWriter.WriteToken ------------------------------------------------------------------------

let dateTimeClass: { fromTicks(ticks: bigint, kind: number): unknown } | null = null;
const writerError = (msg: string) => new DotNetException("Newtonsoft.Json.JsonWriterException", `${msg} Path ''.`);

/** Whether `t` is or holds a constructor, or (`undef`) an Undefined value. */
function holdsConstructor(t: JToken, undef: boolean): boolean {
  if (t instanceof JConstructor || (undef && t.Type === TT.Undefined)) return true;
  if (!(t instanceof JContainer)) return false;
  const c = t.childList();
  for (let i = 0; i < c.length; i++) if (holdsConstructor(c[i]!, undef)) return true;
  return false;
}
/**
 * A token as JsonWriter.WriteToken(reader) copies it, which the serializer does where it builds
 * tokens (JsonConvert.DeserializeObject into object or a token type, ToObject<JToken>()) and
 * JRaw.Create does: `new Date(ms)` becomes the DateTime (UTC) `ms` milliseconds after 1970
 * (WriteConstructorDate: one Integer argument, else a JsonWriterException); other constructors stay;
 * one without a name fails at reader.Value.ToString() (NullReferenceException). `t` itself when it
 * holds no constructor, else a copy.
 */
export function writtenByWriteToken(t: JToken, intoTokens = true): JToken {
  return holdsConstructor(t, intoTokens) ? convertDates(t.DeepClone(), intoTokens) : t;
}
/** `intoTokens`: a JTokenWriter receives the copy, which makes an Undefined value Null (a text writer keeps it). */
function convertDates(t: JToken, intoTokens: boolean): JToken {
  if (intoTokens && t.Type === TT.Undefined) return JValue.null();
  if (t instanceof JConstructor) {
    // (an empty name too: the serializer's copy fails on it where JConstructor's own check would not be reached)
    if (t.Name === null || t.Name === "") throw nullReference();
    if (t.Name === "Date") {
      const a = t.items;
      if (a.length === 0 || a[0]!.Type !== TT.Integer) throw writerError(`Unexpected token when reading date constructor. Expected Integer, got ${a.length === 0 ? "EndConstructor" : TT_NAMES[a[0]!.Type]}.`);
      if (a.length > 1) throw writerError(`Unexpected token when reading date constructor. Expected EndConstructor, got ${TT_NAMES[a[1]!.Type]}.`);
      dateTimeClass ??= (dateTimeOps!.parse("2000-01-01T00:00:00") as { constructor: typeof dateTimeClass }).constructor;
      const ms = (a[0] as JValue).Value as number | bigint;
      return new JValue(TT.Date, dateTimeClass!.fromTicks(BigInt(ms) * 10000n + 621355968000000000n, 1));
    }
  }
  if (t instanceof JProperty) {
    const v = convertDates(t.Value, intoTokens);
    if (v !== t.Value) t.SetValue(v);
  } else if (t instanceof JContainer) {
    const items = t.childList();
    for (let i = 0; i < items.length; i++) {
      const c = items[i]!;
      if (!(c instanceof JContainer) && !(intoTokens && c.Type === TT.Undefined)) continue;
      const v = convertDates(c, intoTokens);
      if (v !== c) t.replaceChild(c, v);
    }
  }
  return t;
}
