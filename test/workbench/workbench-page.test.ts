// The workbench page in a real browser (chromium driven by playwright-core) against a real gateway
// (createGateway with the workbench on, watching its files) and a real backend on 127.0.0.1: type a
// mistake into a policy and see the diagnostic at its line with its reference page, fix it, save
// (the gateway reloads), send a request and walk its trace with the example's values, open a step and
// see its policy lines and the generated code, import a curl command, re-run from the history. Hostile
// payloads in headers, bodies and policy text show as text: no element or script is ever injected.
// The README's screenshots come from these tests (APIMC_SCREENSHOTS=1 writes them to docs/workbench/).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";
import { PAYLOADS } from "../hostile/payloads.js";
import { launchChromium } from "./browser.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "apimc-wb-page-"));
const assets = join(dir, "assets");
const shots = process.env.APIMC_SCREENSHOTS === "1" ? join(ROOT, "docs/workbench") : join(dir, "shots");
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

/** Markup that would run or make an element if the page ever rendered data as HTML. */
const HTML_PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<svg onload="window.__pwned='svg'"></svg>`,
  `"><script>window.__pwned='script'</script>`,
  `<iframe src="javascript:window.__pwned='iframe'"></iframe>`,
  `</textarea><b onmouseover="window.__pwned='b'">x</b>`,
];
const IMG = HTML_PAYLOADS[0]!;

const GLOBAL = `<policies>
  <inbound>
    <include-fragment fragment-id="stamp" />
  </inbound>
  <backend>
    <forward-request timeout="5" />
  </backend>
  <outbound />
  <on-error />
</policies>
`;
const FRAGMENT = `<fragment>
  <set-header name="X-Stamp" exists-action="override">
    <value>stamped</value>
  </set-header>
</fragment>
`;
// The comment and the X-Note value carry markup (as XML text): the editor must show it as text.
const ORDERS = `<!-- Orders: who is calling decides the role. ${IMG.replace(/--/g, "")} -->
<policies>
  <inbound>
    <base />
    <set-variable name="who" value="@(context.Request.Headers.GetValueOrDefault(&quot;X-Who&quot;, &quot;nobody&quot;))" />
    <choose>
      <when condition="@((string)context.Variables[&quot;who&quot;] == &quot;admin&quot;)">
        <set-header name="X-Role" exists-action="override">
          <value>administrator</value>
        </set-header>
      </when>
      <otherwise>
        <set-header name="X-Role" exists-action="override">
          <value>guest</value>
        </set-header>
      </otherwise>
    </choose>
    <set-header name="X-Note" exists-action="override">
      <value>${IMG.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</value>
    </set-header>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
</policies>
`;
// Fails in set-variable (int.Parse of the X-N header): the trace's error step with every LastError field.
const BOOM = `<policies>
  <inbound>
    <base />
    <set-variable name="n" value="@(int.Parse(context.Request.Headers.GetValueOrDefault(&quot;X-N&quot;, &quot;x&quot;)))" />
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error>
    <set-header name="X-Failed" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>
  </on-error>
</policies>
`;
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

let backend: TestServer;
let gw: Gateway;
let browser: Browser;
let page: Page;
let base = "";
let builds = 0;
const pageErrors: string[] = [];

beforeAll(async () => {
  // The page as `npm run build` makes it, from this checkout's sources.
  execFileSync(process.execPath, ["scripts/build-workbench.mjs", assets], { cwd: ROOT, stdio: "pipe" });
  mkdirSync(shots, { recursive: true });
  backend = await startServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ url: req.url, role: req.headers["x-role"] ?? null, stamp: req.headers["x-stamp"] ?? null }));
  });
  write("global.xml", GLOBAL);
  write("fragments/stamp.xml", FRAGMENT);
  write("orders.xml", ORDERS);
  write("boom.xml", BOOM);
  write(
    "gateway.json",
    JSON.stringify({
      policy: "global.xml",
      fragments: "fragments",
      apis: [{ id: "orders", name: "Orders", path: "/orders", serviceUrl: backend.url, policy: "orders.xml", subscriptionRequired: false, operations: [{ id: "get-order", method: "GET", urlTemplate: "/{id}" }, { id: "add-order", method: "POST", urlTemplate: "/{id}" }] },
        { id: "boom", name: "Boom", path: "/boom", serviceUrl: backend.url, policy: "boom.xml", subscriptionRequired: false },
      ],
    }),
  );
  gw = createGateway({ config: join(dir, "gateway.json"), watch: true, workbench: { traceAll: true, assets }, onBuild: () => builds++ });
  const addr = await gw.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${addr.port}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gw?.close();
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Nothing the page shows was turned into markup: no injected element, handler attribute or script ran. (Browser code as text: this file has no DOM types.) */
async function expectNoInjection(): Promise<void> {
  const found = await page.evaluate(`({
    pwned: window.__pwned ?? null,
    elements: [...document.querySelectorAll("img, svg, iframe, object, embed, b")].map((e) => e.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + " " + a.name)),
    scripts: [...document.scripts].map((s) => s.src.replace(location.origin, "")),
  })`);
  expect(found).toEqual({ pwned: null, elements: [], handlers: [], scripts: ["/_apimc/assets/workbench.js"] });
}

/** Selects `word` on an editor line with the keyboard (End, then left) and types over it, as a person would. */
async function retype(line: number, word: string, text: string): Promise<void> {
  const el = page.locator('[data-testid="policy-editor"] .cm-line').nth(line - 1);
  const lineText = (await el.textContent())!;
  const at = lineText.indexOf(word);
  expect(at, `${word} on line ${line}: ${lineText}`).toBeGreaterThanOrEqual(0);
  // Near the line's start: its middle may be off screen when another line is wider than the editor.
  await el.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press("End");
  for (let i = 0; i < lineText.length - at - word.length; i++) await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < word.length; i++) await page.keyboard.press("Shift+ArrowLeft");
  expect(await page.evaluate("String(getSelection())")).toBe(word);
  await page.keyboard.type(text);
}

describe("the workbench page", () => {
  it("Policies: a mistake shows its diagnostic at its line with code, message and reference page; fixed, saved, the gateway reloads", { timeout: 60_000 }, async () => {
    await page.goto(`${base}/_apimc/#/policies/orders/get-order?file=orders.xml`);
    await page.locator('[data-testid="policy-editor"] .cm-content').getByText("set-variable").first().waitFor();
    // The tree, the files of the effective policy (global, API, fragment), the C# expressions painted.
    expect(await page.locator(".tree").textContent()).toContain("GET /{id}");
    const tabs = await page.locator(".tabs .tab-label").allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(["global.xml", "orders.xml", "stamp.xml", "Effective policy", "Generated JavaScript"]));
    expect(await page.locator(".cm-cs-expr").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(".cm-cs-context").first().textContent()).toBe("context");
    // The effective policy: the fragment inlined, each line's origin in the gutter; then the module.
    await page.getByTestId("tab-effective").click();
    const viewer = page.getByTestId("policy-viewer");
    await viewer.getByText("X-Stamp").first().waitFor();
    const gutter = await viewer.locator(".cm-lineNumbers .cm-gutterElement").allTextContents();
    expect(gutter).toEqual(expect.arrayContaining(["apimc", `stamp.xml:${lineOf(FRAGMENT, "X-Stamp")}`, `orders.xml:${lineOf(ORDERS, "<set-variable")}`]));
    await page.getByTestId("tab-js").click();
    await viewer.getByText("export function inbound").waitFor();
    await page.getByTestId("tab-file-orders.xml").click();
    await page.locator('[data-testid="policy-editor"] .cm-content').getByText("set-variable").first().waitFor();
    // The policy's markup (in a comment and a value) is editor text.
    expect(await page.locator('[data-testid="policy-editor"] .cm-content').textContent()).toContain(`onerror="window.__pwned='img'"`);
    await expectNoInjection();

    const noteLine = lineOf(ORDERS, `name="X-Note" exists-action="override"`);
    await retype(noteLine, "override", "sometimes");
    const problem = page.locator('[data-testid="problems"] li.problem');
    await problem.first().waitFor({ timeout: 10_000 });
    expect(await problem.count()).toBe(1);
    const text = (await problem.textContent())!;
    expect(text).toContain(`orders.xml:${noteLine}:`);
    expect(text).toContain("APIMC2008");
    expect(text).toContain("'exists-action' of <set-header> must be one of");
    expect(await problem.locator("a").getAttribute("href")).toBe("https://learn.microsoft.com/azure/api-management/set-header-policy");
    // In the editor: underlined on that line, marked in the gutter.
    await page.locator('[data-testid="policy-editor"] .cm-line').nth(noteLine - 1).locator(".cm-lintRange-error").waitFor();
    expect(await page.locator('[data-testid="policy-editor"] .cm-lintRange-error').count()).toBe(1);
    expect(await page.locator('[data-testid="policy-editor"] .cm-lint-marker-error').count()).toBe(1);
    await page.screenshot({ path: join(shots, "policies.png") });

    // Fixed: the problem goes away.
    await retype(noteLine, "sometimes", "override");
    await page.locator('[data-testid="problems"] li.muted', { hasText: "No problems." }).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="policy-editor"] .cm-lintRange-error').count()).toBe(0);

    // A real change, saved with Ctrl+S: written to the file, and the gateway serves it after its reload.
    await retype(lineOf(ORDERS, "<value>guest</value>"), "guest", "visitor");
    expect(await page.getByTestId("file-state").textContent()).toContain("changed, not saved");
    const before = builds;
    await page.keyboard.press("Control+s");
    await page.getByTestId("status").getByText("Saved orders.xml").waitFor();
    expect(readFileSync(join(dir, "orders.xml"), "utf8")).toBe(ORDERS.replace("<value>guest</value>", "<value>visitor</value>"));
    await until("the gateway reloaded the saved file", () => builds > before, 10_000);
    const r = await fetch(`${base}/orders/1`);
    expect(((await r.json()) as { role: string }).role).toBe("visitor");
    expect(await page.getByTestId("file-state").textContent()).toContain("orders.xml: saved");
    expect(pageErrors).toEqual([]);
  });

  let firstTrace = "";
  it("Requests → Trace: send from the builder, walk the steps with the example's values, open a step: its policy lines and generated code side by side", { timeout: 60_000 }, async () => {
    await page.goto(`${base}/_apimc/#/requests`);
    await page.getByTestId("method").selectOption("POST");
    await page.getByTestId("path").fill("/orders/42?src=wb");
    await page.getByTestId("headers").fill(`X-Who: admin\nX-Evil: ${IMG}`);
    await page.getByTestId("body").fill(JSON.stringify({ html: HTML_PAYLOADS, all: PAYLOADS }));
    await page.getByTestId("send").click();
    await page.waitForURL(/#\/trace\//);
    firstTrace = decodeURIComponent(page.url().split("#/trace/")[1]!);
    await page.getByTestId("step").first().waitFor();
    const title = await page.getByTestId("trace-title").textContent();
    expect(title).toContain("POST");
    expect(title).toContain("/orders/42?src=wb");
    expect(title).toContain("200");
    // Every policy in the order it ran, with its file:line.
    const steps = await page.getByTestId("step").allTextContents();
    const order = ["include-fragment", "set-header", "set-variable", "choose", "set-header", "set-header", "forward-request"];
    let at = 0;
    for (const name of order) {
      const i = steps.findIndex((s, k) => k >= at && s.includes(name));
      expect(i, `${name} after step ${at}: ${steps.join(" | ")}`).toBeGreaterThanOrEqual(at);
      at = i + 1;
    }
    expect(steps.find((s) => s.includes("set-variable"))).toContain(`orders.xml:${lineOf(ORDERS, "<set-variable")}`);
    expect(steps.find((s) => s.includes("choose"))).toContain("→ when[1]");

    // set-variable: the value it wrote, from the request's header.
    await page.getByTestId("step").filter({ hasText: "set-variable" }).click();
    const detail = page.getByTestId("step-detail");
    await detail.getByText("Changed").waitFor();
    const changes = await detail.locator("table.changes tbody tr").allTextContents();
    expect(changes).toContain("variablewhoadmin");

    // forward-request: the backend exchange (URL, status).
    await page.getByTestId("step").filter({ hasText: "forward-request" }).click();
    await detail.getByText("Outgoing request").waitFor();
    const outgoing = (await detail.textContent())!;
    expect(outgoing).toContain(`POST ${backend.url}/42?src=wb`);
    expect(outgoing).toMatch(/Status\s*200/);
    // What went to the backend and came back: headers (the policy's X-Role among them) and the body.
    await detail.getByText(/^Request headers/).click();
    expect(await detail.locator("table.headers").first().textContent()).toContain("X-Roleadministrator");
    expect(await detail.locator("details[open] pre").last().textContent()).toContain('"role":"administrator"');

    // choose: the branch it took; its lines highlighted in the policy, its code beside them.
    await page.getByTestId("step").filter({ hasText: "choose" }).click();
    // The conditions evaluated with their values: the first is true, so it is the one taken.
    const whenLine = lineOf(ORDERS, "<when");
    await detail.locator("table.conditions").waitFor();
    expect(await detail.locator("table.conditions tbody tr").allTextContents()).toEqual([`when[1]${whenLine}true (taken)`]);
    expect(await detail.locator("table.facts").first().textContent()).toContain("Branch takenwhen[1]");
    const chooseFrom = lineOf(ORDERS, "<choose>");
    const chooseTo = lineOf(ORDERS, "</choose>");
    const policyLines = page.getByTestId("step-policy").locator(".cm-step-line");
    await until("the choose element's lines are highlighted", async () => (await policyLines.count()) === chooseTo - chooseFrom + 1);
    expect(await policyLines.first().textContent()).toContain("<choose>");
    expect(await policyLines.last().textContent()).toContain("</choose>");
    expect(await page.locator(".side-by-side h3").first().textContent()).toBe(`Policy — orders.xml, lines ${chooseFrom}–${chooseTo}`);
    const jsLines = await page.getByTestId("step-js").locator(".cm-step-line").allTextContents();
    expect(jsLines.length).toBeGreaterThan(0);
    const js = jsLines.join("\n");
    expect(js).toMatch(/if \(/);
    expect(js).toContain('"who"');
    expect(js).toContain('"admin"');
    // The screenshot: a taller window, so the steps, the step and both code panes are in it.
    await page.setViewportSize({ width: 1360, height: 1180 });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: join(shots, "trace.png") });
    await page.setViewportSize({ width: 1360, height: 900 });
    // A condition's line: its when element is highlighted.
    await detail.locator("table.conditions button").click();
    await until("the when element is highlighted", async () => (await policyLines.count()) === lineOf(ORDERS, "</when>") - whenLine + 1);
    expect(await policyLines.first().textContent()).toContain("<when condition=");
    await detail.locator("table.conditions").scrollIntoViewIfNeeded();
    // The request as it arrived, hostile header and body shown as text.
    expect(await page.getByTestId("request").textContent()).toContain(IMG);
    await expectNoInjection();
    expect(pageErrors).toEqual([]);
  });

  it("Requests: import a curl command into the builder; re-run a request from the history", { timeout: 60_000 }, async () => {
    await page.goto(`${base}/_apimc/#/requests`);
    const rows = page.getByTestId("history").locator("tr[data-id]");
    await rows.first().waitFor();
    const n = await rows.count();
    expect(await rows.first().getAttribute("data-id")).toBe(firstTrace);
    // Markup in the history's URL and in the curl notes stays text.
    await page.locator("details.curl summary").click();
    await page.getByTestId("curl").fill(`curl -X PUT 'https://contoso.azure-api.net/orders/9?x=<img src=x onerror=alert(1)>' \\\n  -H 'X-Who: admin' -H "X-Evil: ${IMG.replace(/"/g, '\\"')}" --data-raw '{"a":1}'`);
    await page.getByTestId("import-curl").click();
    expect(await page.getByTestId("method").inputValue()).toBe("PUT");
    expect(await page.getByTestId("path").inputValue()).toBe("/orders/9?x=<img src=x onerror=alert(1)>");
    expect(await page.getByTestId("headers").inputValue()).toBe(`X-Who: admin\nX-Evil: ${IMG}\nContent-Type: application/x-www-form-urlencoded`);
    expect(await page.getByTestId("body").inputValue()).toBe('{"a":1}');
    expect(await page.getByTestId("curl-notes").textContent()).toContain("goes to this gateway (/orders/9");
    await page.screenshot({ path: join(shots, "requests.png") });

    // Re-run the first request: a new trace, the same request, one more row in the history.
    await rows.first().getByTestId("rerun").click();
    await page.waitForURL((u) => u.hash.startsWith("#/trace/") && !u.hash.endsWith(encodeURIComponent(firstTrace)));
    await page.getByTestId("step").first().waitFor();
    expect(await page.getByTestId("trace-title").textContent()).toContain("/orders/42?src=wb");
    expect(await page.getByTestId("steps").textContent()).toContain("→ when[1]");
    await page.goto(`${base}/_apimc/#/requests`);
    await until("the history has the re-run", async () => (await rows.count()) === n + 1);
    await expectNoInjection();
    expect(pageErrors).toEqual([]);
  });

  it("a failing policy: its step is marked, the error step has every LastError field and points at the policy's line", { timeout: 60_000 }, async () => {
    const r = await fetch(`${base}/boom/1`, { headers: { "x-n": IMG } });
    expect(r.status).toBe(500);
    expect(r.headers.get("x-failed")).toBe("ExpressionValueEvaluationFailure");
    await page.goto(`${base}/_apimc/#/requests`);
    const row = page.getByTestId("history").locator("tr[data-id]").first();
    await until("the failed request is in the history", async () => ((await row.textContent()) ?? "").includes("/boom/1"));
    await row.getByTestId("open-trace").click();
    await page.getByTestId("step").first().waitFor();
    expect(await page.getByTestId("step").filter({ hasText: "set-variable" }).textContent()).toContain("failed");
    await page.getByTestId("step").filter({ hasText: "error" }).first().click();
    const fields = await page.getByTestId("step-detail").locator("table.error-fields tbody tr").allTextContents();
    const line = lineOf(BOOM, "<set-variable");
    expect(fields).toEqual(expect.arrayContaining(["Sourceset-variable", "ReasonExpressionValueEvaluationFailure", "Sectioninbound", "fileboom.xml", `line${line}`]));
    expect(fields.some((f) => f.startsWith("Message") && f.length > "Message".length)).toBe(true);
    expect(fields.some((f) => f.startsWith("Path"))).toBe(true);
    // The error's policy line is highlighted.
    const hl = page.getByTestId("step-policy").locator(".cm-step-line");
    await until("the failing policy's line is highlighted", async () => (await hl.count()) === 1);
    expect(await hl.textContent()).toContain("<set-variable");
    await expectNoInjection();
    expect(pageErrors).toEqual([]);
  });

  it("hostile payloads in request headers, bodies and URLs render as text in the history, the trace and the exchange", { timeout: 60_000 }, async () => {
    // Straight to the gateway (not through the page): every HTML payload in a header, the query and the body.
    const headers: Record<string, string> = { "x-who": "admin" };
    HTML_PAYLOADS.forEach((p, i) => (headers[`x-html-${i}`] = p));
    const r = await fetch(`${base}/orders/5?q=${encodeURIComponent(HTML_PAYLOADS.join(""))}`, { method: "POST", headers, body: HTML_PAYLOADS.join("\n") });
    expect(r.status).toBe(200);
    await page.goto(`${base}/_apimc/#/requests`);
    const row = page.getByTestId("history").locator("tr[data-id]").first();
    await until("the request is in the history", async () => ((await row.textContent()) ?? "").includes("/orders/5?q="));
    await row.getByTestId("open-trace").click();
    await page.getByTestId("step").first().waitFor();
    const requestText = (await page.getByTestId("request").textContent())!;
    for (const p of HTML_PAYLOADS) expect(requestText).toContain(p);
    await expectNoInjection();
    expect(pageErrors).toEqual([]);
  });
  it("a gateway that restarts: the page says its live updates are lost, reconnects by itself and shows the new gateway's reloads", { timeout: 60_000 }, async () => {
    await page.goto(`${base}/_apimc/#/requests`);
    await page.getByTestId("history").waitFor();
    const port = Number(new URL(base).port);
    await gw.close();
    await page.getByTestId("status").getByText("Lost the gateway's live updates").waitFor({ timeout: 15_000 });
    // A new gateway on the same address, as after a restart.
    gw = createGateway({ config: join(dir, "gateway.json"), watch: true, workbench: { traceAll: true, assets }, onBuild: () => builds++ });
    await gw.listen(port, "127.0.0.1");
    await page.getByTestId("status").getByText("Reconnected to the gateway.").waitFor({ timeout: 15_000 });
    // A request made meanwhile is in the refreshed history; an edit saved as editors save (temp file + rename) is announced.
    const r = await fetch(`${base}/orders/77`);
    expect(r.status).toBe(200);
    const row = page.getByTestId("history").locator("tr[data-id]").first();
    await until("the new gateway's request is in the history", async () => ((await row.textContent()) ?? "").includes("/orders/77"));
    const edited = readFileSync(join(dir, "orders.xml"), "utf8").replace("<value>visitor</value>", "<value>guest</value>");
    writeFileSync(join(dir, "orders.xml.tmp"), edited);
    renameSync(join(dir, "orders.xml.tmp"), join(dir, "orders.xml"));
    await page.getByTestId("status").getByText("The gateway reloaded the configuration.").waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
