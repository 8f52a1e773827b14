// Newtonsoft.Json.Linq for policy expressions: JToken, JObject, JArray, JValue, JProperty with
// Newtonsoft's parsing (integers vs floats kept apart), indexers, explicit conversions, SelectToken
// (JSONPath subset) and serialization.
//
// Indented output (`ToString()`, Formatting.Indented) uses two spaces, `"name": value`, and
// Environment.NewLine of the APIM gateway, which runs .NET on Windows: "\r\n" (NEWLINE below).
// ISO date strings become Date tokens as with Newtonsoft's defaults (DateParseHandling.DateTime,
// DateTimeZoneHandling.RoundtripKind): "...Z" a Utc DateTime, "...+02:00" a Local one (converted; the
// gateway's local time is UTC), none an Unspecified one; written back in ISO form ("...T03:04:05.12Z").
import { DotNetException, argumentError, argumentNull, argumentOutOfRange, formatError, invalidCast, invalidOperation } from "../errors.js";
import { fmtDouble, fmtFloat, fmtRoundTrip, isPlainObject, parseBool, parseNum, registerTypeCheck } from "./core.js";
import { overflow } from "../errors.js";
import { Decimal, NumBox, decRound, decStr, decToIntegral, decToNum, jvalueObject, toDec } from "./decimal.js";
import { LONG_MAX, LONG_MIN, ULONG_MAX } from "./long.js";

export const NEWLINE = "\r\n";

const enum TT {
  None = 0,
  Object = 1,
  Array = 2,
  Constructor = 3,
  Property = 4,
  Comment = 5,
  Integer = 6,
  Float = 7,
  String = 8,
  Boolean = 9,
  Null = 10,
  Undefined = 11,
  Date = 12,
  Raw = 13,
  Bytes = 14,
  Guid = 15,
  Uri = 16,
  TimeSpan = 17,
}
const TT_NAMES = ["None", "Object", "Array", "Constructor", "Property", "Comment", "Integer", "Float", "String", "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes", "Guid", "Uri", "TimeSpan"];

const readerError = (msg: string, pos: number, text: string): DotNetException => {
  let line = 1;
  let col = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      col = 0;
    } else col++;
  }
  return new DotNetException("Newtonsoft.Json.JsonReaderException", `${msg} Path '', line ${line}, position ${col}.`);
};

// Fields are declared and set in constructors: V8 (Node 20) builds objects with class field
// initializers about three times slower, and the reader builds a token per value.
export abstract class JToken implements Iterable<JToken> {
  declare Parent: JContainer | null;
  constructor() {
    this.Parent = null;
  }
  abstract get Type(): number;
  get $typeName(): string {
    return `Newtonsoft.Json.Linq.${this.constructor.name}`;
  }

  // ---- navigation ----
  Item(key: unknown): JToken | null {
    throw invalidOperation(`Cannot access child value on ${this.$typeName}.`);
  }
  SetItem(_key: unknown, _value: JToken | null): JToken | null {
    throw invalidOperation(`Cannot set child value on ${this.$typeName}.`);
  }
  get Root(): JToken {
    let t: JToken = this;
    while (t.Parent) t = t.Parent;
    return t;
  }
  get HasValues(): boolean {
    return false;
  }
  get First(): JToken | null {
    throw invalidOperation(`Cannot access child value on ${this.$typeName}.`);
  }
  get Last(): JToken | null {
    throw invalidOperation(`Cannot access child value on ${this.$typeName}.`);
  }
  get Next(): JToken | null {
    const p = this.Parent;
    if (!p) return null;
    const c = p.childList();
    return c[c.indexOf(this) + 1] ?? null;
  }
  get Previous(): JToken | null {
    const p = this.Parent;
    if (!p) return null;
    const c = p.childList();
    return c[c.indexOf(this) - 1] ?? null;
  }
  get Path(): string {
    const parts: string[] = [];
    let t: JToken = this;
    while (t.Parent) {
      const p: JContainer = t.Parent;
      if (p instanceof JArray) parts.unshift(`[${p.childList().indexOf(t)}]`);
      else if (t instanceof JProperty) parts.unshift(/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.Name) ? `.${t.Name}` : `['${t.Name}']`);
      t = p;
    }
    return parts.join("").replace(/^\./, "");
  }
  Children(): JToken[] {
    return [];
  }
  [Symbol.iterator](): Iterator<JToken> {
    return this.Children()[Symbol.iterator]();
  }
  Remove(): void {
    if (!this.Parent) throw invalidOperation("The parent is missing.");
    this.Parent.removeChild(this);
  }
  Replace(value: JToken | null): void {
    if (!this.Parent) throw invalidOperation("The parent is missing.");
    this.Parent.replaceChild(this, toJToken(value));
  }
  AddAfterSelf(v: JToken): void {
    this.addBeside(v, 1);
  }
  AddBeforeSelf(v: JToken): void {
    this.addBeside(v, 0);
  }
  /** AddAfterSelf/AddBeforeSelf: next to this item of an array, or this property of an object. */
  private addBeside(v: JToken, after: number): void {
    const p = this.Parent;
    if (!p) throw invalidOperation("The parent is missing.");
    if (p instanceof JArray) p.Insert(p.childList().indexOf(this) + after, v);
    else if (p instanceof JObject) p.insertProperty(p.childList().indexOf(this) + after, v);
    else throw new DotNetException("Newtonsoft.Json.JsonException", "Newtonsoft.Json.Linq.JProperty cannot have multiple values.");
  }
  abstract DeepClone(): JToken;

  // ---- output ----
  ToString(formatting: number = 1): string {
    return writeToken(this, formatting === 1, "");
  }
  toString(): string {
    return this.ToString();
  }
  Equals(o: unknown): boolean {
    return this === o;
  }

  // ---- queries ----
  SelectToken(path: string, errorWhenNoMatch = false): JToken | null {
    const r = selectTokens(this, path, errorWhenNoMatch);
    if (r.length > 1) throw new DotNetException("Newtonsoft.Json.JsonException", "Path returned multiple tokens.");
    return r[0] ?? null;
  }
  SelectTokens(path: string): JToken[] {
    return selectTokens(this, path, false);
  }

  // ---- statics ----
  static Parse(text: string | null): JToken {
    if (text === null || text === undefined) throw argumentNull("json");
    return parseJson(text);
  }
  static FromObject(o: unknown): JToken {
    if (o === null || o === undefined) throw argumentNull("o");
    return toJToken(o, true);
  }
  /** Structural equality: objects compare properties by name (any order), arrays in order, values by type and value. */
  static DeepEquals(a: JToken | null, b: JToken | null): boolean {
    if (a === b) return true;
    if (!a || !b) return false;
    return deepEquals(a, b);
  }
}

export abstract class JContainer extends JToken {
  abstract childList(): JToken[];
  override Children(): JToken[] {
    return this.childList().slice();
  }
  override get HasValues(): boolean {
    return this.childList().length > 0;
  }
  override get First(): JToken | null {
    return this.childList()[0] ?? null;
  }
  override get Last(): JToken | null {
    const c = this.childList();
    return c[c.length - 1] ?? null;
  }
  get Count(): number {
    return this.childList().length;
  }
  abstract Add(v: JToken | null): void;
  abstract removeChild(t: JToken): void;
  abstract replaceChild(t: JToken, v: JToken): void;
  RemoveAll(): void {
    for (const c of this.childList().slice()) this.removeChild(c);
  }
  Descendants(): JToken[] {
    const out: JToken[] = [];
    const walk = (t: JToken) => {
      for (const c of t.Children()) {
        out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  Merge(content: JToken | null): void {
    if (this instanceof JObject && content instanceof JObject) {
      for (const p of content.Properties()) {
        const existing = this.Item(p.Name);
        if (existing instanceof JContainer && p.Value instanceof JContainer && existing.Type === p.Value.Type) existing.Merge(p.Value);
        else if (!(p.Value instanceof JValue && p.Value.Type === TT.Null) || !existing) this.SetItem(p.Name, p.Value.DeepClone());
      }
    } else if (this instanceof JArray && content instanceof JArray) {
      for (const c of content.childList()) this.Add(c.DeepClone());
    }
  }
}

/** Claims a token for a container: a token that already has a parent is cloned (Newtonsoft does the same). */
function adopt(t: JToken | null, parent: JContainer): JToken {
  let x = t ?? JValue.null();
  if (x.Parent) x = x.DeepClone();
  x.Parent = parent;
  return x;
}

/** Objects with more properties than this keep a name index; smaller ones are scanned (cheaper to build). */
const INDEX_AT = 8;

export class JObject extends JContainer implements Iterable<JToken> {
  /** The properties, in order (internal: read it, change it only through the methods). */
  declare ps: JProperty[];
  /** Name → property, once the object has more than INDEX_AT properties. */
  private declare ix: Map<string, JProperty> | null;
  constructor() {
    super();
    this.ps = [];
    this.ix = null;
  }
  get Type(): number {
    return TT.Object;
  }
  childList(): JToken[] {
    return this.ps;
  }
  /** The property named `name` (ordinal), or undefined. */
  prop(name: string): JProperty | undefined {
    if (this.ix !== null) return this.ix.get(name);
    const ps = this.ps;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      if (p.Name === name) return p;
    }
    return undefined;
  }
  /** Inserts a property at `at` (AddAfterSelf/AddBeforeSelf of a property): a new name only. */
  insertProperty(at: number, v: JToken): void {
    if (!(v instanceof JProperty)) throw argumentError(`Can not add ${v?.$typeName ?? "null"} to Newtonsoft.Json.Linq.JObject.`);
    if (this.prop(v.Name)) throw argumentError(`Can not add property ${v.Name} to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.`);
    const np = adopt(v, this) as JProperty;
    this.ps.splice(at, 0, np);
    this.ix = this.ps.length > INDEX_AT ? new Map(this.ps.map((q) => [q.Name, q])) : null;
  }
  /** Appends `p` (its name is not taken). */
  private push(p: JProperty): void {
    const ps = this.ps;
    ps.push(p);
    if (this.ix !== null) this.ix.set(p.Name, p);
    else if (ps.length > INDEX_AT) this.ix = new Map(ps.map((q) => [q.Name, q]));
  }
  /**
   * The reader's add: `p` (parented already) is appended, or takes the place of the property of the
   * same name (a duplicate name: the last value wins, in the first one's place).
   */
  putParsed(p: JProperty): void {
    const ps = this.ps;
    const name = p.Name;
    const ix = this.ix;
    if (ix === null) {
      for (let i = 0; i < ps.length; i++)
        if (ps[i]!.Name === name) {
          ps[i] = p;
          return;
        }
      ps.push(p);
      if (ps.length > INDEX_AT) this.ix = new Map(ps.map((q) => [q.Name, q]));
      return;
    }
    const old = ix.get(name);
    if (old === undefined) ps.push(p);
    else ps[ps.indexOf(old)] = p;
    ix.set(name, p);
  }
  static of(content: readonly unknown[]): JObject {
    const o = new JObject();
    for (const c of content) o.addContent(c);
    return o;
  }
  private addContent(c: unknown): void {
    if (c === null || c === undefined) return;
    if (c instanceof JProperty) this.Add(c);
    else if (c instanceof JObject) for (const p of c.ps.slice()) this.Add(p);
    else if (Array.isArray(c)) for (const x of c) this.addContent(x);
    else throw argumentError(`Can not add ${toJToken(c).$typeName} to Newtonsoft.Json.Linq.JObject.`);
  }
  override Add(v: JToken | null): void {
    if (!(v instanceof JProperty)) throw argumentError(`Can not add ${v === null ? "Newtonsoft.Json.Linq.JValue" : v.$typeName} to Newtonsoft.Json.Linq.JObject.`);
    if (this.prop(v.Name) !== undefined) throw argumentError(`Can not add property ${v.Name} to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.`);
    this.push(adopt(v, this) as JProperty);
  }
  AddProperty(name: string, value: JToken | null): void {
    this.Add(new JProperty(name, value));
  }
  override Item(key: unknown): JToken | null {
    if (typeof key !== "string") {
      if (key === null || key === undefined) throw argumentNull("propertyName");
      throw argumentError(`Accessed JObject values with invalid key value: ${typeof key === "number" ? key : JSON.stringify(key)}. Object property name expected.`);
    }
    const p = this.prop(key);
    return p === undefined ? null : p.Value;
  }
  override SetItem(key: unknown, value: JToken | null): JToken | null {
    if (typeof key !== "string") throw argumentError("Set JObject values with invalid key value. Object property name expected.");
    const p = this.prop(key);
    if (p) p.SetValue(value);
    else this.AddProperty(key, value);
    return value;
  }
  GetValue(key: string, cmp = 4): JToken | null {
    if (cmp === 5 || cmp === 1 || cmp === 3) {
      const exact = this.prop(key);
      if (exact) return exact.Value;
      for (const p of this.ps) if (p.Name.toUpperCase() === key.toUpperCase()) return p.Value;
      return null;
    }
    return this.Item(key);
  }
  Properties(): JProperty[] {
    return this.ps.slice();
  }
  Property(name: string, cmp = 4): JProperty | null {
    const p = this.prop(name);
    if (p || !(cmp === 5 || cmp === 1 || cmp === 3)) return p ?? null;
    for (const q of this.ps) if (q.Name.toUpperCase() === name.toUpperCase()) return q;
    return null;
  }
  RemoveProperty(name: string): boolean {
    const p = this.prop(name);
    if (!p) return false;
    p.Parent = null;
    this.ps.splice(this.ps.indexOf(p), 1);
    this.ix?.delete(name);
    return true;
  }
  ContainsKey(name: string): boolean {
    return this.prop(name) !== undefined;
  }
  TryGetValue(name: string): JToken | undefined {
    return this.prop(name)?.Value;
  }
  removeChild(t: JToken): void {
    if (t instanceof JProperty) this.RemoveProperty(t.Name);
  }
  replaceChild(t: JToken, v: JToken): void {
    if (!(t instanceof JProperty) || !(v instanceof JProperty)) throw argumentError("Can not add a non-property to a JObject.");
    // as a Map rebuilt in order: the new property in t's place; a name met twice keeps its first place and its last property
    const m = new Map<string, JProperty>();
    for (const p of this.ps) {
      if (p === t) {
        const np = adopt(v, this) as JProperty;
        m.set(np.Name, np);
        t.Parent = null;
      } else m.set(p.Name, p);
    }
    this.ps = [...m.values()];
    this.ix = this.ps.length > INDEX_AT ? m : null;
  }
  /** JObject enumerates KeyValuePair<string, JToken>. */
  override [Symbol.iterator](): Iterator<JToken> {
    return this.ps.map((p) => ({ Key: p.Name, Value: p.Value }))[Symbol.iterator]() as unknown as Iterator<JToken>;
  }
  DeepClone(): JObject {
    const o = new JObject();
    for (const p of this.ps) o.Add(p.DeepClone());
    return o;
  }
  static override Parse(text: string | null): JObject {
    const t = JToken.Parse(text);
    if (!(t instanceof JObject)) throw readerError(`Error reading JObject from JsonReader. Current JsonReader item is not an object: ${TT_NAMES[t.Type === TT.Array ? 2 : t.Type]}.`, 0, "");
    return t;
  }
  static override FromObject(o: unknown): JObject {
    const t = JToken.FromObject(o);
    if (!(t instanceof JObject)) throw argumentError(`Object serialized to ${TT_NAMES[t.Type]}. JObject instance expected.`);
    return t;
  }
}

export class JArray extends JContainer {
  declare readonly items: JToken[];
  constructor() {
    super();
    this.items = [];
  }
  get Type(): number {
    return TT.Array;
  }
  childList(): JToken[] {
    return this.items;
  }
  static of(content: readonly unknown[]): JArray {
    const a = new JArray();
    for (const c of content) a.addContent(c);
    return a;
  }
  private addContent(c: unknown): void {
    if (Array.isArray(c)) for (const x of c) this.Add(toJToken(x));
    else if (c instanceof JArray) for (const x of c.items) this.Add(x);
    else this.Add(toJToken(c));
  }
  override Add(v: JToken | null): void {
    this.items.push(adopt(v, this));
  }
  override Item(key: unknown): JToken | null {
    if (typeof key !== "number") throw argumentError(`Accessed JArray values with invalid key value: ${keyText(key)}. Int32 array index expected.`);
    if (key < 0 || key >= this.items.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
    return this.items[key]!;
  }
  override SetItem(key: unknown, value: JToken | null): JToken | null {
    if (typeof key !== "number") throw argumentError("Set JArray values with invalid key value. Int32 array index expected.");
    if (key < 0 || key >= this.items.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
    this.items[key]!.Parent = null;
    this.items[key] = adopt(value, this);
    return value;
  }
  RemoveItem(t: JToken): boolean {
    const i = this.items.indexOf(t);
    if (i < 0) return false;
    this.items.splice(i, 1);
    t.Parent = null;
    return true;
  }
  RemoveAt(i: number): void {
    if (i < 0 || i >= this.items.length) throw argumentOutOfRange("index");
    this.items.splice(i, 1)[0]!.Parent = null;
  }
  Insert(i: number, v: JToken): void {
    if (i < 0 || i > this.items.length) throw argumentOutOfRange("index");
    this.items.splice(i, 0, adopt(v, this));
  }
  Contains(t: JToken): boolean {
    return this.items.includes(t);
  }
  IndexOf(t: JToken): number {
    return this.items.indexOf(t);
  }
  removeChild(t: JToken): void {
    this.RemoveItem(t);
  }
  replaceChild(t: JToken, v: JToken): void {
    const i = this.items.indexOf(t);
    if (i >= 0) {
      t.Parent = null;
      this.items[i] = adopt(v, this);
    }
  }
  DeepClone(): JArray {
    const a = new JArray();
    for (const c of this.items) a.Add(c.DeepClone());
    return a;
  }
  static override Parse(text: string | null): JArray {
    const t = JToken.Parse(text);
    if (!(t instanceof JArray)) throw readerError(`Error reading JArray from JsonReader. Current JsonReader item is not an array: ${TT_NAMES[t.Type]}.`, 0, "");
    return t;
  }
  static override FromObject(o: unknown): JArray {
    const t = JToken.FromObject(o);
    if (!(t instanceof JArray)) throw argumentError(`Object serialized to ${TT_NAMES[t.Type]}. JArray instance expected.`);
    return t;
  }
}

export class JProperty extends JContainer {
  private declare value: JToken;
  constructor(
    readonly Name: string,
    value: JToken | null,
  ) {
    super();
    if (Name === null || Name === undefined) throw argumentNull("name");
    this.value = adopt(value ?? JValue.null(), this);
  }
  static of(name: string, content: readonly unknown[]): JProperty {
    if (content.length === 1) return new JProperty(name, toJToken(content[0]));
    return new JProperty(name, JArray.of(content));
  }
  get Type(): number {
    return TT.Property;
  }
  get Value(): JToken {
    return this.value;
  }
  SetValue(v: JToken | null): JToken | null {
    this.value.Parent = null;
    this.value = adopt(v ?? JValue.null(), this);
    return v;
  }
  childList(): JToken[] {
    return [this.value];
  }
  override Add(v: JToken | null): void {
    void v;
    throw invalidOperation("Newtonsoft.Json.Linq.JProperty cannot have multiple values.");
  }
  removeChild(): void {
    throw invalidOperation("Cannot add or remove items from Newtonsoft.Json.Linq.JProperty.");
  }
  replaceChild(_t: JToken, v: JToken): void {
    this.SetValue(v);
  }
  DeepClone(): JProperty {
    return new JProperty(this.Name, this.value.DeepClone());
  }
}

export class JValue extends JToken {
  constructor(
    private readonly type: number,
    /** string | number | boolean | null | DateTime-like | Uint8Array | raw JSON text (Raw). */
    public Value: unknown,
  ) {
    super();
  }
  get Type(): number {
    return this.type;
  }
  static null(): JValue {
    return new JValue(TT.Null, null);
  }
  static str(s: string | null): JValue {
    return new JValue(s === null ? TT.Null : TT.String, s);
  }
  static raw(s: unknown): JValue {
    return new JValue(TT.Raw, s === null || s === undefined ? null : String(s));
  }
  DeepClone(): JValue {
    return this instanceof JSingle ? new JSingle(this.type, this.Value) : new JValue(this.type, this.Value);
  }
  override Equals(o: unknown): boolean {
    return o instanceof JValue && o.type === this.type && o.Value === this.Value;
  }
  /** JValue.ToString() is the value's own ToString, not JSON (a string token prints without quotes). */
  override ToString(formatting?: number): string {
    if (formatting !== undefined) return writeToken(this, formatting === 1, "");
    return jconv(this, "string") as string ?? "";
  }
}
/**
 * A Float token made from a C# float (System.Single): Newtonsoft writes it with float's round-trip
 * digits ("3.40282347E+38", "123456792.0"), not double's.
 */
export class JSingle extends JValue {}

// ---- conversions ----------------------------------------------------------------------------------

function deepEquals(a: JToken, b: JToken): boolean {
  if (a instanceof JObject) {
    if (!(b instanceof JObject) || a.ps.length !== b.ps.length) return false;
    for (const p of a.ps) {
      const q = b.prop(p.Name);
      if (!q || !deepEquals(p.Value, q.Value)) return false;
    }
    return true;
  }
  if (a instanceof JArray) {
    if (!(b instanceof JArray) || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => deepEquals(x, b.items[i]!));
  }
  if (a instanceof JProperty) return b instanceof JProperty && a.Name === b.Name && deepEquals(a.Value, b.Value);
  if (a instanceof JValue && b instanceof JValue) {
    if (a.Type !== b.Type) return false;
    if (a.Value === b.Value) return true;
    const e = (a.Value as { Equals?: (x: unknown) => boolean } | null)?.Equals;
    if (typeof e === "function") return e.call(a.Value, b.Value);
    if (a.Value instanceof Uint8Array && b.Value instanceof Uint8Array) return Buffer.from(a.Value).equals(Buffer.from(b.Value));
    return false;
  }
  return false;
}

/** A .NET value (boxed, runtime representation) → JToken (JToken.FromObject / implicit conversions). */
export function toJToken(v: unknown, fromObject = false): JToken {
  if (v instanceof JToken) return v;
  if (v === null || v === undefined) return JValue.null();
  switch (typeof v) {
    case "string":
      return new JValue(TT.String, v);
    case "boolean":
      return new JValue(TT.Boolean, v);
    case "number":
      return new JValue(Number.isInteger(v) ? TT.Integer : TT.Float, v);
    case "bigint":
      // a long beyond 2^53 (runtime/dotnet/long.ts) or a BigInteger: exact
      return new JValue(TT.Integer, v);
  }
  if (v instanceof Decimal) return new JValue(TT.Float, v);
  if (v instanceof NumBox) return toJValue(v.v, v.t);
  if (v instanceof Uint8Array) return new JValue(TT.Bytes, v);
  const tn = (v as { $typeName?: string }).$typeName;
  if (tn === "System.DateTime" || tn === "System.DateTimeOffset") return new JValue(TT.Date, v);
  if (tn === "System.TimeSpan") return new JValue(TT.TimeSpan, v);
  if (tn === "System.Uri") return new JValue(TT.Uri, v);
  if (Array.isArray(v) || v instanceof Set) return JArray.of([...(v as Iterable<unknown>)].map((x) => toJToken(x, fromObject)));
  if (v instanceof Map) {
    const o = new JObject();
    for (const e of v instanceof Map && typeof (v as { Item?: unknown }).Item === "function" ? (v as Iterable<{ Key: unknown; Value: unknown }>) : [...v].map(([Key, Value]) => ({ Key, Value })))
      o.AddProperty(String((e as { Key: unknown }).Key), toJToken((e as { Value: unknown }).Value, fromObject));
    return o;
  }
  if (typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") {
    const items = [...(v as Iterable<unknown>)];
    if (items.every((x) => x && typeof x === "object" && "Key" in x && "Value" in x)) {
      const o = new JObject();
      for (const e of items as { Key: unknown; Value: unknown }[]) o.AddProperty(String(e.Key), toJToken(e.Value, fromObject));
      return o;
    }
    return JArray.of(items.map((x) => toJToken(x, fromObject)));
  }
  if (typeof (v as { ToString?: unknown }).ToString === "function" && tn) return new JValue(TT.String, (v as { ToString(): string }).ToString());
  // anonymous objects
  const o = new JObject();
  for (const [k, x] of Object.entries(v as object)) if (!k.startsWith("$")) o.AddProperty(k, toJToken(x, fromObject));
  return o;
}

/**
 * What the compiler knows of a value's static type that JSON needs and the runtime value has lost:
 * which numbers are doubles/decimals (a Float token: 1.0, not 1) or floats, through arrays and
 * lists ("seq"), dictionary values ("map") and anonymous-object members ("anon").
 */
type JsonShape = string | ["seq", JsonShape] | ["map", JsonShape] | ["anon", Record<string, JsonShape>];
const JSON_SHAPES = new Map<string, JsonShape>();
/**
 * `JsonConvert.SerializeObject(x)`, `JToken.FromObject(x)`, `new JArray(x)`, ... where x's static
 * type has doubles or floats inside: their numbers become Float tokens, containers stay as they are
 * (so multi-content rules and writing go the usual way). `shape` is the compiler's JSON text.
 */
export function jShaped(v: unknown, shape: string): unknown {
  let s = JSON_SHAPES.get(shape);
  if (s === undefined) {
    s = JSON.parse(shape) as JsonShape;
    JSON_SHAPES.set(shape, s);
  }
  return applyJsonShape(v, s, 0);
}
function applyJsonShape(v: unknown, s: JsonShape, depth: number): unknown {
  if (v === null || v === undefined || v instanceof JToken || depth > 64) return v;
  if (typeof s === "string") return typeof v === "number" || v instanceof Decimal || v instanceof NumBox ? toJValue(v, s) : v;
  switch (s[0]) {
    case "seq":
      return typeof v === "object" && typeof (v as Iterable<unknown>)[Symbol.iterator] === "function" ? [...(v as Iterable<unknown>)].map((x) => applyJsonShape(x, s[1], depth + 1)) : v;
    case "map": {
      if (!(v instanceof Map)) return v;
      // a Dictionary iterates as { Key, Value } pairs, a plain Map as [key, value]
      const out = new Map<unknown, unknown>();
      for (const e of v as Iterable<unknown>) {
        if (Array.isArray(e)) out.set(e[0], applyJsonShape(e[1], s[1], depth + 1));
        else out.set((e as { Key: unknown }).Key, applyJsonShape((e as { Value: unknown }).Value, s[1], depth + 1));
      }
      return out;
    }
    case "anon": {
      if (typeof v !== "object" || v === null || !isPlainObject(v)) return v;
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v as object)) {
        const x = (v as Record<string, unknown>)[k];
        const ks = s[1][k];
        o[k] = ks === undefined ? x : applyJsonShape(x, ks, depth + 1);
      }
      return o;
    }
  }
  return v;
}
/** Implicit conversion of a statically typed value to JToken (`obj["k"] = 1.5`). */
export function toJValue(v: unknown, type: string): JToken {
  if (typeof v === "string") {
    if (type === "string") return new JValue(TT.String, v);
  } else if (typeof v === "number") {
    if (type === "double") return new JValue(TT.Float, v);
    if (type === "int") return new JValue(Number.isInteger(v) ? TT.Integer : TT.Float, v);
  }
  if (v instanceof JToken) return v;
  if (v instanceof NumBox) return toJValue(v.v, v.t);
  const t = type.endsWith("?") ? type.slice(0, -1) : type;
  if (v === null || v === undefined) return t === "string" ? new JValue(TT.String, null) : JValue.null();
  switch (t) {
    case "float":
      return typeof v === "number" ? new JSingle(TT.Float, v) : new JValue(TT.Float, v);
    case "double":
    case "decimal":
      return new JValue(TT.Float, v);
    case "string":
      return new JValue(TT.String, v);
    case "char":
      return new JValue(TT.String, typeof v === "number" ? String.fromCharCode(v) : v);
    case "Guid":
      return new JValue(TT.Guid, v);
  }
  return toJToken(v);
}

const NUMERIC_INT = new Set(["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong"]);
const typeLabel: Record<string, string> = {
  string: "String",
  bool: "Boolean",
  int: "Int32",
  long: "Int64",
  short: "Int16",
  byte: "Byte",
  sbyte: "SByte",
  uint: "UInt32",
  ulong: "UInt64",
  ushort: "UInt16",
  double: "Double",
  float: "Single",
  decimal: "Decimal",
  char: "Char",
  DateTime: "DateTime",
  Guid: "Guid",
  TimeSpan: "TimeSpan",
  "byte[]": "Byte[]",
};

let dateTimeOps: { parse(s: string): unknown; format(d: unknown): string; iso(d: unknown): string } | null = null;
/** The DateTime shim registers how Date tokens are parsed and printed. */
export function registerDateTimeOps(ops: typeof dateTimeOps): void {
  dateTimeOps = ops;
}

const COLL_KEY = /^(?:List|IList|IEnumerable|ICollection|IReadOnlyList)<(.+)>$|^(.+)\[\]$/;
const TOKEN_KEYS = new Set(["JToken", "JObject", "JArray", "JValue", "JProperty", "JContainer", "object"]);
/** Explicit conversion `(T)token` / `token.Value<T>()` / `ToObject<T>()`. */
export function jconv(token: unknown, key: string): unknown {
  // ToObject<Dictionary<string, T>>(): the object's properties, each converted to T
  if (token instanceof JObject && (key.startsWith("Dictionary<") || key.startsWith("IDictionary<"))) {
    const valueKey = /,\s*(.+)>$/.exec(key)?.[1] ?? "object";
    const m = new Map<string, unknown>();
    for (const p of token.Properties()) m.set(p.Name, valueKey === "object" && p.Value instanceof JValue ? jvalueObject(p.Value) : jconv(p.Value, valueKey));
    return m;
  }
  // the common conversions of a value of the matching kind, as the general path below does them
  if (token instanceof JValue) {
    const v = token.Value;
    const type = token.Type;
    switch (key) {
      case "int":
      case "long":
        if ((type === TT.Integer || type === TT.Float) && typeof v === "number" && Number.isInteger(v)) return v;
        break;
      case "double":
        if ((type === TT.Integer || type === TT.Float) && typeof v === "number") return v;
        break;
      case "string":
        if (type === TT.String && typeof v === "string") return v;
        break;
      case "bool":
        if (type === TT.Boolean && typeof v === "boolean") return v;
        break;
    }
  } else if (token instanceof JContainer) {
    if ((key === "JArray" && token instanceof JArray) || (key === "JObject" && token instanceof JObject) || key === "JToken") return token;
  }
  const nullable = key.endsWith("?");
  const k = nullable ? key.slice(0, -1) : key;
  // Only a key ending in '>' or ']' can name a collection.
  const last = k.charCodeAt(k.length - 1);
  const coll = (last === 62 || last === 93) && k !== "byte[]" ? COLL_KEY.exec(k) : null;
  if (coll && (token instanceof JArray || token instanceof JObject || token instanceof JValue)) {
    if (token instanceof JValue && token.Type === TT.Null) return null;
    if (!(token instanceof JArray)) throw new DotNetException("Newtonsoft.Json.JsonSerializationException", `Cannot deserialize the current JSON object into type '${k}'.`);
    return token.items.map((c) => jconv(c, coll[1] ?? coll[2]!));
  }
  if (TOKEN_KEYS.has(k)) {
    if (token === null || token === undefined) return null;
    if (k === "JObject" && !(token instanceof JObject)) throw invalidCast((token as JToken).$typeName, "Newtonsoft.Json.Linq.JObject");
    if (k === "JArray" && !(token instanceof JArray)) throw invalidCast((token as JToken).$typeName, "Newtonsoft.Json.Linq.JArray");
    if (k === "JValue" && !(token instanceof JValue)) throw invalidCast((token as JToken).$typeName, "Newtonsoft.Json.Linq.JValue");
    if (k === "object" && token instanceof JValue) return token.Value;
    return token;
  }
  if (Array.isArray(token)) {
    // Value<T>() on IEnumerable<JToken>: the first... (Extensions.Value converts the sequence itself)
    throw invalidCast("System.Collections.Generic.IEnumerable`1[Newtonsoft.Json.Linq.JToken]", "Newtonsoft.Json.Linq.JToken");
  }
  if (token === null || token === undefined) {
    if (k === "string" || nullable || k === "byte[]") return null;
    throw argumentNull("value");
  }
  const t = token as JToken;
  if (!(t instanceof JValue)) {
    if (k === "string" && false) return t.ToString();
    throw argumentError(`Can not convert ${TT_NAMES[t.Type]} to ${typeLabel[k] ?? k}.`);
  }
  const v = t.Value;
  const type = t.Type;
  if (type === TT.Null || type === TT.Undefined || v === null) {
    if (k === "string" || nullable || k === "byte[]") return null;
    throw argumentError(`Can not convert Null to ${typeLabel[k] ?? k}.`);
  }
  const bad = (): never => {
    throw argumentError(`Can not convert ${TT_NAMES[type]} to ${typeLabel[k] ?? k}.`);
  };
  switch (k) {
    case "string":
      if (v instanceof Decimal) return decStr(v);
      if (type === TT.Float) return t instanceof JSingle ? fmtFloat(v as number) : fmtDouble(v as number);
      if (type === TT.Boolean) return v ? "True" : "False";
      if (type === TT.Bytes) return Buffer.from(v as Uint8Array).toString("base64");
      if (type === TT.Date && dateTimeOps) return dateTimeOps.format(v);
      if (typeof v === "object" && v !== null && typeof (v as { ToString?: unknown }).ToString === "function") return (v as { ToString(): string }).ToString();
      return String(v);
    case "bool":
      if (type === TT.Boolean) return v;
      if (type === TT.Integer || type === TT.Float) return v instanceof Decimal ? v.m !== 0n : v !== 0 && v !== 0n;
      if (type === TT.String) return parseBool(v as string);
      return bad();
    case "char":
      if (type === TT.String) {
        if ((v as string).length !== 1) throw formatError("String must be exactly one character long.");
        return (v as string).charCodeAt(0);
      }
      if (type === TT.Integer) return v;
      return bad();
    case "DateTime":
    case "DateTimeOffset":
      if (type === TT.Date) return v;
      if (type === TT.String && dateTimeOps) return dateTimeOps.parse(v as string);
      return bad();
    case "Guid":
      if (type === TT.Guid || type === TT.String) {
        const s = String(v);
        if (!/^[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[})]?$/i.test(s)) throw formatError("Unrecognized Guid format.");
        const h = s.replace(/[{}()-]/g, "").toLowerCase();
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
      }
      return bad();
    case "byte[]":
      if (type === TT.Bytes) return v;
      if (type === TT.String) return new Uint8Array(Buffer.from(v as string, "base64"));
      return bad();
    case "TimeSpan":
      if (type === TT.TimeSpan) return v;
      return bad();
  }
  if (NUMERIC_INT.has(k) || k === "double" || k === "float" || k === "decimal") {
    if (typeof v === "bigint") return bigTo(v, k);
    if (v instanceof Decimal) return decTo(v, k);
    if (k === "decimal") {
      // Convert.ToDecimal: a string keeps its scale ("1.10"), a double its 15 significant digits
      if (type === TT.String) return parseNum(v as string, "decimal");
      if (type === TT.Integer || type === TT.Float) return toDec(v as number);
      if (type === TT.Boolean) return toDec(v ? 1 : 0);
      return bad();
    }
    let n: number;
    if (type === TT.Integer || type === TT.Float) n = v as number;
    else if (type === TT.String) n = parseNum(v as string, NUMERIC_INT.has(k) ? (k === "long" || k === "ulong" ? "long" : "int") : "double");
    else if (type === TT.Boolean) n = v ? 1 : 0;
    else return bad();
    if (NUMERIC_INT.has(k) && !Number.isInteger(n)) {
      // Convert.ToInt32(double): banker's rounding
      const f = Math.floor(n);
      const d = n - f;
      n = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    }
    if (k === "float") return Math.fround(n);
    return n;
  }
  return v;
}

const INT_LABEL: Record<string, string> = {
  sbyte: "a signed byte",
  byte: "an unsigned byte",
  short: "an Int16",
  ushort: "a UInt16",
  int: "an Int32",
  uint: "a UInt32",
  long: "an Int64",
  ulong: "a UInt64",
  char: "a character",
};
/** A JSON integer beyond 2^53 (a BigInt: Int64, UInt64 or BigInteger in Newtonsoft) → numeric type `k`. */
function bigTo(v: bigint, k: string): unknown {
  if (k === "double") return Number(v);
  if (k === "float") return Math.fround(Number(v));
  if (k === "decimal") return toDec(v as unknown as number);
  if ((k === "long" && v >= LONG_MIN && v <= LONG_MAX) || (k === "ulong" && v >= 0n && v <= ULONG_MAX)) return v;
  throw overflow(`Value was either too large or too small for ${INT_LABEL[k] ?? k}.`);
}

/** A decimal JSON value (Float) → numeric type `k` (Convert.ToInt32(decimal) & co. round half to even). */
function decTo(v: Decimal, k: string): unknown {
  if (k === "decimal") return v;
  if (k === "double") return decToNum(v);
  if (k === "float") return Math.fround(decToNum(v));
  return decToIntegral(decRound(v, 0, 0), k);
}

/** `token.Values<T>()`. */
export function jvalues(t: JToken, key: string): unknown[] {
  const src = t instanceof JObject ? t.Properties().map((p) => p.Value) : t.Children();
  return src.map((c) => jconv(c, key));
}

// ---- JSON writer ---------------------------------------------------------------------------------
// Chars that jsonQuote escapes: the quote, the backslash, C0 controls, NEL, LS and PS.
const NEEDS_ESCAPE = /["\\\x00-\x1f\x85\u2028\u2029]/;
export function jsonQuote(s: string | null): string {
  if (s === null || s === undefined) return '""';
  // short strings (names, most values) are checked by char code, longer ones by the regex
  if (s.length <= 32) {
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 34 || c === 92 || (c >= 0x85 && (c === 0x85 || c === 0x2028 || c === 0x2029))) break;
    }
    if (i === s.length) return `"${s}"`;
  } else if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string;
    if (c === 34) esc = '\\"';
    else if (c === 92) esc = "\\\\";
    else if (c < 0x20 || c === 0x85 || c === 0x2028 || c === 0x2029) {
      switch (c) {
        case 10:
          esc = "\\n";
          break;
        case 13:
          esc = "\\r";
          break;
        case 9:
          esc = "\\t";
          break;
        case 8:
          esc = "\\b";
          break;
        case 12:
          esc = "\\f";
          break;
        default:
          esc = `\\u${c.toString(16).padStart(4, "0")}`;
      }
    } else continue;
    out += s.slice(run, i) + esc;
    run = i + 1;
  }
  return `${out}${s.slice(run)}"`;
}

/**
 * A double as Newtonsoft writes it: the "R" round-trip format, with ".0" when that has no point or
 * exponent. When the shortest round-trip digits (String(n)) are at most 15 and the decimal exponent
 * is within what "R" prints without an exponent (1e-4 <= |n| < 1e17, see fmtGeneral), "R" gives the
 * same digits: |n - shortest| is below half an ulp (<= 2^-53 |n|), less than half a unit in the 15th
 * digit (>= 5e-16 |n|), so rounding n to 15 digits gives the shortest digits back.
 */
function writeDouble(n: number): string {
  const a = n < 0 ? -n : n;
  if (a === 0) return "0.0";
  if (a >= 1e-4 && a < 1e15) {
    const s = String(n);
    // String(n) has no exponent in this range; count its significant digits.
    let first = n < 0 ? 1 : 0;
    let last = s.length - 1;
    let point = -1;
    while (first <= last && (s.charCodeAt(first) === 48 || s.charCodeAt(first) === 46)) first++;
    while (last > first && s.charCodeAt(last) === 48) last--;
    let digits = last - first + 1;
    for (let i = first; i <= last; i++)
      if (s.charCodeAt(i) === 46) {
        point = i;
        digits--;
        break;
      }
    if (digits <= 15) return point < 0 && s.indexOf(".") < 0 ? `${s}.0` : s;
  }
  const s = fmtRoundTrip(n);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** A float as JsonConvert.ToString(float) writes it: "R" with float's digits, and a decimal place. */
function writeSingle(n: number): string {
  if (!Number.isFinite(n)) return jsonQuote(Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity");
  const s = fmtRoundTrip(n, "float");
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

function writeInteger(n: number | bigint): string {
  return typeof n === "bigint" ? n.toString() : Math.abs(n) >= 2 ** 53 ? BigInt(n).toString() : String(n);
}
function writeFloat(n: number | Decimal): string {
  // a decimal keeps its scale (1.50); an integral one gets ".0" as Newtonsoft's EnsureDecimalPlace adds
  if (typeof n !== "number") return n.s === 0 ? `${decStr(n)}.0` : decStr(n);
  if (!Number.isFinite(n)) return jsonQuote(Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity");
  return writeDouble(n);
}

function writeValue(v: JValue): string {
  const x = v.Value;
  switch (v.Type) {
    case TT.Null:
    case TT.Undefined:
      return "null";
    case TT.String:
      return x === null ? "null" : jsonQuote(x as string);
    case TT.Boolean:
      return x ? "true" : "false";
    case TT.Integer:
      return writeInteger(x as number);
    case TT.Float:
      return v instanceof JSingle ? writeSingle(x as number) : writeFloat(x as number);
    case TT.Raw:
      return x === null ? "null" : String(x);
    case TT.Bytes:
      return jsonQuote(Buffer.from(x as Uint8Array).toString("base64"));
    case TT.Date:
      return jsonQuote(dateTimeOps ? dateTimeOps.iso(x) : String(x));
    default:
      return x === null ? "null" : jsonQuote(typeof (x as { ToString?: unknown }).ToString === "function" ? (x as { ToString(): string }).ToString() : String(x));
  }
}

function writeToken(t: JToken, indented: boolean, indent: string): string {
  if (t instanceof JValue) return writeValue(t);
  if (t instanceof JProperty) return `${jsonQuote(t.Name)}:${indented ? " " : ""}${writeToken(t.Value, indented, indent)}`;
  return writeContainer(t, indented, indent);
}
function writeContainer(t: JToken, indented: boolean, indent: string): string {
  // left-to-right `+` onto `out` with the separators made once per container (V8 builds this
  // faster than nested template literals)
  if (t instanceof JObject) {
    const ps = t.ps;
    if (ps.length === 0) return "{}";
    let out = "{";
    if (indented) {
      const inner = indent + "  ";
      const sep = NEWLINE + inner;
      const sepN = "," + sep;
      for (let i = 0; i < ps.length; i++) {
        const p = ps[i]!;
        const v = p.Value;
        out = out + (i === 0 ? sep : sepN) + jsonQuote(p.Name) + ": " + (v instanceof JValue ? writeValue(v) : writeContainer(v, true, inner));
      }
      return out + NEWLINE + indent + "}";
    }
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      const v = p.Value;
      out = (i === 0 ? out : out + ",") + jsonQuote(p.Name) + ":" + (v instanceof JValue ? writeValue(v) : writeContainer(v, false, ""));
    }
    return out + "}";
  }
  if (t instanceof JArray) {
    const items = t.items;
    if (items.length === 0) return "[]";
    let out = "[";
    if (indented) {
      const inner = indent + "  ";
      const sep = NEWLINE + inner;
      const sepN = "," + sep;
      for (let i = 0; i < items.length; i++) {
        const v = items[i]!;
        out = out + (i === 0 ? sep : sepN) + (v instanceof JValue ? writeValue(v) : writeContainer(v, true, inner));
      }
      return out + NEWLINE + indent + "]";
    }
    for (let i = 0; i < items.length; i++) {
      const v = items[i]!;
      out = (i === 0 ? out : out + ",") + (v instanceof JValue ? writeValue(v) : writeContainer(v, false, ""));
    }
    return out + "]";
  }
  if (t instanceof JProperty) return writeToken(t, indented, indent);
  return "";
}

/** JsonConvert.SerializeObject(value, formatting). */
export function jsonSerialize(v: unknown, formatting: number): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof JToken) return writeToken(v, formatting === 1, "");
  return writePlain(v, formatting === 1, "");
}
/**
 * What `writeToken(toJToken(v, true))` writes, without building the tokens for the common shapes:
 * strings, booleans, numbers (Integer when integral, else Float), null, and anonymous objects
 * (plain objects without $typeName: their keys not starting with `$`, in order). Anything else goes
 * through toJToken.
 */
function writePlain(v: unknown, indented: boolean, indent: string): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "string":
      return jsonQuote(v);
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return Number.isInteger(v) ? writeInteger(v) : writeFloat(v);
    case "bigint":
      return v.toString();
  }
  if (typeof v === "object" && v !== null && isPlainObject(v) && (v as { $typeName?: unknown }).$typeName === undefined) {
    const o = v as Record<string, unknown>;
    let out = "{";
    let first = true;
    const inner = indented ? `${indent}  ` : "";
    for (const k of Object.keys(o)) {
      if (k.startsWith("$")) continue;
      const x = o[k];
      out += `${first ? "" : ","}${indented ? `${NEWLINE}${inner}` : ""}${jsonQuote(k)}:${indented ? " " : ""}${writePlain(x, indented, inner)}`;
      first = false;
    }
    return first ? "{}" : `${out}${indented ? `${NEWLINE}${indent}` : ""}}`;
  }
  return writeToken(toJToken(v, true), indented, indent);
}
/** JsonConvert.DeserializeObject(text) / DeserializeObject<T>(text). */
export function jsonDeserialize(text: string | null, key: string | null): unknown {
  if (text === null || text === undefined) throw argumentNull("value");
  if (text.trim() === "") return null;
  // a string target reads strings as they are (ReadAsString): no Date tokens
  const t = parseJson(text, key === null || !STRING_TARGET.test(key));
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
    return t.items.map((c) => jconv(c, ek));
  }
  return jconv(t, key);
}

// ---- JSON reader (Newtonsoft-lenient: comments, single quotes, unquoted names) ---------------------
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
    this.ws();
    if (this.i < this.n) throw readerError("Additional text encountered after finished reading JSON content: " + this.text[this.i] + ".", this.i, this.text);
    return v;
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
    if (!m) throw readerError(`Unexpected character encountered while parsing value: ${String.fromCharCode(c)}.`, this.i, text);
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
  private object(): JObject {
    const text = this.text;
    this.i++;
    const o = new JObject();
    this.ws();
    if (text.charCodeAt(this.i) === 125) {
      this.i++;
      return o;
    }
    for (;;) {
      this.ws();
      let name: string;
      const q = text.charCodeAt(this.i);
      if (q === 34 || q === 39) name = this.str(q);
      else {
        NAME_RE.lastIndex = this.i;
        const m = NAME_RE.exec(text);
        if (!m) throw readerError(`Invalid property identifier character: ${text[this.i] ?? ""}.`, this.i, text);
        name = m[0];
        this.i += name.length;
      }
      this.ws();
      if (text.charCodeAt(this.i) !== 58) throw readerError(`Invalid character after parsing property name. Expected ':' but got: ${text[this.i] ?? ""}.`, this.i, text);
      this.i++;
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
          return o;
        }
        continue;
      }
      if (d === 125) {
        this.i++;
        return o;
      }
      throw readerError(`After parsing a value an unexpected character was encountered: ${text[this.i] ?? ""}.`, this.i, text);
    }
  }
  private array(): JArray {
    const text = this.text;
    this.i++;
    const a = new JArray();
    const items = a.items;
    this.ws();
    if (text.charCodeAt(this.i) === 93) {
      this.i++;
      return a;
    }
    for (;;) {
      const v = this.value();
      v.Parent = a;
      items.push(v);
      this.ws();
      const d = text.charCodeAt(this.i);
      if (d === 44) {
        this.i++;
        this.ws();
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
      throw readerError(`After parsing a value an unexpected character was encountered: ${text[this.i] ?? ""}.`, this.i, text);
    }
  }
}

// ---- SelectToken (JSONPath subset: $, .name, ['name'], [n], [*], ..name) ------------------------------
function selectTokens(root: JToken, path: string, errorWhenNoMatch: boolean): JToken[] {
  if (path === null || path === undefined) throw argumentNull("path");
  let cur: JToken[] = [root];
  let i = 0;
  const p = path.trim();
  if (p.startsWith("$")) i = 1;
  const fail = (msg: string): never => {
    throw new DotNetException("Newtonsoft.Json.JsonException", msg);
  };
  while (i < p.length) {
    const c = p[i]!;
    if (c === "." && p[i + 1] === ".") {
      i += 2;
      const m = /^[^.[\]]+/.exec(p.slice(i));
      if (!m) fail(`Unexpected character while parsing path: ${p[i] ?? ""}`);
      i += m![0].length;
      const name = m![0];
      const out: JToken[] = [];
      for (const t of cur) {
        const walk = (x: JToken) => {
          if (x instanceof JObject) {
            for (const pr of x.Properties()) {
              if (name === "*" || pr.Name === name) out.push(pr.Value);
              walk(pr.Value);
            }
          } else if (x instanceof JArray) for (const y of x.items) walk(y);
        };
        walk(t);
      }
      cur = out;
      continue;
    }
    if (c === ".") {
      i++;
      continue;
    }
    if (c === "[" && p.startsWith("[?(", i)) {
      // a filter: [?(expr)], the expression up to its balancing parenthesis
      let depth = 0;
      let j = i + 2;
      let quote = "";
      for (; j < p.length; j++) {
        const ch = p[j]!;
        if (quote) {
          if (ch === quote) quote = "";
        } else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === "(") depth++;
        else if (ch === ")" && --depth === 0) break;
      }
      if (j >= p.length || p[j + 1] !== "]") fail("Path ended with open query.");
      const test = parseFilter(p.slice(i + 3, j), fail);
      i = j + 2;
      const out: JToken[] = [];
      // Newtonsoft's QueryFilter tests each child of each current token (an object's are its properties)
      for (const t of cur) for (const v of t instanceof JContainer ? t.childList() : []) if (test(root, v)) out.push(v);
      cur = out;
      continue;
    }
    if (c === "[") {
      const close = p.indexOf("]", i);
      if (close < 0) fail("Path ended with open indexer.");
      const inner = p.slice(i + 1, close).trim();
      i = close + 1;
      const out: JToken[] = [];
      if (inner === "*") {
        for (const t of cur) out.push(...(t instanceof JObject ? t.Properties().map((q) => q.Value) : t.Children()));
      } else if (/^-?\d+$/.test(inner)) {
        const idx = Number(inner);
        for (const t of cur) {
          if (t instanceof JArray) {
            const x = t.items[idx < 0 ? t.items.length + idx : idx];
            if (x) out.push(x);
            else if (errorWhenNoMatch) fail(`Index ${idx} outside the bounds of JArray.`);
          } else if (errorWhenNoMatch) fail(`Index ${idx} not valid on ${t.constructor.name}.`);
        }
      } else if (/^(['"]).*\1$/.test(inner)) {
        for (const name of inner.split(/\s*,\s*/).map((s) => s.slice(1, -1))) {
          for (const t of cur) {
            const x = t instanceof JObject ? t.Item(name) : null;
            if (x) out.push(x);
            else if (errorWhenNoMatch) fail(`Property '${name}' does not exist on ${t.constructor.name}.`);
          }
        }
      } else if (/^-?\d*\s*:\s*-?\d*(\s*:\s*-?\d*)?$/.test(inner)) {
        // an array slice [start:end:step] (Newtonsoft's ArraySliceFilter)
        const [s0, e0, st0] = inner.split(":").map((x) => x.trim());
        const step = st0 ? Number(st0) : 1;
        if (step === 0) fail("Step cannot be zero.");
        for (const t of cur) {
          if (!(t instanceof JArray)) {
            if (errorWhenNoMatch) fail(`Array slice is not valid on ${t.constructor.name}.`);
            continue;
          }
          const n = t.items.length;
          let start = s0 ? Number(s0) : step > 0 ? 0 : n - 1;
          let stop = e0 ? Number(e0) : step > 0 ? n : -1;
          if (s0 && start < 0) start = n + start;
          if (e0 && stop < 0) stop = n + stop;
          start = Math.min(Math.max(start, step > 0 ? 0 : -2147483648), step > 0 ? n : n - 1);
          stop = Math.min(Math.max(stop, -1), n);
          const valid = (k: number) => (step > 0 ? k < stop : k > stop);
          if (!valid(start) && errorWhenNoMatch) fail(`Array slice of ${s0 || "*"} to ${e0 || "*"} returned no results.`);
          for (let k = start; valid(k); k += step) out.push(t.items[k]!);
        }
      } else fail(`Unexpected character while parsing path indexer: ${inner[0] ?? ""}`);
      cur = out;
      continue;
    }
    const m = /^[^.[\]]+/.exec(p.slice(i));
    const name = m![0];
    i += name.length;
    const out: JToken[] = [];
    for (const t of cur) {
      if (name === "*") out.push(...(t instanceof JObject ? t.Properties().map((q) => q.Value) : t.Children()));
      else if (t instanceof JObject) {
        const x = t.Item(name);
        if (x) out.push(x);
        else if (errorWhenNoMatch) fail(`Property '${name}' does not exist on JObject.`);
      } else if (errorWhenNoMatch) fail(`Property '${name}' not valid on ${t.constructor.name}.`);
    }
    cur = out;
  }
  return cur;
}

/**
 * A JSONPath filter expression (`@.p > 10 && @.n == 'b'`, `@.x`, `$.a`): || of && of comparisons of
 * a path (from @ = the tested token, or $ = the root) with a literal, or a path's existence. As
 * Newtonsoft's BooleanQueryExpression: true when any token the path selects is a value that compares so.
 */
function parseFilter(src: string, fail: (m: string) => never): (root: JToken, v: JToken) => boolean {
  let i = 0;
  const ws = () => {
    while (src[i] === " ") i++;
  };
  type Lit = { lit: unknown; float?: boolean };
  const literal = (): Lit | null => {
    ws();
    const q = src[i];
    if (q === "'" || q === '"') {
      const end = src.indexOf(q, i + 1);
      if (end < 0) fail("Path ended with an open string.");
      const s = src.slice(i + 1, end);
      i = end + 1;
      return { lit: s };
    }
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return { lit: m[0] === "true" ? true : m[0] === "false" ? false : m[0] === "null" ? null : Number(m[0]), float: /[.eE]/.test(m[0]) };
  };
  const pathOperand = (): { path: string; fromRoot: boolean } => {
    ws();
    const fromRoot = src[i] === "$";
    if (src[i] !== "@" && !fromRoot) fail(`Unexpected character while parsing path query: ${src[i] ?? ""}`);
    const m = /^[@$]((\.\.?[^\s.[\]()=!<>&|]+)|(\[[^\]]*\]))*/.exec(src.slice(i))!;
    i += m[0].length;
    return { path: `$${m[0].slice(1)}`, fromRoot };
  };
  const valueOf = (t: JToken): unknown => (t instanceof JValue ? t.Value : undefined);
  const sameKind = (t: JValue, lit: unknown, float: boolean): boolean =>
    typeof lit === "number" ? (float ? t.Type === TT.Float : t.Type === TT.Integer) : typeof lit === "string" ? t.Type === TT.String : typeof lit === "boolean" ? t.Type === TT.Boolean : t.Type === TT.Null;
  const cmp = (a: unknown, b: unknown): number | null => {
    if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
    // a string against a number or bool: their invariant texts, ordinally (JValue.Compare)
    if ((typeof a === "string") !== (typeof b === "string") && a !== null && b !== null) {
      const x = typeof a === "boolean" ? (a ? "True" : "False") : String(a);
      const y = typeof b === "boolean" ? (b ? "True" : "False") : String(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    if (typeof a === "bigint" || typeof b === "bigint") {
      if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
      return null;
    }
    if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
    if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
    if (a === null && b === null) return 0;
    return null;
  };
  const atom = (): ((root: JToken, v: JToken) => boolean) => {
    ws();
    if (src[i] === "(") {
      i++;
      const e = or();
      ws();
      if (src[i] !== ")") fail("Unexpected end while parsing path query.");
      i++;
      return e;
    }
    const left = pathOperand();
    ws();
    const op = /^(==|!=|<=|>=|<|>)/.exec(src.slice(i))?.[0];
    if (!op) return (root, v) => selectTokens(left.fromRoot ? root : v, left.path, false).length > 0;
    i += op.length;
    const right = literal();
    if (!right) fail(`Unexpected character while parsing path query: ${src[i] ?? ""}`);
    const want = right!.lit;
    const wantFloat = right!.float === true;
    return (root, v) =>
      selectTokens(left.fromRoot ? root : v, left.path, false).some((t) => {
        if (!(t instanceof JValue)) return false;
        const c = cmp(valueOf(t), want);
        switch (op) {
          // equality also needs the same kind of value (Newtonsoft 6's JValue.Equals: 5 is not 5.0)
          case "==":
            return c === 0 && sameKind(t, want, wantFloat);
          case "!=":
            return !(c === 0 && sameKind(t, want, wantFloat));
          case "<":
            return c !== null && c < 0;
          case "<=":
            return c !== null && c <= 0;
          case ">":
            return c !== null && c > 0;
          default:
            return c !== null && c >= 0;
        }
      });
  };
  const and = () => {
    let e = atom();
    for (ws(); src.startsWith("&&", i); ws()) {
      i += 2;
      const a = e;
      const b = atom();
      e = (r, v) => a(r, v) && b(r, v);
    }
    return e;
  };
  function or(): (root: JToken, v: JToken) => boolean {
    let e = and();
    for (ws(); src.startsWith("||", i); ws()) {
      i += 2;
      const a = e;
      const b = and();
      e = (r, v) => a(r, v) || b(r, v);
    }
    return e;
  }
  const e = or();
  ws();
  if (i < src.length) fail(`Unexpected character while parsing path query: ${src[i]}`);
  return e;
}

/** A key as Json.NET's message shows it: a boxed number as its digits (a BigInt has no JSON form), a string quoted. */
function keyText(key: unknown): string {
  if (typeof key === "bigint") return String(key);
  if (key instanceof NumBox) return String(key.v);
  return JSON.stringify(key) ?? String(key);
}

registerTypeCheck("JToken", (v) => v instanceof JToken);
registerTypeCheck("JObject", (v) => v instanceof JObject);
registerTypeCheck("JArray", (v) => v instanceof JArray);
registerTypeCheck("JValue", (v) => v instanceof JValue);
registerTypeCheck("JProperty", (v) => v instanceof JProperty);
registerTypeCheck("JContainer", (v) => v instanceof JContainer);
