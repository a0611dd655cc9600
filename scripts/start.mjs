// `npm start`: the extension in a real VS Code (code-server, in the browser) on the bundled
// demo workspace. `npm start` has already built dist/; this installs code-server on first
// use, prepares the demo repository, starts code-server and waits for Ctrl+C.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, repoRoot } from './vscode/codeServer.mjs';
import { prepareDemoWorkspace } from './vscode/demoWorkspace.mjs';
import { onShutdown } from './vscode/processes.mjs';
import { isPortFree, startCodeServerCli, workbenchUrl } from './vscode/servers.mjs';
import { installUnpacked } from './vscode/unpackedExtension.mjs';

const started = Date.now();
const DEFAULT_PORT = 8080;
const state = path.join(repoRoot, '.cache', 'start');
const logFile = path.join(state, 'code-server.log');
const rel = (p) => path.relative(repoRoot, p);

const askedPort = process.env.PORT ? Number(process.env.PORT) : undefined;
if (askedPort !== undefined && (!Number.isInteger(askedPort) || askedPort <= 0 || askedPort > 65535)) {
  console.error(`PORT must be a TCP port number, not "${process.env.PORT}".`);
  process.exit(1);
}

/**
 * PORT when set (taken: say so and stop, since it was asked for), else 8080 or, when another
 * program has it, the next free one of the ten after it, said in the output. Looked at just
 * before code-server starts: installing it on first use can take minutes.
 */
async function choosePort() {
  if (askedPort !== undefined) {
    if (!(await isPortFree(askedPort))) {
      console.error(`Port ${askedPort} is in use. Start on another one: PORT=${askedPort === 9000 ? 9001 : 9000} npm start`);
      process.exit(1);
    }
    return askedPort;
  }
  for (let p = DEFAULT_PORT; p <= DEFAULT_PORT + 10; p++) {
    if (await isPortFree(p)) {
      if (p !== DEFAULT_PORT) console.log(`port ${DEFAULT_PORT} is in use; using ${p}`);
      return p;
    }
  }
  console.error(`Ports ${DEFAULT_PORT}–${DEFAULT_PORT + 10} are in use. Start on another one: PORT=9000 npm start`);
  process.exit(1);
}

const codeServer = await ensureCodeServer();
const demo = prepareDemoWorkspace();
console.log(`demo workspace: ${rel(demo.path)}${demo.rebuilt ? ' (created from demo/)' : ' (unchanged)'}`);

mkdirSync(state, { recursive: true });
const extensionsDir = path.join(state, 'extensions');
const installed = installUnpacked(extensionsDir);
// The profile persists between runs (layout, open editors); these are first-run defaults only.
const userDataDir = path.join(state, 'user-data');
const settingsFile = path.join(userDataDir, 'User', 'settings.json');
if (!existsSync(settingsFile)) {
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  const settings = {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.startupEditor': 'readme',
    // The demo lives inside this checkout; without this, VS Code offers to open the outer repo.
    'git.openRepositoryInParentFolders': 'never',
  };
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

const port = await choosePort();
let server;
try {
  server = await startCodeServerCli({
    codeServer,
    port,
    extensionsDir,
    userDataDir,
    configFile: path.join(state, 'config.yaml'),
    folder: demo.path,
    logFile,
  });
} catch (error) {
  console.error(`code-server did not start: ${error.message}`);
  process.exit(1);
}

let stopping = false;
onShutdown(async () => {
  stopping = true;
  console.log('\nstopping code-server…');
  await server.stop();
});

console.log(`
Ownership Lens is running in code-server (VS Code ${codeServer.vscodeVersion}, in the browser); ready in ${((Date.now() - started) / 1000).toFixed(1)} s.
  extension: ${rel(installed)} -> this checkout (after a rebuild: "Developer: Reload Window")
  log:       ${rel(logFile)}

  Open ${workbenchUrl(port, demo.path)}

Press Ctrl+C to stop.`);

const { code, signal } = await server.exited;
if (!stopping) {
  // code-server stopped by itself: say so, and leave nothing of its group behind.
  console.error(`code-server stopped (${signal ?? `exit code ${code}`}); see ${rel(logFile)}`);
  await server.stop();
  process.exit(code || 1);
}
