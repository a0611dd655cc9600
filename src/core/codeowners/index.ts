// The CODEOWNERS engine: locate, parse, match.
export * from './types';
export { parseCodeowners, detectFlavor, splitLines, GITHUB_SIZE_LIMIT, DEFAULT_SECTION } from './parse';
export { compileMatcher, normalizeRepoPath, type OwnershipMatcher } from './matcher';
export { locateCodeowners, LOCATIONS } from './locate';
export { loadRepositoryOwnership, ownershipFromText, type RepositoryOwnership, type RepositoryOptions, type FileDiagnostic } from './repository';
export { workSteps, resetWork } from './work';
