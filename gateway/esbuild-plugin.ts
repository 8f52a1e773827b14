// `apimc/esbuild`: `import policy from "./orders.policy.xml"` compiles the policy at bundle time.
// Diagnostics become esbuild messages with locations; fragments and named values are watched; the
// module's source map is inlined so esbuild chains it back to the XML.
// The modules and the runtime they import are Node ES modules, so the plugin makes a build that does
// not say otherwise one for Node (platform "node", format "esm"), and lets the CommonJS packages the
// runtime bundles (undici) `require` Node's built-ins from an ES module bundle.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { BuildOptions, Plugin, PartialMessage } from "esbuild";
import { compile, fragmentsFromDirectory } from "../compiler/index.js";
import { LineMap } from "../compiler/diagnostics.js";
import type { NamedValueInput } from "../compiler/named-values.js";

export interface ApimcPluginOptions {
  /** Which imports are policies (default: files ending in .policy.xml). */
  filter?: RegExp;
  /**
   * Named values: a JSON file path or the values. A secret one (`{ value, secret: true }`) is not
   * bundled: the module reads it when it loads (call `setNamedValues` from apimc/runtime first).
   */
  namedValues?: string | Record<string, NamedValueInput>;
  /** Folder of `<fragment-id>.xml`. */
  fragments?: string;
  /** Import specifier of the runtime in generated modules (default "apimc/runtime"). */
  runtime?: string;
}

/**
 * esbuild's ES module output calls `require` for bundled CommonJS code and throws "Dynamic require of
 * ... is not supported" without one; this gives the bundle one (esbuild renames a user's own top-level
 * `require` in ES module output, so the name is free).
 */
const REQUIRE_BANNER = `import { createRequire as __apimcCreateRequire } from "node:module"; const require = __apimcCreateRequire(import.meta.url);`;

/** Defaults for what the user's build options leave open (they always win when given). */
function nodeDefaults(o: BuildOptions): void {
  o.platform ??= "node";
  if (o.platform !== "node") return;
  o.format ??= "esm";
  if (o.format !== "esm" || !o.bundle) return;
  const banner = o.banner?.js ?? "";
  if (banner.includes(REQUIRE_BANNER)) return;
  // A hashbang must stay the first line.
  const hashbang = /^#![^\n]*\n?/.exec(banner)?.[0] ?? "";
  o.banner = { ...o.banner, js: `${hashbang}${hashbang && !hashbang.endsWith("\n") ? "\n" : ""}${REQUIRE_BANNER}\n${banner.slice(hashbang.length)}` };
}

export function apimcPlugin(options: ApimcPluginOptions = {}): Plugin {
  const filter = options.filter ?? /\.policy\.xml$/;
  return {
    name: "apimc",
    setup(build) {
      nodeDefaults(build.initialOptions);
      build.onLoad({ filter }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const watchFiles: string[] = [];
        let namedValues: Record<string, NamedValueInput> | undefined;
        const errors: PartialMessage[] = [];
        if (typeof options.namedValues === "string") {
          const nvFile = resolve(options.namedValues);
          watchFiles.push(nvFile);
          try {
            namedValues = JSON.parse(readFileSync(nvFile, "utf8"));
          } catch (e) {
            errors.push({ text: `cannot read named values from ${nvFile}: ${(e as Error).message}` });
            return { errors, watchFiles };
          }
        } else namedValues = options.namedValues;
        const fromDir = options.fragments ? fragmentsFromDirectory(resolve(options.fragments)) : undefined;
        const fragments = fromDir
          ? (id: string) => {
              const f = fromDir(id);
              if (f) watchFiles.push(f.file);
              return f;
            }
          : undefined;
        const r = compile(source, { file: args.path, sourceMap: true, namedValues, fragments, runtime: options.runtime });
        const messages = r.diagnostics.map((d): PartialMessage => {
          const text = d.file === args.path ? source : safeRead(d.file);
          return {
            text: `${d.code}: ${d.message}`,
            location: { file: d.file, line: d.line, column: d.column - 1, lineText: text ? new LineMap(text).lineText(d.line) : undefined },
          };
        });
        const errs = messages.filter((_, i) => r.diagnostics[i]!.severity === "error");
        const warnings = messages.filter((_, i) => r.diagnostics[i]!.severity !== "error");
        if (r.code === null) return { errors: errs, warnings, watchFiles };
        const map = Buffer.from(JSON.stringify(r.map)).toString("base64");
        return { contents: `${r.code}//# sourceMappingURL=data:application/json;base64,${map}\n`, loader: "js", resolveDir: dirname(args.path), warnings, watchFiles };
      });
    },
  };
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
