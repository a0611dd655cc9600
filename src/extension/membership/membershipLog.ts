// The "Ownership Lens" output channel, where membership problems are said (once each, never in
// a modal). It also keeps the last lines in memory, which is how the integration tests read it.
import vscode = require('vscode');

const KEEP_LINES = 200;

export class MembershipLog implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly kept: string[] = [];

  constructor(name = 'Ownership Lens') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** What was said, oldest first (at most the last KEEP_LINES lines). */
  get lines(): readonly string[] {
    return this.kept;
  }

  /** One line; callers pass text that is already free of tokens. */
  say(line: string): void {
    this.kept.push(line);
    if (this.kept.length > KEEP_LINES) this.kept.splice(0, this.kept.length - KEEP_LINES);
    this.channel.info(line);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
