// SelectToken / SelectTokens: the JSONPath subset Newtonsoft reads ($, .name, ['name'], [n], [*], ..name,
// slices, unions and ?() filters).
import { DotNetException, argumentNull } from "../errors.js";
import { TT, JToken, JContainer, JObject, JArray, JValue } from "./json-tokens.js";
import { JConstructor } from "./json-constructor.js";

function selectTokens(root: JToken, path: string, errorWhenNoMatch: boolean): JToken[] {
  if (path === null || path === undefined) throw argumentNull("path");
  let cur: JToken[] = [root];
  // Whitespace as Newtonsoft's JPath reads it: skipped before "$", else part of the first member name
  // (" a" is the property " a"); a space ends the path, and only spaces may follow it.
  let i = 0;
  const p = path;
  let lead = 0;
  while (p[lead] === " ") lead++;
  if (lead === p.length) return [root];
  if (p[lead] === "$") i = lead + 1;
  const fail = (msg: string): never => {
    throw new DotNetException("Newtonsoft.Json.JsonException", msg);
  };
  while (i < p.length) {
    const c = p[i]!;
    if (c === " " && i >= lead) {
      let j = i;
      while (p[j] === " ") j++;
      if (j < p.length) fail("Unexpected character while parsing path:  ");
      break;
    }
    if (c === "." && p[i + 1] === ".") {
      i += 2;
      const m = /^[^.[\]( ]+/.exec(p.slice(i));
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
          } else if (x instanceof JArray || x instanceof JConstructor) for (const y of x.items) walk(y);
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
    // ('(' opens an indexer as '[' does, closed by ')': JPath.ParseIndexer)
    const filter = c === "[" || c === "(" ? /^[[(] *\?\(/.exec(p.slice(i, i + 64)) : null;
    if (filter) {
      // a filter: [?(expr)], the expression up to its balancing parenthesis
      const open = i + filter[0].length - 1;
      let depth = 0;
      let j = open;
      let quote = "";
      for (; j < p.length; j++) {
        const ch = p[j]!;
        if (quote) {
          if (ch === quote) quote = "";
        } else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === "(") depth++;
        else if (ch === ")" && --depth === 0) break;
      }
      if (j >= p.length || p[j + 1] !== (c === "[" ? "]" : ")")) fail("Path ended with open query.");
      const test = parseFilter(p.slice(open + 1, j), fail);
      i = j + 2;
      const out: JToken[] = [];
      // Newtonsoft's QueryFilter tests each child of each current token (an object's are its properties)
      for (const t of cur) for (const v of t instanceof JContainer ? t.childList() : []) if (test(root, v)) out.push(v);
      cur = out;
      continue;
    }
    if (c === "[" || c === "(") {
      const close = p.indexOf(c === "[" ? "]" : ")", i);
      if (close < 0) {
        // (ParseArrayIndexer meets a character it cannot read before it meets the end)
        const bad = /^[ \d,*:-]*([^ \d,*:'"-])/.exec(p.slice(i + 1));
        fail(bad ? `Unexpected character while parsing path indexer: ${bad[1]}` : "Path ended with open indexer.");
      }
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
          } else if (t instanceof JConstructor) {
            // (ArrayIndexFilter: a constructor's own indexer, which takes no index from the end)
            if (idx < t.items.length) out.push(t.Item(idx)!);
            else if (errorWhenNoMatch) fail(`Index ${idx} outside the bounds of JConstructor.`);
          } else if (errorWhenNoMatch) fail(`Index ${idx} not valid on ${t.$clrName}.`);
        }
      } else if (/^(['"]).*\1$/.test(inner)) {
        for (const name of inner.split(/\s*,\s*/).map((s) => s.slice(1, -1))) {
          for (const t of cur) {
            const x = t instanceof JObject ? t.Item(name) : null;
            if (x) out.push(x);
            else if (errorWhenNoMatch) fail(`Property '${name}' does not exist on ${t.$clrName}.`);
          }
        }
      } else if (/^-?\d*\s*:\s*-?\d*(\s*:\s*-?\d*)?$/.test(inner)) {
        // an array slice [start:end:step] (Newtonsoft's ArraySliceFilter)
        const [s0, e0, st0] = inner.split(":").map((x) => x.trim());
        const step = st0 ? Number(st0) : 1;
        if (step === 0) fail("Step cannot be zero.");
        for (const t of cur) {
          if (!(t instanceof JArray)) {
            if (errorWhenNoMatch) fail(`Array slice is not valid on ${t.$clrName}.`);
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
    const m = (i < lead ? /^ *[^.[\]( ]*/ : /^[^.[\]( ]+/).exec(p.slice(i));
    const name = m![0];
    i += name.length;
    const out: JToken[] = [];
    for (const t of cur) {
      if (name === "*") out.push(...(t instanceof JObject ? t.Properties().map((q) => q.Value) : t.Children()));
      else if (t instanceof JObject) {
        const x = t.Item(name);
        if (x) out.push(x);
        else if (errorWhenNoMatch) fail(`Property '${name}' does not exist on JObject.`);
      } else if (errorWhenNoMatch) fail(`Property '${name}' not valid on ${t.$clrName}.`);
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

JToken.prototype.SelectToken = function (this: JToken, path: string, errorWhenNoMatch = false): JToken | null {
  const r = selectTokens(this, path, errorWhenNoMatch);
  if (r.length > 1) throw new DotNetException("Newtonsoft.Json.JsonException", "Path returned multiple tokens.");
  return r[0] ?? null;
};
JToken.prototype.SelectTokens = function (this: JToken, path: string): JToken[] {
  return selectTokens(this, path, false);
};
