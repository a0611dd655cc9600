// Who GitHub and GitLab say I am, for the editor: GitHub through VS Code's own GitHub sign-in
// (a silent look at startup, a prompt only from a command), GitLab through a personal access
// token in SecretStorage. Answers live in globalState (core/membership keeps the fetch time and
// the last good answer); failures go to the output channel once each and never block anything.
import vscode = require('vscode');
import {
  forgetMembership,
  githubApiBase,
  gitlabApiBase,
  GITHUB_API,
  HOST_NAMES,
  nodeHttpClient,
  resolveMembership,
  utcMinute,
  type HostAccount,
  type HostKind,
  type HttpClient,
  type Membership,
  type MembershipOutcome,
  type MembershipProblem,
  type MembershipStore,
  type RefreshPolicy,
} from '../../core/membership';
import { SETTINGS_SECTION, Settings } from '../constants';
import { Disposable } from '../util/dispose';
import type { MembershipLog } from './membershipLog';

/** The scope GitHub needs to list a user's teams. */
export const GITHUB_SCOPES = ['read:org'];
/** How often to check whether an answer is a day old (the check itself costs nothing). */
const AUTO_CHECK_MS = 60 * 60 * 1000;
/** A silent session look-up that has not answered by then counts as no session. */
const SILENT_SESSION_TIMEOUT_MS = 10_000;

const State = {
  /** True once the user asked to use GitHub, false after "sign out": gates the silent look-up. */
  githubEnabled: 'ownershipLens.github.enabled',
} as const;

export interface GitHubSession {
  accessToken: string;
  account: { label: string };
}

/**
 * How a GitHub session is obtained: VS Code's authentication API, or (in the integration
 * tests, where the GitHub provider cannot sign in offline) a stand-in.
 */
export type GitHubSessionProvider = (providerId: string, scopes: readonly string[], options: { createIfNone: boolean; silent: boolean }) => Promise<GitHubSession | undefined>;

/** Asks for a GitLab token: an input box, or in the tests a stand-in. */
export type TokenInput = (apiBase: string) => Promise<string | undefined>;

export interface HostStatus {
  host: HostKind;
  /** The API base in use, or undefined when the setting is not a usable URL. */
  baseUrl?: string;
  /** A token (GitLab) or a session (GitHub) is available. */
  connected: boolean;
  /** GitHub: the VS Code account the session belongs to. */
  account?: string;
  membership?: Membership;
  problem?: MembershipProblem;
  /** A request to the host is under way. */
  busy: boolean;
}

export interface MembershipServiceOptions {
  http?: HttpClient;
  now?: () => number;
}

export class MembershipService extends Disposable {
  private readonly statuses = new Map<HostKind, HostStatus>();
  /** One resolution at a time per host: the core does not merge concurrent calls. */
  private readonly queues = new Map<HostKind, Promise<unknown>>();
  /** Problems and notes already said, so each is said once. */
  private readonly said = new Set<string>();
  private readonly changed = this._register(new vscode.EventEmitter<{ identity: boolean }>());
  /** Fires when what the hosts say (identity) or only how they are (status) changed. */
  readonly onDidChange = this.changed.event;
  private readonly http: HttpClient;
  /** Milliseconds since the epoch; the tests move it to make an answer a day old. */
  now: () => number;
  private readonly store: MembershipStore;

  /** Replaceable in the tests (see the extension's test API). */
  githubSessions: GitHubSessionProvider = vscodeGitHubSessions;
  tokenInput: TokenInput = askForToken;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: MembershipLog,
    options: MembershipServiceOptions = {},
  ) {
    super();
    this.http = options.http ?? nodeHttpClient;
    this.now = options.now ?? Date.now;
    const state = context.globalState;
    this.store = {
      get: (key) => state.get(key),
      set: async (key, value) => {
        await state.update(key, value);
      },
    };
    for (const host of ['github', 'gitlab'] as const) this.statuses.set(host, { host, connected: false, busy: false, baseUrl: this.apiBase(host) });

    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (HOST_SETTINGS.some((s) => e.affectsConfiguration(s))) void this.resolveAll('auto');
      }),
    );
    this._register(
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === this.githubProviderId()) void this.resolve('github', 'auto');
      }),
    );
    const timer = setInterval(() => void this.refreshIfStale(), AUTO_CHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
  }

  /** Startup: the cached answers first (no network), then a background refresh of stale ones. */
  async start(): Promise<void> {
    await this.resolveAll('cached');
    await this.refreshIfStale();
  }

  /** The background check: asks a host only when its answer is a day old (or after a backoff). */
  refreshIfStale(): Promise<HostStatus[]> {
    return this.resolveAll('auto');
  }

  /** Every host's answer in use, for resolveIdentity. */
  get memberships(): Membership[] {
    return [...this.statuses.values()].map((s) => s.membership).filter((m): m is Membership => m !== undefined);
  }

  status(host: HostKind): HostStatus {
    return { ...this.statuses.get(host)! };
  }

  /** A host's answer again, for a command; resolves when it is in. */
  resolve(host: HostKind, policy: RefreshPolicy, options: { interactive?: boolean } = {}): Promise<HostStatus> {
    return this.serial(host, () => this.resolveNow(host, policy, options.interactive === true));
  }

  resolveAll(policy: RefreshPolicy): Promise<HostStatus[]> {
    return Promise.all([this.resolve('github', policy), this.resolve('gitlab', policy)]);
  }

  /** "Resolve my teams from GitHub": asks VS Code for a session, signing in if needed. */
  async connectGitHub(): Promise<HostStatus> {
    await this.context.globalState.update(State.githubEnabled, true);
    return this.resolve('github', 'refresh', { interactive: true });
  }

  /** Stops using GitHub here and forgets what it said; VS Code's own sign-in is left alone. */
  async disconnectGitHub(): Promise<void> {
    await this.context.globalState.update(State.githubEnabled, false);
    await this.serial('github', async () => this.forget('github'));
  }

  /** Asks for a GitLab token (through `tokenInput`), keeps it in SecretStorage, and resolves. */
  async setGitLabToken(): Promise<HostStatus | undefined> {
    const base = this.apiBase('gitlab');
    if (base === undefined) {
      this.log.say(`GitLab: the ${SETTINGS_SECTION}.${Settings.gitlabUrl} setting is not an http(s) URL; no token was asked for.`);
      return undefined;
    }
    const token = (await this.tokenInput(base))?.trim();
    if (!token) return undefined;
    await this.serial('gitlab', async () => {
      await this.context.secrets.store(secretKey(base), token);
      this.log.say(`GitLab (${base}): a personal access token was stored in VS Code's secret storage.`);
    });
    return this.resolve('gitlab', 'refresh');
  }

  async clearGitLabToken(): Promise<void> {
    const base = this.apiBase('gitlab');
    await this.serial('gitlab', async () => {
      if (base !== undefined) await this.context.secrets.delete(secretKey(base));
      await this.forget('gitlab');
    });
  }

  // --- one host --------------------------------------------------------------------------

  private serial<T>(host: HostKind, run: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(host) ?? Promise.resolve();
    const next = previous.then(run);
    this.queues.set(host, next.catch(() => undefined));
    return next;
  }

  private async resolveNow(host: HostKind, policy: RefreshPolicy, interactive: boolean): Promise<HostStatus> {
    const account = await this.account(host, interactive);
    if (!account) {
      this.update(host, { connected: false, account: undefined, membership: undefined, problem: undefined, baseUrl: this.apiBase(host) });
      return this.status(host);
    }
    if (policy !== 'cached') this.update(host, { busy: true });
    let outcome: MembershipOutcome;
    try {
      outcome = await resolveMembership(account, { http: this.http, store: this.store, now: this.now }, policy);
    } finally {
      if (policy !== 'cached') this.update(host, { busy: false }, false);
    }
    this.report(outcome);
    this.update(host, { connected: true, account: account.label, baseUrl: outcome.baseUrl, membership: outcome.membership, problem: outcome.problem });
    return this.status(host);
  }

  private async forget(host: HostKind): Promise<void> {
    const s = this.statuses.get(host)!;
    for (const base of new Set([s.baseUrl, s.membership?.baseUrl, this.apiBase(host)])) {
      if (base !== undefined) await forgetMembership(this.store, host, base);
    }
    this.log.say(`${HOST_NAMES[host]}: no longer used for your identity; what it said was forgotten.`);
    this.update(host, { connected: false, account: undefined, membership: undefined, problem: undefined, baseUrl: this.apiBase(host) });
  }

  /** The account to ask with, or undefined: no session or token (never a prompt unless `interactive`). */
  private async account(host: HostKind, interactive: boolean): Promise<(HostAccount & { label?: string }) | undefined> {
    const baseUrl = this.apiBase(host);
    if (baseUrl === undefined) {
      const setting = host === 'github' ? Settings.githubApiUrl : Settings.gitlabUrl;
      this.sayOnce(`${host}:bad-base`, `${HOST_NAMES[host]}: the ${SETTINGS_SECTION}.${setting} setting is not an http(s) URL without credentials; not asking ${HOST_NAMES[host]}.`);
      return undefined;
    }
    if (host === 'gitlab') {
      const token = await Promise.resolve(this.context.secrets.get(secretKey(baseUrl))).catch(() => undefined);
      return token ? { host, baseUrl, token } : undefined;
    }
    if (!interactive && this.context.globalState.get<boolean>(State.githubEnabled) !== true) return undefined;
    const session = await this.githubSession(interactive);
    return session ? { host, baseUrl, token: session.accessToken, label: session.account.label } : undefined;
  }

  private async githubSession(interactive: boolean): Promise<GitHubSession | undefined> {
    const providerId = this.githubProviderId();
    const ask = this.githubSessions(providerId, GITHUB_SCOPES, { createIfNone: interactive, silent: !interactive });
    try {
      if (interactive) return await ask;
      // A provider that never answers (none registered, e.g. in a browser) must not hold up the queue.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SILENT_SESSION_TIMEOUT_MS)));
      try {
        return await Promise.race([ask, timeout]);
      } finally {
        clearTimeout(timer);
      }
    } catch (e) {
      // Cancelled sign-in, or no GitHub provider: say it once, quietly.
      this.sayOnce(`github:session:${errorText(e)}`, `GitHub: no session (${errorText(e)}).`);
      return undefined;
    }
  }

  /** VS Code's provider for github.com is `github`; for GitHub Enterprise Server, `github-enterprise`. */
  private githubProviderId(): string {
    return this.apiBase('github') === GITHUB_API ? 'github' : 'github-enterprise';
  }

  /** The API base from the settings: ours first, then (GitHub) VS Code's `github-enterprise.uri`. */
  apiBase(host: HostKind): string | undefined {
    const ours = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(host === 'github' ? Settings.githubApiUrl : Settings.gitlabUrl)?.trim();
    if (host === 'gitlab') return gitlabApiBase(ours);
    if (ours) return githubApiBase(ours);
    return githubApiBase(vscode.workspace.getConfiguration('github-enterprise').get<string>('uri'));
  }

  // --- what changed, what to say --------------------------------------------------------

  private update(host: HostKind, patch: Partial<HostStatus>, fire = true): void {
    const before = this.statuses.get(host)!;
    const after = { ...before, ...patch };
    this.statuses.set(host, after);
    if (!fire) return;
    const identity = identityKey(before.membership) !== identityKey(after.membership);
    this.changed.fire({ identity });
  }

  /** A problem or a missing team list, said once (until the host answers well again). */
  private report(outcome: MembershipOutcome): void {
    const host = HOST_NAMES[outcome.host];
    const m = outcome.membership;
    if (outcome.problem) {
      const fallback = m ? `using what ${host} said on ${utcMinute(m.fetchedAt)}` : 'going by the settings, git and ownership.yml only';
      this.sayOnce(`${outcome.host}:problem:${outcome.problem.kind}:${outcome.problem.message}`, `${outcome.problem.message}; ${fallback}.`);
      return;
    }
    if (outcome.fetched) {
      // A good answer: the next failure is news again.
      for (const key of [...this.said]) if (key.startsWith(`${outcome.host}:`)) this.said.delete(key);
      if (m) this.log.say(`${host} (${outcome.baseUrl}): you are ${m.login}${m.teamsKnown ? `, in ${m.teams.length} team${m.teams.length === 1 ? '' : 's'}${m.teams.length ? `: ${m.teams.join(', ')}` : ''}` : ''}.`);
    }
    if (m && !m.teamsKnown) this.sayOnce(`${outcome.host}:teams-unknown`, `${m.teamsNote ?? `${host} did not list your teams`}; going by your ${host} login ${m.login} without teams.`);
  }

  private sayOnce(key: string, line: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.log.say(line);
  }
}

/** The settings that move a host's API base. */
const HOST_SETTINGS = [`${SETTINGS_SECTION}.${Settings.githubApiUrl}`, `${SETTINGS_SECTION}.${Settings.gitlabUrl}`, 'github-enterprise.uri'];

/** One secret per GitLab instance: a token is never sent to another server than its own. */
function secretKey(apiBase: string): string {
  return `ownershipLens.gitlab.token/${apiBase}`;
}

function identityKey(m: Membership | undefined): string {
  return m ? JSON.stringify([m.host, m.baseUrl, m.login, m.teams]) : '';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const vscodeGitHubSessions: GitHubSessionProvider = async (providerId, scopes, options) => {
  const session = options.createIfNone
    ? await vscode.authentication.getSession(providerId, [...scopes], { createIfNone: true })
    : await vscode.authentication.getSession(providerId, [...scopes], { silent: true });
  return session ? { accessToken: session.accessToken, account: { label: session.account.label } } : undefined;
};

export const askForToken: TokenInput = (apiBase) =>
  Promise.resolve(
    vscode.window.showInputBox({
      title: 'GitLab personal access token',
      prompt: `For ${apiBase}: a token with the read_api scope lists your groups (read_user gives your username only). It is kept in VS Code's secret storage.`,
      placeHolder: 'glpat-…',
      password: true,
      ignoreFocusOut: true,
    }),
  );
