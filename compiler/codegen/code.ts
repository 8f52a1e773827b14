// The only place JS text is made. `js` is a tagged template: interpolated `Code` is spliced in,
// every other value becomes a JS literal (strings as JSON with U+2028/U+2029 escaped), so text from
// a policy can never become code. Runtime helpers are referenced with `rt("name")`, which records
// the import; identifiers come from `ident`, which only accepts plain identifier names.
import { InternalCompilerError } from "../diagnostics.js";
import { RUNTIME_HELPERS } from "../../runtime/contract.js";

export type Part = string | Code | RuntimeRef | SourceMark;

export class RuntimeRef {
  constructor(readonly name: string) {}
}

/** Marks that the following output comes from this source offset (for source maps). */
export class SourceMark {
  constructor(readonly offset: number) {}
}

/**
 * What a lowered C# expression computes, for the lowering that consumes it: it may then emit a
 * cheaper equivalent (e.g. `Convert.ToBase64String(Encoding.UTF8.GetBytes(s))` straight from the
 * string). A shape never changes what its own code renders.
 */
export type CodeShape =
  /** `DateTime.UtcNow` (and `Now`: the same clock here). */
  | { kind: "clock" }
  /** A string that is never null and has no CR, LF or NUL (a number's or a Guid's text): a header value as it is. */
  | { kind: "plainText" }
  /** `Encoding.UTF8`, and below, its `GetBytes(s)`. */
  | { kind: "utf8Encoding" }
  /** `s.Split(c)` for one constant char: `[0]` and `.Last()` need no array. */
  | { kind: "splitOn"; of: Code; sep: string }
  | { kind: "utf8Bytes"; of: Code }
  /** `Convert.ToBase64String(bytes)` with the base64url replacements applied so far. */
  | { kind: "base64"; bytes: Code; replaced: readonly string[] };

export class Code {
  /** Set by the lowering that made this code (see CodeShape); never changes what it renders. */
  shape?: CodeShape;
  /** The value this code is known to have at build time (codegen/fold.ts); never changes what it renders. */
  known?: { readonly v: unknown };
  /** Only `js`, `ident`, `rt`, `raw*` helpers in this file construct Code. */
  constructor(readonly parts: readonly Part[]) {}

  /** Renders to text, collecting runtime helpers used and source marks with output positions. */
  render(sink: RenderSink): void {
    // Iterative: code built by appending (`js\`${out}${next}\``) nests as deep as a section is
    // long, and recursion would overflow the stack on large documents.
    const stack: { parts: readonly Part[]; i: number }[] = [{ parts: this.parts, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.parts.length) {
        stack.pop();
        continue;
      }
      const p = top.parts[top.i++]!;
      if (typeof p === "string") sink.write(p);
      else if (p instanceof Code) stack.push({ parts: p.parts, i: 0 });
      else if (p instanceof RuntimeRef) {
        sink.helpers.add(p.name);
        sink.write(p.name);
      } else sink.mark(p.offset);
    }
  }

  toString(): string {
    const s = new RenderSink();
    this.render(s);
    return s.text;
  }

  get isEmpty(): boolean {
    const stack: Code[] = [this];
    while (stack.length > 0) {
      for (const p of stack.pop()!.parts) {
        if (p instanceof Code) stack.push(p);
        else if (typeof p === "string" ? p.trim() !== "" : !(p instanceof SourceMark)) return false;
      }
    }
    return true;
  }
}

export class RenderSink {
  text = "";
  line = 0;
  readonly helpers = new Set<string>();
  readonly marks: { line: number; offset: number }[] = [];
  write(s: string): void {
    this.text += s;
    for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) this.line++;
  }
  mark(offset: number): void {
    this.marks.push({ line: this.line, offset });
  }
}

export type Interp = Code | string | number | boolean | null | undefined | bigint | readonly (string | number | boolean | null)[];

/** Safe template: `js\`${rt("setHeader")}(${target}, ${name})\`` */
export function js(strings: TemplateStringsArray, ...values: Interp[]): Code {
  const parts: Part[] = [];
  for (let i = 0; i < strings.length; i++) {
    if (strings[i]) parts.push(strings[i]!); // cooked: `\n` in a template is a line break in the output
    if (i < values.length) parts.push(literal(values[i]));
  }
  return new Code(parts);
}

/** Any JS value that is data becomes a literal; only Code passes through as code. */
export function literal(v: Interp | readonly Interp[]): Code {
  if (v instanceof Code) return v;
  if (v === undefined) return new Code(["undefined"]);
  if (v === null) return new Code(["null"]);
  if (typeof v === "string") return new Code([jsonString(v)]);
  if (typeof v === "boolean") return new Code([v ? "true" : "false"]);
  if (typeof v === "bigint") return new Code([`${v}n`]);
  if (typeof v === "number") {
    if (Number.isNaN(v)) return new Code(["NaN"]);
    if (v === Infinity) return new Code(["Infinity"]);
    if (v === -Infinity) return new Code(["-Infinity"]);
    if (Object.is(v, -0)) return new Code(["-0"]);
    return new Code([v < 0 ? `(${String(v)})` : String(v)]);
  }
  if (Array.isArray(v)) return join(v.map((x) => literal(x as Interp)), ", ", "[", "]");
  throw new InternalCompilerError(`cannot embed a value of type ${typeof v} in generated code`);
}

/**
 * JSON data (a policy's parsed spec) as a JS object/array literal that evaluates to exactly what
 * `JSON.parse(JSON.stringify(value))` gives: the value goes through JSON first, keys are quoted
 * string literals (`__proto__` as a computed key, so it stays an own property), strings go through
 * `jsonString`. Readable, and no JSON parse when the module loads.
 */
export function dataLiteral(value: unknown): Code {
  const text = JSON.stringify(value);
  return text === undefined ? new Code(["undefined"]) : dataCode(JSON.parse(text) as unknown);
}
function dataCode(v: unknown): Code {
  if (v === null || typeof v !== "object") return literal(v as Interp);
  if (Array.isArray(v)) return join(v.map(dataCode), ", ", "[", "]");
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => {
    const key = k === "__proto__" ? `[${jsonString(k)}]` : IDENT.test(k) && !RESERVED.has(k) ? k : jsonString(k);
    return new Code([key, ": ", dataCode(x)]);
  });
  return entries.length === 0 ? new Code(["{}"]) : join(entries, ", ", "{ ", " }");
}

/** JSON string literal, also escaping U+2028/U+2029 and lone surrogates. */
export function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined NaN Infinity".split(
    " ",
  ),
);

/** An identifier the compiler chose. Throws on anything that is not a plain, non-reserved name. */
export function ident(name: string): Code {
  if (!IDENT.test(name) || RESERVED.has(name)) throw new InternalCompilerError(`invalid identifier '${name}'`);
  return new Code([name]);
}

/** A property access `.name` when `name` is a plain identifier, else `[“name”]`. */
export function prop(name: string): Code {
  return IDENT.test(name) ? new Code([".", name]) : new Code(["[", jsonString(name), "]"]);
}

/** A runtime helper; the module imports it. Only names of the module contract (runtime/contract.ts RUNTIME_HELPERS). */
export function rt(name: string): Code {
  if (!RUNTIME_HELPERS.has(name)) throw new InternalCompilerError(`'${name}' is not a runtime helper of the module contract (runtime/contract.ts)`);
  return new Code([new RuntimeRef(name)]);
}

export function mark(offset: number): Code {
  return new Code([new SourceMark(offset)]);
}

export function join(items: readonly Code[], sep = ", ", open = "", close = ""): Code {
  const parts: Part[] = [];
  if (open) parts.push(open);
  items.forEach((c, i) => {
    if (i) parts.push(sep);
    parts.push(c);
  });
  if (close) parts.push(close);
  return new Code(parts);
}

export const EMPTY = new Code([]);

/**
 * Empties code already built into a larger one: a declaration found dead once the expression it is
 * in has been bound (lower-statements.ts dropUnusedDecls). Only before the module is rendered.
 */
export function blank(c: Code): void {
  (c as unknown as { parts: readonly Part[] }).parts = [];
}

/** `{ inner }` with one space before the brace even when `inner` (statements) ends with one. */
export function braced(inner: Code): Code {
  return endsWithSpace(inner) ? js`{ ${inner}}` : js`{ ${inner} }`;
}
function endsWithSpace(c: Code): boolean {
  for (let parts = c.parts; parts.length > 0; ) {
    const last = parts[parts.length - 1]!;
    if (typeof last === "string") return last.endsWith(" ");
    if (!(last instanceof Code)) return false;
    parts = last.parts.length > 0 ? last.parts : parts.slice(0, -1);
  }
  return false;
}

/** Allocates unique identifiers in a module. */
export class NameAllocator {
  private readonly used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }
  reserve(name: string): void {
    this.used.add(name);
  }
  fresh(hint: string): Code {
    const base = hint.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=[0-9])/, "_") || "t";
    let name = base;
    for (let i = 1; this.used.has(name) || RESERVED.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return ident(name);
  }
}

/** Tags freshly made code with what it computes (see CodeShape). */
export function shaped(code: Code, shape: CodeShape): Code {
  code.shape = shape;
  return code;
}
