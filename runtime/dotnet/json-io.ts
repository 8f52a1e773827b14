// Json.NET's token reader and writer as a policy expression meets them: JToken.CreateReader() (a
// JTokenReader) feeds JToken.Load/ReadFrom, JObject/JArray/JProperty.Load and JRaw.Create;
// JContainer.CreateWriter() (a JTokenWriter over the container) receives JToken.WriteTo. APIM's
// allow-list has no member of JsonReader or JsonWriter, so an expression only passes them along:
// what it can observe is where the reader stands after a Load (a container's end token, a value's own
// token, one past a property) and what the writer added to its container (at once, token by token).
// Both follow Newtonsoft.Json 6's JTokenReader, JContainer.ReadTokenFrom/ReadContentFrom, JTokenWriter
// and JsonWriter's state table (a failed write leaves the writer's state where Json.NET leaves it).
import { DotNetException, argumentError, argumentNull, invalidOperation, nullReference } from "../errors.js";
import { toStr } from "./text-format.js";
import { JArray, JContainer, JObject, JProperty, JSingle, JToken, JValue, TT } from "./json-tokens.js";
import { JConstructor, writtenByWriteToken } from "./json-constructor.js";
import { ClrObject } from "./clr-object.js";

/** Newtonsoft.Json.JsonToken. */
const enum JK {
  None = 0,
  StartObject = 1,
  StartArray = 2,
  StartConstructor = 3,
  PropertyName = 4,
  Comment = 5,
  Raw = 6,
  Integer = 7,
  Float = 8,
  String = 9,
  Boolean = 10,
  Null = 11,
  Undefined = 12,
  EndObject = 13,
  EndArray = 14,
  EndConstructor = 15,
  Date = 16,
  Bytes = 17,
}
const JK_NAMES = ["None", "StartObject", "StartArray", "StartConstructor", "PropertyName", "Comment", "Raw", "Integer", "Float", "String", "Boolean", "Null", "Undefined", "EndObject", "EndArray", "EndConstructor", "Date", "Bytes"];

const readerError = (msg: string): DotNetException => new DotNetException("Newtonsoft.Json.JsonReaderException", `${msg} Path ''.`);
const writerError = (msg: string): DotNetException => new DotNetException("Newtonsoft.Json.JsonWriterException", `${msg} Path ''.`);

/** Guid, Uri and TimeSpan tokens travel as strings through Json.NET's token reader and writer. */
function asStringToken(v: JValue): JValue | null {
  const t = v.Type;
  return t === TT.Guid || t === TT.Uri || t === TT.TimeSpan ? new JValue(TT.String, toStr(v.Value)) : null;
}

// ---- reader --------------------------------------------------------------------------------------

/** JToken.CreateReader(): Newtonsoft's JTokenReader, walking the live tree one token a Read(). */
export class JTokenReader extends ClrObject {
  private current: JToken | null = null;
  private parent: JContainer | null = null;
  private started = false;
  private closed = false;
  tokenType: JK = JK.None;
  /** The token the reader stands on: a container or property for start and name tokens, a value for value tokens. */
  private at: JToken | null = null;
  constructor(private readonly root: JToken) {
    super();
  }
  get $typeName(): string {
    return "Newtonsoft.Json.Linq.JTokenReader";
  }
  Close(): void {
    this.closed = true;
    this.tokenType = JK.None;
    this.at = null;
  }
  Dispose(): void {
    this.Close();
  }
  /** The value the reader stands on (a copy made as JValue(reader.Value) would make it). */
  value(): JValue {
    const v = this.at as JValue;
    return asStringToken(v) ?? (v.DeepClone() as JValue);
  }
  /** A property's name, or a constructor's (JsonReader.Value of PropertyName and StartConstructor). */
  name(): string {
    return (this.at as JProperty | JConstructor).Name!;
  }
  /** The container, property or value under the reader (JRaw.Create writes it). */
  get token(): JToken | null {
    return this.at;
  }
  Read(): boolean {
    if (this.closed) return false;
    if (this.started) {
      const c = this.current;
      if (c === null) return false;
      if (c instanceof JContainer && this.parent !== c) return this.readInto(c);
      return this.readOver(c);
    }
    this.started = true;
    this.current = this.root;
    this.setToken(this.root);
    return true;
  }
  private readOver(t: JToken): boolean {
    if (t === this.root) return this.readToEnd();
    const next = t.Next;
    const p = t.Parent;
    if (next === null || next === t || p === null || t === p.Last) {
      if (p === null) return this.readToEnd();
      return this.setEnd(p);
    }
    this.current = next;
    this.setToken(next);
    return true;
  }
  private readToEnd(): boolean {
    this.current = null;
    this.tokenType = JK.None;
    this.at = null;
    return false;
  }
  private readInto(c: JContainer): boolean {
    const first = c.First;
    if (first === null) return this.setEnd(c);
    this.setToken(first);
    this.current = first;
    this.parent = c;
    return true;
  }
  private setEnd(c: JContainer): boolean {
    const end = c instanceof JObject ? JK.EndObject : c instanceof JArray ? JK.EndArray : c instanceof JProperty ? null : JK.EndConstructor;
    if (end === null) return this.readOver(c);
    this.tokenType = end;
    this.at = c;
    this.current = c;
    this.parent = c;
    return true;
  }
  private setToken(t: JToken): void {
    this.at = t;
    this.tokenType = tokenKind(t);
  }
}

function tokenKind(t: JToken): JK {
  switch (t.Type) {
    case TT.Object:
      return JK.StartObject;
    case TT.Array:
      return JK.StartArray;
    case TT.Constructor:
      return JK.StartConstructor;
    case TT.Property:
      return JK.PropertyName;
    case TT.Comment:
      return JK.Comment;
    case TT.Integer:
      return JK.Integer;
    case TT.Float:
      return JK.Float;
    case TT.Boolean:
      return JK.Boolean;
    case TT.Null:
      return JK.Null;
    case TT.Undefined:
      return JK.Undefined;
    case TT.Date:
      return JK.Date;
    case TT.Raw:
      return JK.Raw;
    case TT.Bytes:
      return JK.Bytes;
    default:
      // String, Guid, Uri, TimeSpan (the last three as their text)
      return JK.String;
  }
}

export function jCreateReader(t: JToken | null): JTokenReader {
  if (t === null || t === undefined) throw nullReference();
  return new JTokenReader(t);
}

function reader(r: JTokenReader | null): JTokenReader {
  if (r === null || r === undefined) throw argumentNull("reader");
  return r;
}

/** JToken.ReadFrom / JToken.Load(JsonReader): the token the reader stands on (after a first Read). */
export function jReadFrom(rr: JTokenReader | null): JToken {
  const r = reader(rr);
  if (r.tokenType === JK.None && !r.Read()) throw readerError("Error reading JToken from JsonReader.");
  switch (r.tokenType) {
    case JK.StartObject:
      return jLoadAs(r, "JObject");
    case JK.StartArray:
      return jLoadAs(r, "JArray");
    case JK.PropertyName:
      return jLoadAs(r, "JProperty");
    case JK.StartConstructor:
      return jLoadAs(r, "JConstructor");
    case JK.String:
    case JK.Integer:
    case JK.Float:
    case JK.Date:
    case JK.Boolean:
    case JK.Bytes:
    case JK.Comment:
    case JK.Null:
    case JK.Undefined:
      return r.value();
    default:
      throw readerError(`Error reading JToken from JsonReader. Unexpected token: ${JK_NAMES[r.tokenType]}.`);
  }
}

const START: Record<string, [JK, string]> = {
  JObject: [JK.StartObject, "an object"],
  JArray: [JK.StartArray, "an array"],
  JProperty: [JK.PropertyName, "a property"],
  JConstructor: [JK.StartConstructor, "a constructor"],
};

/** JObject.Load, JArray.Load, JProperty.Load, JConstructor.Load: the reader's current token must start one. */
export function jLoadAs(rr: JTokenReader | null, kind: "JObject" | "JArray" | "JProperty" | "JConstructor"): JToken {
  // (JConstructor.Load reads the reader before any check)
  if (kind === "JConstructor" && (rr === null || rr === undefined)) throw nullReference();
  const r = reader(rr);
  if (r.tokenType === JK.None && !r.Read()) throw readerError(`Error reading ${kind} from JsonReader.`);
  while (r.tokenType === JK.Comment) r.Read();
  const [start, what] = START[kind]!;
  if (r.tokenType !== start) throw readerError(`Error reading ${kind} from JsonReader. Current JsonReader item is not ${what}: ${JK_NAMES[r.tokenType]}.`);
  const top: Frame = kind === "JProperty" ? { name: r.name(), obj: null, prop: null } : kind === "JObject" ? new JObject() : kind === "JArray" ? new JArray() : JConstructor.named(r.name());
  if (!r.Read()) throw readerError(`Error reading ${kind} from JsonReader.`);
  readContentFrom(top, r);
  if (top instanceof JContainer) return top;
  // (a property whose value never came: Json.NET's JProperty(name) without one)
  return top.prop ?? new JProperty(top.name, null);
}

/** A container being filled, or a property waiting for its value (Json.NET's JProperty(name) has none yet). */
type Frame = JContainer | { name: string; obj: JObject | null; prop: JProperty | null };

/**
 * JContainer.ReadContentFrom: tokens until the end of `top`; a property reads one token past its
 * value (Json.NET checks "is the parent a property with its value" only at the next token).
 */
function readContentFrom(top: Frame, r: JTokenReader): void {
  let parent: Frame = top;
  const isTop = (f: Frame) => f === top || (!(top instanceof JContainer) && top.prop !== null && f === top.prop);
  const put = (t: JToken): JToken => {
    const f = parent;
    if (f instanceof JContainer) {
      f.Add(t);
      return t;
    }
    const p = new JProperty(f.name, t);
    f.prop = p;
    if (f.obj !== null) {
      // a name met again: the new property takes the old one's place (JToken.Replace)
      const old = f.obj.prop(f.name);
      if (old === undefined) f.obj.Add(p);
      else old.Replace(p);
    }
    return t;
  };
  do {
    // a property that has its value is complete: back to its object
    if (parent instanceof JProperty || (!(parent instanceof JContainer) && parent.prop !== null)) {
      if (isTop(parent)) return;
      parent = parent instanceof JProperty ? parent.Parent! : parent.obj!;
    }
    switch (r.tokenType) {
      case JK.None:
        break;
      case JK.StartArray:
        parent = put(new JArray()) as JContainer;
        break;
      case JK.StartObject:
        parent = put(new JObject()) as JContainer;
        break;
      case JK.StartConstructor:
        // (ReadContentFrom makes it of reader.Value.ToString(): no name is a NullReferenceException)
        if (r.name() === null) throw nullReference();
        parent = put(JConstructor.named(r.name())) as JContainer;
        break;
      case JK.EndArray:
      case JK.EndObject:
      case JK.EndConstructor:
        if (isTop(parent)) return;
        parent = (parent as JContainer).Parent!;
        break;
      case JK.String:
      case JK.Integer:
      case JK.Float:
      case JK.Date:
      case JK.Boolean:
      case JK.Bytes:
      case JK.Null:
      case JK.Undefined:
        put(r.value());
        break;
      case JK.Comment:
        // Json.NET's JProperty drops a comment given as its value and the load then fails on the missing value
        if (!(parent instanceof JContainer)) throw nullReference();
        put(r.value());
        break;
      case JK.PropertyName:
        if (!(parent instanceof JObject)) throw new DotNetException("System.InvalidCastException", "Unable to cast object to type 'Newtonsoft.Json.Linq.JObject'.");
        parent = { name: r.name(), obj: parent, prop: null };
        break;
      default:
        throw invalidOperation(`The JsonReader should not be on a token of type ${JK_NAMES[r.tokenType]}.`);
    }
  } while (r.Read());
}

/** The container's newest child. */
function lastChild(c: JContainer): JToken {
  const l = c.childList();
  return l[l.length - 1]!;
}

// ---- writer --------------------------------------------------------------------------------------

/** JsonWriter's states, in the column order of its state table. */
const enum WS {
  Start = 0,
  Property = 1,
  ObjectStart = 2,
  Object = 3,
  ArrayStart = 4,
  Array = 5,
  ConstructorStart = 6,
  Constructor = 7,
  Closed = 8,
  Error = 9,
}
const WS_NAMES = ["Start", "Property", "ObjectStart", "Object", "ArrayStart", "Array", "ConstructorStart", "Constructor", "Closed", "Error"];
const E = WS.Error;
/** JsonWriter.StateArray (Json.NET 6): the state after a token of each kind, by the state before. */
const STATES: Record<"StartObject" | "StartArray" | "StartConstructor" | "PropertyName" | "Comment" | "Raw" | "Value", WS[]> = {
  StartObject: [WS.ObjectStart, WS.ObjectStart, E, E, WS.ObjectStart, WS.ObjectStart, WS.ObjectStart, WS.ObjectStart, E, E],
  StartArray: [WS.ArrayStart, WS.ArrayStart, E, E, WS.ArrayStart, WS.ArrayStart, WS.ArrayStart, WS.ArrayStart, E, E],
  StartConstructor: [WS.ConstructorStart, WS.ConstructorStart, E, E, WS.ConstructorStart, WS.ConstructorStart, WS.ConstructorStart, WS.ConstructorStart, E, E],
  PropertyName: [WS.Property, E, WS.Property, WS.Property, E, E, E, E, E, E],
  // (Json.NET 6: a comment where a property's value goes counts as the value; the property keeps none, so it reads null)
  Comment: [WS.Start, WS.Object, WS.ObjectStart, WS.Object, WS.ArrayStart, WS.Array, WS.Constructor, WS.Constructor, E, E],
  Raw: [WS.Start, WS.Property, WS.ObjectStart, WS.Object, WS.ArrayStart, WS.Array, WS.Constructor, WS.Constructor, E, E],
  Value: [WS.Start, WS.Object, E, E, WS.Array, WS.Array, WS.Constructor, WS.Constructor, E, E],
};
type Kind = keyof typeof STATES;

/** JContainer.CreateWriter(): Newtonsoft's JTokenWriter over the container; every token goes in as it is written. */
export class JTokenWriter extends ClrObject {
  private state: WS = WS.Start;
  /** Open scopes of the base JsonWriter ("O", "A"). */
  private scopes: string[] = [];
  private parent: JContainer | null;
  /** The property just named, still without its value (Json.NET's JProperty(name)). */
  private awaiting: JProperty | null = null;
  constructor(container: JContainer) {
    super();
    this.parent = container;
  }
  get $typeName(): string {
    return "Newtonsoft.Json.Linq.JTokenWriter";
  }
  /** Close/Dispose: JsonWriter.AutoCompleteAll (only a failed write leaves a scope open); writing on afterwards still works. */
  Close(): void {
    while (this.scopes.length) this.writeEnd(this.scopes[this.scopes.length - 1]!);
  }
  Dispose(): void {
    this.Close();
  }
  private auto(kind: Kind, token: string): void {
    const next = STATES[kind][this.state]!;
    if (next === WS.Error) throw writerError(`Token ${token} in state ${WS_NAMES[this.state]} would result in an invalid JSON object.`);
    this.state = next;
  }
  /** JContainer.Add as the writer meets it: a named property takes its first value, JArray takes no property. */
  private add(t: JToken): void {
    const p = this.parent!;
    if (p === this.awaiting) {
      this.awaiting = null;
      (p as JProperty).SetValue(t);
      return;
    }
    // (JObject and JProperty drop a comment)
    if ((p instanceof JProperty || p instanceof JObject) && t.Type === TT.Comment) return;
    if (p instanceof JProperty) throw new DotNetException("Newtonsoft.Json.JsonException", "Newtonsoft.Json.Linq.JProperty cannot have multiple values.");
    if (p instanceof JArray && t instanceof JProperty) throw argumentError(`Can not add ${t.$typeName} to ${p.$typeName}.`);
    p.Add(t);
  }
  private addParent(c: JContainer): void {
    this.add(c);
    this.parent = c;
  }
  private removeParent(): void {
    let p = this.parent!.Parent;
    if (p instanceof JProperty) p = p.Parent;
    this.parent = p;
  }
  startObject(): void {
    this.auto("StartObject", "StartObject");
    this.scopes.push("O");
    this.addParent(new JObject());
  }
  startArray(): void {
    this.auto("StartArray", "StartArray");
    this.scopes.push("A");
    this.addParent(new JArray());
  }
  /** WriteStartConstructor(name): JTokenWriter makes `new JConstructor(name)` (a null name is ArgumentNullException). */
  startConstructor(name: string | null): void {
    this.auto("StartConstructor", "StartConstructor");
    this.scopes.push("C");
    this.addParent(JConstructor.named(name));
  }
  /** WriteEndObject/WriteEndArray: closes the scopes up to the innermost of that kind ("No token to close." when none). */
  writeEnd(kind: string): void {
    const at = this.scopes.lastIndexOf(kind);
    if (at < 0) throw writerError("No token to close.");
    while (this.scopes.length > at) {
      this.scopes.pop();
      this.removeParent();
    }
    const top = this.scopes[this.scopes.length - 1];
    this.state = top === "O" ? WS.Object : top === "A" ? WS.Array : top === "C" ? WS.Constructor : WS.Start;
  }
  propertyName(name: string): void {
    this.auto("PropertyName", "PropertyName");
    const prop = new JProperty(name, null);
    this.add(prop);
    this.parent = prop;
    this.awaiting = prop;
  }
  value(v: JValue, kind: Kind): void {
    this.auto(kind, kind === "Value" ? JK_NAMES[tokenKind(v)]! : kind);
    const p = this.parent!;
    // JProperty drops a comment added to it: the property keeps no value (null when written)
    if (kind === "Comment" && p === this.awaiting) {
      this.awaiting = null;
      this.parent = p.Parent;
      return;
    }
    this.add(v);
    if (p instanceof JProperty) this.parent = p.Parent;
  }
}

export function jCreateWriter(c: JContainer | null): JTokenWriter {
  if (c === null || c === undefined) throw nullReference();
  return new JTokenWriter(c);
}

/** JToken.WriteTo(JsonWriter): the token's JSON as writer calls, in Json.NET's order. */
export function jWriteTo(t: JToken | null, w: JTokenWriter | null): void {
  if (t === null || t === undefined) throw nullReference();
  if (w === null || w === undefined) throw nullReference();
  writeTo(t, w);
}
function writeTo(t: JToken, w: JTokenWriter): void {
  if (t instanceof JObject) {
    w.startObject();
    // (by index: a token written into its own container grows under the loop, as in Json.NET)
    for (let i = 0; i < t.ps.length; i++) writeTo(t.ps[i]!, w);
    w.writeEnd("O");
  } else if (t instanceof JArray) {
    w.startArray();
    for (let i = 0; i < t.items.length; i++) writeTo(t.items[i]!, w);
    w.writeEnd("A");
  } else if (t instanceof JConstructor) {
    w.startConstructor(t.Name);
    for (let i = 0; i < t.items.length; i++) writeTo(t.items[i]!, w);
    w.writeEnd("C");
  } else if (t instanceof JProperty) {
    w.propertyName(t.Name);
    writeTo(t.Value, w);
  } else if (t instanceof JValue) {
    w.value(writtenValue(t), t.Type === TT.Comment ? "Comment" : t.Type === TT.Raw ? "Raw" : "Value");
  } else {
    throw invalidOperation(`Unexpected token ${t.$typeName}.`);
  }
}
/** What JTokenWriter makes of a written value: Guid/Uri/TimeSpan as strings, undefined as null. */
function writtenValue(v: JValue): JValue {
  if (v.Type === TT.Undefined) return JValue.null();
  if (v.Type === TT.String && (v.Value === null || v.Value === undefined)) return JValue.null();
  return asStringToken(v) ?? (v instanceof JSingle ? new JSingle(v.Type, v.Value) : new JValue(v.Type, v.Value));
}

// ---- JRaw.Create, JToken.EqualityComparer ----------------------------------------------------------------

/**
 * JRaw.Create(JsonReader): the JSON of what the reader stands on, written compactly (JsonTextWriter.
 * WriteToken): from before the first token, the whole token (the reader is then at its end); at a
 * container's start, the container (the reader stays on its end token); at a value, the value.
 */
export function jRawCreate(r: JTokenReader | null): JValue {
  if (r === null || r === undefined) throw nullReference();
  if (r.tokenType === JK.None) {
    if (!r.Read()) return JValue.raw("");
    const text = writtenByWriteToken(r.token!, false).ToString(0);
    while (r.Read());
    return JValue.raw(text);
  }
  switch (r.tokenType) {
    case JK.EndObject:
    case JK.EndArray:
    case JK.EndConstructor:
      throw writerError("No token to close.");
    case JK.StartObject:
    case JK.StartArray:
    case JK.StartConstructor: {
      const c = r.token!;
      const text = writtenByWriteToken(c, false).ToString(0);
      // on to the container's end token
      while (r.Read() && !(r.token === c && r.tokenType !== JK.StartObject && r.tokenType !== JK.StartArray && r.tokenType !== JK.StartConstructor));
      return JValue.raw(text);
    }
    case JK.PropertyName:
      return JValue.raw(`${JSON.stringify(r.name())}:`);
    default:
      return JValue.raw(r.token!.ToString(0));
  }
}

/** JToken.EqualityComparer: JToken.DeepEquals as an IEqualityComparer<JToken>; `$key` lets keyed collections group by it. */
export const jEqualityComparer = {
  $typeName: "Newtonsoft.Json.Linq.JTokenEqualityComparer",
  ToString(): string {
    return "Newtonsoft.Json.Linq.JTokenEqualityComparer";
  },
  toString(): string {
    return "Newtonsoft.Json.Linq.JTokenEqualityComparer";
  },
  Equals(a: JToken | null, b: JToken | null): boolean {
    return JToken.DeepEquals(a, b);
  },
  /** A key equal for tokens DeepEquals calls equal (objects by property set, values by type and value). */
  $key(t: JToken | null): string {
    return deepKey(t);
  },
};
// (a byte[] value hashes by reference in Json.NET's GetDeepHashCode: equal bytes in two arrays are two keys)
const arrayIds = new WeakMap<Uint8Array, number>();
let nextArrayId = 0;
const arrayId = (a: Uint8Array): number => arrayIds.get(a) ?? (arrayIds.set(a, ++nextArrayId), nextArrayId);
function deepKey(t: JToken | null): string {
  if (t === null || t === undefined) return "~";
  if (t instanceof JObject) return `{${t.ps.map((p) => `${JSON.stringify(p.Name)}:${deepKey(p.Value)}`).sort().join(",")}}`;
  if (t instanceof JArray) return `[${t.items.map(deepKey).join(",")}]`;
  if (t instanceof JProperty) return `P${JSON.stringify(t.Name)}${deepKey(t.Value)}`;
  if (t instanceof JConstructor) {
    // (GetDeepHashCode hashes the name: none is a NullReferenceException)
    if (t.Name === null) throw nullReference();
    return `C${JSON.stringify(t.Name)}[${t.items.map(deepKey).join(",")}]`;
  }
  const v = (t as JValue).Value;
  const k = v === null || v === undefined ? "n" : typeof v === "number" || typeof v === "bigint" ? String(v) : typeof v === "string" ? JSON.stringify(v) : v instanceof Uint8Array ? `#${arrayId(v)}` : toStr((v as { Ticks?: unknown }).Ticks ?? v);
  return `${t.Type}:${k}`;
}
