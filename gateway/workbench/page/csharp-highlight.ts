// The C# policy expressions (`@(…)`, `@{…}`) painted over the XML highlighting. An overlay, not a
// mixed parser: the XML grammar keeps attribute values and text whole, and there is no Lezer grammar
// for C#; a scan of the document (csharp-scan.ts, milliseconds for the 256 KiB APIM allows) marks the
// expressions and their keywords, strings and numbers, and runs again only when the text changes.
import type { Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { scanExpressions, type TokenKind } from "./csharp-scan.js";

const MARKS: Record<TokenKind, Decoration> = {
  expression: Decoration.mark({ class: "cm-cs-expr" }),
  delimiter: Decoration.mark({ class: "cm-cs-delim" }),
  keyword: Decoration.mark({ class: "cm-cs-keyword" }),
  string: Decoration.mark({ class: "cm-cs-string" }),
  number: Decoration.mark({ class: "cm-cs-number" }),
  comment: Decoration.mark({ class: "cm-cs-comment" }),
  context: Decoration.mark({ class: "cm-cs-context" }),
};

function decorations(view: EditorView): DecorationSet {
  const ranges = scanExpressions(view.state.doc.toString())
    .filter((s) => s.to > s.from)
    .map((s) => MARKS[s.kind].range(s.from, s.to));
  return Decoration.set(ranges, true);
}

export function csharpExpressions(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorations(view);
      }
      update(u: ViewUpdate) {
        if (u.docChanged) this.decorations = decorations(u.view);
      }
    },
    { decorations: (p) => p.decorations },
  );
}
