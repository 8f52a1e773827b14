// One diagnostic shape for the whole compiler: { code, severity, message, file, line, column }.
// Codes are stable (tests assert them); the table below is the single place they are defined.

export type Severity = "error" | "warning";

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  column: number;
  /** 0-based offset into the source document */
  offset: number;
}

/** Stable diagnostic codes. Ranges: 1xxx XML front end, 2xxx policy structure, 3xxx C#, 4xxx gateway builds (`apimc build` output), 5xxx configuration sources (OpenAPI specifications, APIOps folders), 9xxx internal. */
export const Codes = {
  XmlMalformed: "APIMC1001",
  XmlUnterminatedExpression: "APIMC1002",
  XmlEmptyDocument: "APIMC1003",
  XmlSnippetRoot: "APIMC1004",
  XmlBadEntity: "APIMC1005",
  DocumentTooLarge: "APIMC1006",
  UnknownSection: "APIMC2001",
  UnknownPolicy: "APIMC2002",
  UnknownAttribute: "APIMC2003",
  MissingAttribute: "APIMC2004",
  MissingChild: "APIMC2005",
  PolicyNotAllowedInSection: "APIMC2006",
  ExpressionNotAllowed: "APIMC2007",
  InvalidLiteral: "APIMC2008",
  UnexpectedChild: "APIMC2009",
  UnexpectedText: "APIMC2010",
  DuplicateSection: "APIMC2011",
  ProtectedHeader: "APIMC2012",
  MixedExpression: "APIMC2013",
  NotSupportedOutsideAzure: "APIMC2014",
  NotImplemented: "APIMC2015",
  DuplicateChild: "APIMC2016",
  UnknownNamedValue: "APIMC2017",
  UnknownFragment: "APIMC2018",
  /** A policy the reference allows "only once per policy definition" (rate-limit, quota) appears again in the same document. */
  PolicyOncePerDefinition: "APIMC2019",
  /** rewrite-uri names a template parameter the operation's URL template does not define (gateway builds, runPolicy with urlTemplate). */
  UnknownTemplateParameter: "APIMC2020",
  /** set-backend-service backend-id names a backend the gateway configuration does not define. */
  UnknownBackend: "APIMC2021",
  /** A policy APIM has retired that apimc still runs as APIM did (set-graphql-resolver): a warning saying how to migrate. */
  RetiredPolicy: "APIMC2022",
  /** A validation policy (validate-content, -parameters, -headers, -status-code) in a module compiled without the API's specification. */
  NoApiSpecification: "APIMC2030",
  /** The API's specification cannot be used by a validation policy (no such operation, an unresolvable $ref, a schema ajv rejects). */
  SpecificationProblem: "APIMC2031",
  /** validate-content schema-id names a schema the configuration does not register (gateway.json `schemas`, APIOps schemas), or schema-ref names what the schema lacks. */
  UnknownSchema: "APIMC2032",
  /** A secret named value where it cannot stay a secret (C# code, a value needed while compiling). */
  SecretNamedValue: "APIMC2040",
  CSharpSyntax: "APIMC3001",
  CSharpTooNew: "APIMC3002",
  CSharpUnknownName: "APIMC3003",
  CSharpUnknownMember: "APIMC3004",
  CSharpForbiddenType: "APIMC3005",
  CSharpTypeMismatch: "APIMC3006",
  CSharpMissingReturn: "APIMC3007",
  CSharpBadArguments: "APIMC3008",
  CSharpNotSupported: "APIMC3009",
  CSharpInvalidCast: "APIMC3010",
  CSharpUnassigned: "APIMC3011",
  CSharpDuplicateName: "APIMC3012",
  /** Overload resolution finds no single best member among the applicable ones (C#'s CS0121). */
  CSharpAmbiguousCall: "APIMC3013",
  /** The build directory has no readable manifest.json, or a module file it lists is missing. */
  PrebuiltUnreadable: "APIMC4001",
  /** The build was made by another compiler version. */
  PrebuiltVersion: "APIMC4002",
  /** The configuration, the named values or a policy or fragment file changed since the build. */
  PrebuiltStale: "APIMC4003",
  /** A module file differs from what the build wrote, or the manifest does not match the configuration's modules. */
  PrebuiltTampered: "APIMC4004",
  /** The build is in a format the gateway does not load (`--format esm`). */
  PrebuiltFormat: "APIMC4005",
  /** An API's specification file cannot be read. */
  SpecificationUnreadable: "APIMC5001",
  /** An API's specification is not valid YAML or JSON. */
  SpecificationSyntax: "APIMC5002",
  /** An API's specification is not an OpenAPI 2.0 or 3.x document apimc can take operations from. */
  SpecificationInvalid: "APIMC5003",
  /** Two operations of a specification have one operationId. */
  SpecificationDuplicateOperation: "APIMC5004",
  /** An API type apimc does not serve (SOAP/WSDL, GraphQL, WebSocket, gRPC). */
  ApiTypeNotSupported: "APIMC5005",
  /** An APIOps artifact (information file) cannot be read or is not valid JSON. */
  ApiopsArtifactUnreadable: "APIMC5010",
  /** An APIOps information file lacks a property apimc needs or has one of the wrong type. */
  ApiopsArtifactInvalid: "APIMC5011",
  /** An API has no specification (and so no operations) where one is needed. */
  ApiopsMissingSpecification: "APIMC5012",
  /** An `operations/<name>/` folder matches no operationId of the API's specification. */
  ApiopsUnknownOperation: "APIMC5013",
  /** An artifact names another (API, product, version set, backend) the folder does not have. */
  ApiopsUnknownReference: "APIMC5014",
  /** A policy uses a secret or Key Vault named value whose value was given neither in --named-values nor in the environment. */
  ApiopsNamedValueMissing: "APIMC5015",
  /** Two APIs (or versions of one) would answer the same path. */
  ApiopsDuplicatePath: "APIMC5016",
  /** Two artifacts claim one name (two named values with one display name, two APIs with one id). */
  ApiopsDuplicateName: "APIMC5017",
  /** A backend (gateway.json `backends`, APIOps backendInformation.json) is not valid: pool, circuit breaker, credentials or TLS options. */
  BackendInvalid: "APIMC5030",
  /** A backend names what is not configured: a pool member, a named value in its credentials, a client certificate. */
  BackendUnknownReference: "APIMC5031",
  /** gateway.json `listen.tls`: a certificate, key or CA file cannot be read or used. */
  ListenTlsInvalid: "APIMC5032",
  /** An XML Schema (gateway.json `schemas`, an API's WSDL/XSD, APIOps schemas) is not well-formed or not a valid schema: a name it references is not defined, a facet is not valid for its type. */
  XmlSchemaInvalid: "APIMC5040",
  /** An XML Schema uses a construct apimc's XSD compiler does not support (identity constraints, redefine, block, notations, a regex block it does not know). */
  XmlSchemaNotSupported: "APIMC5041",
  Internal: "APIMC9001",
  VerifyFailed: "APIMC9002",
} as const;

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];

/** Maps offsets to 1-based line/column, computed once per document. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? 0;
    const end = this.starts[line] ?? this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, "");
  }
}

/** Collects diagnostics for one source file. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  errorCount = 0;
  constructor(
    readonly file: string,
    readonly lines: LineMap,
  ) {}

  add(code: DiagnosticCode, offset: number, message: string, severity: Severity = "error"): Diagnostic {
    const { line, column } = this.lines.position(Math.max(0, Math.min(offset, this.lines.text.length)));
    const d: Diagnostic = { code, severity, message, file: this.file, line, column, offset };
    this.items.push(d);
    if (severity === "error") this.errorCount++;
    return d;
  }
  error(code: DiagnosticCode, offset: number, message: string): Diagnostic {
    return this.add(code, offset, message, "error");
  }
  warning(code: DiagnosticCode, offset: number, message: string): Diagnostic {
    return this.add(code, offset, message, "warning");
  }
  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}

/** `file:line:column - error APIMC1234: message` followed by a code frame. */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  let out = `${d.file}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${d.message}`;
  if (source !== undefined) {
    const text = new LineMap(source).lineText(d.line);
    const gutter = String(d.line);
    const caretPad = text.slice(0, d.column - 1).replace(/[^\t]/g, " ");
    out += `\n\n${gutter} | ${text}\n${" ".repeat(gutter.length)} | ${caretPad}^\n`;
  }
  return out;
}

/** Levenshtein-based "did you mean" over a candidate list. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best = "";
  let bestScore = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const s = editDistance(w, c.toLowerCase());
    if (s < bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? ` Did you mean '${best}'?` : "";
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Thrown only for bugs in the compiler itself; the driver turns it into APIMC9001. */
export class InternalCompilerError extends Error {}
