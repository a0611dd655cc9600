// Starting the two flavours of server that code-server ships, each in its own process group:
// code-server's own CLI (what a person uses: auth, settings on disk) and the plain VS Code
// server, server-main.js (the only one that accepts the extension-test payload).
import net from 'node:net';
import { startGroup, waitForHttp } from './processes.mjs';

export const HOST = '127.0.0.1';

export function isPortFree(port, host = HOST) {
  return new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port the OS just handed out; free unless someone grabs it in the next moment. */
export function freePort(host = HOST) {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Resolves when `readyUrl` answers; rejects, with the server's output, if it exits first.
async function whenReady(server, readyUrl, timeoutMs) {
  const early = server.exited.then(({ code, signal }) => {
    throw new Error(`server exited before it was ready (${signal ?? `code ${code}`})`);
  });
  try {
    await Promise.race([waitForHttp(readyUrl, { timeoutMs }), early]);
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}\n--- server output ---\n${server.output()}`);
  }
  return server;
}

/**
 * A workbench URL: the folder path stays readable; only what must be escaped is. A
 * `.code-workspace` file opens as a (multi-root) workspace.
 */
export function workbenchUrl(port, folder, params = {}) {
  const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  const query = [`${kind}=${encodeURIComponent(folder).replaceAll('%2F', '/')}`];
  for (const [key, value] of Object.entries(params)) query.push(`${key}=${encodeURIComponent(value)}`);
  return `http://${HOST}:${port}/?${query.join('&')}`;
}

/** code-server's CLI, as a person runs it. */
export function startCodeServerCli({ codeServer, port, extensionsDir, userDataDir, configFile, folder, logFile, env, timeoutMs = 60_000 }) {
  const args = [
    codeServer.cli,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    // Its own config file: otherwise code-server writes one (with a password) into ~/.config.
    '--config', configFile,
    folder,
  ];
  const server = startGroup(process.execPath, args, { logFile, env });
  return whenReady(server, `http://${HOST}:${port}/healthz`, timeoutMs);
}

/**
 * User settings for a window that keeps Workspace Trust on (`workspaceTrust: true` below): trust
 * enabled, and no modal "Do you trust the authors?" at startup, so a folder that was never
 * trusted opens straight in Restricted Mode.
 */
export const WORKSPACE_TRUST_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

/**
 * The plain VS Code server with the smoke-test driver enabled, so that the workbench calls
 * window.codeAutomationExit(code) when extension tests finish. Workspace Trust is off unless
 * `workspaceTrust` is true (then give the window WORKSPACE_TRUST_SETTINGS as user settings).
 * `extraArgs` go to server-main.js as they are.
 */
export function startVSCodeServer({ codeServer, port, extensionsDir, serverDataDir, userDataDir, logFile, env, workspaceTrust = false, extraArgs = [], timeoutMs = 60_000 }) {
  const args = [
    codeServer.serverMain,
    '--host', HOST,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    // The server tells the workbench `enableWorkspaceTrust: !disable-workspace-trust`.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--extensions-dir', extensionsDir,
    '--server-data-dir', serverDataDir,
    '--user-data-dir', userDataDir,
    ...extraArgs,
  ];
  const server = startGroup(process.execPath, args, { logFile, env });
  return whenReady(server, `http://${HOST}:${port}/version`, timeoutMs);
}
