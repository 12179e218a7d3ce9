/**
 * A small JSON Schema (2020-12) validator for the subset `check-report.schema.json` uses:
 * type (one or several), const, enum, properties, required, additionalProperties (false or a
 * schema), items, oneOf, minimum, maximum, and local `$ref`s to `#/$defs/…`. Unknown keywords
 * make it throw, so the schema cannot quietly use something this does not check.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', '$id', 'title', 'description', '$defs', 'type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'oneOf', 'minimum', 'maximum', '$ref']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function validate(root: Schema, value: unknown): string[] {
  const walk = (schema: Schema, v: unknown, path: string, errors: string[]): void => {
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`validator does not support keyword ${k} (at ${path})`);
    if (typeof schema['$ref'] === 'string') {
      const name = (schema['$ref'] as string).replace('#/$defs/', '');
      const target = (root['$defs'] as Record<string, Schema>)[name];
      if (!target) throw new Error(`unresolved $ref ${schema['$ref'] as string}`);
      return walk(target, v, path, errors);
    }
    if (schema['type'] !== undefined) {
      const types = ([] as string[]).concat(schema['type'] as string | string[]);
      const t = typeOf(v);
      if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) errors.push(`${path}: expected ${types.join('|')}, got ${t}`);
    }
    if ('const' in schema && v !== schema['const']) errors.push(`${path}: expected ${JSON.stringify(schema['const'])}`);
    if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(v)) errors.push(`${path}: ${JSON.stringify(v)} not in enum`);
    if (typeof v === 'number') {
      if (typeof schema['minimum'] === 'number' && v < schema['minimum']) errors.push(`${path}: below minimum`);
      if (typeof schema['maximum'] === 'number' && v > schema['maximum']) errors.push(`${path}: above maximum`);
    }
    if (Array.isArray(schema['oneOf'])) {
      const passing = (schema['oneOf'] as Schema[]).filter((s) => {
        const branch: string[] = [];
        walk(s, v, path, branch);
        return branch.length === 0;
      }).length;
      if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf`);
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      for (const r of (schema['required'] ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: missing ${r}`);
      for (const [k, val] of Object.entries(obj)) {
        if (props[k]) walk(props[k]!, val, `${path}.${k}`, errors);
        else if (schema['additionalProperties'] === false) errors.push(`${path}: unexpected property ${k}`);
        else if (typeof schema['additionalProperties'] === 'object') walk(schema['additionalProperties'] as Schema, val, `${path}.${k}`, errors);
      }
    }
    if (Array.isArray(v) && schema['items']) v.forEach((item, i) => walk(schema['items'] as Schema, item, `${path}[${i}]`, errors));
  };
  const errors: string[] = [];
  walk(root, value, '$', errors);
  return errors;
}
