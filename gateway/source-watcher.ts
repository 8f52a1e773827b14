// Watches the files a gateway was built from by watching their directories, not the files: editors
// and `sed -i` save by renaming a new file over the old one, and a delete or a move takes the file's
// inode away, so a watch on the file itself goes deaf (or throws ENOENT) after one such save. A
// directory watch sees every name come and go; events are filtered by the names that matter and
// debounced into one change. A directory that is gone (or cannot be watched) is checked for again
// every `pollMs` until it is back. Nothing here throws into the event loop: problems are reported
// to `onProblem`, once per loss.
import { watch, lstatSync, statSync, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";

export interface SourceWatcherOptions {
  /** Quiet time after the last event before `onChange` runs (a save is often several events). */
  debounceMs?: number;
  /** How often a missing directory is looked for. */
  pollMs?: number;
  /** A directory could not be watched (gone, not a directory, no permission); told once per loss. */
  onProblem?: (message: string) => void;
}

/** Which names in a directory matter: a set of names, or a test (a folder of fragments). */
type NameFilter = Set<string> | ((name: string) => boolean);

interface DirWatch {
  accepts: NameFilter;
  watcher: FSWatcher | null;
  /** The watched directory's identity: a directory moved away and another put in its place differ. */
  ino: number;
  poll: NodeJS.Timeout | null;
}

export class SourceWatcher {
  private readonly dirs = new Map<string, DirWatch>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly debounceMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly onChange: () => void,
    private readonly opts: SourceWatcherOptions = {},
  ) {
    this.debounceMs = opts.debounceMs ?? 100;
    this.pollMs = opts.pollMs ?? 250;
  }

  /**
   * Sets what is watched: these files (by name in their directory) and every file whose name
   * `folders` accepts in those folders. Directories still wanted keep their watch (no window in
   * which an event is lost); the others are let go.
   */
  set(files: Iterable<string>, folders: Iterable<[dir: string, accepts: (name: string) => boolean]> = []): void {
    if (this.closed) return;
    const wanted = new Map<string, NameFilter>();
    const anyName = () => true;
    for (const f of files) {
      const file = resolve(f);
      const dir = dirname(file);
      const names = wanted.get(dir);
      // A symbolic link changes when any link of its chain is swapped (a Kubernetes ConfigMap
      // renames its `..data` link), under another name: every name in that folder matters.
      if (isSymlink(file)) wanted.set(dir, anyName);
      else if (names instanceof Set) names.add(basename(file));
      else if (!names) wanted.set(dir, new Set([basename(file)]));
    }
    for (const [d, accepts] of folders) {
      const dir = resolve(d);
      const names = wanted.get(dir);
      // A folder shared with named files accepts both.
      wanted.set(dir, !names ? accepts : names instanceof Set ? (n) => names.has(n) || accepts(n) : (n) => names(n) || accepts(n));
    }
    for (const [dir, w] of this.dirs) if (!wanted.has(dir)) this.release(dir, w);
    for (const [dir, accepts] of wanted) {
      const w = this.dirs.get(dir);
      if (w) w.accepts = accepts;
      else {
        const fresh: DirWatch = { accepts, watcher: null, ino: -1, poll: null };
        this.dirs.set(dir, fresh);
        this.start(dir, fresh, false);
      }
    }
  }

  /** The directories watched now (a missing one is being looked for). */
  watched(): { dir: string; present: boolean }[] {
    return [...this.dirs].map(([dir, w]) => ({ dir, present: w.watcher !== null }));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const [dir, w] of this.dirs) this.release(dir, w);
  }

  private start(dir: string, w: DirWatch, returning: boolean): void {
    try {
      const st = statSync(dir);
      if (!st.isDirectory()) throw Object.assign(new Error("it is not a directory"), { code: "ENOTDIR" });
      // Not persistent: the server keeps the process alive; a watch alone must not.
      const watcher = watch(dir, { persistent: false }, (_event, name) => this.event(dir, w, name));
      watcher.on("error", (e) => this.lost(dir, w, e));
      w.watcher = watcher;
      w.ino = st.ino;
      // Back after a loss: what is in it now may differ from the last build.
      if (returning) this.schedule();
    } catch (e) {
      this.lost(dir, w, e as Error, !returning);
    }
  }

  private event(dir: string, w: DirWatch, name: string | Buffer | null): void {
    if (this.dirs.get(dir) !== w) return;
    // The directory itself moved or was deleted (inotify reports that as an event about it).
    if (!this.sameDirectory(dir, w)) {
      this.lost(dir, w, Object.assign(new Error("it was moved or deleted"), { code: "ENOENT" }));
      return;
    }
    const n = name === null ? null : String(name);
    // Some platforms give no name: anything may have changed.
    if (n === null || (w.accepts instanceof Set ? w.accepts.has(n) : w.accepts(n))) this.schedule();
  }

  private sameDirectory(dir: string, w: DirWatch): boolean {
    try {
      const st = statSync(dir);
      return st.isDirectory() && st.ino === w.ino;
    } catch {
      return false;
    }
  }

  /** The watch is gone: say so once, treat it as a change (files went with it), look for it again. */
  private lost(dir: string, w: DirWatch, e: Error, quiet = false): void {
    if (this.dirs.get(dir) !== w || w.poll) return;
    w.watcher?.close();
    w.watcher = null;
    // A folder missing when the watch is set up is a file the build already reported missing.
    if (!quiet || (e as NodeJS.ErrnoException).code !== "ENOENT") this.opts.onProblem?.(`cannot watch ${dir}: ${e.message}; looking for it again every ${this.pollMs} ms`);
    if (!quiet) this.schedule();
    w.poll = setInterval(() => {
      if (this.dirs.get(dir) !== w || this.closed) return;
      try {
        if (!statSync(dir).isDirectory()) return;
      } catch {
        return;
      }
      clearInterval(w.poll!);
      w.poll = null;
      this.start(dir, w, true);
    }, this.pollMs);
    w.poll.unref();
  }

  private release(dir: string, w: DirWatch): void {
    w.watcher?.close();
    w.watcher = null;
    if (w.poll) clearInterval(w.poll);
    w.poll = null;
    this.dirs.delete(dir);
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.closed) this.onChange();
    }, this.debounceMs);
    this.timer.unref();
  }
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
