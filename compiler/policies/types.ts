// The shape every policy file exports, and the contexts the front end and code generator pass it.
import type { ConfiguredSchema } from "../validation/configured-schema.js";
import type { Code } from "../codegen/code.js";
import type { ModuleScope } from "../codegen/scope.js";
import type { DiagnosticBag } from "../diagnostics.js";
import type { ExpectedType } from "../csharp/index.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { NamedValueTable, SecretRefs } from "../named-values.js";
import type { OperationContract } from "../validation/openapi.js";

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
  isAsync?(node: N, isAsyncNode: (child: PolicyNode) => boolean): boolean;
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
  /** Parses another file's elements (a fragment's) as a policy list of this section, reporting to that file's diagnostics. */
  policiesFrom(nodes: XElement["children"], parentPath: string, diags: DiagnosticBag): PolicyNode[];
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

export interface PolicyMeta {
  name: string;
  path: string;
  id: string | null;
  section: Section;
  /** global, product, api or operation: LastError.Scope. */
  scope: string;
  /** The file the policy came from (a scope's document or a fragment) and its 1-based line. */
  file: string;
  line: number;
  /** ROW_MASKED | ROW_BRANCH (runtime/contract.ts PolicyRow). */
  flags: number;
}

/**
 * Finds a policy fragment by id (include-fragment); null when there is none. `fileOf` names the file
 * an id would be read from (a fragments folder), for the message when it is not there.
 */
export type FragmentResolver = ((id: string) => { file: string; source: string } | null) & { fileOf?: (id: string) => string | null };

/** What building documents shares: the module's policy table and how to find fragments. */
export interface BuildState {
  table: PolicyMeta[];
  scope: string;
  fragments?: FragmentResolver;
  namedValues?: NamedValueTable;
  /** Where secret named values are referenced (their markers' numbers); see named-values.ts. */
  secretRefs?: SecretRefs;
  /** Unresolved named values are warnings (see CompileOptions.checkOnly). */
  checkOnly?: boolean;
  /** Parsed fragments by id, so each file is read and parsed once a build. */
  fragmentCache?: Map<string, { root: XElement | null; diags: DiagnosticBag }>;
  /** Diagnostics of every file read (documents and fragments). */
  allDiagnostics?: DiagnosticBag[];
  /** Set while parsing a fragment's policies (fragments cannot include fragments). */
  inFragment?: boolean;
  /** Where the document being built is used (compiler/document.ts DocumentKind); undefined in a standalone compile. */
  documentKind?: "policy" | "resolver";
  /** The API has managed resolvers (gateway.json graphql.resolvers), which set-graphql-resolver gives way to. */
  graphqlManagedResolvers?: boolean;
  /** The root of a resolver document (a data source), the one place besides <set-graphql-resolver> a data source may be. */
  resolverRoot?: XElement;
  /** Where each once-per-definition policy of the document being parsed first appears. */
  firstOfOnce?: Map<string, { file: string; line: number; column: number }>;
  /** Backend ids of the gateway configuration; undefined when not known (standalone compile). */
  backends?: ReadonlySet<string>;
  /** Logger ids the gateway configuration maps to a sink (log-to-eventhub); undefined when not known (standalone compile). */
  loggers?: ReadonlySet<string>;
  /** The operation the module is for; undefined when not known (standalone compile). */
  operation?: { urlTemplate: string; parameters: ReadonlySet<string> };
  /** The API's specification (validation policies); undefined when the module is compiled without one. */
  specification?: SpecificationState;
  /** The API's GraphQL schema (SDL text and its file); undefined when the API has none. */
  graphqlSchema?: { file: string; source: string; unreadable?: string };
  /** Schemas registered in the configuration, by id (validate-content schema-id). */
  schemas?: Readonly<Record<string, ConfiguredSchema>>;
  /** The API's XML schemas (WSDL or XSD files): validate-content validate-as="xml"/"soap" without schema-id. */
  apiXmlSchemas?: ConfiguredSchema;
}

/** The operation's contract read from the API's specification, or why it could not be read. */
export interface SpecificationState {
  file: string;
  contract: OperationContract | null;
  problem: string | null;
}
