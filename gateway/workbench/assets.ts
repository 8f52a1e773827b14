// The workbench page's files: `dist/workbench/` of the package (index.html, and the esbuild bundle
// `npm run build` writes there), served from the package itself, never from a CDN. Until the page
// is built a short placeholder says how to build it.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The page may load its own scripts and styles only (CodeMirror adds style elements, hence
 * 'unsafe-inline' for styles, never for scripts), talk to this origin only, and not be framed.
 */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** `dist/workbench` of the apimc package this file belongs to (the source tree's or the installed package's). */
export function defaultAssetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "apimc") return join(dir, "dist", "workbench");
      } catch {
        // not the package's
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(process.cwd(), "dist", "workbench");
}

export interface Asset {
  type: string;
  body: Buffer;
}

/** A file of the page by its plain name (`workbench.js`); null for anything else or a file that is not there. */
export function readAsset(dir: string, name: string): Asset | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes("..")) return null;
  const ext = /\.[a-z0-9]+$/i.exec(name)?.[0].toLowerCase() ?? "";
  const type = TYPES[ext];
  if (!type) return null;
  // The bundle may sit next to index.html or in an assets/ folder.
  for (const file of [join(dir, name), join(dir, "assets", name)]) {
    try {
      return { type, body: readFileSync(file) };
    } catch {
      // try the next place
    }
  }
  return null;
}

/** index.html, or the placeholder when the page is not built. */
export function readIndex(dir: string): Asset {
  try {
    return { type: TYPES[".html"]!, body: readFileSync(join(dir, "index.html")) };
  } catch {
    return { type: TYPES[".html"]!, body: Buffer.from(PLACEHOLDER) };
  }
}

const PLACEHOLDER = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>apimc workbench</title></head>
<body>
<h1>apimc workbench</h1>
<p>The workbench page is not built in this copy of apimc: run <code>npm run build</code> (it writes <code>dist/workbench/</code>) and reload.</p>
<p>The API answers already: <a href="api/config">api/config</a>, <a href="api/requests">api/requests</a>.</p>
</body>
</html>
`;
