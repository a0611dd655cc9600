// Paths offered as a rule's pattern is typed in CODEOWNERS: the folders and files of the
// repository under what is typed so far (`/services/pay` offers `services/`'s entries that
// start with `pay`), so that a pattern names what is there instead of earning a no-match.
import nodeFs = require('node:fs');
import nodePath = require('node:path');
import vscode = require('vscode');
import { eachEntry } from '../util/folderEntries';
import { showControls } from '../util/inertText';
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { patternName, patternPathAt } from './editing';

const selector: vscode.DocumentSelector = { language: CODEOWNERS_LANGUAGE, scheme: 'file' };

/** Entries offered from one folder at most: a completion must come back at once, whatever the folder holds. */
export const MAX_PATH_ITEMS = 500;

export class PatternCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly analysis: CodeownersAnalysis) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    const state = await this.analysis.latest(doc, token);
    if (!state) return [];
    const at = patternPathAt(doc.lineAt(position.line).text, position.character, state.flavor);
    if (!at) return [];
    const range = new vscode.Range(position.line, at.start, position.line, at.end);
    return entriesOf(nodePath.join(state.root, ...(at.dir === '' ? [] : at.dir.split('/'))), at.typed).map(({ name, folder }, i) => {
      const text = patternName(name) as string;
      const item = new vscode.CompletionItem(showControls(folder ? `${name}/` : name), folder ? vscode.CompletionItemKind.Folder : vscode.CompletionItemKind.File);
      item.insertText = folder ? `${text}/` : text;
      item.filterText = item.insertText;
      item.range = range;
      item.sortText = String(i).padStart(4, '0');
      item.detail = folder ? 'folder: the rule applies to everything in it' : 'file';
      // Typing on into a folder offers its entries in turn.
      if (folder) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
      return item;
    });
  }
}

/**
 * The folder's entries a pattern can name that start with `typed` (case aside), folders first:
 * at most MAX_PATH_ITEMS, read one by one so that a folder of 100,000 files costs no more than
 * a small one; none when it cannot be read.
 */
function entriesOf(dir: string, typed: string): Array<{ name: string; folder: boolean }> {
  const out: Array<{ name: string; folder: boolean }> = [];
  const prefix = typed.toLowerCase();
  eachEntry(dir, (e) => {
    if (e.name !== '.git' && e.name.toLowerCase().startsWith(prefix) && patternName(e.name) !== null) {
      out.push({ name: e.name, folder: e.isDirectory() || (e.isSymbolicLink() && isFolder(nodePath.join(dir, e.name))) });
    }
    return out.length < MAX_PATH_ITEMS;
  });
  return out.sort((a, b) => Number(b.folder) - Number(a.folder) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isFolder(path: string): boolean {
  return nodeFs.statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

export function registerPatternCompletion(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): PatternCompletionProvider {
  const provider = new PatternCompletionProvider(analysis);
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(selector, provider, '/'));
  return provider;
}
