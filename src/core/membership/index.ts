// Team membership from GitHub and GitLab: what a front end (the CLI, the editor) needs. It
// supplies a token, an API base, an HttpClient, a MembershipStore and a clock; it gets back
// handles with the time they were fetched, and at most one problem to report per host.
export { forgetMembership, resolveMembership, DEFAULT_TIMEOUT_MS, type MembershipDeps, type MembershipOutcome, type RefreshPolicy } from './resolve';
export { isFresh, REFRESH_AFTER_MS, type MembershipStore, type StoredMembership } from './cache';
export { fileMembershipStore } from './fileStore';
export { githubApiBase, gitlabApiBase, normalizeApiBase, GITHUB_API, GITLAB_API } from './hosts';
export { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from './http';
export { nodeHttpClient } from './nodeHttpClient';
export { redact, REDACTED } from './redact';
export { utcMinute } from './time';
export { HOST_NAMES, type HostAccount, type HostKind, type Membership, type MembershipProblem, type ProblemKind } from './types';
