// Newtonsoft.Json.Linq's token model: JToken, JContainer, JObject, JArray, JProperty, JValue (and JSingle),
// their navigation and editing, structural equality and the conversion of .NET values to tokens.
// Writing, reading, conversions to .NET values and SelectToken live beside it (json-*.ts).
import { DotNetException, argumentError, argumentNull, argumentOutOfRange, invalidOperation, nullReference } from "../errors.js";
import { castTo, registerTypeCheck } from "./core.js";
import { toStr } from "./text-format.js";
import { strCompare } from "./string.js";
import { CharBox, Decimal, NumBox } from "./decimal.js";
import { Deferred } from "./linq-deferred.js";
import { EnumBox, type EnumNames } from "./enums.js";
import { GuidBox } from "./guid.js";

export const NEWLINE = "\r\n";

export const enum TT {
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
export const TT_NAMES = ["None", "Object", "Array", "Constructor", "Property", "Comment", "Integer", "Float", "String", "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes", "Guid", "Uri", "TimeSpan"];

/** A JsonReaderException with its parts, so the containers it unwinds through can add the reader's Path (json-reader.ts). */
export interface ReaderError extends DotNetException {
  jsonMsg: string;
  jsonWhere: string;
  jsonParts: (string | number)[];
}
export const readerError = (msg: string, pos: number, text: string): DotNetException => {
  let line = 1;
  let col = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      col = 0;
    } else col++;
  }
  // (Json.NET counts a line's position from its line feed: one more past the first line)
  const where = `line ${line}, position ${line > 1 ? col + 1 : col}.`;
  const e = new DotNetException("Newtonsoft.Json.JsonReaderException", `${msg} Path '', ${where}`) as ReaderError;
  e.jsonMsg = msg;
  e.jsonWhere = where;
  e.jsonParts = [];
  return e;
};
/** Json.NET 6's JsonPosition.BuildPath: names joined with '.', a name holding . space [ ] ( ) as ['name'], indexes as [i]. */
export function formatJsonPath(parts: readonly (string | number)[]): string {
  let path = "";
  for (const p of parts) {
    if (typeof p === "number") path += `[${p}]`;
    else path += (path.length > 0 ? "." : "") + (/[. [\]()]/.test(p) ? `['${p}']` : p);
  }
  return path;
}

export let dateTimeOps: { parse(s: string): unknown; format(d: unknown): string; iso(d: unknown): string; parseTimeSpan(s: string): unknown } | null = null;
/** The DateTime shim registers how Date tokens are parsed and printed. */
export function registerDateTimeOps(ops: typeof dateTimeOps): void {
  dateTimeOps = ops;
}

/**
 * Members installed on the prototypes by the modules of their topic (the token model does not import
 * them: they import it): ToString by json-writer.ts (JValue's by json-convert.ts), SelectToken and
 * SelectTokens by json-path.ts. runtime/dotnet/newtonsoft.ts loads them all.
 */
export interface JToken {
  ToString(formatting?: number): string;
  SelectToken(path: string, errorWhenNoMatch?: boolean): JToken | null;
  SelectTokens(path: string): JToken[];
}

// initializers about three times slower, and the reader builds a token per value.
export abstract class JToken implements Iterable<JToken> {
  declare Parent: JContainer | null;
  constructor() {
    this.Parent = null;
  }
  abstract get Type(): number;
  /** The CLR class name (GetType().Name); spelled out, since a bundler may rename the JS classes. */
  get $clrName(): string {
    return this instanceof JObject ? "JObject" : this instanceof JArray ? "JArray" : this instanceof JProperty ? "JProperty" : "JValue";
  }
  get $typeName(): string {
    return `Newtonsoft.Json.Linq.${this.$clrName}`;
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
  /**
   * Json.NET 6's JToken.Path: every property from this one up gives its name (a parentless one too:
   * new JProperty("a", 1).Value.Path is "a"), every array above gives the index of the child on the
   * way; JsonPosition.BuildPath joins names with '.' and writes a name holding . space [ ] ( ) as
   * ['name'] (still after a '.').
   */
  get Path(): string {
    if (!this.Parent) return "";
    const parts: (string | number)[] = [];
    let previous: JToken | null = null;
    for (let t: JToken | null = this; t; t = t.Parent) {
      if (t instanceof JProperty) parts.push(t.Name);
      // (a constructor's arguments are indexed as an array's items)
      else if ((t instanceof JArray || t.Type === TT.Constructor) && previous) parts.push((t as JContainer).childList().indexOf(previous));
      previous = t;
    }
    return formatJsonPath(parts.reverse());
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
  AddAfterSelf(v: unknown): void {
    this.addBeside(v, 1);
  }
  AddBeforeSelf(v: unknown): void {
    this.addBeside(v, 0);
  }
  /** AddAfterSelf/AddBeforeSelf: next to this item of an array, or this property of an object. */
  private addBeside(v: unknown, after: number): void {
    const p = this.Parent;
    if (!p) throw invalidOperation("The parent is missing.");
    if (p instanceof JArray || p instanceof JObject || p.Type === TT.Constructor) p.insertContent(p.childList().indexOf(this) + after, v);
    else throw new DotNetException("Newtonsoft.Json.JsonException", "Newtonsoft.Json.Linq.JProperty cannot have multiple values.");
  }
  abstract DeepClone(): JToken;

  // ---- annotations (objects a program attaches to a token; DeepClone does not copy them) ----
  declare private ann?: unknown[];
  AddAnnotation(a: unknown): void {
    if (a === null || a === undefined) throw argumentNull("annotation");
    (this.ann ??= []).push(a);
  }
  /** The annotations that pass `test` (a type test for Annotation<T>/Annotations<T>). */
  annotationsOf(test: (v: unknown) => boolean): unknown[] {
    return this.ann ? this.ann.filter(test) : [];
  }
  RemoveAnnotations(test: (v: unknown) => boolean): void {
    if (this.ann) this.ann = this.ann.filter((a) => !test(a));
  }

  // ---- output (ToString: json-writer.ts) ----
  toString(): string {
    return this.ToString();
  }
  Equals(o: unknown): boolean {
    return this === o;
  }

  // (SelectToken, SelectTokens: json-path.ts)

  // ---- statics ----
  /** JToken.Parse: json-reader.ts. */
  declare static Parse: (text: string | null) => JToken;
  static FromObject(o: unknown): JToken {
    if (o === null || o === undefined) throw argumentNull("o");
    // (the serializer's JTokenWriter cannot make a constructor without a name: NullReferenceException)
    if (o instanceof JContainer && holdsUnnamedConstructor(o)) throw nullReference();
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
  /**
   * JContainer.AddInternal(index, content) (Add, AddFirst, AddAfterSelf/AddBeforeSelf of object
   * content): a sequence (an IEnumerable other than a string, byte[] or token) puts its items there
   * in order, nested sequences flattened; anything else is one token (JValue(object)'s rules).
   * Json.NET moves one place on per item of the outer sequence, also past a nested one: the items
   * of [[2,3],[4]] land as 2,4,3, and so they do here.
   */
  insertContent(at: number, c: unknown): void {
    if (Array.isArray(c) || c instanceof Deferred || c instanceof Set) {
      for (const x of c as Iterable<unknown>) this.insertContent(at++, x);
      return;
    }
    const t = c instanceof JToken ? c : toJToken(c);
    if (this instanceof JArray || this.Type === TT.Constructor) (this as unknown as JArray).Insert(at, t);
    else if (this instanceof JObject) this.insertProperty(at, t);
    else this.Add(t);
  }
  /** Add(object content). */
  AddContent(c: unknown): void {
    this.insertContent(this.childList().length, c);
  }
  /** AddFirst(object content): before the first child (an array's item, an object's property; a property has one value). */
  AddFirst(v: unknown): void {
    if (this instanceof JArray || this instanceof JObject || this.Type === TT.Constructor) this.insertContent(0, v);
    else throw new DotNetException("Newtonsoft.Json.JsonException", "Newtonsoft.Json.Linq.JProperty cannot have multiple values.");
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
  // (JContainer.ValidateToken: a property goes only into an object)
  if (x instanceof JProperty && !(parent instanceof JObject)) throw argumentError(`Can not add ${x.$typeName} to ${parent.$typeName}.`);
  // (JContainer.EnsureParentToken: a copy when it has a parent, is the container itself, or is its root: no loops)
  if (x.Parent || x === parent || (x instanceof JContainer && x.HasValues && parent.Root === x)) x = x.DeepClone();
  x.Parent = parent;
  return x;
}

const isComment = (v: unknown): boolean => v instanceof JValue && v.Type === TT.Comment;

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
    if (isComment(v)) return;
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
  static of(content: readonly unknown[] | null): JObject {
    const o = new JObject();
    if (content === null || content === undefined) o.addContent(null);
    else for (const c of content) o.addContent(c);
    return o;
  }
  private addContent(c: unknown): void {
    // (null content is a null JValue, which an object cannot hold: Json.NET's CreateFromContent)
    if (c === null || c === undefined) throw argumentError("Can not add Newtonsoft.Json.Linq.JValue to Newtonsoft.Json.Linq.JObject.");
    if (isComment(c)) return;
    if (c instanceof JProperty) this.Add(c);
    else if (c instanceof JObject) for (const p of c.ps.slice()) this.Add(p);
    else if (Array.isArray(c) || c instanceof Deferred) for (const x of c) this.addContent(x);
    else throw argumentError(`Can not add ${toJToken(c).$typeName} to Newtonsoft.Json.Linq.JObject.`);
  }
  override Add(v: JToken | null): void {
    // (JObject.InsertItem drops a comment: an object has no place for one)
    if (isComment(v)) return;
    if (!(v instanceof JProperty)) throw argumentError(`Can not add ${v === null ? "Newtonsoft.Json.Linq.JValue" : v.$typeName} to Newtonsoft.Json.Linq.JObject.`);
    if (this.prop(v.Name) !== undefined) throw argumentError(`Can not add property ${v.Name} to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.`);
    this.push(adopt(v, this) as JProperty);
  }
  AddProperty(name: string, value: JToken | null): void {
    this.Add(new JProperty(name, value));
  }
  override Item(key: unknown): JToken | null {
    if (typeof key !== "string") {
      if (key === null || key === undefined) throw argumentNull("key");
      throw argumentError(`Accessed JObject values with invalid key value: ${keyText(key)}. Object property name expected.`);
    }
    const p = this.prop(key);
    return p === undefined ? null : p.Value;
  }
  override SetItem(key: unknown, value: JToken | null): JToken | null {
    if (typeof key !== "string") {
      if (key === null || key === undefined) throw argumentNull("key");
      throw argumentError(`Set JObject values with invalid key value: ${keyText(key)}. Object property name expected.`);
    }
    const p = this.prop(key);
    if (p) p.SetValue(value);
    else this.AddProperty(key, value);
    return value;
  }
  GetValue(key: string | null, cmp = 4): JToken | null {
    // Json.NET's GetValue(propertyName[, comparison]) answers null for a null name (the indexer throws)
    if (key === null || key === undefined) return null;
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
  /** Installed by json-reader.ts (which imports this module). */
  declare static Parse: (text: string | null) => JObject;
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
  /** new JArray(params object[] content): Add(content) (a token item nests, a sequence item is flattened). */
  static of(content: readonly unknown[]): JArray {
    const a = new JArray();
    a.AddContent(content);
    return a;
  }
  /** new JArray(JArray other): a copy of its items. */
  static copyOf(other: JArray | null): JArray {
    if (other === null || other === undefined) throw argumentNull("other");
    const a = new JArray();
    for (const x of other.items) a.Add(x);
    return a;
  }
  override Add(v: JToken | null): void {
    this.items.push(adopt(v, this));
  }
  override Item(key: unknown): JToken | null {
    if (!isIntKey(key)) {
      if (key === null || key === undefined) throw argumentNull("key");
      throw argumentError(`Accessed JArray values with invalid key value: ${keyText(key)}. Int32 array index expected.`);
    }
    if (key < 0 || key >= this.items.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
    return this.items[key]!;
  }
  override SetItem(key: unknown, value: JToken | null): JToken | null {
    if (!isIntKey(key)) {
      if (key === null || key === undefined) throw argumentNull("key");
      throw argumentError(`Set JArray values with invalid key value: ${keyText(key)}. Int32 array index expected.`);
    }
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
  /** Installed by json-reader.ts (which imports this module). */
  declare static Parse: (text: string | null) => JArray;
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
  /** new JProperty(name, object content): the name is checked before the content becomes a token. */
  static named(name: string, content: unknown): JProperty {
    if (name === null || name === undefined) throw argumentNull("name");
    return new JProperty(name, toJToken(content));
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
  /** new JValue(char): Json.NET keeps the boxed char as Value, with Type String. */
  static chr(code: number): JValue {
    return new JValue(TT.String, new CharBox(String.fromCharCode(code)));
  }
  static raw(s: unknown): JValue {
    return new JValue(TT.Raw, s === null || s === undefined ? null : String(s));
  }
  DeepClone(): JValue {
    return this instanceof JSingle ? new JSingle(this.type, this.Value) : new JValue(this.type, this.Value);
  }
  override Equals(o: unknown): boolean {
    if (!(o instanceof JValue) || o.type !== this.type) return false;
    if (o.Value === this.Value) return true;
    // a String token's value may be a boxed char: Json.NET compares Convert.ToString of both
    return this.type === TT.String && (o.Value instanceof CharBox || this.Value instanceof CharBox) && o.Value !== null && this.Value !== null && String(o.Value) === String(this.Value);
  }
  static comment(s: string | null): JValue {
    return new JValue(TT.Comment, s);
  }
  static undefinedValue(): JValue {
    return new JValue(TT.Undefined, null);
  }
  /**
   * JValue.CompareTo(JValue) as Newtonsoft's JValue.Compare, by the receiver's type: numbers
   * numerically (a string operand parsed), strings, comments and raw JSON ordinally against the
   * other's .NET text (the difference: "5" vs true compares "5" with "True"), booleans false < true
   * (a number operand is true unless 0); null first.
   */
  CompareTo(o: JValue | null): number {
    if (o === null || o === undefined) return 1;
    const t = this.type;
    const a = this.Value;
    const b = o.Value;
    if (a === b) return 0;
    if (b === null || b === undefined) return 1;
    if (a === null || a === undefined) return -1;
    // a number or boolean receiver converts the other value (Convert.ToInt64/ToDouble/ToBoolean): a
    // DateTime, and what is not IConvertible (DateTimeOffset, byte[], Guid, Uri, TimeSpan), cannot
    if ((t === TT.Integer || t === TT.Float || t === TT.Boolean) && (o.type === TT.Date || o.type === TT.Bytes || o.type === TT.Guid || o.type === TT.Uri || o.type === TT.TimeSpan))
      throw new DotNetException("System.InvalidCastException", "Specified cast is not valid.");
    switch (t) {
      case TT.Integer:
      case TT.Float: {
        // Json.NET's Compare: a float or decimal on either side compares as double/decimal, and
        // Convert.ToDouble/ToDecimal of a boxed char is an InvalidCastException
        if (a instanceof CharBox || b instanceof CharBox) {
          const other = a instanceof CharBox ? o : this;
          if (other.type === TT.Float) throw new DotNetException("System.InvalidCastException", `Invalid cast from 'Char' to '${other.Value instanceof Decimal ? "Decimal" : "Double"}'.`);
        }
        const x = compareNumber(a);
        const y = compareNumber(b);
        if (typeof x === "bigint" && typeof y === "bigint") return x < y ? -1 : x > y ? 1 : 0;
        const u = Number(x);
        const v = Number(y);
        if (u !== u) return v !== v ? 0 : -1;
        if (v !== v) return 1;
        return u < v ? -1 : u > v ? 1 : 0;
      }
      case TT.String:
      case TT.Comment:
      case TT.Raw: {
        const x = toStr(a);
        const y = toStr(b);
        for (let i = 0; i < Math.min(x.length, y.length); i++) if (x.charCodeAt(i) !== y.charCodeAt(i)) return x.charCodeAt(i) - y.charCodeAt(i);
        return x.length - y.length;
      }
      case TT.Boolean:
        if (b instanceof CharBox) throw new DotNetException("System.InvalidCastException", "Invalid cast from 'Char' to 'Boolean'.");
        const bb = typeof b === "boolean" ? b : typeof b === "string" ? parseBoolText(b) : compareNumber(b) != 0;
        return a === bb ? 0 : a ? 1 : -1;
      default: {
        // Json.NET's Compare: Bytes, Guid, Uri and TimeSpan want the other value of their own type
        // ("Object must be of type TimeSpan."); a Date compares with a DateTime or DateTimeOffset
        const own = t === TT.Bytes ? "byte[]" : t === TT.Guid ? "Guid" : t === TT.Uri ? "Uri" : t === TT.TimeSpan ? "TimeSpan" : null;
        if (own !== null && o.type !== t) throw argumentError(`Object must be of type ${own}.`);
        if (t === TT.Date && o.type !== TT.Date) {
          if (b instanceof CharBox || typeof b === "number" || typeof b === "boolean" || b instanceof Decimal || b instanceof NumBox)
            throw new DotNetException("System.InvalidCastException", `Invalid cast from '${b instanceof CharBox ? "Char" : typeof b === "boolean" ? "Boolean" : b instanceof Decimal ? "Decimal" : o.type === TT.Float ? "Double" : "Int64"}' to 'DateTime'.`);
          if (typeof b !== "string" || !dateTimeOps) throw new DotNetException("System.InvalidCastException", "Object must implement IConvertible.");
          return this.CompareTo(new JValue(TT.Date, dateTimeOps.parse(b)));
        }
        if (t === TT.Bytes && a instanceof Uint8Array && b instanceof Uint8Array) {
          if (a.length !== b.length) return a.length < b.length ? -1 : 1;
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
          return 0;
        }
        if (t === TT.Guid && typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
        // Uri: Comparer<string>.Default of the texts; a DateTime against a DateTimeOffset's clock, a
        // DateTimeOffset against a DateTime's instant (new DateTimeOffset(dateTime), Local being UTC)
        if (t === TT.Uri) return Math.sign(strCompare(String(a), String(b)));
        if (t === TT.Date) {
          const isDto = (x: unknown) => (x as { $typeName?: string }).$typeName === "System.DateTimeOffset";
          type D = { CompareTo(x: unknown): number; DateTime: unknown; dt: D };
          if (!isDto(a) && isDto(b)) return Math.sign((a as D).CompareTo((b as D).DateTime));
          if (isDto(a) && !isDto(b)) return Math.sign((a as D).dt.CompareTo(b));
        }
        const c = (a as { CompareTo?: (x: unknown) => number }).CompareTo;
        if (typeof c === "function") {
          const r = c.call(a, b);
          if (r !== r) throw argumentError(`Object must be of type ${TT_NAMES[t]}.`);
          return Math.sign(r);
        }
        throw argumentOutOfRange("valueType", `Unexpected value type: ${TT_NAMES[t]}`);
      }
    }
  }
  // (ToString: json-convert.ts)
}
/**
 * A Float token made from a C# float (System.Single): Newtonsoft writes it with float's round-trip
 * digits ("3.40282347E+38", "123456792.0"), not double's.
 */
export class JSingle extends JValue {}
/**
 * A JValue made from a boxed enum: an Integer token (JSON writes the number) whose value keeps its
 * enum type, so its ToString() and (string) conversion print the member name as Json.NET's do
 * (Convert.ToString of the boxed enum).
 */
export class JEnum extends JValue {
  constructor(
    v: number,
    readonly names: EnumNames,
  ) {
    super(TT.Integer, v);
  }
  override DeepClone(): JValue {
    return new JEnum(this.Value as number, this.names);
  }
}

/** What the model needs of a JConstructor (json-constructor.ts, which builds on this module). */
type JConstructorLike = JContainer & { Name: string | null };

function holdsUnnamedConstructor(t: JToken): boolean {
  if (t.Type === TT.Constructor && (t as JConstructorLike).Name === null) return true;
  return t instanceof JContainer && t.childList().some(holdsUnnamedConstructor);
}

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
  // a constructor: the same name (both may be null) and arguments in order
  if (a.Type === TT.Constructor) {
    if (b.Type !== TT.Constructor || (a as JConstructorLike).Name !== (b as JConstructorLike).Name) return false;
    const x = (a as JContainer).childList();
    const y = (b as JContainer).childList();
    return x.length === y.length && x.every((t, i) => deepEquals(t, y[i]!));
  }
  if (a instanceof JValue && b instanceof JValue) {
    if (a.Type !== b.Type) return false;
    if (a.Value === b.Value) return true;
    if (a.Value instanceof CharBox || b.Value instanceof CharBox) return a.Equals(b);
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
  // JValue(object)/content: Json.NET's GetValueType has no case for a boxed char (the serializer of FromObject writes a string)
  if (v instanceof CharBox) {
    if (!fromObject) throw argumentError("Could not determine JSON object type for type System.Char.");
    return new JValue(TT.String, v.valueOf());
  }
  if (v instanceof Uint8Array) return new JValue(TT.Bytes, v);
  // a boxed Guid is a Guid token (its text inside, as JValue(Guid) keeps it); a boxed enum an Integer
  if (v instanceof GuidBox) return new JValue(TT.Guid, v.g);
  if (v instanceof EnumBox) return fromObject ? new JValue(TT.Integer, v.v) : new JEnum(v.v, v.names);
  const tn = (v as { $typeName?: string }).$typeName;
  if (tn === "System.DateTime" || tn === "System.DateTimeOffset") return new JValue(TT.Date, v);
  if (tn === "System.TimeSpan") return new JValue(TT.TimeSpan, v);
  // Json.NET's JValue types DBNull.Value (Convert.DBNull) as Null
  if (tn === "System.DBNull") return JValue.null();
  if (tn === "System.Uri") return new JValue(TT.Uri, v);
  if (Array.isArray(v) || v instanceof Set || v instanceof Deferred) return JArray.of([...(v as Iterable<unknown>)].map((x) => toJToken(x, fromObject)));
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
  // JValue(object)/content: Json.NET's GetValueType knows only the types above (a Guid is a string here)
  if (tn && !fromObject) throw argumentError(`Could not determine JSON object type for type ${tn}.`);
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

export function toJValue(v: unknown, type: string): JToken {
  if (typeof v === "string") {
    if (type === "string") return new JValue(TT.String, v);
  } else if (typeof v === "number") {
    if (type === "double") return new JValue(TT.Float, v);
    if (type === "int") return new JValue(Number.isInteger(v) ? TT.Integer : TT.Float, v);
  }
  if (v instanceof JToken) return v;
  if (v instanceof NumBox) return toJValue(v.v, v.t);
  if (v instanceof GuidBox || v instanceof EnumBox) return toJToken(v);
  // (a char converted to JToken: C# goes through ushort, an Integer token)
  if (v instanceof CharBox) return new JValue(TT.Integer, v.valueOf().charCodeAt(0));
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
      // JToken has no conversion from char: C# converts it to ushort first (an Integer token)
      return new JValue(TT.Integer, typeof v === "number" ? v : String(v).charCodeAt(0));
    case "Guid":
      return new JValue(TT.Guid, v);
  }
  return toJToken(v);
}

/** A key as Json.NET's message shows it (MiscellaneousUtils.ToString): a string quoted, any other boxed value its ToString(). */
function keyText(key: unknown): string {
  return typeof key === "string" ? `"${key}"` : toStr(key);
}

/** `key is int`: JArray's indexer takes only a boxed int (a boxed double, long or char is an ArgumentException). */
function isIntKey(key: unknown): key is number {
  return typeof key === "number" && Number.isInteger(key) && key >= -2147483648 && key <= 2147483647;
}

registerTypeCheck("JToken", (v) => v instanceof JToken);
registerTypeCheck("JObject", (v) => v instanceof JObject);
registerTypeCheck("JArray", (v) => v instanceof JArray);
registerTypeCheck("JValue", (v) => v instanceof JValue);
registerTypeCheck("JProperty", (v) => v instanceof JProperty);
registerTypeCheck("JContainer", (v) => v instanceof JContainer);

// `(JObject)obj` and the like, emitted instead of castTo(v, "JObject") (lower.ts DIRECT_CASTS): the
// common case inline, anything else through castTo for its null and its InvalidCastException.
export function castJToken(v: unknown): unknown {
  return v instanceof JToken ? v : castTo(v, "JToken");
}
export function castJObject(v: unknown): unknown {
  return v instanceof JObject ? v : castTo(v, "JObject");
}
export function castJArray(v: unknown): unknown {
  return v instanceof JArray ? v : castTo(v, "JArray");
}

/** A JValue's number for CompareTo: a string must parse as one (Convert.ToInt64/ToDouble: FormatException otherwise). */
function compareNumber(v: unknown): number | bigint {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Decimal) return Number(v.toString());
  if (v instanceof NumBox) return compareNumber(v.v);
  if (v instanceof CharBox) return v.charCodeAt(0);
  if (typeof v === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  throw new DotNetException("System.FormatException", "Input string was not in a correct format.");
}
function parseBoolText(s: string): boolean {
  const t = s.trim();
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  throw new DotNetException("System.FormatException", "String was not recognized as a valid Boolean.");
}
