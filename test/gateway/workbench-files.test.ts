// The workbench reads and writes only the policy and fragment files of the running configuration:
// paths with `..`, absolute paths, backslashes, NUL, files the configuration does not use (its own
// gateway.json, the named values with their secrets, other files in its folder) and symbolic links
// that lead out of the configuration's folders are refused with 403, for GET file, POST check and
// PUT file alike, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-wb-files-"));
const outside = mkdtempSync(join(tmpdir(), "apimc-wb-outside-"));
const POLICY = `<policies><inbound><base /></inbound><backend><return-response><set-status code="204" /></return-response></backend></policies>\n`;
const OUTSIDE_TEXT = POLICY.replace("204", "202");

let gw: Gateway;
let base = "";
beforeAll(async () => {
  mkdirSync(join(dir, "p"));
  writeFileSync(join(dir, "p/api.xml"), POLICY);
  writeFileSync(join(dir, "p/inside-target.xml"), POLICY.replace("204", "200"));
  symlinkSync(join(dir, "p/inside-target.xml"), join(dir, "p/inside-link.xml"));
  writeFileSync(join(outside, "policy.xml"), OUTSIDE_TEXT);
  symlinkSync(join(outside, "policy.xml"), join(dir, "p/outside-link.xml"));
  writeFileSync(join(dir, "p/unused.xml"), POLICY);
  writeFileSync(join(dir, "named-values.json"), JSON.stringify({ s: { value: "top-secret-value", secret: true } }));
  writeFileSync(
    join(dir, "gateway.json"),
    JSON.stringify({
      namedValues: "named-values.json",
      apis: [
        { id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9/", policy: "p/api.xml" },
        { id: "in", path: "/in", serviceUrl: "http://127.0.0.1:9/", policy: "p/inside-link.xml" },
        { id: "out", path: "/out", serviceUrl: "http://127.0.0.1:9/", policy: "p/outside-link.xml" },
      ],
    }),
  );
  gw = createGateway({ config: join(dir, "gateway.json"), workbench: true });
  base = `http://127.0.0.1:${(await gw.listen()).port}`;
});
afterAll(async () => {
  await gw.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const HEADERS = { "x-apimc-workbench": "1", "content-type": "application/json" };
async function call(kind: "get" | "check" | "save", path: unknown) {
  const r =
    kind === "get"
      ? await request(`${base}/_apimc/api/file?path=${encodeURIComponent(String(path))}`)
      : await request(`${base}/_apimc/api/${kind === "check" ? "check" : "file"}`, { method: kind === "check" ? "POST" : "PUT", headers: HEADERS, body: JSON.stringify({ path, text: "<policies />" }) });
  expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
  return { status: r.statusCode, body: (await r.body.json()) as { error?: { code: string; message: string }; text?: string } };
}

describe("workbench file access", () => {
  const REFUSED: unknown[] = [
    "../gateway.json",
    "p/../gateway.json",
    "p/../p/api.xml",
    "./p/api.xml",
    "gateway.json",
    "named-values.json",
    "p/unused.xml",
    "p\\api.xml",
    "p/api.xml\u0000.txt",
    join(dir, "p/api.xml"),
    "/etc/passwd",
    "C:/Windows/win.ini",
    "p/outside-link.xml",
    "p/missing.xml",
    "",
  ];
  for (const kind of ["get", "check", "save"] as const)
    it(`${kind}: refuses every path that is not a policy file of the configuration (403 WB_FILE_REFUSED)`, async () => {
      for (const p of REFUSED) {
        const r = await call(kind, p);
        expect(r.status, JSON.stringify(p)).toBe(403);
        expect(r.body.error?.code, JSON.stringify(p)).toBe("WB_FILE_REFUSED");
      }
      for (const p of [42, null, ["p/api.xml"], { path: "p/api.xml" }]) {
        if (kind === "get") continue;
        const r = await call(kind, p);
        expect(r.status, JSON.stringify(p)).toBe(403);
      }
    });

  it("nothing outside was read or written", async () => {
    expect(readFileSync(join(outside, "policy.xml"), "utf8")).toBe(OUTSIDE_TEXT);
    expect(readFileSync(join(dir, "gateway.json"), "utf8")).toContain('"apis"');
    const r = await call("get", "p/outside-link.xml");
    expect(JSON.stringify(r.body)).not.toContain("202");
    const nv = await call("get", "named-values.json");
    expect(JSON.stringify(nv.body)).not.toContain("top-secret-value");
  });

  it("a link to a file inside the configuration's folder is a file of the configuration: read and written through the link", async () => {
    const r = await call("get", "p/inside-link.xml");
    expect(r.status).toBe(200);
    expect(r.body.text).toContain(`code="200"`);
    const text = POLICY.replace("204", "201");
    const s = await request(`${base}/_apimc/api/file`, { method: "PUT", headers: HEADERS, body: JSON.stringify({ path: "p/inside-link.xml", text }) });
    expect(s.statusCode).toBe(200);
    await s.body.dump();
    expect(readFileSync(join(dir, "p/inside-target.xml"), "utf8")).toBe(text);
  });

  it("the configuration's files are listed by their relative paths; gateway.json and the named values are not", async () => {
    const r = await request(`${base}/_apimc/api/config`);
    const body = (await r.body.json()) as { files: string[] };
    expect(body.files).toEqual(["p/api.xml", "p/inside-link.xml", "p/outside-link.xml"]);
  });
});
