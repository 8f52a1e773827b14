// The `apimc` commands that compile (compile, check, build), imported by cli.ts when one runs.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { compile, COMPILER_VERSION, formatDiagnostic, fragmentsFromDirectory, type Diagnostic } from "../compiler/index.js";
import { jsonReport, sarifReport, type FileOutcome, type ReportFormat } from "./diagnostic-report.js";
import { checkNamedValues, loadGatewayConfig, type LoadedConfig } from "./config.js";
import { ApiopsError, loadApiopsFolder } from "./apiops.js";
import type { NamedValueInput } from "../compiler/named-values.js";
import { buildGateway, writeBuild } from "./build.js";

/** What compile and check take from the command line (cli.ts parsed and checked it). */
export interface CompileArgs {
  cmd: string;
  files: string[];
  out?: string;
  outdir?: string;
  sourcemap: boolean;
  namedValues?: string;
  fragments?: string;
  snippets: boolean;
  format?: string;
}

/** `apimc compile|check <policy.xml>...`. */
export function compileOrCheck(args: CompileArgs): number {
  const format = (args.format ?? "text") as ReportFormat;
  let namedValues: Record<string, NamedValueInput> | undefined;
  if (args.namedValues) {
    try {
      const nv: unknown = JSON.parse(readFileSync(args.namedValues, "utf8"));
      checkNamedValues(nv, args.namedValues);
      namedValues = nv;
    } catch (e) {
      process.stderr.write(`apimc: cannot read named values from ${args.namedValues}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let errors = 0;
  let clean = 0;
  const outcomes: FileOutcome[] = [];
  const allDiagnostics: Diagnostic[] = [];
  for (const file of args.files) {
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (e) {
      process.stderr.write(`apimc: cannot read ${file}: ${(e as Error).message}\n`);
      outcomes.push({ file, ok: false, readError: (e as Error).message });
      errors++;
      continue;
    }
    const r = compile(source, { file, sourceMap: args.sourcemap, namedValues, allowSnippets: args.snippets, checkOnly: args.cmd === "check", fragments: args.fragments ? fragmentsFromDirectory(args.fragments) : undefined });
    if (format === "text") print(r.diagnostics, file, source);
    allDiagnostics.push(...r.diagnostics);
    outcomes.push({ file, ok: r.code !== null });
    if (r.code === null) {
      errors++;
      continue;
    }
    clean++;
    if (args.cmd === "compile") {
      const out = args.out ?? join(args.outdir ?? dirname(file), basename(file).replace(/\.xml$/i, "") + ".mjs");
      mkdirSync(dirname(resolve(out)), { recursive: true });
      let code = r.code;
      if (r.map) {
        writeFileSync(out + ".map", JSON.stringify(r.map));
        code += `//# sourceMappingURL=${basename(out)}.map\n`;
      }
      writeFileSync(out, code);
    }
  }
  if (format !== "text") {
    const report = { version: COMPILER_VERSION, files: outcomes, diagnostics: allDiagnostics };
    process.stdout.write((format === "json" ? jsonReport(report) : sarifReport(report)) + "\n");
  }
  if (args.files.length > 1) process.stderr.write(`${clean} of ${args.files.length} files compiled without errors\n`);
  return errors ? 1 : 0;
}

/** Diagnostics with code frames; a diagnostic in a fragment shows the fragment's line. */
function print(diags: Diagnostic[], file: string, source: string): void {
  for (const d of diags) process.stderr.write(formatDiagnostic(d, d.file === file ? source : safeRead(d.file)) + "\n");
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

type Source = string | { dir: string; values?: string };

/** gateway.json, or an APIOps folder (its diagnostics printed, and what it holds that apimc does not use). */
function loadSource(source: Source): LoadedConfig | null {
  if (typeof source === "string") {
    try {
      return loadGatewayConfig(source);
    } catch (e) {
      process.stderr.write(`apimc: ${(e as Error).message}\n`);
      return null;
    }
  }
  try {
    const loaded = loadApiopsFolder(source.dir, { values: source.values });
    printIgnored(loaded.ignored);
    return loaded;
  } catch (e) {
    if (!(e instanceof ApiopsError)) throw e;
    for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d, safeRead(d.file)) + "\n");
    return null;
  }
}

export function printIgnored(lines: string[]): void {
  if (lines.length) process.stderr.write(`apimc: not used from the APIOps folder:\n${lines.map((l) => `  ${l}\n`).join("")}`);
}

/** `apimc check --apiops DIR`: every problem of the folder and its policies; exit 1 on errors. */
export function checkApiops(source: { dir: string; values?: string }, format: ReportFormat): number {
  let diagnostics: Diagnostic[];
  let ok: boolean;
  try {
    const loaded = loadApiopsFolder(source.dir, { values: source.values });
    if (format === "text") printIgnored(loaded.ignored);
    diagnostics = buildGateway(loaded, "function", undefined, true).diagnostics;
  } catch (e) {
    if (!(e instanceof ApiopsError)) throw e;
    diagnostics = e.diagnostics;
  }
  ok = !diagnostics.some((d) => d.severity === "error");
  if (format === "text") {
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, safeRead(d.file)) + "\n");
    process.stderr.write(ok ? `apimc: ${source.dir} checked: no errors${diagnostics.length ? ` (${diagnostics.length} warning${diagnostics.length === 1 ? "" : "s"})` : ""}\n` : `apimc: ${source.dir}: ${diagnostics.filter((d) => d.severity === "error").length} errors\n`);
  } else {
    const files = [...new Set(diagnostics.map((d) => d.file))].map((file) => ({ file, ok: !diagnostics.some((d) => d.file === file && d.severity === "error") }));
    const report = { version: COMPILER_VERSION, files, diagnostics };
    process.stdout.write((format === "json" ? jsonReport(report) : sarifReport(report)) + "\n");
  }
  return ok ? 0 : 1;
}

export function buildCommand(config: Source, outdir: string, format: "function" | "esm"): number {
  const loaded = loadSource(config);
  if (!loaded) return 1;
  const build = buildGateway(loaded, format);
  for (const d of build.diagnostics) process.stderr.write(formatDiagnostic(d, safeRead(d.file)) + "\n");
  if (!build.ok) return 1;
  const manifest = writeBuild(loaded, build, outdir, format);
  process.stderr.write(`${manifest.modules.length} modules (${format}) and manifest.json written to ${outdir}\n`);
  return 0;
}
