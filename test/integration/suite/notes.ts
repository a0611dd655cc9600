// A line a test wants printed with its result (a figure it measured but cannot assert, e.g.
// a duration on a shared machine). The index writes it to the results file; the runner
// prints it under the test.
import type { Runnable } from 'mocha';

export function note(test: Runnable | undefined, text: string): void {
  if (!test) return;
  const t = test as Runnable & { notes?: string[] };
  (t.notes ??= []).push(text);
}

export function notesOf(test: Runnable): string[] | undefined {
  return (test as Runnable & { notes?: string[] }).notes;
}
