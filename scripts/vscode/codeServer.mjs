// Installs code-server (which bundles the real VS Code server and workbench) on demand into
// an ignored cache folder, the way @vscode/test-electron caches VS Code in .vscode-test/.
// It is pinned and not a dependency: contributors pay the ~300 MB only when they run it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

// 4.100.3 bundles VS Code 1.100.3 and is the last line that runs on Node 20. The test hooks
// we rely on (server-main.js, the `payload` URL parameter, codeAutomationExit) are VS Code
// internals, so the pin is what keeps them stable.
export const CODE_SERVER_VERSION = '4.100.3';

// @vscode/ripgrep's postinstall downloads ripgrep from GitHub, which these machines cannot
// reach. It first looks for this tarball in $TMPDIR; these names belong to the pinned version.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
const RIPGREP_TAG = 'v13.0.0-10';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where code-server lives: CODE_SERVER_CACHE lets several clones share one install. */
export function codeServerHome(root = repoRoot) {
  return path.resolve(process.env.CODE_SERVER_CACHE ?? path.join(root, '.cache', 'code-server'), CODE_SERVER_VERSION);
}

function layout(home) {
  const pkg = path.join(home, 'node_modules', 'code-server');
  return {
    home,
    pkg,
    // code-server's own CLI (auth, bind address, --install-extension).
    cli: path.join(pkg, 'out', 'node', 'entry.js'),
    // The plain VS Code server: the only entry that accepts the extension-test payload.
    serverMain: path.join(pkg, 'lib', 'vscode', 'out', 'server-main.js'),
    // Written last, so an interrupted install is never mistaken for a finished one.
    marker: path.join(home, '.installed'),
  };
}

/**
 * Returns the paths of a ready code-server, installing it first if needed. A second call
 * only checks a marker file, so it is instant.
 */
export async function ensureCodeServer({ root = repoRoot, log = (m) => console.log(m) } = {}) {
  const paths = layout(codeServerHome(root));
  if (existsSync(paths.marker) && existsSync(paths.serverMain) && existsSync(paths.cli)) return withVersion(paths);

  const started = Date.now();
  log(`code-server ${CODE_SERVER_VERSION}: installing into ${path.relative(process.cwd(), paths.home) || paths.home}`);
  log('  one time only (1-2 minutes, about 300 MB); later runs reuse it.');
  rmSync(paths.home, { recursive: true, force: true });
  mkdirSync(paths.home, { recursive: true });
  // Its own package.json stops npm from walking up into the project's manifest.
  writeFileSync(path.join(paths.home, 'package.json'), JSON.stringify({ private: true, name: 'code-server-cache' }, null, 2));

  const tmp = path.join(paths.home, 'tmp');
  mkdirSync(tmp, { recursive: true });
  seedRipgrep(tmp, log);

  const logFile = path.join(paths.home, 'install.log');
  const code = await npmInstall(paths.home, tmp, logFile);
  if (code !== 0 || !existsSync(paths.serverMain)) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} failed to install (npm exit ${code}). Last lines of ${logFile}:\n${tail}\n` +
        'Offline machines need the Debian packages chromium ripgrep libkrb5-dev git (see .ci/run).',
    );
  }
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(paths.marker, `${CODE_SERVER_VERSION}\n`);
  log(`code-server ${CODE_SERVER_VERSION}: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return withVersion(paths);
}

// The VS Code version code-server bundles, for messages.
function withVersion(paths) {
  const { version } = JSON.parse(readFileSync(path.join(paths.pkg, 'lib', 'vscode', 'package.json'), 'utf8'));
  return { ...paths, vscodeVersion: version };
}

// Put Debian's `rg` where @vscode/ripgrep looks for a cached download. Only when `rg` is on
// PATH: with internet and no Debian ripgrep, the normal download still works.
function seedRipgrep(tmp, log) {
  const target = RIPGREP_TARGETS[process.arch];
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!target || process.platform !== 'linux' || !rg) {
    log('  no system ripgrep to seed; @vscode/ripgrep will try its own download.');
    return;
  }
  const cache = path.join(tmp, RIPGREP_CACHE);
  mkdirSync(cache, { recursive: true });
  const tarball = path.join(cache, `ripgrep-${RIPGREP_TAG}-${target}.tar.gz`);
  // The tarball must hold the binary as plain `rg` at its top level.
  const result = spawnSync('tar', ['-czf', tarball, '-C', path.dirname(rg), path.basename(rg)]);
  if (result.status !== 0) throw new Error(`could not pack ${rg} for @vscode/ripgrep: ${result.stderr}`);
  log(`  seeded @vscode/ripgrep with ${rg}.`);
}

function npmInstall(home, tmp, logFile) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--unsafe-perm', '--no-audit', '--no-fund', '--loglevel', 'http', `code-server@${CODE_SERVER_VERSION}`];
  // --unsafe-perm: code-server's postinstall refuses to run as root without it.
  // npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would otherwise prompt.
  const env = { ...process.env, TMPDIR: tmp, npm_config_yes: 'true' };
  return new Promise((resolve, reject) => {
    const out = [];
    const child = spawn(npm, args, { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const dots = setInterval(() => process.stdout.write('.'), 5000);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(dots);
      process.stdout.write('\n');
      writeFileSync(logFile, Buffer.concat(out));
      resolve(code ?? 1);
    });
  });
}

// `node scripts/vscode/codeServer.mjs` installs (or confirms) code-server and prints its paths.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const paths = await ensureCodeServer();
  console.log(`code-server ${CODE_SERVER_VERSION} at ${paths.pkg}`);
}
