// MarkdownStrings for hovers and tooltips: icons allowed, HTML never, and command links
// trusted only for this extension's own commands. Repository text goes in through
// escapeMarkdown (util/markdown.ts) before it reaches here.
import vscode = require('vscode');
import { Commands } from '../constants';

/** The only commands a link in our Markdown may run. */
export const TRUSTED_COMMANDS: readonly string[] = [Commands.openRule, Commands.copyOwners, Commands.whoOwnsThisFile];

export function markdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...TRUSTED_COMMANDS] };
  return md;
}
