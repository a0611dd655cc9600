// When a repository's file list (`git ls-files`, untracked files git does not ignore included)
// may have changed, learned without watching the repository's tree: a `**/*` watcher makes
// VS Code send every file event of the workspace (a build, `npm install`) to the extension
// host. What is followed instead:
//   - the repository's index (and `info/exclude`) through a watcher on its git directory:
//     `git add`, `rm`, `mv`, checkout, pull, stash and reset all rewrite it;
//   - files created, deleted and renamed through VS Code (explorer, WorkspaceEdit, refactors),
//     which VS Code reports without any watcher, and `.gitignore` saved in an editor.
// The cost: a file a terminal or a build creates or deletes, and git's index does not record,
// is seen when the index next changes, another of these events comes, or a CODEOWNERS is
// opened again. A watcher can miss the index's change (inotify's limit used up by a large
// monorepo, network drives): when the window regains focus, after a commit or a checkout made
// in another application, the index and `info/exclude` are compared with the disk as well.
import nodePath = require('node:path');
import vscode = require('vscode');
import { gitDirOf } from '../git/gitDir';
import { FileStamp } from '../model/fileStamps';
import { Disposable } from '../util/dispose';

/** Paths under these never change a listing worth re-reading (dependencies, git's own files). */
const IGNORED_SEGMENTS = new Set(['node_modules', '.git']);

/** Whether `fsPath` lies under node_modules or .git of the repository at `root` (undefined: not in it at all). */
function ignoredIn(root: string, fsPath: string): boolean | undefined {
  if (fsPath !== root && !fsPath.startsWith(root + nodePath.sep)) return undefined;
  return fsPath.slice(root.length + 1).split(nodePath.sep).some((s) => IGNORED_SEGMENTS.has(s));
}

export class FileListEvents extends Disposable {
  /** Followed repository roots → what follows them (the git directory watcher joins once found). */
  private readonly followed = new Map<string, vscode.Disposable[]>();
  /** By followed root, once its git directory is found: its index and info/exclude as last seen. */
  private readonly gitFiles = new Map<string, FileStamp>();
  private readonly changed = this._register(new vscode.EventEmitter<string>());
  /** Fires with the root of a followed repository whose file list may have changed. */
  readonly onDidChange = this.changed.event;
  /** File events set aside because they lie under node_modules or .git (the integration tests read it). */
  skipped = 0;
  /**
   * Changes reported from VS Code's file operations (not from the git directory's watcher,
   * whose events can arrive late: the integration tests tell the two apart with it).
   */
  fromFileOperations = 0;

  constructor() {
    super();
    this._register(vscode.workspace.onDidCreateFiles((e) => this.touched(e.files)));
    this._register(vscode.workspace.onDidDeleteFiles((e) => this.touched(e.files)));
    this._register(vscode.workspace.onDidRenameFiles((e) => this.touched(e.files.flatMap((f) => [f.oldUri, f.newUri]))));
    this._register(vscode.workspace.onDidSaveTextDocument((doc) => nodePath.basename(doc.uri.fsPath) === '.gitignore' && this.touched([doc.uri])));
    this._register(vscode.window.onDidChangeWindowState((state) => state.focused && this.recheck()));
    this._register({ dispose: () => this.unfollowAll() });
  }

  /** Starts following the repository at `root` (absolute), once. */
  follow(root: string): void {
    if (this.followed.has(root) || this.isDisposed) return;
    const held: vscode.Disposable[] = [];
    this.followed.set(root, held);
    const fire = () => {
      // What the watcher reported is not news again at the next recheck.
      this.gitFiles.get(root)?.changed();
      this.changed.fire(root);
    };
    void gitDirOf(root).then((gitDir) => {
      // Unfollowed (no CODEOWNERS open any more) while git's directory was looked up.
      if (!gitDir || this.followed.get(root) !== held) return;
      this.gitFiles.set(root, new FileStamp([nodePath.join(gitDir, 'index'), nodePath.join(gitDir, 'info', 'exclude')]));
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(gitDir), '{index,info/exclude}'));
      held.push(watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire));
    });
  }

  unfollowAll(): void {
    for (const held of this.followed.values()) for (const d of held) d.dispose();
    this.followed.clear();
    this.gitFiles.clear();
  }

  /** Fires for each followed repository whose index or info/exclude changed unreported; returns how many. */
  recheck(): number {
    const changed = [...this.gitFiles].filter(([, files]) => files.changed()).map(([root]) => root);
    for (const root of changed) this.changed.fire(root);
    return changed.length;
  }

  private touched(uris: readonly vscode.Uri[]): void {
    const roots = new Set<string>();
    for (const uri of uris) {
      if (uri.scheme !== 'file') continue;
      for (const root of this.followed.keys()) {
        const ignored = ignoredIn(root, uri.fsPath);
        if (ignored) this.skipped++;
        else if (ignored === false) roots.add(root);
      }
    }
    for (const root of roots) {
      this.fromFileOperations++;
      this.changed.fire(root);
    }
  }
}
