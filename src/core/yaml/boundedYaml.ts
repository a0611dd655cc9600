// Reads a YAML configuration file from the repository (a rubric, ownership.yml) defensively:
// the file is untrusted input that every editor action may end up parsing.
//
// - Size: files over MAX_YAML_BYTES are refused from their size alone, before reading them.
// - Aliases: `&a [*b, *b, ...]` chains expand exponentially ("billion laughs"); converting to
//   plain data stops after MAX_YAML_ALIASES alias expansions instead.
// - Nesting: collections deeper than MAX_YAML_DEPTH are refused before anything recurses
//   over them (see nesting.ts).
// - Bytes: a file with NUL bytes is binary and not used; invalid UTF-8 is reported (at its
//   first bad byte) and the decoded text, with U+FFFD in its place, is used.
// - Positions: the parsed Document and a LineCounter are kept, so that any later finding
//   (schema errors, dangling ids) can point at a line and column.
import { Composer, LineCounter, Parser, YAMLParseError, isAlias, isMap, isNode, isScalar, isSeq, visit, type CST, type Document, type Node, type ParsedNode } from 'yaml';
import type { FileDiagnostic } from '../codeowners/repository';
import { readHead, type FileSystem } from '../fs';
import { decodeUtf8, positionInText } from '../utf8';
import { firstTooDeep, MAX_YAML_DEPTH } from './nesting';
import { formatPath, type JsonPath } from './schemaValidator';

export type { FileDiagnostic };

/** Configuration files are a few kB; 1 MiB leaves room without letting a huge file stall us. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** Hand-written files use a handful of aliases, if any; 100 is yaml's own default. */
export const MAX_YAML_ALIASES = 100;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data (`null` for an empty document). */
  value: unknown;
}

export interface YamlLoad {
  /** Null when the text could not be used at all (too large, syntax errors, alias bomb). */
  source: YamlSource | null;
  diagnostics: FileDiagnostic[];
}

export function parseBoundedYaml(text: string, file: string): YamlLoad {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) return { source: null, diagnostics: [tooLarge(file, bytes)] };

  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return { source: null, diagnostics: [{ file, ...positionInText(text, nul), severity: 'error', code: 'binary-file', message: 'the file contains NUL bytes: it is not a text file, so it is not used' }] };
  }

  const lineCounter = new LineCounter();
  const at = (offset: number) => position(lineCounter, offset);
  // The syntax tree is built without recursion; its depth is checked before composing it.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = firstTooDeep(tokens, MAX_YAML_DEPTH);
  if (deep >= 0) {
    return { source: null, diagnostics: [{ file, ...at(deep), severity: 'error', code: 'yaml-too-deep', message: `collections are nested more than ${MAX_YAML_DEPTH} levels deep here; the file is not used` }] };
  }
  const doc = composeOne(tokens, text.length);
  const diagnostics: FileDiagnostic[] = dropRepeatedKeys(doc, file, at);
  for (const e of doc.errors) diagnostics.push({ file, ...at(e.pos[0]), severity: 'error', code: 'yaml-syntax', message: e.message });
  for (const w of doc.warnings) diagnostics.push({ file, ...at(w.pos[0]), severity: 'warning', code: 'yaml-warning', message: w.message });
  if (doc.errors.length > 0) return { source: null, diagnostics };

  diagnostics.push(...hashtagComments(doc, text, file, at));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    // yaml throws a ReferenceError for excessive aliasing and for aliases to unknown anchors.
    diagnostics.push({ file, ...firstAliasPosition(doc, lineCounter), severity: 'error', code: 'yaml-alias', message: aliasMessage(e) });
    return { source: null, diagnostics };
  }
  return { source: { file, doc, lineCounter, value }, diagnostics };
}

/** What yaml's parseDocument does with a token stream: one document, a second one an error. */
function composeOne(tokens: CST.Token[], length: number): Document.Parsed {
  // `uniqueKeys` (the default) makes a duplicated key an error rather than a silent overwrite.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  let doc: Document.Parsed | null = null;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, true) ends with a document even for empty input.
  return doc as Document.Parsed;
}

/**
 * A key repeated in a mapping is an error (never a silent overwrite), but not one that costs
 * the whole file: the first entry applies, each repeat is reported where it is and left out,
 * and the rest of the file is read. (A rubric with any error is still not used; see
 * loadRubric.) Keys are compared as the plain data will hold them, as text: yaml itself
 * flags only keys of equal value, but `1:` and `"1":` would overwrite each other too.
 * Nothing is dropped, and yaml's errors stand (the file is then not used), when the document
 * has another error, or when a repeat holds an anchor that an alias elsewhere may name.
 */
function dropRepeatedKeys(doc: Document.Parsed, file: string, at: (offset: number) => { line: number; column: number }): FileDiagnostic[] {
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return [];
  const found: FileDiagnostic[] = [];
  const removals: Array<() => void> = [];
  let anchored = false;
  visit(doc, {
    Map(_key, map) {
      const first = new Map<string, number>();
      const kept = map.items.filter((pair) => {
        if (!isScalar(pair.key) || !pair.key.range) return true;
        const key = String(pair.key.value);
        const offset = pair.key.range[0];
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, offset);
          return true;
        }
        if (holdsAnchor(pair.key) || holdsAnchor(pair.value)) anchored = true;
        found.push({ file, ...at(offset), severity: 'error', code: 'yaml-duplicate-key', message: `${JSON.stringify(key)} is already a key of this mapping (line ${at(earlier).line}); this repeat is not used` });
        return false;
      });
      if (kept.length !== map.items.length) removals.push(() => (map.items = kept));
    },
  });
  if (anchored || found.length === 0) return [];
  for (const remove of removals) remove();
  doc.errors.length = 0;
  // visit() meets an outer mapping before the mappings inside it: report in reading order.
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function holdsAnchor(node: unknown): boolean {
  if (!isNode(node)) return false;
  if (node.anchor) return true;
  let held = false;
  visit(node, {
    Node(_key, n) {
      if (!n.anchor) return undefined;
      held = true;
      return visit.BREAK;
    },
  });
  return held;
}

/**
 * `- Tell #payments-eng first` is valid YAML whose value is "Tell": a space then `#` starts a
 * comment. People write channels and issue numbers like that, and the rest of their sentence
 * silently disappears, so a comment glued to its `#` right after an unquoted value is
 * reported. (A comment written as comments are, `# like this`, is not.)
 */
function hashtagComments(doc: Document.Parsed, text: string, file: string, at: (offset: number) => { line: number; column: number }): FileDiagnostic[] {
  const found: FileDiagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      const comment = node.comment;
      if (node.type !== 'PLAIN' || !comment || comment.length === 0 || comment[0] === ' ' || !node.range) return;
      const hash = text.indexOf('#', node.range[1]);
      if (hash < 0) return;
      const lost = `#${comment.split('\n')[0]}`;
      found.push({
        file,
        ...at(hash),
        severity: 'warning',
        code: 'yaml-hash-comment',
        message: `"${lost}" is read as a YAML comment, so this value is only "${String(node.value)}"; put the whole text in quotes to keep it.`,
      });
    },
  });
  return found;
}

/**
 * Reads and parses `absPath` through `fs`, refusing oversized files without reading them.
 * `file` is the name diagnostics use. Returns null when there is no such file.
 */
export function loadBoundedYamlFile(fs: FileSystem, absPath: string, file: string): YamlLoad | null {
  return fs.kind(absPath) === 'file' ? readBoundedYamlFile(fs, absPath, file) : null;
}

/** loadBoundedYamlFile for a caller that has just seen the file there (a file gone since is unreadable). */
export function readBoundedYamlFile(fs: FileSystem, absPath: string, file: string): YamlLoad {
  let bytes: Buffer;
  try {
    const size = fs.size(absPath);
    if (size > MAX_YAML_BYTES) return { source: null, diagnostics: [tooLarge(file, size)] };
    // One byte more than the limit: a file that grew since its size was taken is still caught.
    bytes = readHead(fs, absPath, MAX_YAML_BYTES + 1);
  } catch (e) {
    return { source: null, diagnostics: [{ file, line: 1, column: 1, severity: 'error', code: 'file-unreadable', message: `cannot read the file: ${(e as Error).message}` }] };
  }
  const { text, invalid } = decodeUtf8(bytes);
  const loaded = parseBoundedYaml(text, file);
  return invalid ? { ...loaded, diagnostics: [{ ...invalid, file }, ...loaded.diagnostics] } : loaded;
}

/**
 * Line and column of the YAML node at `path` (keys and sequence indices into the document).
 * `at: 'key'` points at a mapping key rather than its value. Falls back to the deepest node
 * that exists, so a "missing property" error points at the mapping that lacks it.
 */
export function positionOf(source: YamlSource, path: JsonPath, at: 'key' | 'value' = 'value'): { line: number; column: number; endColumn?: number } {
  let node: unknown = source.doc.contents;
  let keyNode: unknown = null;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = null;
      node = node.items[seg];
    } else break;
  }
  const target = (at === 'key' && keyNode) || node || keyNode;
  const range = (target as Partial<ParsedNode> | null)?.range;
  if (!range) return { line: 1, column: 1 };
  const start = position(source.lineCounter, range[0]);
  const end = position(source.lineCounter, range[1]);
  return end.line === start.line && end.column > start.column ? { ...start, endColumn: end.column } : start;
}

/** `teams.@acme/payments.members[0]`, for messages about a value found at `path`. */
export function describePath(path: JsonPath): string {
  return path.length === 0 ? 'the document' : formatPath(path);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function tooLarge(file: string, bytes: number): FileDiagnostic {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return { file, line: 1, column: 1, severity: 'error', code: 'yaml-too-large', message: `the file is ${mb(bytes)}; files over ${mb(MAX_YAML_BYTES)} are not read` };
}

function firstAliasPosition(doc: Document.Parsed, lineCounter: LineCounter): { line: number; column: number } {
  let offset = 0;
  visit(doc, {
    Alias(_key, node: Node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return position(lineCounter, offset);
}

function aliasMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return /excessive alias count/i.test(text)
    ? `too many alias expansions (more than ${MAX_YAML_ALIASES}); the file is not used`
    : `cannot resolve an alias: ${text}`;
}
