// Content models (sequence, choice, all, element and wildcard particles with minOccurs/maxOccurs)
// as a lazily built deterministic automaton. A state is a regular expression over element names
// (a term); reading an element moves to the term's derivative (Brzozowski), and each term caches
// its transitions, so after the first documents a child element costs one Map lookup. Terms are
// interned per schema set: the states a content model reaches are made once. Counted repetition
// (maxOccurs="5") is exact: its states count down. The caches are bounded: a body that names
// thousands of distinct elements does not grow them.
import type { XsdParticle, XsdTables, XsdWildcard } from "./xsd-tables.js";
import { UNBOUNDED } from "./xsd-tables.js";

/** What a child element matched: an element declaration (the global one when a substitute matched) or a wildcard. */
export type Match = { el: number } | { w: XsdWildcard };

export interface Term {
  readonly id: number;
  readonly kind: "eps" | "empty" | "el" | "any" | "seq" | "alt" | "rep" | "all";
  readonly nullable: boolean;
  readonly a?: Term;
  readonly b?: Term;
  readonly items?: readonly Term[];
  readonly el?: number;
  readonly w?: XsdWildcard;
  readonly min?: number;
  readonly max?: number;
  /** all: the members still to come and whether each is required. */
  readonly all?: readonly { term: Term; required: boolean }[];
  trans?: Map<string, { next: Term; match: Match | null }>;
}

const MAX_TERMS = 50_000;
const MAX_TRANSITIONS = 256;

/** The automaton of one schema set: interned terms and the start term of each complex type. */
export class ContentAutomaton {
  private readonly interned = new Map<string, Term>();
  private readonly wildcardIds = new Map<XsdWildcard, number>();
  private readonly starts = new Map<number, Term>();
  private readonly accepts = new Map<number, Map<string, number>>();
  private nextId = 2;
  readonly eps: Term = { id: 0, kind: "eps", nullable: true };
  readonly empty: Term = { id: 1, kind: "empty", nullable: false };

  constructor(private readonly tables: XsdTables) {}

  /** The start state of a complex type's element content. */
  start(typeIndex: number): Term {
    let t = this.starts.get(typeIndex);
    if (!t) {
      const ct = this.tables.types[typeIndex]!;
      t = ct.k === "complex" && ct.particle ? this.fromParticle(ct.particle) : this.eps;
      this.starts.set(typeIndex, t);
    }
    return t;
  }

  /** The state after a child element `{ns}local` and what it matched (next is `empty` when nothing did). */
  step(t: Term, ns: string, local: string): { next: Term; match: Match | null } {
    const key = `{${ns}}${local}`;
    const cached = t.trans?.get(key);
    if (cached) return cached;
    const found: Found = { match: null, ambiguous: false };
    const next = this.derive(t, ns, local, key, found);
    const r = { next, match: found.match };
    t.trans ??= new Map();
    if (t.trans.size < MAX_TRANSITIONS) t.trans.set(key, r);
    return r;
  }

  /** What may come next in state `t` (for messages): element declarations and wildcards. */
  expected(t: Term, out: Match[] = [], seen = new Set<number>()): Match[] {
    if (seen.has(t.id) && t.id > 1) return out;
    seen.add(t.id);
    switch (t.kind) {
      case "el":
        if (!out.some((m) => "el" in m && m.el === t.el)) out.push({ el: t.el! });
        break;
      case "any":
        out.push({ w: t.w! });
        break;
      case "seq":
        this.expected(t.a!, out, seen);
        if (t.a!.nullable) this.expected(t.b!, out, seen);
        break;
      case "alt":
        for (const i of t.items!) this.expected(i, out, seen);
        break;
      case "rep":
        this.expected(t.a!, out, seen);
        break;
      case "all":
        for (const m of t.all!) this.expected(m.term, out, seen);
        break;
    }
    return out;
  }

  private intern(key: string, make: (id: number) => Term): Term {
    const hit = this.interned.get(key);
    if (hit) return hit;
    const t = make(this.nextId++);
    if (this.interned.size < MAX_TERMS) this.interned.set(key, t);
    return t;
  }

  private seq(a: Term, b: Term): Term {
    if (a.kind === "empty" || b.kind === "empty") return this.empty;
    if (a.kind === "eps") return b;
    if (b.kind === "eps") return a;
    return this.intern(`S${a.id},${b.id}`, (id) => ({ id, kind: "seq", a, b, nullable: a.nullable && b.nullable }));
  }

  private alt(items: Term[]): Term {
    const flat: Term[] = [];
    for (const i of items) {
      if (i.kind === "empty") continue;
      for (const x of i.kind === "alt" ? i.items! : [i]) if (!flat.some((f) => f.id === x.id)) flat.push(x);
    }
    if (flat.length === 0) return this.empty;
    if (flat.length === 1) return flat[0]!;
    return this.intern(`A${flat.map((f) => f.id).join(",")}`, (id) => ({ id, kind: "alt", items: flat, nullable: flat.some((f) => f.nullable) }));
  }

  private rep(a: Term, min: number, max: number): Term {
    if (max === 0 || a.kind === "eps") return this.eps;
    if (a.kind === "empty") return min === 0 ? this.eps : this.empty;
    if (min === 1 && max === 1) return a;
    return this.intern(`R${a.id},${min},${max}`, (id) => ({ id, kind: "rep", a, min, max, nullable: min === 0 || a.nullable }));
  }

  private allOf(members: readonly { term: Term; required: boolean }[]): Term {
    if (members.length === 0) return this.eps;
    return this.intern(`G${members.map((m) => `${m.term.id}${m.required ? "!" : "?"}`).join(",")}`, (id) => ({ id, kind: "all", all: members, nullable: members.every((m) => !m.required) }));
  }

  private fromParticle(p: XsdParticle): Term {
    let inner: Term;
    if (p.t === "el") inner = this.intern(`L${p.el}`, (id) => ({ id, kind: "el", el: p.el, nullable: false }));
    else if (p.t === "any") {
      let wid = this.wildcardIds.get(p.w);
      if (wid === undefined) this.wildcardIds.set(p.w, (wid = this.wildcardIds.size));
      inner = this.intern(`W${wid}`, (id) => ({ id, kind: "any", w: p.w, nullable: false }));
    } else if (p.t === "seq") inner = p.items.reduceRight<Term>((acc, x) => this.seq(this.fromParticle(x), acc), this.eps);
    else if (p.t === "choice") inner = this.alt(p.items.map((x) => this.fromParticle(x)));
    else inner = this.allOf(p.items.filter((x) => x.max !== 0).map((x) => ({ term: this.fromParticle({ ...x, min: 1, max: 1 }), required: x.min > 0 })));
    return this.rep(inner, p.min, p.max);
  }

  /** Element names an element declaration accepts (itself unless abstract, and its substitution group) → the declaration. */
  private acceptsOf(el: number): Map<string, number> {
    let m = this.accepts.get(el);
    if (!m) {
      m = new Map();
      const d = this.tables.elements[el]!;
      if (!d.abstract) m.set(`{${d.ns}}${d.name}`, el);
      for (const s of d.substitutes) {
        const sd = this.tables.elements[s]!;
        if (!sd.abstract && !m.has(`{${sd.ns}}${sd.name}`)) m.set(`{${sd.ns}}${sd.name}`, s);
      }
      this.accepts.set(el, m);
    }
    return m;
  }

  /**
   * Whether reading `{ns}local` in state `t` could match two different particles: a content model
   * XSD forbids (Unique Particle Attribution); the compiler refuses such schemas, as .NET does.
   */
  ambiguous(t: Term, ns: string, local: string): boolean {
    const found: Found = { match: null, ambiguous: false };
    this.derive(t, ns, local, `{${ns}}${local}`, found);
    return found.ambiguous;
  }

  private derive(t: Term, ns: string, local: string, key: string, found: Found): Term {
    switch (t.kind) {
      case "eps":
      case "empty":
        return this.empty;
      case "el": {
        const decl = this.acceptsOf(t.el!).get(key);
        if (decl === undefined) return this.empty;
        if (found.match && !("el" in found.match && found.match.el === decl && found.leaf === t.id)) found.ambiguous = true;
        found.match ??= { el: decl };
        found.leaf ??= t.id;
        return this.eps;
      }
      case "any":
        if (!wildcardAllows(t.w!, ns)) return this.empty;
        if (found.match && found.leaf !== t.id) found.ambiguous = true;
        found.match ??= { w: t.w! };
        found.leaf ??= t.id;
        return this.eps;
      case "seq": {
        const first = this.seq(this.derive(t.a!, ns, local, key, found), t.b!);
        return t.a!.nullable ? this.alt([first, this.derive(t.b!, ns, local, key, found)]) : first;
      }
      case "alt":
        return this.alt(t.items!.map((i) => this.derive(i, ns, local, key, found)));
      case "rep": {
        const d = this.derive(t.a!, ns, local, key, found);
        return this.seq(d, this.rep(t.a!, Math.max(t.min! - 1, 0), t.max === UNBOUNDED ? UNBOUNDED : t.max! - 1));
      }
      case "all": {
        const out: Term[] = [];
        t.all!.forEach((m, i) => {
          const d = this.derive(m.term, ns, local, key, found);
          if (d.kind !== "empty") out.push(this.seq(d, this.allOf(t.all!.filter((_, j) => j !== i))));
        });
        return this.alt(out);
      }
    }
  }
}

interface Found {
  match: Match | null;
  /** The term id of the leaf that matched first. */
  leaf?: number;
  ambiguous: boolean;
}

export function wildcardAllows(w: XsdWildcard, ns: string): boolean {
  if (w.mode === "any") return true;
  if (w.mode === "in") return w.namespaces.includes(ns);
  return ns !== "" && !w.namespaces.includes(ns);
}
