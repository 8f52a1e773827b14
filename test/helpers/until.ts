// Polls a condition until it holds or a deadline passes: tests wait for reloads and builds this way,
// never with fixed sleeps.
export async function until(what: string, f: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await f()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
