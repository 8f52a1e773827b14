// Machine-readable diagnostics for `apimc check|compile --format json|sarif`: JSON for scripts and CI
// annotations, SARIF 2.1.0 for code scanning. One document on stdout for the whole run.
import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Codes, type Diagnostic } from "../compiler/diagnostics.js";

export type ReportFormat = "text" | "json" | "sarif";

/** What one run of `check`/`compile` did with one input file. */
export interface FileOutcome {
  file: string;
  /** Compiled without errors (for `compile`: the module was written). */
  ok: boolean;
  /** The file could not be read (no diagnostics then). */
  readError?: string;
}

export interface DiagnosticReport {
  version: string;
  files: FileOutcome[];
  diagnostics: Diagnostic[];
}

const INFORMATION_URI = "https://www.npmjs.com/package/apimc";

/**
 * `apimc ... --format json`: `{ tool, files, diagnostics, errorCount, warningCount }`; each diagnostic is
 * `{ code, severity, message, file, line, column }` (1-based; columns in UTF-16 code units).
 */
export function jsonReport(r: DiagnosticReport): string {
  const diagnostics = r.diagnostics.map(({ code, severity, message, file, line, column }) => ({ code, severity, message, file, line, column }));
  return JSON.stringify(
    {
      tool: { name: "apimc", version: r.version },
      files: r.files,
      diagnostics,
      errorCount: diagnostics.filter((d) => d.severity === "error").length + r.files.filter((f) => f.readError).length,
      warningCount: diagnostics.filter((d) => d.severity === "warning").length,
    },
    null,
    2,
  );
}

/** One SARIF rule per stable code of compiler/diagnostics.ts, named after its key in `Codes`. */
function sarifRules(): { id: string; name: string; shortDescription: { text: string }; helpUri: string }[] {
  return Object.entries(Codes).map(([name, id]) => ({
    id,
    name,
    shortDescription: { text: words(name) },
    helpUri: INFORMATION_URI,
  }));
}

/** "CSharpUnknownName" → "C# unknown name". */
function words(name: string): string {
  const w = name
    .replace(/^CSharp/, "C# ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/^c# /, "C# ")
    .replace(/\bxml\b/, "XML");
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** A file name as a SARIF artifact URI: relative to the working directory when under it, else a file: URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = isAbsolute(file) ? file : `${cwd}${sep}${file}`;
  const rel = relative(cwd, abs);
  if (rel && !rel.startsWith("..") && !isAbsolute(rel)) return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "SRCROOT" };
  return { uri: pathToFileURL(abs).href };
}

/** `apimc ... --format sarif`: a SARIF 2.1.0 log with one run. */
export function sarifReport(r: DiagnosticReport, cwd = process.cwd()): string {
  const rules = sarifRules();
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = r.diagnostics.map((d) => ({
    ruleId: d.code,
    ...(index.has(d.code) ? { ruleIndex: index.get(d.code)! } : {}),
    level: d.severity === "error" ? "error" : "warning",
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(d.file, cwd), region: { startLine: d.line, startColumn: d.column } } }],
  }));
  const unreadable = r.files.filter((f) => f.readError);
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "apimc", version: r.version, semanticVersion: r.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd).href.replace(/\/?$/, "/") } },
        columnKind: "utf16CodeUnits",
        // A file that cannot be read is a failure of the run, not a finding in the file.
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((f) => ({
              level: "error",
              message: { text: `cannot read ${f.file}: ${f.readError}` },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, cwd) } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
