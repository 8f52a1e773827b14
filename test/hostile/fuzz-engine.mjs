// A grammar-aware mutation fuzzer for policy documents and C# policy expressions. Plain JS so both
// the vitest suite (test/hostile/fuzz.test.ts) and `npm run fuzz` (scripts/fuzz.mjs) use it.
// Deterministic: every input is a function of (seed, index).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: a small seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

export const HOSTILE = [
  '"', "'", "\\", "*/", "/*", "${", "`", "</script>", "\u2028", "\u2029", "\u0000", "\uD800", "\uDFFF", '");process.exit(1)//',
  "__proto__", "constructor", "constructor.constructor", "process", "require", "globalThis", "eval", "@(", "@{", "}", ")", "]", "{{", "}}",
  "&", "&amp;", "&quot;", "&#0;", "&#x10FFFF;", "&#xD800;", "&bogus;", "<", ">", "<![CDATA[", "]]>", "<!--", "-->", "<?x?>", "<!DOCTYPE x>",
  "$\"", "@\"", "$@\"", "'\\u0000'", "\"\\u2028\"", "//", "\n", "\r", "\t", "\uFEFF", "\uFFFF", "😀", "{{nv}}", "{{__proto__}}",
];

const CS_TOKENS = [
  "(", ")", "{", "}", "[", "]", ";", ",", ".", "?.", "??", "?", ":", "=>", "=", "==", "!=", "+", "-", "*", "/", "%", "<", ">", "<=", "&&", "||", "!",
  "new", "var", "return", "if", "else", "for", "foreach", "in", "while", "do", "break", "continue", "switch", "case", "default", "try", "catch", "throw",
  "null", "true", "false", "typeof", "is", "as", "out", "ref", "checked", "default(string)", "int", "string", "object", "JObject", "JArray", "context",
  "context.Request", "context.Variables", "context.Response", "Body", "As<JObject>()", "As<string>()", "\"s\"", "'c'", "0", "1", "-1", "2147483647",
  "1e308", "0x7fffffff", "1.5m", "@\"v\"", "$\"{1}\"", "x", "y", "=> x", "Select", "Where", "First()", "ToString()", "Length", "Count",
  "process", "__proto__", "constructor", "eval", "GetType()", "Assembly", "System.IO.File", "Environment",
];

const ATTR_VALUES = ["", " ", "override", "append", "delete", "skip", "0", "-1", "99999999999999999999", "true", "false", "new", "copy", "@(1)", "@(", "@{", "@()", "@{}", "{{nv}}", "X-Header", "http://127.0.0.1:1/"];

/** Loads every corpus document and every expression in it (and the .expr files). */
export function loadCorpus(root) {
  const walk = (d) => readdirSync(d).sort().flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const files = walk(root);
  const docs = files.filter((f) => f.endsWith(".xml")).map((f) => ({ file: f, text: readFileSync(f, "utf8") }));
  const exprs = [];
  for (const f of files.filter((f) => f.endsWith(".expr"))) exprs.push(readFileSync(f, "utf8").trim());
  for (const d of docs) exprs.push(...findExpressions(d.text).map((e) => d.text.slice(e.start, e.end)));
  return { docs, exprs: exprs.filter((e) => e.length > 0) };
}

/** Rough spans of `@(...)`/`@{...}` (bracket matching, skipping "..." strings); good enough to aim mutations. */
export function findExpressions(text) {
  const out = [];
  for (let i = text.indexOf("@"); i !== -1; i = text.indexOf("@", i + 1)) {
    if (text[i + 1] !== "(" && text[i + 1] !== "{") continue;
    let depth = 0;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '"') {
        for (j++; j < text.length && text[j] !== '"'; j++) if (text[j] === "\\") j++;
      } else if (c === "(" || c === "{" || c === "[") depth++;
      else if (c === ")" || c === "}" || c === "]") {
        depth--;
        if (depth === 0) break;
      }
    }
    if (depth === 0 && j < text.length) {
      out.push({ start: i, end: j + 1 });
      i = j;
    }
  }
  return out;
}

/** Spans of elements: [start of '<', end after the closing '>' of the element]. */
export function findElements(text) {
  const out = [];
  const stack = [];
  const re = /<(\/?)([A-Za-z][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]) {
      for (let k = stack.length - 1; k >= 0; k--)
        if (stack[k].name === m[2]) {
          out.push({ start: stack[k].start, end: m.index + m[0].length, name: m[2] });
          stack.length = k;
          break;
        }
    } else if (m[4]) out.push({ start: m.index, end: m.index + m[0].length, name: m[2] });
    else stack.push({ name: m[2], start: m.index });
  }
  return out;
}

/** Attributes: spans of name="value" (or '...') and of their value. */
export function findAttributes(text) {
  const out = [];
  const re = /\s([A-Za-z][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const vStart = m.index + m[0].length - m[2].length + 1;
    out.push({ start: m.index + 1, end: m.index + m[0].length, vStart, vEnd: m.index + m[0].length - 1, quote: m[2][0] });
  }
  return out;
}

const splice = (s, start, end, ins) => s.slice(0, start) + ins + s.slice(end);

function csTokens(src) {
  return src.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|@"(?:[^"]|"")*"|[A-Za-z_][\w]*|\d+(?:\.\d+)?|\?\.|\?\?|=>|==|!=|<=|>=|&&|\|\||\S/g) ?? [];
}

/** Mutates C# source at the token level. */
export function mutateCSharp(r, src, pool) {
  let toks = csTokens(src);
  const n = 1 + r.int(3);
  for (let k = 0; k < n; k++) {
    const i = r.int(Math.max(1, toks.length));
    switch (r.int(8)) {
      case 0:
        toks.splice(i, 1);
        break;
      case 1:
        toks.splice(i, 0, toks[r.int(toks.length)] ?? "x");
        break;
      case 2: {
        const j = r.int(Math.max(1, toks.length));
        [toks[i], toks[j]] = [toks[j], toks[i]];
        break;
      }
      case 3:
        toks.splice(i, 0, r.pick(CS_TOKENS));
        break;
      case 4:
        toks[i] = r.pick(HOSTILE);
        break;
      case 5: {
        const other = csTokens(r.pick(pool));
        const a = r.int(other.length + 1);
        toks.splice(i, r.int(3), ...other.slice(a, a + 1 + r.int(6)));
        break;
      }
      case 6:
        toks = toks.slice(0, i);
        break;
      default:
        if (toks[i] && /^["']/.test(toks[i])) toks[i] = toks[i].slice(0, -1) + r.pick(HOSTILE) + toks[i].slice(-1);
        else toks.splice(i, 0, JSON.stringify(r.pick(HOSTILE)));
    }
  }
  return toks.filter((t) => t !== undefined).join(r.chance(0.5) ? " " : "");
}

/** One mutation of a whole document. */
export function mutateDocument(r, text, corpus, gentle = false) {
  const els = findElements(text);
  const attrs = findAttributes(text);
  const exprs = findExpressions(text);
  // gentle: only mutations that keep the XML mostly well-formed (values and expressions)
  switch (gentle ? r.pick([4, 8, 9, 11, 11]) : r.int(14)) {
    case 0: {
      if (!els.length) break;
      const e = r.pick(els);
      return splice(text, e.start, e.end, "");
    }
    case 1: {
      if (!els.length) break;
      const e = r.pick(els);
      return splice(text, e.end, e.end, text.slice(e.start, e.end));
    }
    case 2: {
      if (els.length < 2) break;
      const a = r.pick(els);
      const b = r.pick(els);
      if (a.end <= b.start) return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
      break;
    }
    case 3: {
      if (!attrs.length) break;
      const a = r.pick(attrs);
      return splice(text, a.start, a.end, r.chance(0.5) ? "" : text.slice(a.start, a.end) + " " + text.slice(a.start, a.end));
    }
    case 4: {
      if (!attrs.length) break;
      const a = r.pick(attrs);
      const v = r.chance(0.5) ? r.pick(ATTR_VALUES) : r.pick(HOSTILE);
      return splice(text, a.vStart, a.vEnd, r.chance(0.5) ? xmlEscape(v) : v);
    }
    case 5: {
      // flip a quote
      if (!attrs.length) break;
      const a = r.pick(attrs);
      const q = a.quote === '"' ? "'" : '"';
      return r.chance(0.5) ? splice(text, a.vStart - 1, a.vStart, q) : splice(splice(text, a.vEnd, a.vEnd + 1, q), a.vStart - 1, a.vStart, q);
    }
    case 6:
      return text.slice(0, r.int(text.length + 1));
    case 7: {
      const at = r.int(text.length + 1);
      return splice(text, at, at, r.pick(HOSTILE));
    }
    case 8: {
      if (!exprs.length) break;
      const e = r.pick(exprs);
      const src = text.slice(e.start + 2, e.end - 1);
      return splice(text, e.start + 2, e.end - 1, mutateCSharp(r, src, corpus.exprs));
    }
    case 9: {
      if (!exprs.length) break;
      const e = r.pick(exprs);
      const at = e.start + r.int(e.end - e.start);
      return splice(text, at, at + r.int(2), r.pick(["(", ")", "{", "}", '"', "'", "@", "$", "/*", "//", "\\", "<", "&", ""]));
    }
    case 10: {
      // splice two documents
      const other = r.pick(corpus.docs).text;
      const at = r.int(text.length + 1);
      const bt = r.int(other.length + 1);
      return text.slice(0, at) + other.slice(bt);
    }
    case 11: {
      // a random expression from the corpus (mutated) into an attribute or element
      const e = r.chance(0.5) ? mutateCSharp(r, r.pick(corpus.exprs), corpus.exprs) : r.pick(corpus.exprs);
      if (attrs.length && r.chance(0.5)) {
        const a = r.pick(attrs);
        return splice(text, a.vStart, a.vEnd, r.chance(0.5) ? xmlEscape(e) : e);
      }
      if (!els.length) break;
      const el = r.pick(els);
      return splice(text, el.end, el.end, `<set-variable name="f" value="${xmlEscape(e)}" /><set-body>${r.chance(0.5) ? e : xmlEscape(e)}</set-body>`);
    }
    case 12: {
      const at = r.int(text.length);
      return splice(text, at, at + 1, String.fromCharCode(r.int(0x80)));
    }
    default: {
      // rename an element (policy or section)
      if (!els.length) break;
      const e = r.pick(els);
      const names = ["policies", "inbound", "backend", "outbound", "on-error", "base", "set-header", "set-variable", "set-body", "choose", "when", "otherwise", "send-request", "return-response", "include-fragment", "fragment", "value", "retry", "x"];
      return text.slice(0, e.start + 1) + r.pick(names) + text.slice(e.start + 1 + e.name.length);
    }
  }
  const at = r.int(text.length + 1);
  return splice(text, at, at, r.pick(HOSTILE));
}

export function xmlEscape(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The i-th input of a run: a mutated document, or a mutated expression wrapped in a document. */
export function makeInput(seed, i, corpus) {
  const r = rng((seed * 0x9e3779b1 + i * 0x85ebca77) >>> 0);
  const withTable = r.chance(0.4);
  const options = { allowSnippets: r.chance(0.8), namedValues: undefined, format: r.chance(0.2) ? "function" : "esm", file: `fuzz-${seed}-${i}.xml` };
  // A named-values table with every name the input uses: plain values, hostile ones, or expressions.
  const withNamedValues = (input) => {
    if (withTable) {
      const table = { nv: r.pick(HOSTILE) };
      for (const m of input.xml.matchAll(/\{\{([A-Za-z0-9._-]+)\}\}/g)) table[m[1]] = r.pick(["1", "value", "@(1+1)", "@(\"x\")", ...HOSTILE]);
      input.options.namedValues = table;
    }
    return input;
  };
  if (r.chance(0.3)) {
    const e = mutateCSharp(r, r.pick(corpus.exprs), corpus.exprs);
    const wrapped = /^@[({]/.test(e) ? e : r.chance(0.5) ? `@(${e})` : `@{${e}}`;
    const a = xmlEscape(wrapped);
    const xml = r.pick([
      `<policies><inbound><set-variable name="v" value="${a}" /></inbound></policies>`,
      `<policies><inbound><set-body>${wrapped}</set-body></inbound></policies>`,
      `<policies><inbound><choose><when condition="${a}"><set-variable name="v" value="1" /></when></choose></inbound></policies>`,
      `<policies><inbound /><outbound><set-header name="X-A" exists-action="override"><value>${a}</value></set-header></outbound></policies>`,
      `<policies><inbound><return-response><set-status code="200" reason="OK" /><set-header name="X-B" exists-action="append"><value>${a}</value></set-header><set-body>${a}</set-body></return-response></inbound></policies>`,
      `<policies><inbound><send-request mode="new" response-variable-name="r" timeout="1"><set-url>${a}</set-url><set-method>POST</set-method><set-body>${a}</set-body></send-request></inbound></policies>`,
      `<policies><inbound><set-query-parameter name="q" exists-action="override"><value>${a}</value></set-query-parameter><rewrite-uri template="${a}" /></inbound></policies>`,
      `<policies><inbound /><on-error><set-status code="${a}" reason="${a}" /></on-error></policies>`,
    ]);
    return withNamedValues({ xml, options });
  }
  let xml = r.pick(corpus.docs).text;
  // Mostly one mutation, so many inputs get past the XML front end into the later stages.
  const n = r.chance(0.6) ? 1 : 2 + r.int(3);
  const gentle = r.chance(0.5);
  for (let k = 0; k < n; k++) xml = mutateDocument(r, xml, corpus, gentle);
  return withNamedValues({ xml, options });
}

/**
 * Checks one compile result against the compiler's contract; returns a failure message or null.
 * `verify` is verifyModule.
 */
export function checkResult(result, options, verify) {
  const internal = result.diagnostics.filter((d) => d.code === "APIMC9001" || d.code === "APIMC9002");
  if (internal.length) return `internal error: ${internal.map((d) => `${d.code} ${d.message.split("\n").slice(0, 3).join(" ")}`).join("; ")}`;
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (result.code === null && errors.length === 0) return "no code and no error diagnostic";
  if (result.code !== null && errors.length > 0) return `code emitted despite errors: ${errors.map((d) => d.code).join(",")}`;
  for (const d of result.diagnostics) {
    if (!/^APIMC\d{4}$/.test(d.code) || !(d.line >= 1) || !(d.column >= 1) || typeof d.message !== "string" || d.message === "") return `malformed diagnostic ${JSON.stringify(d)}`;
  }
  if (result.code !== null) {
    const v = options.format === "function" ? verify(`(function (rt) {\n${result.code}\n});`, "script") : verify(result.code, "module");
    if (!v.ok) return `emitted module fails verification: ${v.errors.slice(0, 3).join("; ")}`;
  }
  return null;
}
