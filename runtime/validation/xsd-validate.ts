// Validates an XML document (or a SOAP envelope's body payload) against a compiled schema set
// (xsd-tables.ts) in one forward pass over the reader (../xml-reader.ts): no tree is built. Each
// open element is a frame holding its type and its content automaton state (xsd-content.ts);
// text is kept only for simple content. The first error stops the pass and is reported with the
// line and position of the element or attribute, in the words of .NET's schema validator
// (System.Xml.Schema), which APIM uses.
import { readXml, XmlReadError, type XmlRawAttribute } from "../xml-reader.js";
import { ContentAutomaton, wildcardAllows, type Match, type Term } from "./xsd-content.js";
import { checkBuiltin, checkSimple, normalizeSpace, valueKey, type PrefixResolver } from "./xsd-datatypes.js";
import type { XsdAttribute, XsdComplexType, XsdTables, XsdWildcard } from "./xsd-tables.js";

export const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const XMLNS = "http://www.w3.org/2000/xmlns/";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
export const SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

export interface XsdError {
  message: string;
  line: number;
  position: number;
}

export interface XsdValidateOptions {
  /** The document is a SOAP envelope of this version ("any": 1.1 or 1.2); the elements of its Body are validated. */
  soap?: "1.1" | "1.2" | "any";
  /** Global elements allowed as the payload root ("{ns}local"); absent: every global element. */
  roots?: readonly string[];
}

class Stop extends Error {
  constructor(readonly at: number, readonly reason: string) {
    super(reason);
  }
}

interface Frame {
  ns: string;
  local: string;
  /** Namespace declarations of this element (prefix → URI), null when it has none. */
  scope: Map<string, string> | null;
  /** "validate": against `type`; "lax": children validated when declared; "skip": nothing; "envelope"/"header"/"body": SOAP structure. */
  mode: "validate" | "lax" | "skip" | "envelope" | "header" | "body";
  type: number;
  state: Term | null;
  text: string;
  nil: boolean;
  decl: number;
  at: number;
}

const automata = new WeakMap<XsdTables, ContentAutomaton>();
function automatonOf(tables: XsdTables): ContentAutomaton {
  let a = automata.get(tables);
  if (!a) automata.set(tables, (a = new ContentAutomaton(tables)));
  return a;
}

const isWhitespace = (s: string) => /^[ \t\r\n]*$/.test(s);

/** .NET's way of naming an element in messages: 'local' in namespace 'ns'. */
function named(ns: string, local: string): string {
  return ns ? `'${local}' in namespace '${ns}'` : `'${local}'`;
}
function qualified(ns: string, local: string): string {
  return ns ? `${ns}:${local}` : local;
}

/** Validates `text`; null when it conforms, else the first error. */
export function validateXml(tables: XsdTables, text: string, options: XsdValidateOptions = {}): XsdError | null {
  const auto = automatonOf(tables);
  const stack: Frame[] = [];
  const ids = new Set<string>();
  const idrefs: { value: string; at: number }[] = [];
  const rootsAllowed = options.roots ? new Set(options.roots) : null;
  let payloads = 0;

  const resolve = (prefix: string): string | null => {
    if (prefix === "xml") return XML_NS;
    for (let i = stack.length - 1; i >= 0; i--) {
      const u = stack[i]!.scope?.get(prefix);
      if (u !== undefined) return u;
    }
    return prefix === "" ? "" : null;
  };
  const fail = (at: number, reason: string): never => {
    throw new Stop(at, reason);
  };
  const simpleError = (at: number, what: string, type: number, value: string, resolver: PrefixResolver, out?: { value: string }): void => {
    const e = checkSimple(tables, type, value, resolver, out);
    if (e) {
      const tname = tables.types[type]!.name;
      fail(at, `${what} is invalid - The value '${value}' is invalid according to its datatype '${tname}' - ${e}`);
    }
  };
  const expectedList = (state: Term): string => {
    const names = auto.expected(state).map((m: Match) => ("el" in m ? named(tables.elements[m.el]!.ns, tables.elements[m.el]!.name) : wildcardText(m.w)));
    return names.length ? ` List of possible elements expected: ${names.join(", ")}.` : "";
  };

  /** Starts validating an element against a declaration (or a type, for lax/xsi). */
  const begin = (f: Frame, attrs: { ns: string; local: string; value: string; qname: string }[], declIndex: number, at: number): void => {
    const decl = tables.elements[declIndex]!;
    let type = decl.type;
    f.decl = declIndex;
    const xsiType = attrs.find((a) => a.ns === XSI && a.local === "type");
    if (xsiType) {
      const v = xsiType.value.trim();
      const colon = v.indexOf(":");
      const tns = resolve(colon > 0 ? v.slice(0, colon) : "");
      const key = `{${tns ?? ""}}${colon > 0 ? v.slice(colon + 1) : v}`;
      const t = tns === null ? undefined : tables.typeNames[key];
      if (t === undefined) fail(at, `This is an invalid xsi:type '${qualified(tns ?? "", colon > 0 ? v.slice(colon + 1) : v)}'.`);
      if (!derivesFrom(tables, t!, type)) fail(at, `The xsi:type attribute value '${qualified(tns ?? "", colon > 0 ? v.slice(colon + 1) : v)}' is not valid for the element '${qualified(f.ns, f.local)}', either because it is not a type validly derived from the type in the schema, or because it has xsi:type derivation blocked.`);
      type = t!;
    }
    if (decl.abstract) fail(at, `The element '${qualified(f.ns, f.local)}' is abstract or its type is abstract.`);
    const ty = tables.types[type]!;
    if (ty.k === "complex" && ty.abstract) fail(at, `The element '${qualified(f.ns, f.local)}' is abstract or its type is abstract.`);
    const nil = attrs.find((a) => a.ns === XSI && a.local === "nil");
    if (nil) {
      if (!decl.nillable) fail(at, `If the 'nillable' attribute is false in the schema, the 'xsi:nil' attribute must not be present in the instance.`);
      f.nil = nil.value.trim() === "true" || nil.value.trim() === "1";
      if (f.nil && decl.fixed !== null) fail(at, `There must be no fixed value when an attribute is 'xsi:nil' and has a value of 'true'.`);
    }
    f.type = type;
    f.mode = "validate";
    checkAttributes(ty.k === "complex" ? ty : null, attrs, at, f);
    f.state = ty.k === "complex" && ty.content === "elements" ? auto.start(type) : null;
  };

  const checkAttributes = (ct: XsdComplexType | null, attrs: { ns: string; local: string; value: string; qname: string; at?: number }[], at: number, f: Frame): void => {
    const seen = new Set<XsdAttribute>();
    for (const a of attrs) {
      if (a.ns === XSI && (a.local === "type" || a.local === "nil" || a.local === "schemaLocation" || a.local === "noNamespaceSchemaLocation")) continue;
      const use = ct?.attributes.find((u) => u.name === a.local && u.ns === a.ns);
      if (use) {
        seen.add(use);
        const out = { value: "" };
        simpleError(at, `The '${qualified(a.ns, a.local)}' attribute`, use.type, a.value, resolve, out);
        if (use.fixed !== null && !sameValue(tables, use.type, out.value, use.fixed, resolve)) fail(at, `The value of the '${qualified(a.ns, a.local)}' attribute does not equal its fixed value.`);
        collectIds(use.type, out.value, at);
        continue;
      }
      const w = ct?.anyAttribute ?? null;
      if (!w || !wildcardAllows(w, a.ns)) fail(at, `The '${qualified(a.ns, a.local)}' attribute is not declared.`);
      if (w!.process === "skip") continue;
      const global = tables.attributes[`{${a.ns}}${a.local}`];
      if (!global) {
        if (w!.process === "strict") fail(at, `The '${qualified(a.ns, a.local)}' attribute is not declared.`);
        continue;
      }
      simpleError(at, `The '${qualified(a.ns, a.local)}' attribute`, global.type, a.value, resolve);
    }
    if (ct) for (const u of ct.attributes) if (u.required && !seen.has(u)) fail(at, `The required attribute '${qualified(u.ns, u.name)}' is missing.`);
    void f;
  };

  const collectIds = (type: number, value: string, at: number): void => {
    const b = builtinOf(tables, type);
    if (b === "ID") {
      if (ids.has(value)) fail(at, `'${value}' is already used as an ID.`);
      ids.add(value);
    } else if (b === "IDREF") idrefs.push({ value, at });
    else if (b === "IDREFS") for (const v of value.split(" ")) if (v) idrefs.push({ value: v, at });
  };

  /** Where a root (or a SOAP body's child) element is declared; fails when it is not. */
  const rootDecl = (ns: string, local: string, at: number): number => {
    const key = `{${ns}}${local}`;
    const d = tables.roots[key];
    if (d === undefined || (rootsAllowed && !rootsAllowed.has(key))) fail(at, `The '${qualified(ns, local)}' element is not declared.`);
    return d!;
  };

  try {
    readXml(
      text,
      {
        declaration() {},
        comment() {},
        processingInstruction() {},
        startElement(qname, raw, selfClosing, at) {
          let scope: Map<string, string> | null = null;
          for (const a of raw) {
            if (a.qname === "xmlns") (scope ??= new Map()).set("", a.value);
            else if (a.qname.startsWith("xmlns:")) (scope ??= new Map()).set(a.qname.slice(6), a.value);
          }
          const parent = stack[stack.length - 1];
          const f: Frame = { ns: "", local: qname, scope, mode: "skip", type: -1, state: null, text: "", nil: false, decl: -1, at };
          stack.push(f);
          const [ns, local] = splitName(qname, resolve, at, fail);
          f.ns = ns;
          f.local = local;
          const attrs = raw.filter((a) => a.qname !== "xmlns" && !a.qname.startsWith("xmlns:")).map((a: XmlRawAttribute) => {
            const colon = a.qname.indexOf(":");
            if (colon < 0) return { ns: "", local: a.qname, value: a.value, qname: a.qname };
            const uri = resolve(a.qname.slice(0, colon));
            if (uri === null || uri === XMLNS) fail(at, `'${a.qname.slice(0, colon)}' is an undeclared prefix.`);
            return { ns: uri!, local: a.qname.slice(colon + 1), value: a.value, qname: a.qname };
          });
          if (!parent) {
            if (options.soap) {
              const want = options.soap === "1.1" ? [SOAP11] : options.soap === "1.2" ? [SOAP12] : [SOAP11, SOAP12];
              if (!want.includes(ns) || local !== "Envelope")
                fail(at, `The root element is not a SOAP ${options.soap === "any" ? "" : `${options.soap} `}envelope: expected 'Envelope' in namespace ${want.map((w) => `'${w}'`).join(" or ")}, found ${named(ns, local)}.`);
              f.mode = "envelope";
            } else begin(f, attrs, rootDecl(ns, local, at), at);
          } else if (parent.mode === "envelope") {
            const soapNs = parent.ns;
            if (ns === soapNs && local === "Header") f.mode = "header";
            else if (ns === soapNs && local === "Body") f.mode = "body";
            else fail(at, `The SOAP envelope has an unexpected element ${named(ns, local)}: it holds an optional Header and a Body.`);
          } else if (parent.mode === "header" || parent.mode === "skip") f.mode = "skip";
          else if (parent.mode === "body" && ns === parent.ns && local === "Fault") f.mode = "skip";
          else if (parent.mode === "body") {
            payloads++;
            begin(f, attrs, rootDecl(ns, local, at), at);
          } else if (parent.mode === "lax") {
            const d = tables.roots[`{${ns}}${local}`];
            if (d !== undefined) begin(f, attrs, d, at);
            else f.mode = "lax";
          } else {
            // parent.mode === "validate"
            const pt = tables.types[parent.type]!;
            if (parent.nil) fail(at, `Element '${qualified(parent.ns, parent.local)}' must have no character or element children.`);
            if (pt.k === "simple" || pt.content === "simple") fail(at, `The element '${qualified(parent.ns, parent.local)}' cannot contain child element '${qualified(ns, local)}' because the parent element's content model is text only.`);
            if ((pt as XsdComplexType).content === "empty") fail(at, `The element ${named(parent.ns, parent.local)} cannot contain child element ${named(ns, local)} because the parent element's content model is empty.`);
            const { next, match } = auto.step(parent.state!, ns, local);
            if (!match || next.kind === "empty") fail(at, `The element ${named(parent.ns, parent.local)} has invalid child element ${named(ns, local)}.${expectedList(parent.state!)}`);
            parent.state = next;
            if ("el" in match!) begin(f, attrs, match.el, at);
            else {
              const w = match!.w;
              const d = tables.roots[`{${ns}}${local}`];
              if (w.process === "skip") f.mode = "skip";
              else if (d !== undefined) begin(f, attrs, d, at);
              else if (w.process === "strict") fail(at, `The '${qualified(ns, local)}' element is not declared.`);
              else f.mode = "lax";
            }
          }
          if (selfClosing) this.endElement(qname);
        },
        text(value) {
          onText(value);
        },
        cdata(value) {
          onText(value);
        },
        endElement() {
          const f = stack[stack.length - 1]!;
          if (f.mode === "validate") finish(f);
          else if (f.mode === "body" && payloads === 0 && !rootsAllowed) {
            /* an empty Body: nothing to validate */
          }
          stack.pop();
        },
      },
      { doctype: "refuse", maxDepth: 256 },
    );
    for (const r of idrefs) if (!ids.has(r.value)) fail(r.at, `Reference to undeclared ID is '${r.value}'.`);
    return null;
  } catch (e) {
    if (e instanceof Stop) {
      const [line, position] = lineColumn(text, e.at);
      return { message: e.reason, line, position: position + 1 };
    }
    if (e instanceof XmlReadError) return { message: e.reason, line: e.line, position: e.column };
    throw e;
  }

  function onText(value: string): void {
    const f = stack[stack.length - 1];
    if (!f || f.mode !== "validate") {
      if (f && (f.mode === "envelope" || f.mode === "body" || f.mode === "header") && !isWhitespace(value)) fail(f.at, `The SOAP element '${f.local}' cannot contain text.`);
      return;
    }
    const t = tables.types[f.type]!;
    if (t.k === "simple" || t.content === "simple" || t.mixed) {
      f.text += value;
      if (f.nil && value !== "") fail(f.at, `Element '${qualified(f.ns, f.local)}' must have no character or element children.`);
      return;
    }
    if (t.content === "empty" && value !== "") fail(f.at, isWhitespace(value) ? "The element cannot contain white space. Content model is empty." : `The element ${named(f.ns, f.local)} cannot contain text. Content model is empty.`);
    if (!isWhitespace(value)) fail(f.at, `The element ${named(f.ns, f.local)} cannot contain text.${expectedList(f.state!)}`);
  }

  function finish(f: Frame): void {
    const t = tables.types[f.type]!;
    const decl = tables.elements[f.decl]!;
    if (f.nil) return;
    if (t.k === "complex" && t.content === "elements") {
      if (!f.state!.nullable) fail(f.at, `The element ${named(f.ns, f.local)} has incomplete content.${expectedList(f.state!)}`);
      return;
    }
    if (t.k === "complex" && t.content === "empty") return;
    const simple = t.k === "simple" ? f.type : t.simple;
    if (t.k === "complex" && t.content !== "simple") return;
    let value = f.text;
    if (value === "" && decl.default !== null) value = decl.default;
    if (value === "" && decl.fixed !== null) value = decl.fixed;
    const out = { value: "" };
    simpleError(f.at, `The '${qualified(f.ns, f.local)}' element`, simple, value, resolve, out);
    if (decl.fixed !== null && !sameValue(tables, simple, out.value, decl.fixed, resolve)) fail(f.at, `The value of the '${qualified(f.ns, f.local)}' element does not equal its fixed value.`);
    collectIds(simple, out.value, f.at);
  }
}

function splitName(qname: string, resolve: PrefixResolver, at: number, fail: (at: number, r: string) => never): [string, string] {
  const colon = qname.indexOf(":");
  if (colon < 0) return [resolve("") ?? "", qname];
  const uri = resolve(qname.slice(0, colon));
  if (uri === null) fail(at, `'${qname.slice(0, colon)}' is an undeclared prefix.`);
  return [uri!, qname.slice(colon + 1)];
}

function wildcardText(w: XsdWildcard): string {
  if (w.mode === "any") return "any element in any namespace";
  if (w.mode === "not") return `any element in namespace '##other'`;
  return w.namespaces.map((n) => `any element in namespace '${n || "##local"}'`).join(", ");
}

/** The built-in an (atomic) simple type derives from; "" for lists and unions and complex types. */
function builtinOf(tables: XsdTables, type: number): string {
  const t = tables.types[type]!;
  return t.k === "simple" && t.variety === "atomic" ? t.builtin : "";
}

/** Whether two (normalized) values of a simple type are one value: "1.0" equals a fixed "1". */
function sameValue(tables: XsdTables, type: number, value: string, fixed: string, resolve: PrefixResolver): boolean {
  const t = tables.types[type]!;
  const f = normalizeSpace(fixed, t.k === "simple" ? t.facets.whiteSpace : "preserve");
  if (value === f) return true;
  return t.k === "simple" && t.variety === "atomic" && !checkBuiltin(t.builtin, f, resolve) && valueKey(t.builtin, value, resolve) === valueKey(t.builtin, f, resolve);
}

/** Whether type `t` is `base` or derives from it (xsi:type). */
function derivesFrom(tables: XsdTables, t: number, base: number): boolean {
  if (t === base || base === tables.anyType) return true;
  for (let cur = t, guard = 0; cur >= 0 && guard < 1000; guard++) {
    if (cur === base) return true;
    cur = tables.types[cur]!.base;
  }
  return false;
}

function lineColumn(text: string, at: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return [line, at - lineStart + 1];
}
