// The module's policy table: one row a policy (and a choose branch), for LastError and the trace.
import type { DiagnosticBag } from "../diagnostics.js";
import type { XElement } from "../xml/parse.js";
import type { BuildState, Section } from "./types.js";
import { ROW_BRANCH, ROW_MASKED } from "../../runtime/contract.js";

export { ROW_BRANCH, ROW_MASKED };

/** Adds a row to the module's policy table (for LastError and the trace); returns its index. */
export function addPolicyRow(state: BuildState, diags: DiagnosticBag, el: XElement, name: string, path: string, section: Section, flags: number): number {
  const idAttr = el.attrs.find((a) => a.name === "id");
  const index = state.table.length;
  const line = diags.lines.position(Math.max(0, Math.min(el.offset, diags.lines.text.length))).line;
  state.table.push({ name, path, id: idAttr && idAttr.value.kind === "literal" ? idAttr.value.text : null, section, scope: state.scope, file: diags.file, line, flags });
  return index;
}

