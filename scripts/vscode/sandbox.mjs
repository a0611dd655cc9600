// A throw-away folder per run holding everything a VS Code run writes: home, temp and XDG
// folders, profiles, logs and workspaces. Nothing leaks into the user's own ~/.config or
// ~/.vscode, and two runs never share state.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Settings for every test window: no telemetry, no update checks, no welcome page.
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
};

export function createSandbox(prefix) {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = (...parts) => {
    const p = path.join(root, ...parts);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const env = {
    ...process.env,
    HOME: dir('home'),
    TMPDIR: dir('tmp'),
    XDG_CONFIG_HOME: dir('xdg', 'config'),
    XDG_DATA_HOME: dir('xdg', 'data'),
    XDG_CACHE_HOME: dir('xdg', 'cache'),
    // No Marketplace: nothing to fetch, nothing to recommend.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }),
  };
  return {
    root,
    dir,
    env,
    file: (...parts) => path.join(dir(...parts.slice(0, -1)), parts.at(-1)),
    /** A VS Code user-data folder (`name` inside the sandbox) with `settings` as its user settings. */
    userDataDir(settings = QUIET_SETTINGS, name = 'user-data') {
      const userData = dir(name);
      writeFileSync(path.join(dir(name, 'User'), 'settings.json'), JSON.stringify(settings, null, 2));
      return userData;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
