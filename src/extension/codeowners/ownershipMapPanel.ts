// "Show ownership map": the report page (coverage, owners, a treemap by directory) in a
// webview. Its Content Security Policy allows nothing but the webview's own resources and the
// page's inline style and script by a nonce drawn anew for every load; it may load files only
// from media/; messages from it are validated (mapProtocol.ts).
import { randomBytes } from 'node:crypto';
import vscode = require('vscode');
import { parseCodeowners } from '../../core/codeowners/parse';
import { Commands } from '../constants';
import { lazyBundle } from '../lazy';
import type { OwnershipModel } from '../model/ownershipModel';
import { withControlsShown } from '../util/inertText';
import type { CodeownersAnalysis } from './documentAnalysis';
import { isMapMessage } from './mapProtocol';

export const MAP_VIEW_TYPE = 'ownershipLens.ownershipMap';

export class OwnershipMapPanels {
  /** The open panel, if any (one at a time; the command reveals and refreshes it). */
  panel: vscode.WebviewPanel | undefined;
  private root: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly model: OwnershipModel,
    private readonly analysis: CodeownersAnalysis,
  ) {}

  async show(target?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
    const uri = target ?? vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const repo = uri && (await this.model.repositoryFor(uri));
    if (!repo) {
      void vscode.window.showInformationMessage('Open a file of a repository to see its ownership map.');
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage('The ownership map lists the files git tracks: trust this workspace to see it.');
      return undefined;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, 'Ownership map', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isMapMessage(m) && this.root) void this.render(this.root);
      });
    } else {
      this.panel.reveal();
    }
    this.root = repo.root;
    await this.render(repo.root);
    return this.panel;
  }

  private async render(root: string): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const repo = await this.model.repositoryFor(vscode.Uri.file(root));
    // The analysis runs in the analysis worker: a large repository's takes longer than the
    // extension host may be held. The page is loaded with it, on first use.
    const [parts, { renderReportHtml }] = await Promise.all([
      repo && this.analysis.report(root, { parsed: repo.ownership.parsed ?? parseCodeowners('', { flavor: 'github' }), file: repo.ownership.file, config: repo.config, hasMap: repo.ownership.parsed !== null }),
      typeof __LAZY_BUNDLES__ !== 'undefined' ? lazyBundle('map') : import('../lazy/map.js'),
    ]);
    if (!parts || this.panel !== panel) {
      if (this.panel === panel) panel.webview.html = '';
      return;
    }
    const { report, map } = parts;
    const nonce = randomBytes(16).toString('base64');
    panel.title = `Ownership map · ${root.split(/[\\/]/).pop() ?? root}`;
    // The page escapes HTML and writes names as text; control and bidi characters are shown as escapes.
    panel.webview.html = renderReportHtml(withControlsShown(report), withControlsShown(map), { webview: { nonce, cspSource: panel.webview.cspSource } });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

export function registerOwnershipMap(context: vscode.ExtensionContext, model: OwnershipModel, analysis: CodeownersAnalysis): OwnershipMapPanels {
  const panels = new OwnershipMapPanels(context.extensionUri, model, analysis);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(Commands.showOwnershipMap, (target?: unknown) => panels.show(target instanceof vscode.Uri ? target : undefined)),
  );
  return panels;
}
