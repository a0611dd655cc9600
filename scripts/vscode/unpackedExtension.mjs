// Installs this extension, unpacked, into a VS Code extensions folder: what the Marketplace
// would unpack from a .vsix, but with symlinks, so a rebuild plus "Reload Window" is enough.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

// What the extension reads at run time (package.json points at dist/; media/ and rubrics/
// hold icons and the bundled rubrics). Everything else stays out, as .vscodeignore says.
const SHIPPED = ['package.json', 'dist', 'media', 'rubrics', 'README.md', 'LICENSE'];

export function extensionManifest(root = repoRoot) {
  return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
}

/** `<publisher>.<name>`, as vscode.extensions.getExtension() wants it. */
export function extensionId(root = repoRoot) {
  const { publisher, name } = extensionManifest(root);
  return `${publisher}.${name}`;
}

/**
 * Replaces the contents of `extensionsDir` with this extension alone. A fresh folder each
 * time matters: VS Code records installed extensions in extensions.json, and a stale record
 * (say, of an older version's folder) would hide the new one.
 */
export function installUnpacked(extensionsDir, root = repoRoot) {
  const { publisher, name, version } = extensionManifest(root);
  if (!existsSync(path.join(root, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first.');
  }
  rmSync(extensionsDir, { recursive: true, force: true });
  const target = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  mkdirSync(target, { recursive: true });
  for (const entry of SHIPPED) {
    if (existsSync(path.join(root, entry))) symlinkSync(path.join(root, entry), path.join(target, entry));
  }
  return target;
}
