// The compiler's entry: policy XML text in (one document, or the scopes of an operation), one verified ES module out.
import { Codes, DiagnosticBag, InternalCompilerError, LineMap, type Diagnostic } from "./diagnostics.js";
import { join as joinCode, js, type Code } from "./codegen/code.js";
import { ModuleBuilder } from "./codegen/module.js";
import type { SourceMapV3 } from "./codegen/sourcemap.js";
import { buildDocument, type BuildState, type DocumentKind, type FragmentResolver, type PolicyDocument, type PolicyMeta } from "./document.js";
import { emitSections } from "./emit.js";
import { composeScopes } from "./compose.js";
import { explainSecretMarkers, normalizeNamedValues, SecretRefs, SECRET_USE, substituteNamedValues, type NamedValueInput, type NamedValueTable } from "./named-values.js";
import { parseXml, type XElement } from "./xml/parse.js";
import { verifyEmitted } from "./verify.js";
import { operationTemplateParameters } from "../runtime/traffic/uri.js";
import { readSpecification } from "./validation/specification.js";
import type { ConfiguredSchema } from "./validation/configured-schema.js";
export type { ConfiguredSchema } from "./validation/configured-schema.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

import { COMPILER_VERSION } from "./version.js";
export { COMPILER_VERSION };
declare const __APIMC_BUILD__: string | undefined;
/**
 * Which build of the sources this is: a hash of compiler/, runtime/ and gateway/ set by scripts/build.mjs
 * (and the benchmarks' build), "source" when running the TypeScript directly (tests). A prebuilt
 * gateway build is only loaded by the same build.
 */
export const COMPILER_BUILD: string = typeof __APIMC_BUILD__ === "string" ? __APIMC_BUILD__ : "source";

/** 256 KiB: the policy document limit of APIM's dedicated tiers. */
export const MAX_DOCUMENT_SIZE = 256 * 1024;

export interface CompileOptions {
  /** File name used in diagnostics and the source map. */
  file?: string;
  /** Import specifier of the runtime in the generated module. */
  runtime?: string;
  sourceMap?: boolean;
  /**
   * Named values for `{{name}}`: name → text, or → `{ value, secret: true }` for a secret, which the
   * module reads when it loads instead of holding it. Without them a reference is an error, or a
   * warning with `checkOnly`.
   */
  namedValues?: Readonly<Record<string, NamedValueInput>> | NamedValueTable;
  /** Diagnostics are what is wanted (`apimc check`): unresolved named values are warnings, left as written. */
  checkOnly?: boolean;
  /** Finds `include-fragment` targets; see `fragmentsFromDirectory`. */
  fragments?: FragmentResolver;
  /** "esm" (default) or "function" (a function body over `rt`, for in-process loading). */
  format?: "esm" | "function";
  /** Compile a root other than <policies> as the inbound section (doc snippets), with a warning. */
  allowSnippets?: boolean;
  /**
   * Backend ids that exist (as a gateway configuration's `backends`): a literal
   * `set-backend-service backend-id` naming another is an error (APIMC2021). Unchecked when absent.
   */
  backends?: readonly string[];
  /**
   * Logger ids the gateway configuration maps to a sink (`loggers`): a log-to-eventhub naming
   * another is APIMC2014 (it would need Azure Event Hubs). Unchecked when absent.
   */
  loggers?: readonly string[];
  /**
   * The URL template of the operation the policy is for: a literal `rewrite-uri` template naming
   * a parameter it does not define is an error (APIMC2020). Unchecked when absent.
   */
  urlTemplate?: string;
  /**
   * The OpenAPI definition of the API the policy is for, and the operation of the module (gateway
   * builds of an API with a `specification`): what validate-content, validate-parameters,
   * validate-status-code and validate-headers check against. Absent: no definition is known.
   */
  apiSpecification?: ApiSpecification;
  /** The API's GraphQL schema (SDL), for validate-graphql-request (gateway.json `graphql.schema`, APIOps specification.graphql). */
  graphqlSchema?: { file: string; source: string; unreadable?: string };
  /**
   * Schemas registered in the configuration, by id: what validate-content `schema-id` names
   * (gateway.json `schemas`, an APIOps folder's schemas). XML Schemas or JSON Schemas.
   */
  schemas?: Readonly<Record<string, ConfiguredSchema>>;
  /** The API's XML schemas (its WSDL's types, or XSD files): validate-content validate-as="xml"/"soap" without schema-id. */
  apiXmlSchemas?: ConfiguredSchema;
  /** The API has managed resolvers (gateway.json graphql.resolvers): APIM then skips set-graphql-resolver, which says so (a warning). */
  graphqlManagedResolvers?: boolean;
  /** false: print the code tree as built, without folding and dead-branch removal (tests compare both). Default true. */
  optimize?: boolean;
}

/** An API's OpenAPI document as the gateway loaded it (gateway/openapi.ts). */
export interface ApiSpecification {
  /** Absolute path of the specification file (for diagnostics). */
  file: string;
  /** "2.0" or the `openapi` field ("3.0.1", "3.1.0", ...). */
  version: string;
  /** The parsed document (plain JSON values; `$ref`s as written). */
  document: Readonly<Record<string, unknown>>;
  /** Where a JSON pointer of the document is in the file (1-based line and column, 0-based offset). */
  locate(pointer: string): { line: number; column: number; offset: number };
  /**
   * The operation the module is for (null for an API's catch-all module): its operationId, method,
   * URL template, and the JSON pointer of its operation object (`/paths/~1items~1{id}/get`).
   */
  operation: { operationId: string; method: string; urlTemplate: string; pointer: string } | null;
}

export interface CompileResult {
  /** The module text; null when there are errors. */
  code: string | null;
  map: SourceMapV3 | null;
  diagnostics: Diagnostic[];
}

export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const file = options.file ?? "policy.xml";
  const r = compileDocuments([{ file, source, scope: "operation" }], { ...options, file, name: file });
  return { code: r.code, map: r.map, diagnostics: r.diagnostics };
}

// ---------------------------------------------------------------------------------------------
// The one compile entry: a single document (`compile`) and the scopes a gateway build composes
// for an operation (`gateway/build.ts`) go through `compileDocuments`, so every limit and check
// (document size, secrets, unresolved markers, verification, internal errors) applies to both.

/** One policy document of a module, as read. */
export interface ScopeDocument {
  file: string;
  /** The document's text; null when it could not be read (`unreadable` says why). */
  source: string | null;
  unreadable?: string;
  /** "global", "product", "api" or "operation": the policy table's scope column. */
  scope: string;
}

export interface ComposeOptions extends CompileOptions {
  /** The module's name: `meta.source` and the file its code is attributed to (a build's module key). Default: the last document's file. */
  name?: string;
  /** Text hashed before the documents' text into `meta.hash` (a build's module key). */
  hashSeed?: string;
  /** The policy table names files relative to this folder (a build directory stays movable). */
  baseDir?: string;
  /** Parses shared by the compiles of one build, which all use the same options but for the module's own. */
  session?: CompileSession;
  /** Where the documents are used (a gateway build's scope policies or a GraphQL resolver): a root that does not belong there is APIMC1004. */
  documentKind?: DocumentKind;
}

export interface ComposedResult extends CompileResult {
  /** The documents and fragment files the module was composed from. */
  sources: string[];
}

interface ParsedDocument {
  root: XElement | null;
  diags: DiagnosticBag;
  /** Whether substituting named values referenced a secret. */
  secrets: boolean;
}

/**
 * What the compiles of one build share: each policy file is parsed and substituted once per secret
 * marker variant (see SecretRefs), and its IR rebuilt per module (policy table indices are per module).
 */
export class CompileSession {
  readonly refs = [new SecretRefs(0), new SecretRefs(1)] as const;
  readonly parsed = [new Map<string, ParsedDocument>(), new Map<string, ParsedDocument>()] as const;
}

/** Compiles `documents` (the broadest scope first) into one module, composed at build time. */
export function compileDocuments(documents: readonly ScopeDocument[], options: ComposeOptions = {}): ComposedResult {
  const name = options.name ?? documents.at(-1)?.file ?? options.file ?? "policy.xml";
  try {
    return compileComposed(documents, name, options, options.session ?? new CompileSession());
  } catch (e) {
    // The compiler never crashes on input: a bug becomes a diagnostic that says so.
    const msg = e instanceof InternalCompilerError ? e.message : (e as Error)?.stack ?? String(e);
    const at = documents.at(-1);
    const diags = new DiagnosticBag(at?.file ?? name, new LineMap(at?.source ?? ""));
    diags.error(Codes.Internal, 0, `Internal compiler error (a bug in apimc, please report it): ${msg}`);
    return { code: null, map: null, diagnostics: diags.items, sources: documents.map((d) => d.file) };
  }
}

function compileComposed(documents: readonly ScopeDocument[], name: string, options: ComposeOptions, session: CompileSession): ComposedResult {
  const namedValues = options.namedValues === undefined ? undefined : normalizeNamedValues(options.namedValues);
  const first = compileVariant(documents, name, options, namedValues, session, 0);
  const diagnostics = first.bags.flatMap((b) => b.items);
  explainSecretMarkers(diagnostics, session.refs[0]);
  const result = { code: first.code, map: first.map, diagnostics, sources: [...first.sources] };
  if (first.code === null || !first.secrets) return result;
  // Secrets were used: a second compile with other markers shows whether a secret's text was used while compiling.
  const second = compileVariant(documents, name, options, namedValues, session, 1);
  if (second.code === first.code) return result;
  const refs = session.refs[0].refs.filter((r) => first.sources.has(r.file));
  const ref = refs[0];
  const bag = first.bags.find((b) => b.file === ref?.file) ?? first.bags[0]!;
  const d = bag.error(Codes.SecretNamedValue, ref && bag.file === ref.file ? ref.offset : 0, `A secret named value ('{{${[...new Set(refs.map((r) => r.name))].join("}}', '{{")}}}') is used where apimc computes something from its text while compiling (an encoding, a length, a comparison); ${SECRET_USE}.`);
  return { code: null, map: null, diagnostics: [...diagnostics, d], sources: result.sources };
}

interface Variant {
  code: string | null;
  map: SourceMapV3 | null;
  /** Every diagnostic bag of the module: each document's parse and build, each fragment's, in that order. */
  bags: DiagnosticBag[];
  sources: Set<string>;
  secrets: boolean;
}

/** Parses (once a session), composes, emits and verifies the module with one secret marker variant. */
function compileVariant(documents: readonly ScopeDocument[], name: string, options: ComposeOptions, namedValues: NamedValueTable | undefined, session: CompileSession, variant: 0 | 1): Variant {
  const refs = session.refs[variant];
  const refsBefore = refs.refs.length;
  const sources = new Set<string>();
  const state: BuildState = {
    table: [],
    scope: "operation",
    fragments: options.fragments && recordingReads(options.fragments, sources),
    namedValues,
    secretRefs: refs,
    checkOnly: options.checkOnly,
    allDiagnostics: [],
    backends: options.backends ? new Set(options.backends) : undefined,
    loggers: options.loggers ? new Set(options.loggers) : undefined,
    operation: options.urlTemplate !== undefined ? { urlTemplate: options.urlTemplate, parameters: operationTemplateParameters(options.urlTemplate) } : undefined,
    specification: options.apiSpecification ? readSpecification(options.apiSpecification) : undefined,
    graphqlSchema: options.graphqlSchema,
    documentKind: options.documentKind,
    schemas: options.schemas,
    apiXmlSchemas: options.apiXmlSchemas,
    graphqlManagedResolvers: options.graphqlManagedResolvers,
  };
  const bags = state.allDiagnostics!;
  let secrets = false;
  let failed = false;
  const out = (code: string | null = null, map: SourceMapV3 | null = null): Variant => ({ code, map, bags, sources, secrets: secrets || refs.refs.length > refsBefore });
  const docs: PolicyDocument[] = [];
  let last: DiagnosticBag | null = null;
  for (const d of documents) {
    sources.add(d.file);
    const p = parseDocument(d, namedValues, options.checkOnly, session, variant);
    secrets ||= p.secrets;
    bags.push(p.diags);
    if (!p.root) {
      failed = true;
      continue;
    }
    state.scope = d.scope;
    // A bag per module for what building finds: a document shared by modules has its parse diagnostics once.
    last = new DiagnosticBag(p.diags.file, p.diags.lines);
    bags.push(last);
    docs.push(buildDocument(p.root, last, { allowSnippets: options.allowSnippets, kind: options.documentKind, state }));
  }
  const anyErrors = () => failed || bags.some((b) => b.hasErrors);
  if (anyErrors()) return out();

  const sectionBag = last ?? new DiagnosticBag(options.file ?? name, new LineMap(""));
  if (!last) bags.push(sectionBag);
  const builder = new ModuleBuilder(options.optimize ?? true);
  const sections = emitSections(composeScopes(docs, sectionBag), builder, sectionBag);
  if (anyErrors()) return out();

  const h = createHash("sha256").update(options.hashSeed ?? "");
  for (const d of documents) h.update(d.source ?? "");
  const meta = moduleMeta(name, h.digest("hex").slice(0, 16), state.table, builder.readsBody, options.baseDir);
  const { code, map, unresolvedSecrets } = builder.render({
    sections,
    meta,
    runtimeSpecifier: options.runtime ?? "apimc/runtime",
    format: options.format ?? "esm",
    file: name,
    lines: sectionBag.lines,
    sourceMap: options.sourceMap ?? false,
    secrets: refs,
  });
  if (reportUnresolvedSecrets(unresolvedSecrets, refs, bags, sectionBag)) return out();
  const v = verifyEmitted(code, options.format);
  if (!v.ok) {
    sectionBag.error(Codes.VerifyFailed, 0, `Internal compiler error: the generated module ${name} failed verification (${v.errors.slice(0, 3).join("; ")}). This is a bug in apimc.`);
    return out();
  }
  return out(code, map);
}

/** A document parsed and its named values substituted, once a session; the size limit is checked here. */
function parseDocument(d: ScopeDocument, namedValues: NamedValueTable | undefined, checkOnly: boolean | undefined, session: CompileSession, variant: 0 | 1): ParsedDocument {
  const cache = session.parsed[variant];
  let p = cache.get(d.file);
  if (p) return p;
  const diags = new DiagnosticBag(d.file, new LineMap(d.source ?? ""));
  if (d.source === null) {
    diags.error(Codes.XmlEmptyDocument, 0, `Cannot read policy file: ${d.unreadable ?? "unreadable"}`);
    p = { root: null, diags, secrets: false };
  } else if (d.source.length > MAX_DOCUMENT_SIZE) {
    diags.error(Codes.DocumentTooLarge, 0, `The document is ${d.source.length} characters; APIM accepts policy documents up to 256 KiB.`);
    p = { root: null, diags, secrets: false };
  } else {
    const refs = session.refs[variant];
    const before = refs.refs.length;
    const root = parseXml(d.source, diags);
    if (root) substituteNamedValues(root, namedValues, diags, checkOnly, refs);
    p = { root, diags, secrets: refs.refs.length > before };
  }
  cache.set(d.file, p);
  return p;
}

/** The same fragment lookups, adding each file read to `into`. */
export function recordingReads(resolver: FragmentResolver, into: Set<string>): FragmentResolver {
  const recording = (id: string) => {
    const f = resolver(id);
    if (f) into.add(f.file);
    return f;
  };
  return Object.assign(recording, { fileOf: resolver.fileOf });
}

/** A diagnostic at each secret reference whose marker did not stay text in the module; true when there was one. */
export function reportUnresolvedSecrets(unresolved: readonly number[], refs: SecretRefs, bags: readonly DiagnosticBag[], fallback: DiagnosticBag): boolean {
  for (const i of unresolved) {
    const ref = refs.refs[i];
    const bag = (ref && bags.find((b) => b.file === ref.file)) ?? fallback;
    bag.error(
      Codes.SecretNamedValue,
      ref && bag.file === ref.file ? ref.offset : 0,
      ref ? `The secret named value '{{${ref.name}}}' is used here as code or as a value apimc computes with while compiling; ${SECRET_USE}.` : `A secret named value is used as code or as a value apimc computes with while compiling; ${SECRET_USE}.`,
    );
  }
  return unresolved.length > 0;
}

/**
 * `meta`: where the module came from, its policy table (for LastError and the trace) and whether it
 * reads bodies. Row files are relative to `baseDir` when given (a build stays movable).
 */
export function moduleMeta(source: string, hash: string, table: readonly PolicyMeta[], readsBody: boolean, baseDir?: string): Code {
  const fileOf = (f: string) => (baseDir && isAbsolute(f) ? relative(baseDir, f).split(sep).join("/") : f);
  // One object a row (runtime/contract.ts PolicyRow), one row a line.
  const rows = table.map((p) => js`\n{ name: ${p.name}, path: ${p.path}, id: ${p.id}, section: ${p.section}, scope: ${p.scope}, file: ${fileOf(p.file)}, line: ${p.line}, flags: ${p.flags} }`);
  return js`{\nsource: ${source},\nhash: ${hash},\ncompiler: ${`apimc ${COMPILER_VERSION}`},\nreadsBody: ${readsBody},\npolicies: [${joinCode(rows, ",")}${rows.length ? js`\n` : js``}],\n}`;
}

export { formatDiagnostic, type Diagnostic } from "./diagnostics.js";

/** Fragments as `<dir>/<fragment-id>.xml`. Ids are APIM resource names: no path separators. */
export function fragmentsFromDirectory(dir: string): FragmentResolver {
  return fragmentsFromFiles((id) => (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) && !id.includes("..") ? join(dir, `${id}.xml`) : null));
}

/** Fragments read from the file `fileOf` names for an id (null: no such fragment); unreadable files are missing fragments. */
export function fragmentsFromFiles(fileOf: (id: string) => string | null): FragmentResolver {
  const resolver = (id: string) => {
    const file = fileOf(id);
    if (!file) return null;
    try {
      return { file, source: readFileSync(file, "utf8") };
    } catch {
      return null;
    }
  };
  return Object.assign(resolver, { fileOf });
}
