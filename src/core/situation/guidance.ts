// Everything the product says about one path, in one model: owners and rule (from the
// engine), the situation for me, the owning team, the practices that apply, the etiquette
// when the code is someone else's, and the rubric ordered for the situation.
import type { RuleRef } from '../codeowners/types';
import type { FileSystem } from '../fs';
import type { IdentityEntry, Me } from '../identity/identity';
import { componentsFor, literalRoot, type ComponentMatch } from '../practices/componentPaths';
import { nearestContributing } from '../practices/contributing';
import { ownerKey } from '../codeowners/owners';
import type { OwnershipConfig, Team } from '../practices/types';
import { expectationsByRelevance, isRelevant } from '../rubric/relevance';
import type { Expectation, Rubric } from '../rubric/types';
import { myOwnership, situationOf, type Situation } from './situation';

/** The engine's answer for a path, as the guidance needs it. */
export interface PathOwnership {
  /** Whether the repository has a CODEOWNERS file at all. */
  hasMap: boolean;
  owners: string[];
  rule: RuleRef | null;
}

export interface GuidanceContext {
  /** Absolute repository root. */
  root: string;
  fs: FileSystem;
  me: Me;
  config: OwnershipConfig;
  rubric: Rubric;
}

export interface Guidance {
  /** Repository-relative, forward slashes. */
  path: string;
  owners: string[];
  rule: RuleRef | null;
  situation: Situation;
  /** For `mine`: which owner is me, and why. */
  mineAs?: { owner: string; why: IdentityEntry };
  /** Owning teams described in ownership.yml, in the order CODEOWNERS lists them. */
  teams: Team[];
  components: ComponentMatch[];
  /** Team practices, then component practices; without repeats. */
  practices: string[];
  /** Repository-relative path of the CONTRIBUTING guide that applies, or null. */
  contributing: string | null;
  /** Only when upstream: the rubric's etiquette extended by the repository's. */
  etiquette: string[];
  /** The whole rubric, those that matter in this situation first. */
  expectations: Expectation[];
  /** How many of `expectations` (from the start) are tagged for this situation. */
  relevantCount: number;
  /** The rubric's one line of what to do here, if it has one. */
  advice?: string;
}

/** `isDirectory`, when the caller knows it, spares the CONTRIBUTING search a stat of `path`. */
export function guidanceFor(path: string, ownership: PathOwnership, ctx: GuidanceContext, isDirectory?: boolean): Guidance {
  const situation = situationOf(ownership.hasMap, ownership.owners, ctx.me);
  const teams = ownership.owners.map((o) => ctx.config.teams.get(ownerKey(o))).filter((t): t is Team => t !== undefined);
  const components = componentsFor(path, ctx.config);
  const practices = unique([...teams.flatMap((t) => t.practices), ...components.flatMap((c) => c.component.practices)]);
  const expectations = expectationsByRelevance(ctx.rubric, situation);
  return {
    path,
    owners: ownership.owners,
    rule: ownership.rule,
    situation,
    mineAs: situation === 'mine' ? myOwnership(ownership.owners, ctx.me) : undefined,
    teams,
    components,
    practices,
    contributing: nearestContributing(ctx.fs, ctx.root, path, componentRoot(path, ownership.rule, components), isDirectory),
    etiquette: situation === 'upstream' ? upstreamEtiquette(ctx.rubric, ctx.config) : [],
    expectations,
    relevantCount: expectations.filter((e) => isRelevant(e, situation)).length,
    advice: ctx.rubric.advice[situation],
  };
}

/** The rubric's default etiquette, then what the repository adds. */
export function upstreamEtiquette(rubric: Rubric, config: OwnershipConfig): string[] {
  return unique([...rubric.etiquette, ...config.etiquette]);
}

/**
 * Where the owner's area around the file starts, for the CONTRIBUTING search: the widest of
 * the matching ownership.yml components and the directory the CODEOWNERS rule names (a team's
 * guide at services/payments/ applies to its services/payments/api component too). The
 * repository root when neither says anything.
 */
function componentRoot(path: string, rule: RuleRef | null, components: ComponentMatch[]): string {
  const roots = [...components.map((c) => c.root), ...(rule ? [literalRoot(rule.pattern, path)] : [])];
  if (roots.length === 0) return '';
  return roots.reduce((a, b) => (depth(b) < depth(a) ? b : a));
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
