// Debian's Chromium driven by playwright-core (the driver only: a browser download cannot
// work on machines that reach only the npm registry and Debian's packages).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the networking flags, Chromium's background connections are refused by the closed
// network many at a time; --no-sandbox because we run as root in a container.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium. Playwright gives each launch a fresh, empty profile in $TMPDIR, starts
 * the browser in its own process group and kills that group on close().
 */
export async function launchChromium({ headless = true, args = [] } = {}) {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath, headless, args: [...CHROMIUM_ARGS, ...args] });
}
