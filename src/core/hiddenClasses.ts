// Keeps V8's hidden classes of the engine's short-lived objects alive between runs.
//
// Why: V8 builds the hidden class ("map") of a class instance by adding its fields one at a
// time, and holds the classes made that way only weakly. When a full collection finds no
// object left of such a class, it drops the class, and with it the optimised code and the
// inline caches that were specialised to it. A CODEOWNERS file is parsed and compiled again
// on every edit, and the parser, the matcher and their working objects are all garbage by
// the next edit: so after each full collection the next parse ran deoptimised, three to four
// times slower (`node --trace-deopt`: "reason: weak objects"). One kept instance per class is
// enough to keep its hidden class, and costs a few hundred bytes.

const kept: object[] = [];

/** Keeps these objects for the life of the process, so their hidden classes stay alive. */
export function keepHiddenClasses(...exemplars: object[]): void {
  kept.push(...exemplars);
}
