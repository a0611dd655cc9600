// Editing CODEOWNERS: diagnostics as you type, quick fixes (moving a subfolder file's rules
// into the file that is read among them), rule hovers and counts, owners' definitions,
// references and renames, owners and paths offered as you type, patterns as links, the
// outline and folding, the ownership map, and which host's syntax the file is read with.
// One analysis feeds them all.
import type * as vscode from 'vscode';
import type { OwnershipModel } from '../model/ownershipModel';
import { registerCodeownersDiagnostics } from './diagnostics';
import { CodeownersAnalysis } from './documentAnalysis';
import { registerCodeownersOutline } from './outline';
import { registerOwnerCompletion } from './ownerCompletion';
import { registerOwnerReferences } from './ownerReferences';
import { registerOwnerRename } from './ownerRename';
import { registerPatternCompletion } from './patternCompletion';
import { registerPatternLinks } from './patternLinks';
import { registerOwnershipMap } from './ownershipMapPanel';
import { registerFlavorStatus } from './flavorStatus';
import { registerMoveRulesFix } from './moveRules';
import { registerCodeownersQuickFixes } from './quickFixes';
import { registerRuleInsights } from './ruleInsights';

export function registerCodeownersEditing(context: vscode.ExtensionContext, model: OwnershipModel) {
  const analysis = new CodeownersAnalysis(model);
  context.subscriptions.push(analysis);
  const diagnostics = registerCodeownersDiagnostics(context, analysis);
  const quickFixes = registerCodeownersQuickFixes(context, analysis);
  const moveRules = registerMoveRulesFix(context, analysis, model);
  const insights = registerRuleInsights(context, analysis);
  const outline = registerCodeownersOutline(context, analysis);
  const completion = registerOwnerCompletion(context, analysis);
  const paths = registerPatternCompletion(context, analysis);
  const references = registerOwnerReferences(context, analysis);
  const rename = registerOwnerRename(context, analysis);
  const links = registerPatternLinks(context, analysis);
  const map = registerOwnershipMap(context, model, analysis);
  const flavor = registerFlavorStatus(context, analysis);
  return { analysis, diagnostics, quickFixes, moveRules, ...insights, outline, completion, paths, references, rename, links, map, flavor };
}
