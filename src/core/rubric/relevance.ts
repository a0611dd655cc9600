// Orders a rubric for a situation: what matters here first, the rest after, each group in the
// rubric's own order (authors order expectations deliberately).
import type { Example, Expectation, Rubric, SituationTag } from './types';

/**
 * The tag that decides relevance for a situation. With no CODEOWNERS at all nothing has an
 * owner, so what matters is what matters for unowned code.
 */
export function relevanceTag(situation: SituationTag | 'no-map'): SituationTag {
  return situation === 'no-map' ? 'unowned' : situation;
}

export function expectationsByRelevance(rubric: Rubric, situation: SituationTag | 'no-map'): Expectation[] {
  const tag = relevanceTag(situation);
  const relevant = rubric.expectations.filter((e) => e.situations.includes(tag));
  return [...relevant, ...rubric.expectations.filter((e) => !e.situations.includes(tag))];
}

export function isRelevant(item: { situations: readonly SituationTag[] }, situation: SituationTag | 'no-map'): boolean {
  return item.situations.includes(relevanceTag(situation));
}

/** The examples that illustrate an expectation, those tagged for the situation first. */
export function examplesFor(rubric: Rubric, expectationId: string, situation?: SituationTag | 'no-map'): Example[] {
  const examples = rubric.examples.filter((ex) => ex.illustrates.includes(expectationId));
  if (situation === undefined) return examples;
  return [...examples.filter((ex) => isRelevant(ex, situation)), ...examples.filter((ex) => !isRelevant(ex, situation))];
}
