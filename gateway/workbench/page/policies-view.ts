// Policies: the APIs and operations of the running configuration; for the one selected, the files
// its effective policy is made of (global, product, API, operation, fragments), each editable with
// diagnostics as you type, plus the composed policy (each line marked with the file it came from)
// and the generated JavaScript. Save writes the file; the gateway's hot reload takes it.
import type { Diag, EffectivePolicy, PolicyFile } from "./api.js";
import type { App, Route, View } from "./app.js";
import { baseName, h, replace } from "./dom.js";
import { createPolicyEditor, createViewer, diagnosticNode, elementLines, highlightLines, sameFile, type PolicyEditor, type Viewer } from "./editor.js";

type Tab = { kind: "file"; path: string } | { kind: "effective" } | { kind: "js" };

export function policiesView(app: App): View {
  const tree = h("nav", { class: "tree", attrs: { "aria-label": "APIs and operations" } });
  const title = h("h2", { class: "policy-title" }, "Choose an API on the left");
  const tabs = h("div", { class: "tabs", attrs: { role: "tablist" } });
  const productSelect = h("select", { attrs: { "aria-label": "Product" }, data: { testid: "product" }, on: { change: () => void load({ view: "policies", ...selected }) } });
  const productField = h("label", { class: "product-pick" }, "Called through product ", productSelect);
  const editorHost = h("div", { class: "editor-host", data: { testid: "policy-editor" } });
  const viewerHost = h("div", { class: "editor-host viewer-host", data: { testid: "policy-viewer" } });
  viewerHost.hidden = true;
  const saveButton = h("button", { class: "primary", attrs: { type: "button" }, on: { click: () => void save() } }, "Save");
  const revertButton = h("button", { attrs: { type: "button" }, on: { click: () => revert() } }, "Undo my changes");
  const fileState = h("span", { class: "file-state", data: { testid: "file-state" } });
  const problems = h("ul", { class: "problems", data: { testid: "problems" }, attrs: { "aria-label": "Problems" } });
  const problemsTitle = h("h3", { class: "problems-title" }, "Problems");
  const toolbar = h("div", { class: "toolbar" }, saveButton, revertButton, fileState);
  const help = h(
    "p",
    { class: "hint" },
    "Edit a file and its problems appear as you type. Save writes the file and the gateway reloads it. The C# expressions @(…) and @{…} are shaded.",
  );
  const main = h("section", { class: "policy-main" }, h("div", { class: "row spread" }, title, productField), tabs, help, toolbar, editorHost, viewerHost, problemsTitle, problems);
  const el = h("div", { class: "view policies-view" }, h("aside", { class: "sidebar" }, h("h2", {}, "APIs"), tree), main);

  let policy: EffectivePolicy | null = null;
  let selected: { api?: string; operation?: string } = {};
  let tab: Tab = { kind: "effective" };
  /** Edited text per file path (kept while switching tabs), and the text last saved or loaded. */
  const edits = new Map<string, string>();
  const saved = new Map<string, string>();
  let editor: PolicyEditor | null = null;
  let viewer: Viewer | null = null;
  let loading = 0;

  const ensureEditor = (): PolicyEditor => {
    editor ??= createPolicyEditor(editorHost, {
      check: async (path, text) => (await app.api.check(path, text)).diagnostics,
      onDiagnostics: (d) => showProblems(d),
      onChange: () => {
        if (tab.kind !== "file" || !editor) return;
        edits.set(tab.path, editor.text());
        showFileState();
      },
      onSave: () => void save(),
    });
    return editor;
  };
  const ensureViewer = (): Viewer => (viewer ??= createViewer(viewerHost, "xml", "Effective policy"));

  function renderTree(): void {
    const items = app.config.apis.map((api) => {
      const apiSelected = selected.api === api.id && !selected.operation;
      const ops = api.operations.map((op) =>
        h(
          "li",
          {},
          h(
            "a",
            {
              class: `tree-op${selected.api === api.id && selected.operation === op.id ? " current" : ""}`,
              attrs: { href: `#/policies/${encodeURIComponent(api.id)}/${encodeURIComponent(op.id)}` },
              data: { api: api.id, operation: op.id },
            },
            h("span", { class: `method method-${op.method.toLowerCase()}` }, op.method),
            " ",
            op.urlTemplate,
          ),
        ),
      );
      return h(
        "li",
        {},
        h("a", { class: `tree-api${apiSelected ? " current" : ""}`, attrs: { href: `#/policies/${encodeURIComponent(api.id)}` }, data: { api: api.id } }, h("strong", {}, api.name || api.id), h("span", { class: "muted" }, ` ${api.path || "/"}`)),
        ops.length ? h("ul", {}, ...ops) : null,
      );
    });
    replace(tree, items.length ? h("ul", {}, ...items) : h("p", { class: "muted" }, "The configuration has no APIs."));
  }

  function renderTabs(): void {
    if (!policy) return replace(tabs);
    const button = (t: Tab, label: string, sub: string, testid: string) => {
      const on = JSON.stringify(t) === JSON.stringify(tab);
      const dirty = t.kind === "file" && edits.has(t.path) && edits.get(t.path) !== saved.get(t.path);
      return h(
        "button",
        { class: `tab${on ? " on" : ""}`, attrs: { type: "button", role: "tab", "aria-selected": String(on) }, data: { testid }, on: { click: () => selectTab(t) } },
        h("span", { class: "tab-label" }, label + (dirty ? " •" : "")),
        sub ? h("span", { class: "tab-sub" }, sub) : null,
      );
    };
    replace(
      tabs,
      ...policy.files.map((f) => button({ kind: "file", path: f.path }, baseName(f.path), f.scope, `tab-file-${f.path}`)),
      button({ kind: "effective" }, "Effective policy", "composed, read-only", "tab-effective"),
      button({ kind: "js" }, "Generated JavaScript", "read-only", "tab-js"),
    );
  }

  function selectTab(t: Tab, line?: number): void {
    tab = t;
    renderTabs();
    const isFile = t.kind === "file";
    editorHost.hidden = !isFile;
    toolbar.hidden = !isFile;
    viewerHost.hidden = isFile;
    if (!policy) return;
    if (t.kind === "file") {
      const file = policy.files.find((f) => f.path === t.path);
      const ed = ensureEditor();
      if (ed.path() !== t.path) ed.open(t.path, edits.get(t.path) ?? file?.text ?? "");
      showProblems(policy.diagnostics.filter((d) => sameFile(d.file, t.path)));
      showFileState();
      if (line) {
        ed.goTo(line);
        highlightLines(ed.view, [elementLines(ed.view.state, line)]);
      }
    } else if (t.kind === "effective") {
      const lines = policy.lines;
      ensureViewer().show(policy.xml, (n) => {
        const o = lines[n - 1];
        // Lines apimc wrote (the <policies> frame, APIM's default forward-request) have no file.
        return o && o.file ? `${baseName(o.file)}:${o.line}` : "apimc";
      });
      showProblems(policy.diagnostics);
    } else {
      ensureViewer().show(policy.js || "// No module: the policy does not compile (see Problems).");
      showProblems(policy.diagnostics);
    }
  }

  function showFileState(): void {
    if (tab.kind !== "file") return;
    const dirty = edits.has(tab.path) && edits.get(tab.path) !== saved.get(tab.path);
    fileState.textContent = dirty ? `${tab.path}: changed, not saved` : `${tab.path}: saved`;
    fileState.className = `file-state${dirty ? " dirty" : ""}`;
    saveButton.disabled = !dirty;
    revertButton.disabled = !dirty;
    renderTabs();
  }

  function showProblems(diags: Diag[]): void {
    if (!diags.length) {
      replace(problems, h("li", { class: "muted" }, "No problems."));
      return;
    }
    replace(
      problems,
      ...diags.map((d) =>
        h(
          "li",
          { class: `problem problem-${d.severity}` },
          h(
            "button",
            { class: "link", attrs: { type: "button" }, title: "Go to this line", on: { click: () => goToDiagnostic(d) } },
            `${baseName(d.file)}:${d.line}:${d.column}`,
          ),
          " ",
          diagnosticNode(d),
        ),
      ),
    );
  }

  function goToDiagnostic(d: Diag): void {
    if (!policy) return;
    const f = policy.files.find((x) => sameFile(d.file, x.path));
    if (!f) return;
    if (tab.kind !== "file" || tab.path !== f.path) selectTab({ kind: "file", path: f.path });
    editor?.goTo(d.line, d.column);
  }

  async function save(): Promise<void> {
    if (tab.kind !== "file" || !editor) return;
    const path = tab.path;
    const text = editor.text();
    saveButton.disabled = true;
    try {
      const r = await app.api.save(path, text);
      saved.set(path, text);
      edits.delete(path);
      showFileState();
      const errors = r.diagnostics.filter((d) => d.severity === "error").length;
      app.status(errors ? `Saved ${path}; it has ${errors} error(s), so the gateway keeps serving the last good version.` : `Saved ${path}; the gateway reloads it.`, errors ? "error" : "ok");
      // The composed policy and module change with the reload: fetch them again shortly.
      setTimeout(() => void refreshPolicy(), 600);
    } catch (e) {
      app.status(`Could not save ${path}: ${(e as Error).message}`, "error");
      showFileState();
    }
  }

  function revert(): void {
    if (tab.kind !== "file" || !editor) return;
    edits.delete(tab.path);
    editor.open(tab.path, saved.get(tab.path) ?? "");
    showFileState();
  }

  async function refreshPolicy(): Promise<void> {
    if (!selected.api) return;
    try {
      const p = await app.api.policy(selected.api, selected.operation, productSelect.value || undefined);
      policy = p;
      for (const f of p.files) if (!edits.has(f.path)) saved.set(f.path, f.text);
      renderTabs();
      if (tab.kind !== "file") selectTab(tab);
    } catch {
      // keep what is shown
    }
  }

  async function load(route: Extract<Route, { view: "policies" }>): Promise<void> {
    const first = app.config.apis[0];
    const api = route.api ?? first?.id;
    selected = { api, operation: route.api ? route.operation : undefined };
    renderTree();
    if (!api) return;
    const apiInfo = app.config.apis.find((a) => a.id === api);
    const op = apiInfo?.operations.find((o) => o.id === selected.operation);
    replace(title, apiInfo?.name ?? api, op ? h("span", { class: "muted" }, ` · ${op.method} ${op.urlTemplate}`) : h("span", { class: "muted" }, " · all operations"));
    const products = apiInfo?.products ?? [];
    productField.hidden = products.length === 0;
    const keep = productSelect.value;
    replace(productSelect, h("option", { attrs: { value: "" } }, "none (no subscription)"), ...products.map((p) => h("option", { attrs: { value: p } }, p)));
    productSelect.value = products.includes(keep) ? keep : "";
    const ticket = ++loading;
    let p: EffectivePolicy;
    try {
      p = await app.api.policy(api, selected.operation, productSelect.value || undefined);
    } catch (e) {
      app.status(`Could not load the policy: ${(e as Error).message}`, "error");
      return;
    }
    if (ticket !== loading) return;
    policy = p;
    for (const f of p.files) {
      if (!edits.has(f.path)) saved.set(f.path, f.text);
    }
    const wanted = route.file ? p.files.find((f) => sameFile(f.path, route.file!)) : mostSpecific(p.files, selected.operation !== undefined);
    selectTab(wanted ? { kind: "file", path: wanted.path } : { kind: "effective" }, route.line);
  }

  return {
    el,
    show(route) {
      if (route.view !== "policies") return;
      void load(route);
    },
  };
}

/** The file a person most likely came to edit: the operation's, else the API's, else the first. */
function mostSpecific(files: PolicyFile[], operation: boolean): PolicyFile | undefined {
  return (operation ? files.find((f) => f.scope === "operation") : undefined) ?? files.find((f) => f.scope === "api") ?? files[0];
}
