// A small JSON Schema validator for the schemas this project ships (rubrics/*.schema.json).
//
// Why not ajv at runtime: it would add ~120 kB to the extension bundle and compiles schemas
// with `new Function` at startup, for two small schemas we control. This validator supports
// exactly the keywords those schemas use and refuses a schema with any other keyword, so the
// schema cannot silently ask for a check that is not made. The unit tests validate the same
// documents with ajv to keep both in agreement.
//
// Errors carry the path of the offending value so the caller can point at its YAML node.

export type JsonPath = Array<string | number>;

export interface SchemaError {
  path: JsonPath;
  /** `key`: the property name itself is wrong (unknown or badly formed); `value`: its value. */
  at: 'key' | 'value';
  message: string;
}

export type JsonSchema = { [keyword: string]: unknown } | boolean;
type Schema = JsonSchema;

/** Keywords that only document; they never fail validation. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'markdownDescription']);
const CHECKS = new Set([
  '$ref', 'definitions', 'type', 'enum', 'const', 'minLength', 'maxLength', 'pattern', 'items', 'minItems', 'maxItems',
  'uniqueItems', 'properties', 'required', 'additionalProperties', 'propertyNames',
]);

/** Stops a pathological document from producing an unbounded list of errors. */
const MAX_ERRORS = 50;

export class SchemaValidator {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: Schema) {
    this.checkKeywords(root, '#');
  }

  validate(value: unknown): SchemaError[] {
    const errors: SchemaError[] = [];
    this.check(this.root, value, [], errors);
    return errors.slice(0, MAX_ERRORS);
  }

  /** Fails fast, at construction, on a schema using a keyword this validator does not implement. */
  private checkKeywords(schema: unknown, where: string): void {
    if (typeof schema === 'boolean') return;
    if (!isObject(schema)) throw new Error(`schema at ${where} is not an object`);
    for (const [keyword, sub] of Object.entries(schema)) {
      if (!ANNOTATIONS.has(keyword) && !CHECKS.has(keyword)) throw new Error(`unsupported schema keyword ${keyword} at ${where}`);
      if (keyword === 'properties' || keyword === 'definitions') {
        for (const [name, s] of Object.entries(sub as object)) this.checkKeywords(s, `${where}/${keyword}/${name}`);
      } else if (keyword === 'items' || keyword === 'propertyNames' || (keyword === 'additionalProperties' && typeof sub !== 'boolean')) {
        this.checkKeywords(sub, `${where}/${keyword}`);
      } else if (keyword === '$ref') {
        this.resolve(sub as string);
      } else if (keyword === 'pattern') {
        this.regex(sub as string);
      } else if (keyword === 'const' || keyword === 'enum') {
        // check() compares them with ===, which is JSON equality only for primitives.
        for (const v of keyword === 'enum' ? (sub as unknown[]) : [sub]) {
          if (typeof v === 'object' && v !== null) throw new Error(`unsupported non-primitive ${keyword} at ${where}`);
        }
      }
    }
  }

  private resolve(ref: string): Schema {
    const m = /^#\/definitions\/([^/]+)$/.exec(ref);
    const definitions = isObject(this.root) ? this.root.definitions : undefined;
    const target = m && isObject(definitions) ? (definitions as Record<string, Schema>)[m[1]] : undefined;
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return target;
  }

  private regex(source: string): RegExp {
    let re = this.patterns.get(source);
    if (!re) {
      // Patterns come from our schemas, never from the repository; `u` so they count code points.
      re = new RegExp(source, 'u');
      this.patterns.set(source, re);
    }
    return re;
  }

  private check(schema: Schema, value: unknown, path: JsonPath, errors: SchemaError[]): void {
    if (errors.length >= MAX_ERRORS) return;
    if (schema === true) return;
    if (schema === false) {
      errors.push({ path, at: 'value', message: 'is not allowed here' });
      return;
    }
    if (typeof schema.$ref === 'string') {
      this.check(this.resolve(schema.$ref), value, path, errors);
      return;
    }
    if (typeof schema.type === 'string' && !hasType(value, schema.type)) {
      // A value of the wrong type makes every other check on it noise.
      errors.push({ path, at: 'value', message: `must be ${TYPE_NAMES[schema.type] ?? schema.type}, not ${describe(value)}` });
      return;
    }
    if ('const' in schema && value !== schema.const) {
      errors.push({ path, at: 'value', message: `must be ${JSON.stringify(schema.const)}` });
      return;
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
      errors.push({ path, at: 'value', message: `must be one of ${schema.enum.join(', ')}${typeof value === 'string' ? `, not ${quote(value)}` : ''}` });
      return;
    }
    if (typeof value === 'string') this.checkString(schema, value, path, errors);
    else if (Array.isArray(value)) this.checkArray(schema, value, path, errors);
    else if (isObject(value)) this.checkObject(schema, value, path, errors);
  }

  private checkString(schema: { [k: string]: unknown }, value: string, path: JsonPath, errors: SchemaError[]): void {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) {
      errors.push({ path, at: 'value', message: schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters` });
    }
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
      errors.push({ path, at: 'value', message: `must be at most ${schema.maxLength} characters` });
    }
    if (typeof schema.pattern === 'string' && !this.regex(schema.pattern).test(value)) {
      errors.push({ path, at: 'value', message: `${quote(value)} ${patternHint(schema)}` });
    }
  }

  private checkArray(schema: { [k: string]: unknown }, value: unknown[], path: JsonPath, errors: SchemaError[]): void {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      errors.push({ path, at: 'value', message: schema.minItems === 1 ? 'must not be empty' : `must have at least ${schema.minItems} items` });
    }
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
      errors.push({ path, at: 'value', message: `must have at most ${schema.maxItems} items` });
    }
    if (schema.uniqueItems === true) {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const key = canonicalJson(item);
        if (seen.has(key)) errors.push({ path: [...path, i], at: 'value', message: `repeats ${JSON.stringify(item)}` });
        seen.add(key);
      });
    }
    if (schema.items !== undefined) {
      value.forEach((item, i) => this.check(schema.items as Schema, item, [...path, i], errors));
    }
  }

  private checkObject(schema: { [k: string]: unknown }, value: Record<string, unknown>, path: JsonPath, errors: SchemaError[]): void {
    const properties = isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
    if (Array.isArray(schema.required)) {
      for (const name of schema.required as string[]) {
        if (!Object.prototype.hasOwnProperty.call(value, name)) errors.push({ path, at: 'value', message: `missing required property "${name}"` });
      }
    }
    for (const [name, item] of Object.entries(value)) {
      if (schema.propertyNames !== undefined) {
        const keyErrors: SchemaError[] = [];
        this.check(schema.propertyNames as Schema, name, [...path, name], keyErrors);
        for (const e of keyErrors) errors.push({ ...e, at: 'key', message: `property name ${e.message}` });
      }
      if (Object.prototype.hasOwnProperty.call(properties, name)) {
        this.check(properties[name], item, [...path, name], errors);
      } else if (schema.additionalProperties === false) {
        errors.push({ path: [...path, name], at: 'key', message: unknownProperty(name, Object.keys(properties)) });
      } else if (schema.additionalProperties !== undefined) {
        this.check(schema.additionalProperties as Schema, item, [...path, name], errors);
      }
    }
  }
}

/** `a.b[2].c`, for messages. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/**
 * JSON with every object's keys sorted: for the values JSON can hold, equal exactly when JSON
 * Schema calls two values equal. (YAML's .nan and .inf would both read as null here; our
 * schemas ask uniqueItems only of lists of strings, where that cannot arise.)
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

/** Types as a YAML author knows them. */
const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** A pattern's `title` says what it means better than the regex does. */
function patternHint(schema: { [k: string]: unknown }): string {
  return typeof schema.title === 'string' ? `is not ${schema.title}` : `does not match ${String(schema.pattern)}`;
}

/** Values quoted in messages come from the document: keep them short. */
function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

function unknownProperty(name: string, known: string[]): string {
  const close = known.filter((k) => editDistance(k.toLowerCase(), name.toLowerCase()) <= 2);
  return `unknown property ${quote(name)}${close.length > 0 ? `; did you mean "${close[0]}"?` : ''}`;
}

/** Levenshtein distance, for "did you mean"; names are short, so the quadratic table is fine. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
