// Which files the workbench may read and write: the policy and fragment files the running
// configuration loaded, named by their path relative to the configuration's folder. Anything else
// (a path with `..`, an absolute path, a file the configuration does not use, the configuration or
// named-values file itself, a symbolic link that leads out of the folders the configuration uses)
// is refused. A save writes a new file and renames it over the old one, as editors do, so the
// gateway's source watcher sees one change and a reader never sees half a file.
import { lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";

export class FileRefused extends Error {}

/** Whether `child` is `parent` or inside it. */
function inside(parent: string, child: string): boolean {
  const r = relative(parent, child);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
}

/**
 * The absolute file a workbench path names, or FileRefused: `allowed` holds the absolute paths of
 * the configuration's policy and fragment files; `dir` is the configuration's folder.
 */
export function resolvePolicyPath(dir: string, path: unknown, allowed: ReadonlySet<string>): string {
  if (typeof path !== "string" || path === "") throw new FileRefused("path must be a file path relative to the configuration's folder");
  if (path.includes("\0") || path.includes("\\") || isAbsolute(path) || /^[A-Za-z]:/.test(path)) throw new FileRefused("path must be relative to the configuration's folder");
  if (path.split("/").some((seg) => seg === ".." || seg === ".")) throw new FileRefused("path must not contain . or .. segments");
  const file = resolve(dir, path);
  if (!allowed.has(file)) throw new FileRefused(`${path} is not a policy or fragment file of the running configuration`);
  // A symbolic link may only lead to a file inside the configuration's folder or its link's folder.
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return file; // not there (deleted since the load): a save creates it
  }
  if (lstatSync(file).isSymbolicLink() || real !== file) {
    const roots = [safeReal(dir), safeReal(dirname(file))];
    if (!roots.some((r) => inside(r, real))) throw new FileRefused(`${path} is a link to a file outside the configuration's folders`);
  }
  if (!statSync(real).isFile()) throw new FileRefused(`${path} is not a file`);
  return file;
}

function safeReal(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Writes `text` to `file` (through a link, to its target) by renaming a new file over it. */
export function saveFile(file: string, text: string): void {
  let target = file;
  try {
    target = realpathSync(file);
  } catch {
    // a new file
  }
  const tmp = join(dirname(target), `.${basename(target)}.apimc-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: "utf8", mode: fileMode(target) });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function fileMode(file: string): number {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** The configuration's policy and fragment files: what the last load read that is policy XML, but not the configuration itself. */
export function policyFiles(files: readonly string[], configFile: string): Set<string> {
  const out = new Set<string>();
  for (const f of files) if (/\.xml$/i.test(f) && resolve(f) !== resolve(configFile)) out.add(resolve(f));
  return out;
}
