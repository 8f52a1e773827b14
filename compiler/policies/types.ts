// The shape every policy file exports, and the contexts the front end and code generator pass it.
import type { Code } from "../codegen/code.js";
import type { ModuleScope } from "../codegen/scope.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { ExpectedType } from "../csharp/index.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { BuildState } from "../document.js";

export type Section = "inbound" | "backend" | "outbound" | "on-error";
export const ALL_SECTIONS: readonly Section[] = ["inbound", "backend", "outbound", "on-error"];

export type LiteralType = "string" | "int" | "bool" | "seconds" | { enum: readonly string[] };

export interface AttrSpec {
  required?: boolean;
  /** Whether the reference page allows a policy expression here (default true). */
  expr?: boolean;
  type?: LiteralType;
}

/** Every policy node carries its element, its place in the module's policy table and its path. */
export interface PolicyNode {
  policy: string;
  el: XElement;
  /** Index in the module's policy table (for LastError); -1 for children that are not policies. */
  index: number;
  section: Section;
  /** Diagnostics of the file this node comes from (a scope's document or a fragment). */
  diags: DiagnosticBag;
}

export interface PolicyDef<N extends PolicyNode = PolicyNode> {
  name: string;
  /** Sections the reference page's Usage table allows. */
  sections: readonly Section[];
  attributes: Readonly<Record<string, AttrSpec>>;
  /** Reads the element into a node (diagnostics on problems); null when it cannot be compiled. */
  parse(el: XElement, pc: ParseContext, base: PolicyNode): N | null;
  emit(node: N, ec: EmitContext): Code;
  /** True when the emitted code awaits (the section function becomes async). */
  isAsync?(node: N): boolean;
  /**
   * True when the policy reads a message body (so the gateway must buffer bodies for this module).
   * Expressions that mention `Body` are detected by the emitter; this is for the policy itself.
   */
  readsBody?(node: N): boolean;
  /**
   * The reference page's usage notes say "This policy can be used only once per policy
   * definition": a second one in the same policy document (choose branches and included fragments
   * count) is an error. Other scopes' documents are other definitions.
   */
  oncePerDefinition?: boolean;
}

export interface ParseContext {
  readonly diags: DiagnosticBag;
  readonly section: Section;
  /** Validates attributes against the spec and returns them by name. */
  attrs(el: XElement, spec: Readonly<Record<string, AttrSpec>>): Record<string, XValue | undefined>;
  /** Parses child elements as a policy list (choose/when, retry, ...). */
  policies(children: XElement["children"], parentPath: string): PolicyNode[];
  /** The element children, reporting non-whitespace text. */
  elements(el: XElement): XElement[];
  /** The element's text content as one value (for `<value>`, `<set-url>`, `<set-body>`). */
  text(el: XElement): XValue | null;
  /** The LastError path of the policy being parsed. */
  readonly path: string;
  /** The module being built (policy table, fragments, named values). */
  readonly state: BuildState;
}

/** Where set-header/set-body/set-status of the current position write. */
export interface MessageTarget {
  kind: "request" | "response";
  /** JS expression of the message object (has Headers, Body, and StatusCode/StatusReason for responses). */
  code: Code;
  /** Inside send-request / return-response (not the live context message). */
  local: boolean;
}

export interface EmitContext {
  readonly scope: ModuleScope;
  readonly diags: DiagnosticBag;
  readonly section: Section;
  /** Where message policies write at this point. */
  readonly request: MessageTarget;
  readonly response: MessageTarget;
  /** A value converted to what the attribute needs: a literal JS value or the lowered expression. */
  value(v: XValue, expected: ExpectedType): Code;
  /** Emits nested policies (with their `ctx.$p` markers). */
  policies(nodes: readonly PolicyNode[]): Code;
  /** Emits with different message targets (children of send-request / return-response). */
  withTargets(targets: { request?: MessageTarget; response?: MessageTarget }, f: (ec: EmitContext) => Code): Code;
  /** The section's own policies after composition (its direct children), for policies that look at their siblings (cors). */
  readonly sectionNodes: readonly PolicyNode[];
}
