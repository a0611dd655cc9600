// A rule's pattern that names one path (`/src/app.ts`, `/services/billing/`) is a link in
// CODEOWNERS: Ctrl+click opens the file, or shows the folder in the Explorer (for a path that
// is not there, the nearest folder above it that is). Whether it
// exists is asked only when a link is followed or hovered (resolveDocumentLink), not for every
// rule whenever the file changes.
import nodeFs = require('node:fs');
import nodePath = require('node:path');
import vscode = require('vscode');
import { CODEOWNERS_LANGUAGE, type CodeownersAnalysis } from './documentAnalysis';
import { literalPathOf } from './editing';

const selector: vscode.DocumentSelector = { language: CODEOWNERS_LANGUAGE, scheme: 'file' };

/** Beyond this many rules no links are given: VS Code asks for them after every edit, and sends them all to the window. */
export const MAX_RULE_LINKS = 2000;

class PatternLink extends vscode.DocumentLink {
  constructor(
    range: vscode.Range,
    readonly absPath: string,
    readonly relPath: string,
  ) {
    super(range);
  }
}

export class PatternLinkProvider implements vscode.DocumentLinkProvider<PatternLink> {
  constructor(private readonly analysis: CodeownersAnalysis) {}

  async provideDocumentLinks(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<PatternLink[]> {
    const state = await this.analysis.parsedNow(doc, token);
    if (!state || state.parsed.rules.length > MAX_RULE_LINKS) return [];
    const links: PatternLink[] = [];
    for (const rule of state.parsed.rules) {
      const literal = literalPathOf(rule, state.flavor);
      if (literal === null) continue;
      const rel = literal.names.join('/');
      const start = rule.column - 1;
      const link = new PatternLink(new vscode.Range(rule.line - 1, start, rule.line - 1, start + rule.pattern.length), nodePath.join(state.root, ...rel.split('/')), rel);
      link.tooltip = `Open ${rel}`;
      links.push(link);
    }
    return links;
  }

  resolveDocumentLink(link: PatternLink): PatternLink {
    const st = nodeFs.statSync(link.absPath, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) {
      link.target = vscode.Uri.file(link.absPath);
      return link;
    }
    if (st) {
      link.target = reveal(link.absPath);
      link.tooltip = `Show the folder ${link.relPath} in the Explorer`;
      return link;
    }
    // Not there (a rule left behind by a move, or a typo): the nearest folder above it that is.
    let rel = link.relPath;
    let dir = link.absPath;
    do {
      rel = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
      dir = nodePath.dirname(dir);
    } while (rel !== '' && !nodeFs.statSync(dir, { throwIfNoEntry: false })?.isDirectory());
    link.target = reveal(dir);
    link.tooltip = `${link.relPath} is not in the working tree: show ${rel === '' ? 'the repository root' : rel} in the Explorer`;
    return link;
  }
}

function reveal(absPath: string): vscode.Uri {
  return vscode.Uri.parse(`command:revealInExplorer?${encodeURIComponent(JSON.stringify([vscode.Uri.file(absPath)]))}`);
}

export function registerPatternLinks(context: vscode.ExtensionContext, analysis: CodeownersAnalysis): PatternLinkProvider {
  const provider = new PatternLinkProvider(analysis);
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider(selector, provider));
  return provider;
}
