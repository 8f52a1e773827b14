// The CodeMirror 6 editors: the policy editor (XML, the C# expressions painted over it, diagnostics
// from the server as you type, Ctrl/Cmd-S saves) and read-only viewers (the effective policy with
// each line's origin in the gutter, the generated JavaScript). Both can highlight a range of lines
// (a trace step's policy, or its generated code).
import { basicSetup } from "codemirror";
import { xml } from "@codemirror/lang-xml";
import { ensureSyntaxTree } from "@codemirror/language";
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { EditorState, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, keymap, lineNumbers, type DecorationSet } from "@codemirror/view";
import { csharpExpressions } from "./csharp-highlight.js";
import { externalLink, h } from "./dom.js";
import type { Diag } from "./api.js";

/** Highlights whole lines (1-based, inclusive ranges); an empty list clears. */
const setHighlight = StateEffect.define<{ from: number; to: number }[]>();
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setHighlight)) continue;
      const marks = [];
      for (const r of e.value) {
        for (let l = Math.max(1, r.from); l <= Math.min(r.to, tr.state.doc.lines); l++) marks.push(Decoration.line({ class: "cm-step-line" }).range(tr.state.doc.line(l).from));
      }
      deco = Decoration.set(marks, true);
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Highlights lines and scrolls the first into the middle of the view. */
export function highlightLines(view: EditorView, ranges: { from: number; to: number }[]): void {
  const effects: StateEffect<unknown>[] = [setHighlight.of(ranges)];
  const first = ranges[0];
  if (first && first.from <= view.state.doc.lines) effects.push(EditorView.scrollIntoView(view.state.doc.line(Math.max(1, first.from)).from, { y: "center" }));
  view.dispatch({ effects });
}

/** The lines (1-based) of the XML element that starts on `line`: its start tag to its end tag. */
export function elementLines(state: EditorState, line: number): { from: number; to: number } {
  if (line < 1 || line > state.doc.lines) return { from: line, to: line };
  const tree = ensureSyntaxTree(state, state.doc.length, 500);
  const l = state.doc.line(line);
  // The first element whose start tag begins on that line.
  const text = l.text;
  const lt = text.search(/<[A-Za-z]/);
  if (!tree || lt === -1) return { from: line, to: line };
  let node = tree.resolveInner(l.from + lt + 1, 1);
  while (node.parent && node.name !== "Element") node = node.parent;
  if (node.name !== "Element") return { from: line, to: line };
  return { from: line, to: state.doc.lineAt(node.to).number };
}

/** Text offsets of a diagnostic (1-based line/column, clamped to the document). */
function range(state: EditorState, d: Diag): { from: number; to: number } {
  const lines = state.doc.lines;
  const at = (line: number, col: number) => {
    const l = state.doc.line(Math.min(Math.max(1, line || 1), lines));
    return Math.min(l.from + Math.max(0, (col || 1) - 1), l.to);
  };
  const from = at(d.line, d.column);
  let to = d.endLine ? at(d.endLine, d.endColumn ?? d.column) : from;
  if (to <= from) {
    // No end: underline the word (or the rest of the tag) at the position.
    const l = state.doc.lineAt(from);
    const m = /^[^\s>"']+/.exec(l.text.slice(from - l.from));
    to = Math.min(l.to, from + (m ? m[0].length : 1));
  }
  return { from, to: Math.max(to, from) };
}

/** A diagnostic's message as shown in the editor's tooltip and the problems list: code, message, help, reference link. */
export function diagnosticNode(d: Diag): HTMLElement {
  return h(
    "div",
    { class: `diag diag-${d.severity}`, data: { code: d.code } },
    h("span", { class: "diag-code" }, d.code),
    " ",
    h("span", { class: "diag-message" }, d.message),
    d.help ? h("div", { class: "diag-help" }, d.help) : null,
    d.docUrl ? h("div", { class: "diag-doc" }, externalLink(d.docUrl, "Reference page ↗")) : null,
  );
}

export interface PolicyEditor {
  view: EditorView;
  /** Shows another file (clears highlights; diagnostics come back from the next check). */
  open(path: string, text: string): void;
  path(): string;
  text(): string;
  goTo(line: number, column?: number): void;
}

export interface PolicyEditorOptions {
  /** Runs the server's check for the text (debounced by the linter). */
  check: (path: string, text: string) => Promise<Diag[]>;
  /** Every check's diagnostics for the open file (for the problems list). */
  onDiagnostics: (diags: Diag[]) => void;
  onChange: () => void;
  onSave: () => void;
}

export function createPolicyEditor(parent: HTMLElement, opts: PolicyEditorOptions): PolicyEditor {
  let path = "";
  const lint = linter(
    async (view) => {
      const text = view.state.doc.toString();
      const forPath = path;
      let diags: Diag[];
      try {
        diags = await opts.check(forPath, text);
      } catch {
        return [];
      }
      // The user switched files or typed on while the check ran: this answer is stale.
      if (forPath !== path || view.state.doc.toString() !== text) return [];
      const mine = diags.filter((d) => !d.file || sameFile(d.file, forPath));
      opts.onDiagnostics(mine);
      return mine.map((d): CmDiagnostic => ({ ...range(view.state, d), severity: d.severity === "warning" ? "warning" : "error", message: `${d.code} ${d.message}`, source: d.code, renderMessage: () => diagnosticNode(d) }));
    },
    { delay: 350 },
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: "", extensions: policyExtensions(lint, opts) }),
  });
  return {
    view,
    open(p, text) {
      path = p;
      view.setState(EditorState.create({ doc: text, extensions: policyExtensions(lint, opts) }));
    },
    path: () => path,
    text: () => view.state.doc.toString(),
    goTo(line, column = 1) {
      const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      const pos = Math.min(l.from + column - 1, l.to);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
  };
}

function policyExtensions(lint: Extension, opts: PolicyEditorOptions): Extension[] {
  return [
    basicSetup,
    xml(),
    csharpExpressions(),
    lint,
    lintGutter(),
    highlightField,
    keymap.of([{ key: "Mod-s", preventDefault: true, run: () => (opts.onSave(), true) }]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) opts.onChange();
    }),
    EditorView.contentAttributes.of({ "aria-label": "Policy editor" }),
  ];
}

/** Diagnostic files may be given relative to another directory or absolute: compare the tails. */
export function sameFile(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\\/g, "/").replace(/^\.\//, "");
  const x = norm(a);
  const y = norm(b);
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

export interface Viewer {
  view: EditorView;
  show(text: string, gutter?: (line: number) => string): void;
}

/** A read-only viewer: XML (with the C# expressions) or plain text (generated JavaScript), with an optional gutter label per line. */
export function createViewer(parent: HTMLElement, kind: "xml" | "js", label: string): Viewer {
  const make = (text: string, gutter?: (line: number) => string) =>
    EditorState.create({
      doc: text,
      extensions: [
        gutter ? lineNumbers({ formatNumber: (n) => gutter(n) }) : lineNumbers(),
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        kind === "xml" ? [xml(), csharpExpressions()] : [],
        highlightField,
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.theme({ "&": { height: "100%" }, ".cm-scroller": { overflow: "auto" } }),
      ],
    });
  const view = new EditorView({ parent, state: make("") });
  return {
    view,
    show(text, gutter) {
      view.setState(make(text, gutter));
    },
  };
}
