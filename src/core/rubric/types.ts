// The rubric model: what good ownership looks like at one level, tagged by the situations in
// which each part matters. Plain data, as validated against rubrics/rubric.schema.json.

/** Where an expectation or example matters. `commit`: I am about to commit. */
export type SituationTag = 'mine' | 'upstream' | 'unowned' | 'commit';
export const SITUATION_TAGS: readonly SituationTag[] = ['mine', 'upstream', 'unowned', 'commit'];

export type Theme = 'tests' | 'monitoring' | 'docs' | 'debt' | 'simplification' | 'review' | 'on-call' | 'design' | 'collaboration';

/** Keys of the one-line advice: every situation a file can be in, and the commit moment. */
export type AdviceKey = 'mine' | 'upstream' | 'unowned' | 'no-map' | 'commit';

export interface Expectation {
  id: string;
  title: string;
  /** In full, as the source states it. */
  text: string;
  /** "Ask yourself" prompts for the moment of editing. */
  ask: string[];
  situations: SituationTag[];
  themes: Theme[];
}

export interface Example {
  id: string;
  title?: string;
  text: string;
  /** `cautionary`: what goes wrong without the expectation, not a behaviour to copy. */
  kind: 'behaviour' | 'cautionary';
  /** Ids of the expectations it illustrates (all exist: the loader checks). */
  illustrates: string[];
  situations: SituationTag[];
  themes: Theme[];
}

/** One ring of "expanding circles" of ownership. */
export interface Circle {
  level: string;
  scope: string;
  text: string;
  detail?: string;
  attitude?: string;
  note?: string;
}

export interface Rubric {
  id: string;
  title: string;
  level: string;
  source?: string;
  intro?: string;
  advice: Partial<Record<AdviceKey, string>>;
  expectations: Expectation[];
  examples: Example[];
  /** Default etiquette for changes to components someone else owns. */
  etiquette: string[];
  circles: Circle[];
  trap?: { title: string; text: string };
  oneLiner?: string;
  /** Where it was loaded from (absolute path), for links and messages. */
  file: string;
}
