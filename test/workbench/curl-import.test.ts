// "Import a curl line" (gateway/workbench/page/curl.ts): commands as people paste them (a terminal,
// a browser's "copy as cURL" in its POSIX and Windows forms, the APIM portal's test console), every
// quoting form of sh, every option that carries the request, and the ones it cannot import.
import { describe, expect, it } from "vitest";
import { CurlParseError, parseCurl, pathOf, shellWords } from "../../gateway/workbench/page/curl.js";
import { PAYLOADS } from "../hostile/payloads.js";

/** How sh would quote a word: '…' with each ' as '\'' (what curl-from-browser tools write). */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** "…" with \ " $ ` escaped. */
const dq = (s: string) => `"${s.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
/** $'…' with C escapes for everything that is not printable ASCII, and \\ \'. */
const ansi = (s: string) =>
  `$'${[...s].map((c) => (c === "\\" ? "\\\\" : c === "'" ? "\\'" : /[\x20-\x7e]/.test(c) ? c : c.codePointAt(0)! <= 0xffff ? `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}` : `\\U${c.codePointAt(0)!.toString(16).padStart(8, "0")}`)).join("")}'`;
/** Backslash before every character that sh treats specially. */
const bs = (s: string) => s.replace(/[^A-Za-z0-9_\-./:=@,]/g, (c) => (c === "\n" ? "'\n'" : `\\${c}`));

describe("shell words", () => {
  // Every hostile payload (that a shell word can carry: no NUL, no lone surrogate in $'…') in every quoting form comes back unchanged.
  const texts = Object.entries(PAYLOADS).filter(([k]) => k !== "nul" && k !== "loneSurrogates");
  const quotings: [string, (s: string) => string][] = [["single", sq], ["double", dq], ["ansi-c", ansi], ["backslash", bs]];
  for (const [qname, quote] of quotings) {
    it.each(texts)(`%s round-trips through ${qname} quotes`, (_name, text) => {
      expect(shellWords(`curl ${quote(text)} ${quote("x y")}`)).toEqual(["curl", text, "x y"]);
    });
  }
  it("joins adjacent quoted parts into one word and continues lines after \\ and ^", () => {
    expect(shellWords(`a'b'"c"d\\ e`)).toEqual(["abcd e"]);
    expect(shellWords("curl \\\n  -H 'A: 1' \\\r\n  http://x/")).toEqual(["curl", "-H", "A: 1", "http://x/"]);
    expect(shellWords("curl ^\n  http://x/")).toEqual(["curl", "http://x/"]);
    expect(shellWords(`""`)).toEqual([""]);
  });
  it.each([`curl 'abc`, `curl "abc`, `curl $'abc`])("an unclosed quote is an error: %s", (line) => {
    expect(() => shellWords(line)).toThrow(CurlParseError);
  });
});

describe("parseCurl", () => {
  it("a browser's copy as cURL: method, headers, --data-raw, the path on this gateway", () => {
    const r = parseCurl(`curl 'https://contoso.azure-api.net/shop/items?top=5&x=%20y' \\
  -X 'PUT' \\
  -H 'accept: application/json' \\
  -H 'Ocp-Apim-Subscription-Key: demo-key' \\
  --data-raw '{"name":"it'\\''s"}' \\
  --compressed`);
    expect(r).toEqual({
      method: "PUT",
      url: "https://contoso.azure-api.net/shop/items?top=5&x=%20y",
      path: "/shop/items?top=5&x=%20y",
      // curl sends a -d body as a form unless told otherwise.
      headers: [["accept", "application/json"], ["Ocp-Apim-Subscription-Key", "demo-key"], ["Content-Type", "application/x-www-form-urlencoded"]],
      body: `{"name":"it's"}`,
      warnings: [],
    });
  });

  // The request each spelling of the same options makes (short, long, joined).
  const spellings: [string, string][] = [
    ["-X POST -H 'A: 1' -d x=1", "short"],
    ["--request POST --header 'A: 1' --data x=1", "long"],
    ["-XPOST -H'A: 1' -dx=1", "joined"],
    ["--request=POST --header 'A: 1' --data x=1".replace("--request=POST", "--request POST"), "long again"],
  ];
  it.each(spellings)("%s (%s)", (opts) => {
    const r = parseCurl(`curl ${opts} http://127.0.0.1:8080/api/orders`);
    expect(r.method).toBe("POST");
    expect(r.headers).toEqual([["A", "1"], ["Content-Type", "application/x-www-form-urlencoded"]]);
    expect(r.body).toBe("x=1");
    expect(r.path).toBe("/api/orders");
  });

  it("the method follows curl: GET without a body, POST with one, HEAD with -I, -X wins", () => {
    expect(parseCurl("curl http://h/a").method).toBe("GET");
    expect(parseCurl("curl -d a http://h/a").method).toBe("POST");
    expect(parseCurl("curl --data-binary a http://h/a").method).toBe("POST");
    expect(parseCurl("curl -I http://h/a").method).toBe("HEAD");
    expect(parseCurl("curl -X delete -d a http://h/a").method).toBe("DELETE");
    expect(parseCurl("curl -X PATCH http://h/a").method).toBe("PATCH");
  });

  it("several -d join with & (as curl sends them); -G moves them to the query", () => {
    expect(parseCurl("curl -d a=1 -d b=2 http://h/x").body).toBe("a=1&b=2");
    const g = parseCurl("curl -G -d a=1 -d b=2 http://h/x?c=3");
    expect(g).toMatchObject({ method: "GET", body: "", path: "/x?c=3&a=1&b=2" });
  });

  it("--data-urlencode encodes the value part", () => {
    expect(parseCurl("curl --data-urlencode 'q=a b&c' --data-urlencode '=x y' http://h/").body).toBe("q=a%20b%26c&x%20y");
  });

  it("--json sets the body and JSON content type and accept (unless given)", () => {
    expect(parseCurl(`curl --json '{"a":1}' http://h/j`)).toMatchObject({ method: "POST", body: `{"a":1}`, headers: [["Content-Type", "application/json"], ["Accept", "application/json"]] });
    expect(parseCurl(`curl --json '{}' -H 'Accept: text/plain' http://h/j`).headers).toEqual([["Accept", "text/plain"], ["Content-Type", "application/json"]]);
    expect(parseCurl(`curl -H 'content-type: application/xml' -d '<a/>' http://h/j`).headers).toEqual([["content-type", "application/xml"]]);
  });

  it("-u, -A, -e and -b become the headers curl would send", () => {
    const r = parseCurl("curl -u 'ana:pa ss' -A agent/1 -e http://ref/ -b 'a=1; b=2' http://h/");
    expect(r.headers).toEqual([
      ["Authorization", `Basic ${Buffer.from("ana:pa ss").toString("base64")}`],
      ["User-Agent", "agent/1"],
      ["Referer", "http://ref/"],
      ["Cookie", "a=1; b=2"],
    ]);
    expect(parseCurl("curl -u 'zoë:ü' http://h/").headers[0]![1]).toBe(`Basic ${Buffer.from("zoë:ü", "utf8").toString("base64")}`);
  });

  it("header values keep their colons and quotes; `Name;` is an empty header, `Name:` none", () => {
    const r = parseCurl(`curl -H 'X-Time: 12:00:01' -H "X-Q: \\"q\\"" -H 'X-Empty;' -H 'X-Removed:' http://h/`);
    expect(r.headers).toEqual([["X-Time", "12:00:01"], ["X-Q", `"q"`], ["X-Empty", ""]]);
  });

  it("the URL: --url, without a scheme, host only, with a fragment", () => {
    expect(parseCurl("curl --url http://h/a/b?c").path).toBe("/a/b?c");
    expect(parseCurl("curl h:8080/a").path).toBe("/a");
    expect(parseCurl("curl http://h").path).toBe("/");
    expect(parseCurl("curl http://h?x=1").path).toBe("/?x=1");
    expect(parseCurl("curl 'http://h/a#frag'").path).toBe("/a");
    expect(pathOf("/already/a/path?x")).toBe("/already/a/path?x");
  });

  it("transport and output options are skipped with their values; unknown ones are reported", () => {
    const r = parseCurl("curl -s -S -k -L -v -i -o out.json -m 5 --connect-timeout 2 -w '%{http_code}' --retry 3 --frobnicate http://h/a");
    expect(r).toMatchObject({ method: "GET", path: "/a", body: "" });
    expect(r.warnings).toEqual(["The option --frobnicate was ignored."]);
  });

  it("what cannot be imported is said, not guessed: a body from a file, a form, a second URL", () => {
    expect(parseCurl("curl -d @body.json http://h/").warnings[0]).toMatch(/file body\.json/);
    expect(parseCurl("curl --data-raw @literal http://h/").body).toBe("@literal");
    expect(parseCurl("curl -F f=@a.png http://h/").warnings[0]).toMatch(/form or file upload/);
    expect(parseCurl("curl http://h/a http://h/b").warnings[0]).toMatch(/extra argument/);
  });

  it("errors: no URL, an option without its value, without the leading curl too", () => {
    expect(() => parseCurl("curl -H 'A: 1'")).toThrow(/No URL/);
    expect(() => parseCurl("curl http://h/ -H")).toThrow(/-H needs a value/);
    expect(parseCurl("-X POST http://h/p").method).toBe("POST");
  });

  it("hostile payloads in headers and bodies arrive as written", () => {
    for (const [name, p] of Object.entries(PAYLOADS)) {
      if (name === "nul" || name === "loneSurrogates" || name === "lineSeparators") continue;
      const r = parseCurl(`curl -H ${sq(`X-P: ${p}`)} --data-raw ${sq(p)} http://h/x`);
      expect(r.headers[0], name).toEqual(["X-P", p.trim()]);
      expect(r.body, name).toBe(p);
    }
  });
});
