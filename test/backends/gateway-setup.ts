// A gateway.json written to a temporary folder (APIs with a policy file each) and a gateway serving it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway, type GatewayOptions } from "../../gateway/host.js";

export interface Served {
  gw: Gateway;
  base: string;
  dir: string;
  file: string;
  close(): Promise<void>;
}

/** `apis`: path → policy XML (service URL `serviceUrl` unless given as [policy, serviceUrl]). */
export async function serveConfig(config: Record<string, unknown>, apis: Record<string, string | [string, string]>, serviceUrl: string, opts: Partial<GatewayOptions> = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), "apimc-backends-"));
  const list = Object.entries(apis).map(([path, p], i) => {
    const [policy, url] = Array.isArray(p) ? p : [p, serviceUrl];
    writeFileSync(join(dir, `api${i}.xml`), policy);
    return { id: `api${i}`, path, serviceUrl: url, policy: `api${i}.xml` };
  });
  const file = join(dir, "gateway.json");
  writeFileSync(file, JSON.stringify({ ...config, apis: list }, null, 2));
  const gw = createGateway({ config: file, ...opts });
  const base = `http://127.0.0.1:${(await gw.listen()).port}`;
  return {
    gw,
    base,
    dir,
    file,
    close: async () => {
      await gw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const policy = (inbound: string, backend = "<forward-request timeout=\"5\" />") => `<policies><inbound>${inbound}</inbound><backend>${backend}</backend><outbound /><on-error /></policies>`;
