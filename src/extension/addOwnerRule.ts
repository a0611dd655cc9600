// "Add a CODEOWNERS Rule…": for a file nobody owns, pick what the rule covers
// (its folder, a folder above, the file alone) and its owner (the teams ownership.yml lists,
// the owners CODEOWNERS names most, mine, or one typed), and the rule goes first among the
// rules (core/codeowners/gap-rule.ts), where it takes only what no rule matches and changes no
// one else's files. When a rule matches the file but names no owners ("nobody has adopted
// this yet"), the owner goes on that rule instead: a rule placed first would lose to it. For
// a file someone owns (a new package that falls to the catch-all), the rule goes right after
// the rule that decides it today, taking over from it and leaving later rules their files
// (GitHub, Bitbucket; GitLab unites its sections' owners, so there it is left to the user).
// The edit is shown in CODEOWNERS and left unsaved, for the user to review and save; every
// surface follows the unsaved buffer at once.
import nodePath = require('node:path');
import vscode = require('vscode');
import { gapRuleEdit, ownerGap, takeoverRuleEdit } from '../core/codeowners/gap-rule';
import { compileMatcher } from '../core/codeowners/matcher';
import { classifyOwner, ownerKey } from '../core/codeowners/owners';
import { parseCodeowners } from '../core/codeowners/parse';
import type { Flavor, ParsedCodeowners, Rule } from '../core/codeowners/types';
import type { ActiveFile } from './activeFile';
import { Commands } from './constants';
import { patternName } from './codeowners/editing';
import type { OwnershipModel, PathLookup } from './model/ownershipModel';
import { ruleLocation } from './presentation';
import { iconInert, notificationMessage } from './util/inertText';

/** What the command can be told instead of asking (other commands, the tests). */
export interface AddRuleChoice {
  pattern?: string;
  owner?: string;
}

/** What it did: the CODEOWNERS edited, the 0-based line of the rule, and that line's text. */
export interface AddedRule {
  file: string;
  line: number;
  text: string;
}

/** Text to put at `offset` in place of the `replaced` code units there; `line` (0-based) is the rule's once done. */
interface TextEdit {
  offset: number;
  insert: string;
  line: number;
  replaced: number;
}

interface Scope {
  pattern: string;
  description: string;
}

export function registerAddOwnerRule(context: vscode.ExtensionContext, model: OwnershipModel, active: ActiveFile): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.addOwnerRule, async (arg?: unknown, choice: AddRuleChoice = {}): Promise<AddedRule | undefined> => {
      // A Uri (the Explorer, other commands), a tree node with one (Before You Commit's files), or the active file.
      const uri = arg instanceof vscode.Uri ? arg : (nodeUri(arg) ?? active.uri);
      if (!uri) {
        void vscode.window.showInformationMessage('Open a file first: the rule is for the active file.');
        return undefined;
      }
      const lookup = await model.lookup(uri);
      const refusal = lookup ? whyNot(lookup) : `${vscode.workspace.asRelativePath(uri)} is not in a workspace folder or a git repository.`;
      if (refusal !== null || !lookup) {
        const actions = lookup?.repo.ownership.file === null ? ['Create Starter CODEOWNERS'] : lookup?.rule ? ['Open Rule'] : [];
        void vscode.window.showInformationMessage(notificationMessage(refusal ?? ''), ...actions).then((picked) => {
          if (picked === 'Open Rule') void vscode.commands.executeCommand(Commands.openRule, uri);
          else if (picked) void vscode.commands.executeCommand(Commands.createStarterFiles, uri);
        });
        return undefined;
      }
      const { repo } = lookup;
      const flavor = repo.ownership.flavor as Flavor;
      const codeowners = vscode.Uri.file(nodePath.resolve(repo.root, repo.ownership.file as string));
      const doc = await vscode.workspace.openTextDocument(codeowners);
      const version = doc.version;
      const parsed = parseCodeowners(doc.getText(), { flavor });
      const deciding = lookup.rule ? parsed.rules.find((r) => r.line === lookup.rule?.line && r.pattern === lookup.rule.pattern) : undefined;
      // The model reads an edited CODEOWNERS a moment after each keystroke: it may not have caught up.
      if (lookup.rule && !deciding) return changing(repo.ownership.file as string);
      // A rule that matches but names no owners wins over any rule placed before it: name the owner there.
      const silent = deciding && lookup.owners.length === 0 ? deciding : undefined;
      const today = lookup.owners.length > 0 && lookup.rule ? `today ${lookup.owners.join(', ')} (${ruleLocation(lookup.rule)})` : null;

      const pattern = silent ? silent.pattern : (choice.pattern ?? (await pickScope(lookup, flavor, parsed, today)));
      if (pattern === undefined) return undefined;
      const title = silent && lookup.rule ? `The owner for ${silent.pattern} (${ruleLocation(lookup.rule)}), which names none now` : today ? `The new owner of ${pattern} (${today})` : `The owner of ${pattern}`;
      const owner = choice.owner ?? (await pickOwner(lookup, parsed, flavor, title));
      if (owner === undefined) return undefined;
      if (classifyOwner(owner, flavor) === null) {
        void vscode.window.showWarningMessage(notificationMessage(`"${owner}" is not an owner CODEOWNERS can name: write @user, @org/team or an email.`));
        return undefined;
      }

      // Edited while the pickers were open: what was decided above may no longer hold.
      if (doc.version !== version) return changing(repo.ownership.file as string);
      const text = doc.getText();
      // The deciding rule's own pattern: its owners are replaced (a copy after it would be a duplicate).
      const onRule = silent ?? (deciding?.pattern === pattern ? deciding : undefined);
      const edit: TextEdit = onRule
        ? ownerOnRule(text, parsed, onRule, owner)
        : { ...(deciding ? takeoverRuleEdit(text, parsed, deciding.line, pattern, [owner]) : gapRuleEdit(text, parsed, pattern, [owner])), replaced: 0 };
      // Checked by the engine before anything is written: the file must be the new owner's.
      const after = compileMatcher(parseCodeowners(text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.replaced), { flavor })).match(lookup.isDirectory ? `${lookup.path}/` : lookup.path);
      if (!after.owners.some((o) => ownerKey(o) === ownerKey(owner))) {
        void vscode.window.showWarningMessage(notificationMessage(`A rule ${pattern} ${owner} would not own ${lookup.path}: another rule decides it (GitLab: a "!" rule may exclude it). Edit ${repo.ownership.file} by hand.`));
        return undefined;
      }
      const workspaceEdit = new vscode.WorkspaceEdit();
      const start = doc.positionAt(edit.offset);
      workspaceEdit.replace(codeowners, new vscode.Range(start, doc.positionAt(edit.offset + edit.replaced)), edit.insert);
      if (!(await vscode.workspace.applyEdit(workspaceEdit))) return undefined;
      const line = doc.lineAt(edit.line);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line.range.start, line.range.end), preview: false });
      void vscode.window.setStatusBarMessage(iconInert(`Added ${line.text.trim().replace(/\s+/g, ' ')}: save ${repo.ownership.file} to keep it`), 8000);
      return { file: codeowners.fsPath, line: edit.line, text: line.text };
    }),
  );
}

function nodeUri(arg: unknown): vscode.Uri | undefined {
  const resource = (arg as { item?: vscode.TreeItem } | undefined)?.item?.resourceUri;
  return resource instanceof vscode.Uri ? resource : undefined;
}

function changing(file: string): undefined {
  void vscode.window.showInformationMessage(notificationMessage(`${file} changed while the rule was being chosen: run Add a CODEOWNERS Rule… again.`));
  return undefined;
}

/** Why no rule is added for this file, or null when one can be. */
function whyNot(lookup: PathLookup): string | null {
  const file = lookup.repo.ownership.file;
  if (file === null || lookup.repo.ownership.flavor === null) return `${lookup.path}: its repository has no CODEOWNERS file yet.`;
  // GitLab unites the owners of every section that matches: which section the new owner
  // belongs in, and whether the others should stay, is for the user to say.
  if (lookup.owners.length > 0 && lookup.repo.ownership.flavor === 'gitlab') {
    return `${lookup.path} is owned by ${lookup.owners.join(', ')}: on GitLab every section that matches adds its owners, so add the new owner to the section it belongs in, in ${file}.`;
  }
  return null;
}

/** The scopes a rule can have for the file: its folder, each folder above it, the file itself. */
export function scopesOf(path: string, isDirectory: boolean): Scope[] {
  const segments = path.split('/');
  const names = segments.map(patternName);
  const scopes: Scope[] = [];
  for (let depth = isDirectory ? segments.length : segments.length - 1; depth >= 1; depth--) {
    const dir = names.slice(0, depth);
    if (dir.some((n) => n === null)) continue;
    const nearest = scopes.length === 0;
    scopes.push({ pattern: `/${dir.join('/')}/`, description: nearest ? (isDirectory ? 'this folder and everything in it' : 'its folder and everything in it') : 'a folder above, and everything in it' });
  }
  if (!isDirectory && names.every((n) => n !== null)) scopes.push({ pattern: `/${names.join('/')}`, description: 'this file only' });
  return scopes;
}

async function pickScope(lookup: PathLookup, flavor: Flavor, parsed: ParsedCodeowners, today: string | null): Promise<string | undefined> {
  const scopes = scopesOf(lookup.path, lookup.isDirectory);
  if (scopes.length === 0) {
    void vscode.window.showWarningMessage(notificationMessage(`${lookup.path}: its name needs escapes a rule cannot be sure of; write the rule by hand.`));
    return undefined;
  }
  const gitlab = flavor === 'gitlab' && parsed.headers.length > 0 ? ' On GitLab, files under it that only named sections own gain this owner beside theirs.' : '';
  const picked = await vscode.window.showQuickPick(
    scopes.map((s) => ({ label: iconInert(s.pattern), description: s.description, pattern: s.pattern })),
    {
      title: `A CODEOWNERS rule for ${lookup.path}`,
      placeHolder: today
        ? `What the rule covers: ${today}; it goes right after that rule and takes over from it and the rules before it, and the rules further down keep their files. Tell the owners.`
        : `What the rule covers: it goes first, so it takes only what no rule matches and existing rules keep their files.${gitlab}`,
      ignoreFocusOut: true,
    },
  );
  return picked?.pattern;
}

/** The owners offered: the teams ownership.yml lists, those CODEOWNERS names most, mine; any other can be typed. */
export function ownerCandidates(lookup: PathLookup, parsed: ParsedCodeowners): Array<{ owner: string; description: string }> {
  const out = new Map<string, { owner: string; description: string }>();
  const add = (owner: string, description: string) => out.has(ownerKey(owner)) || out.set(ownerKey(owner), { owner, description });
  for (const team of lookup.repo.config.teams.values()) add(team.handle, team.name ?? 'a team in ownership.yml');
  const counts = new Map<string, { owner: string; rules: number }>();
  for (const rule of parsed.rules) {
    for (const o of rule.owners) {
      const c = counts.get(ownerKey(o.text)) ?? { owner: o.text, rules: 0 };
      c.rules++;
      counts.set(ownerKey(o.text), c);
    }
  }
  for (const c of [...counts.values()].sort((a, b) => b.rules - a.rules || (a.owner < b.owner ? -1 : 1))) add(c.owner, `named on ${c.rules} rule${c.rules === 1 ? '' : 's'}`);
  for (const handle of lookup.repo.me.handles) add(handle, 'you');
  return [...out.values()];
}

async function pickOwner(lookup: PathLookup, parsed: ParsedCodeowners, flavor: Flavor, title: string): Promise<string | undefined> {
  const known = ownerCandidates(lookup, parsed).map((c) => ({ label: iconInert(c.owner), description: iconInert(c.description), owner: c.owner }));
  const pick = vscode.window.createQuickPick<{ label: string; description?: string; owner: string }>();
  pick.title = title;
  pick.placeholder = 'A team, a user or an email: pick one, or type it';
  pick.ignoreFocusOut = true;
  pick.items = known;
  // What is typed is offered too, first, when it is an owner the flavor accepts and not listed.
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    const listed = known.some((k) => ownerKey(k.owner) === ownerKey(typed));
    pick.items = typed !== '' && !listed && classifyOwner(typed, flavor) !== null ? [{ label: iconInert(typed), description: 'as typed', owner: typed }, ...known] : known;
  });
  return new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0]?.owner;
      if (chosen === undefined) return;
      resolve(chosen);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/**
 * `owner` as the only owner of `rule` (one that names none, or whose owners it replaces),
 * written after its pattern and lined up with the other rules' owners.
 */
function ownerOnRule(text: string, parsed: ParsedCodeowners, rule: Rule, owner: string): TextEdit {
  const lines = text.split('\n');
  const lineText = (lines[rule.line - 1] ?? '').replace(/\r$/, '');
  let start = 0;
  for (let i = 0; i < rule.line - 1; i++) start += lines[i].length + 1;
  const end = rule.column - 1 + rule.pattern.length;
  // Everything after the pattern gives way (owners, repeats the parser dropped, Bitbucket
  // selections, invalid words, trailing blanks) up to an inline comment, which stays.
  const rest = lineText.slice(end);
  const comment = rest.search(/\s#/);
  const gap = ownerGap(text, parsed, end);
  const replaced = comment < 0 ? rest.length : comment;
  return { offset: start + end, insert: `${gap}${owner}`, line: rule.line - 1, replaced };
}
