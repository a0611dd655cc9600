// The CODEOWNERS engine: locate, parse, match.
export * from './types';
export { parseCodeowners, parseCodeownersSliced, GITHUB_SIZE_LIMIT, DEFAULT_SECTION } from './parse';
export { detectFlavor, detectFlavorEvidence, flavorReason, type FlavorEvidence } from './gitlab-header';
export { selectionOf } from './owners';
export { splitLines } from './line-text';
export { compileMatcher, compileMatcherSliced, type OwnershipMatcher, type LineVisitor } from './matcher';
export { normalizeRepoPath } from './repo-path';
export { FALLBACK, NO_RULE, type LineMatcher } from './line-matcher';
export { locateCodeowners, LOCATIONS } from './locate';
export { loadRepositoryOwnership, loadRepositoryOwnershipAsync, searchedCodeowners, ownershipFromText, ownershipFromTextAsync, type RepositoryOwnership, type RepositoryOptions, type FileDiagnostic, type FlavorChoice } from './repository';
export { workSteps, resetWork } from './work';
export { placementDiagnostic, type Placement } from './placement';
