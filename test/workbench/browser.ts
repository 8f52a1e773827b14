// The browser the workbench tests drive: Debian's chromium through playwright-core (no browser
// download at install time; `.ci/run` installs chromium when missing). Missing is a failure that
// says how to install it, never a skip.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** APIMC_CHROMIUM overrides where chromium is. */
export const CHROMIUM = process.env.APIMC_CHROMIUM ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The workbench browser tests need chromium at ${CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium), or set APIMC_CHROMIUM to a Chromium binary.`);
  }
  // Chromium's sandbox refuses to run as root (CI containers): only then without it.
  const args = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}
