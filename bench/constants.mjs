// Constants shared by the bench, its child processes and the integration suite's large
// repository. The seeds: the peer's heap is measured on exactly the paths its timed run looked up.
export const PEER_SAMPLE_SEED = 7;
export const LOOKUP_SAMPLE_SEED = 11;

/**
 * File types for which VS Code's built-in extensions start language features in the extension
 * host (TypeScript's tsserver, Markdown, JSON, CSS, HTML, PHP). Opening such a file runs their
 * code beside ours, and their first tasks take hundreds of milliseconds (starting tsserver,
 * loading markdown-it): what measures this extension's tasks opens other files.
 */
export const BUILTIN_LANGUAGE_FEATURES = /\.(?:[cm]?[jt]sx?|json[c5]?|md|markdown|css|scss|less|html?|php|ipynb|hbs|handlebars)$/i;
