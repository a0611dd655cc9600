// The demo workspace that `npm start` opens: demo/ (plain files in this repository) copied
// into .cache/demo-workspace/ with a git history by the people who own its parts, so that
// ownership, "me" and staged changes all have something real to show.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGitWorkspace, listFiles } from './gitWorkspace.mjs';
import { repoRoot } from './codeServer.mjs';

const person = (name, login) => ({ name, email: `${login}@acme.example` });
const people = {
  alice: person('Alice Kim', 'alice'), // Payments
  bob: person('Bob Singh', 'bob'), // Identity
  carol: person('Carol Diaz', 'carol'), // SRE
  dana: person('Dana Okafor', 'dana'), // docs, platform lead
  erin: person('Erin Walsh', 'erin'), // Web Platform
  frank: person('Frank Li', 'frank'), // SRE
};

/** @type {import('./gitWorkspace.mjs').HistoryPlan} */
export const DEMO_PLAN = {
  // Opening the demo, you are Erin from Web Platform: web/ is yours, payments is upstream.
  user: people.erin,
  commits: [
    { author: people.dana, date: '2025-03-03T09:00:00Z', message: 'Start the Acme monorepo', paths: ['README.md', 'package.json', '.gitignore', '.github', 'docs'] },
    { author: people.alice, date: '2025-03-04T10:30:00Z', message: 'payments: charges API and double-entry ledger', paths: ['services/payments'] },
    { author: people.bob, date: '2025-03-05T14:10:00Z', message: 'identity: tokens and sessions', paths: ['services/identity'] },
    { author: people.erin, date: '2025-03-06T11:45:00Z', message: 'web: checkout and sign-in pages on the UI kit', paths: ['web', 'packages'] },
    { author: people.carol, date: '2025-03-07T16:20:00Z', message: 'infra: cluster, payments deployment and alerts', paths: ['infra', 'ops'] },
    { author: people.frank, date: '2025-03-10T08:05:00Z', message: 'Add deploy script and link checker' },
  ],
  // What Erin is in the middle of: one staged change upstream, one shared, one of her own.
  changes: [
    { path: 'services/payments/internal/charge/charge.go', append: '\n// TODO(erin): accept the currency the checkout page sends in lower case.\n', stage: true },
    { path: 'web/app/src/pages/Checkout.tsx', append: '\n// Shown while the charge is pending; see packages/ui/src/Button.tsx.\n', stage: true },
    { path: 'packages/ui/src/Button.tsx', append: '\n// TODO: a "danger" variant for destructive actions.\n', stage: false },
  ],
};

export const demoSource = (root = repoRoot) => path.join(root, 'demo');
export const demoWorkspace = (root = repoRoot) => path.join(root, '.cache', 'demo-workspace');

// Changes to demo/, the plan or this code all change the stamp and so recreate the workspace.
function stampOf(source) {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(new URL('./gitWorkspace.mjs', import.meta.url)));
  for (const file of listFiles(source)) hash.update(`${file}\0`).update(readFileSync(path.join(source, file))).update('\0');
  return hash.digest('hex');
}

/**
 * Makes sure the demo workspace exists and matches demo/. Leaves it alone (with whatever
 * you did in it) while demo/ is unchanged. Returns its path and whether it was rebuilt.
 */
export function prepareDemoWorkspace({ root = repoRoot, target = demoWorkspace(root) } = {}) {
  const source = demoSource(root);
  const stamp = stampOf(source);
  const stampFile = path.join(target, '.git', 'ownership-lens-demo-stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { path: target, rebuilt: false };
  createGitWorkspace(source, target, DEMO_PLAN);
  writeFileSync(stampFile, stamp);
  return { path: target, rebuilt: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { path: where, rebuilt } = prepareDemoWorkspace();
  console.log(`${rebuilt ? 'created' : 'up to date'}: ${where}`);
}
