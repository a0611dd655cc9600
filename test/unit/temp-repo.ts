// A throwaway repository for tests: a temporary folder with a `.git` directory and the given files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempRepo(files: Record<string, string | Buffer>, prefix = 'ol-repo-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}
