// Every id the manifest (package.json) and the code share, in one place. A test checks that
// each command package.json declares is registered.

export const EXTENSION_ID = 'ownership-lens.ownership-lens';

export const Commands = {
  whoOwnsThisFile: 'ownershipLens.whoOwnsThisFile',
  openRule: 'ownershipLens.openRule',
  copyOwners: 'ownershipLens.copyOwners',
  showOwnershipMap: 'ownershipLens.showOwnershipMap',
  selectRubric: 'ownershipLens.selectRubric',
  refresh: 'ownershipLens.refresh',
  createStarterFiles: 'ownershipLens.createStarterFiles',
  copyExpectation: 'ownershipLens.copyExpectation',
  installPrecommitReminder: 'ownershipLens.installPrecommitReminder',
  removePrecommitReminder: 'ownershipLens.removePrecommitReminder',
  remindAgain: 'ownershipLens.remindAgain',
  /** Internal (hidden, the notification's button): list what a staged group's owners ask. */
  showStagedPractices: 'ownershipLens.showStagedPractices',
  resolveGitHubTeams: 'ownershipLens.resolveGitHubTeams',
  refreshTeams: 'ownershipLens.refreshTeams',
  signOutGitHub: 'ownershipLens.signOutGitHub',
  setGitLabToken: 'ownershipLens.setGitLabToken',
  clearGitLabToken: 'ownershipLens.clearGitLabToken',
  dismissTeamSuggestion: 'ownershipLens.dismissTeamSuggestion',
  showMembershipLog: 'ownershipLens.showMembershipLog',
  addOwnerRule: 'ownershipLens.addOwnerRule',
  copyReviewRequest: 'ownershipLens.copyReviewRequest',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const VIEW_CONTAINER = 'ownershipLens';
export const Views = {
  thisFile: 'ownershipLens.thisFile',
  rubric: 'ownershipLens.rubric',
  beforeCommit: 'ownershipLens.beforeCommit',
} as const;

/** The `<view>.focus` command VS Code generates for every view. */
export const focusViewCommand = (view: string): string => `${view}.focus`;

export const STATUS_BAR_ID = 'ownershipLens.owners';

/** Settings, without the `ownershipLens.` prefix (what getConfiguration('ownershipLens') takes). */
export const SETTINGS_SECTION = 'ownershipLens';
export const Settings = {
  codeownersPath: 'codeownersPath',
  flavor: 'flavor',
  me: 'me',
  rubric: 'rubric',
  decorations: 'decorations.enabled',
  statusBar: 'statusBar.enabled',
  notifications: 'beforeCommit.notifications',
  githubApiUrl: 'github.apiUrl',
  gitlabUrl: 'gitlab.url',
} as const;

/** Context keys set with `setContext`, read in package.json `when` clauses. */
export const ContextKeys = {
  /** What *This File* has to show: see `ThisFileState`. */
  thisFileState: 'ownershipLens.thisFileState',
} as const;

/** `noEditor`: no file is active; `noMap`: its repository has no CODEOWNERS; `noRepository`: not in a folder. */
export type ThisFileState = 'ready' | 'noEditor' | 'noMap' | 'outside';
