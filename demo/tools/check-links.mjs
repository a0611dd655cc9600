// Checks that relative Markdown links point at files that exist. Nobody owns this yet
// (see the last rule in .github/CODEOWNERS): adopt it if you rely on it.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  for (const [, target] of text.matchAll(/\]\(([^)#]+)[^)]*\)/g)) {
    if (!/^[a-z]+:/.test(target) && !existsSync(resolve(dirname(file), target))) {
      console.log(`${file}: broken link to ${target}`);
    }
  }
}
