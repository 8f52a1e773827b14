// The `apimc` command: compile and check policy documents.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { compile, formatDiagnostic, fragmentsFromDirectory, type Diagnostic } from "./index.js";

const USAGE = `usage:
  apimc compile <policy.xml>... [-o out.mjs | --outdir dir] [--sourcemap] [--named-values nv.json] [--fragments dir] [--snippets]
  apimc check <policy.xml>... [--named-values nv.json] [--fragments dir] [--snippets]

  check     prints diagnostics; exit 0 when clean, 1 on errors
  compile   writes one ES module per policy (next to it, to -o, or into --outdir)
  --snippets  compile a root other than <policies> as the inbound section (documentation snippets)
`;

interface Args {
  cmd: string;
  files: string[];
  out?: string;
  outdir?: string;
  sourcemap: boolean;
  namedValues?: string;
  fragments?: string;
  snippets: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "-h" || cmd === "--help") return USAGE;
  const a: Args = { cmd, files: [], sourcemap: false, snippets: false };
  for (let i = 0; i < rest.length; i++) {
    const x = rest[i]!;
    const next = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${x} needs a value`);
      return v;
    };
    if (x === "-o" || x === "--out") a.out = next();
    else if (x === "--outdir") a.outdir = next();
    else if (x === "--sourcemap") a.sourcemap = true;
    else if (x === "--named-values") a.namedValues = next();
    else if (x === "--fragments") a.fragments = next();
    else if (x === "--snippets") a.snippets = true;
    else if (x.startsWith("-")) throw new UsageError(`unknown option ${x}`);
    else a.files.push(x);
  }
  if (a.cmd !== "compile" && a.cmd !== "check") throw new UsageError(`unknown command '${a.cmd}'`);
  if (a.files.length === 0) throw new UsageError("no policy files given");
  if (a.out && a.files.length > 1) throw new UsageError("-o takes one input file; use --outdir for several");
  return a;
}

class UsageError extends Error {}

export function main(argv: string[]): number {
  let args: Args | string;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`apimc: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (typeof args === "string") {
    process.stdout.write(args);
    return 0;
  }
  let namedValues: Record<string, string> | undefined;
  if (args.namedValues) {
    try {
      namedValues = JSON.parse(readFileSync(args.namedValues, "utf8"));
    } catch (e) {
      process.stderr.write(`apimc: cannot read named values from ${args.namedValues}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let errors = 0;
  let clean = 0;
  for (const file of args.files) {
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (e) {
      process.stderr.write(`apimc: cannot read ${file}: ${(e as Error).message}\n`);
      errors++;
      continue;
    }
    const r = compile(source, { file, sourceMap: args.sourcemap, namedValues, allowSnippets: args.snippets, fragments: args.fragments ? fragmentsFromDirectory(args.fragments) : undefined });
    print(r.diagnostics, source);
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
  if (args.files.length > 1) process.stderr.write(`${clean} of ${args.files.length} files compiled without errors\n`);
  return errors ? 1 : 0;
}

function print(diags: Diagnostic[], source: string): void {
  for (const d of diags) process.stderr.write(formatDiagnostic(d, d.file === diags[0]?.file ? source : safeRead(d.file)) + "\n");
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
