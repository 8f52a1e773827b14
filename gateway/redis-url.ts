// The check of a Redis URL (gateway.json state.redis, --redis), alone: the CLI checks its arguments without loading the configuration code.
export function checkRedisUrl(v: unknown, path: string, fail: (path: string, msg: string) => never): void {
  if (typeof v !== "string" || v === "") fail(path, 'is required: a Redis URL such as "redis://127.0.0.1:6379/0"');
  let u: URL | null = null;
  try {
    u = new URL(v as string);
  } catch {
    fail(path, "is not a URL; expected redis://host:port/db");
  }
  if (u!.protocol !== "redis:" && u!.protocol !== "rediss:") fail(path, `must be a redis:// or rediss:// URL, not ${u!.protocol}//`);
  if (!u!.hostname) fail(path, "needs a host: redis://host:port/db");
  if (u!.pathname !== "" && u!.pathname !== "/" && !/^\/\d+$/.test(u!.pathname)) fail(path, "the path is the database number: redis://host:port/0");
}
