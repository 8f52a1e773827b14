// "Import a curl line": a curl command (as copied from a terminal, a browser's "copy as cURL" or the
// APIM portal) becomes a request for the builder. Only the request is read (method, URL, headers,
// body); options about transport or output are ignored, and what cannot be imported (a body from a
// file, a form upload) is said in `warnings` instead of being guessed.

export interface CurlRequest {
  method: string;
  /** The URL as written (may be absolute). */
  url: string;
  /** Path and query: where the request goes on this gateway. */
  path: string;
  headers: [string, string][];
  body: string;
  /** What was not imported, one sentence each. */
  warnings: string[];
}

export class CurlParseError extends Error {}

/**
 * Splits a shell command line into words as POSIX sh would: '…' literal, "…" with \" \\ \$ \` escapes,
 * $'…' with C escapes, backslash escapes outside quotes, backslash-newline (and a Windows `^` line end)
 * continuing the line.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i]!;
    if (c === "\\" && (line[i + 1] === "\n" || (line[i + 1] === "\r" && line[i + 2] === "\n"))) {
      i += line[i + 1] === "\n" ? 2 : 3;
      continue;
    }
    if (c === "^" && !inWord && /^\^\r?\n/.test(line.slice(i))) {
      i += line[i + 1] === "\n" ? 2 : 3;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new CurlParseError("A single quote (') is not closed.");
      cur += line.slice(i + 1, end);
      i = end + 1;
    } else if (c === "$" && line[i + 1] === "'") {
      i += 2;
      let closed = false;
      while (i < n) {
        const d = line[i]!;
        if (d === "'") {
          closed = true;
          i++;
          break;
        }
        if (d === "\\" && i + 1 < n) {
          const [text, used] = cEscape(line, i + 1);
          cur += text;
          i += 1 + used;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) throw new CurlParseError("A $'…' quote is not closed.");
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === "\\" && i + 1 < n && '"\\$`\n'.includes(line[i + 1]!)) {
          if (line[i + 1] !== "\n") cur += line[i + 1];
          i += 2;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) throw new CurlParseError('A double quote (") is not closed.');
    } else if (c === "\\" && i + 1 < n) {
      cur += line[i + 1];
      i += 2;
    } else {
      cur += c;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** A C escape of $'…' starting after the backslash: the text and how many characters it used. */
function cEscape(s: string, i: number): [string, number] {
  const c = s[i]!;
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
  if (c in simple) return [simple[c]!, 1];
  const hex = (re: RegExp): [string, number] | null => {
    const m = re.exec(s.slice(i + 1));
    return m ? [String.fromCodePoint(parseInt(m[0], 16)), 1 + m[0].length] : null;
  };
  if (c === "x") return hex(/^[0-9a-fA-F]{1,2}/) ?? ["\\x", 1];
  if (c === "u") return hex(/^[0-9a-fA-F]{1,4}/) ?? ["\\u", 1];
  if (c === "U") return hex(/^[0-9a-fA-F]{1,8}/) ?? ["\\U", 1];
  const oct = /^[0-7]{1,3}/.exec(s.slice(i));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), oct[0].length];
  return ["\\" + c, 1];
}

/** Options that take a value and do not change the request (transport, output, retries). */
const IGNORED_WITH_VALUE = new Set([
  "-o", "--output", "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "--retry", "--retry-delay", "--retry-max-time",
  "-x", "--proxy", "-U", "--proxy-user", "--cacert", "--capath", "-E", "--cert", "--key", "--cert-type", "--key-type", "--resolve",
  "--connect-to", "-c", "--cookie-jar", "--limit-rate", "-y", "--speed-time", "-Y", "--speed-limit", "--interface", "--dns-servers",
  "-D", "--dump-header", "--trace", "--trace-ascii", "--max-redirs", "--ciphers", "--tls-max", "--expect100-timeout",
]);
/** Flags without a value that do not change the request. */
const IGNORED_FLAGS = new Set([
  "-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i", "--include", "-k", "--insecure", "-L", "--location",
  "--compressed", "-f", "--fail", "--fail-with-body", "-N", "--no-buffer", "-#", "--progress-bar", "-q", "--http1.1", "--http2",
  "--http1.0", "-0", "--tr-encoding", "--no-keepalive", "--globoff", "-g", "--location-trusted", "--raw", "--path-as-is", "-O",
  "--remote-name", "-J", "--remote-header-name", "-4", "-6", "--ipv4", "--ipv6", "--ssl", "--tlsv1.2", "--tlsv1.3", "--http3",
]);
const DATA = new Set(["-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode"]);
/** Short options that take a value and may be written joined to it (`-XPOST`, `-HAccept:x`). */
const SHORT_WITH_VALUE = new Set(["-X", "-H", "-d", "-u", "-A", "-e", "-b", "-F", "-T", "-o", "-m", "-w", "-x", "-E", "-c", "-D", "-U", "-y", "-Y"]);

/** Reads a curl command line (with or without the leading `curl`) into a request. */
export function parseCurl(line: string): CurlRequest {
  const words = shellWords(line.trim());
  if (words[0] === "curl" || words[0]?.endsWith("/curl") || words[0] === "curl.exe") words.shift();
  let method: string | null = null;
  let url: string | null = null;
  const headers: [string, string][] = [];
  const data: string[] = [];
  let json = false;
  let head = false;
  let get = false;
  const warnings: string[] = [];
  const value = (opt: string, k: number): string => {
    if (k >= words.length) throw new CurlParseError(`${opt} needs a value.`);
    return words[k]!;
  };
  for (let k = 0; k < words.length; k++) {
    let w = words[k]!;
    let attached: string | null = null;
    // -XPOST, -H'X: y', -dbody: a short option joined to its value.
    if (/^-[A-Za-z]./.test(w) && SHORT_WITH_VALUE.has(w.slice(0, 2))) {
      attached = w.slice(2);
      w = w.slice(0, 2);
    }
    const take = (): string => (attached !== null ? attached : value(w, ++k));
    if (w === "-X" || w === "--request") method = take().toUpperCase();
    else if (w === "-H" || w === "--header") {
      const h = take();
      const colon = h.indexOf(":");
      if (colon <= 0) {
        // `-H "X-Empty;"` sends an empty header; `-H "Name:"` removes one (nothing to import).
        if (h.endsWith(";") && h.length > 1) headers.push([h.slice(0, -1).trim(), ""]);
        else warnings.push(`The header "${h}" has no "name: value" form; it was left out.`);
        continue;
      }
      const name = h.slice(0, colon).trim();
      const v = h.slice(colon + 1).trim();
      if (v === "") continue;
      headers.push([name, v]);
    } else if (DATA.has(w)) {
      const d = take();
      if (d.startsWith("@") && w !== "--data-raw") {
        warnings.push(`The body comes from the file ${d.slice(1)}, which the page cannot read; paste the body instead.`);
        continue;
      }
      data.push(w === "--data-urlencode" ? urlencodeData(d) : d);
    } else if (w === "--json") {
      const d = take();
      if (d.startsWith("@")) {
        warnings.push(`The body comes from the file ${d.slice(1)}, which the page cannot read; paste the body instead.`);
        continue;
      }
      data.push(d);
      json = true;
    } else if (w === "-u" || w === "--user") headers.push(["Authorization", `Basic ${base64(take())}`]);
    else if (w === "-A" || w === "--user-agent") headers.push(["User-Agent", take()]);
    else if (w === "-e" || w === "--referer") headers.push(["Referer", take()]);
    else if (w === "-b" || w === "--cookie") {
      const c = take();
      if (c.includes("=")) headers.push(["Cookie", c]);
      else warnings.push(`Cookies from the file ${c} cannot be read; they were left out.`);
    } else if (w === "-I" || w === "--head") head = true;
    else if (w === "-G" || w === "--get") get = true;
    else if (w === "--url") url = take();
    else if (w === "-F" || w === "--form" || w === "-T" || w === "--upload-file") {
      take();
      warnings.push(`${w} (a form or file upload) cannot be imported; write the body in the builder.`);
    } else if (IGNORED_WITH_VALUE.has(w)) take();
    else if (IGNORED_FLAGS.has(w)) continue;
    else if (w.startsWith("-") && w.length > 1) warnings.push(`The option ${w} was ignored.`);
    else if (url === null) url = w;
    else warnings.push(`The extra argument "${w}" was ignored (only one URL is imported).`);
  }
  if (url === null) throw new CurlParseError("No URL found in the curl command.");
  let body = data.join("&");
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (get && data.length) {
    url += (url.includes("?") ? "&" : "?") + body;
    body = "";
  } else if (json) {
    if (!has("content-type")) headers.push(["Content-Type", "application/json"]);
    if (!has("accept")) headers.push(["Accept", "application/json"]);
  } else if (data.length && !has("content-type")) headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
  const m = method ?? (head ? "HEAD" : body !== "" || (data.length > 0 && !get) ? "POST" : "GET");
  return { method: m, url, path: pathOf(url), headers, body, warnings };
}

/** The path and query of a URL as curl reads it (scheme optional), "/" when it has none. */
export function pathOf(url: string): string {
  let rest = url;
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  else if (rest.startsWith("/")) return stripFragment(rest);
  const slash = rest.search(/[/?#]/);
  if (slash === -1) return "/";
  const tail = stripFragment(rest.slice(slash));
  return tail.startsWith("/") ? tail : `/${tail}`;
}

function stripFragment(s: string): string {
  const hash = s.indexOf("#");
  return hash === -1 ? s : s.slice(0, hash);
}

/** curl's --data-urlencode forms: `content`, `=content`, `name=content` (the file forms are refused above). */
function urlencodeData(d: string): string {
  const eq = d.indexOf("=");
  if (eq === -1) return encodeURIComponent(d);
  if (eq === 0) return encodeURIComponent(d.slice(1));
  return `${d.slice(0, eq)}=${encodeURIComponent(d.slice(eq + 1))}`;
}

/** Base64 of the UTF-8 bytes (browser and Node alike). */
function base64(s: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}
