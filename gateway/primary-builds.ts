// `apimc serve --workers N`: the primary's good builds, written where the workers load them from
// (the `apimc build` format that `serve --prebuilt` loads), so the configuration is compiled once,
// in the primary, not once a worker. One private directory a gateway; a build a subdirectory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBuild, type GatewayBuild } from "./build.js";
import type { LoadedConfig } from "./config.js";

/** How many builds stay on disk: the one serving and the one before (a worker may still be loading it). */
const KEEP = 2;

export class PrimaryBuilds {
  private root: string | null = null;
  private builds: string[] = [];
  private next = 1;

  /** Writes a build; returns its directory. */
  write(loaded: LoadedConfig, build: GatewayBuild): string {
    this.root ??= mkdtempSync(join(tmpdir(), `apimc-primary-${process.pid}-`));
    const dir = join(this.root, String(this.next++));
    writeBuild(loaded, build, dir, "function");
    this.builds.push(dir);
    while (this.builds.length > KEEP) rmSync(this.builds.shift()!, { recursive: true, force: true });
    return dir;
  }

  /** The directory of the last build written. */
  current(): string | undefined {
    return this.builds.at(-1);
  }

  dispose(): void {
    if (this.root) rmSync(this.root, { recursive: true, force: true });
    this.root = null;
    this.builds = [];
  }
}
