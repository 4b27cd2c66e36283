import type { OpenAPIObject } from '@nestjs/swagger';

/** The parts of a schema object the example builder reads (OpenAPI 3.0). */
export interface SchemaLike {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  items?: SchemaLike;
  properties?: Record<string, SchemaLike>;
  required?: string[];
  allOf?: SchemaLike[];
  oneOf?: SchemaLike[];
  anyOf?: SchemaLike[];
}

interface MediaLike {
  schema?: SchemaLike;
  example?: unknown;
  examples?: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Fictional values for fields the DTOs give no `example` of, chosen by the field's name. */
const BY_NAME: Array<[RegExp, unknown]> = [
  [/^(id|.*Id)$/, '3f2c1d7e-8b4a-4c2e-9d1f-6a5b4c3d2e1f'],
  [/(At|Date)$/, '2026-03-14T09:30:00.000Z'],
  [/sha256$/i, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [/sha512$/i, 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'],
  [/email$/i, 'analyst@example.org'],
  [/^(language|lang)$/, 'ko'],
  [/^code$/, 'W-0007'],
  [/title(En)?$/, 'Forced labour at the Camp 15 work site'],
  [/(Ko|Hangul)$/, '요덕 수용소'],
  [/^(displayName|actorDisplayName)$/, 'Analyst One'],
  [/^(name|label)$/, 'Ministry of State Security'],
  [/(note|reason|description|message|text|summary)$/i, 'Recorded during the second interview.'],
  [/^(version|total|count)$/, 1],
  [/^limit$/, 25],
  [/^offset$/, 0],
];

function byName(name: string | undefined, type: string | undefined): unknown {
  if (!name) return undefined;
  for (const [pattern, value] of BY_NAME) {
    if (pattern.test(name) && (type === undefined || typeof value === (type === 'integer' ? 'number' : type))) return value;
  }
  return undefined;
}

function byFormat(format: string | undefined): unknown {
  switch (format) {
    case 'uuid': return '3f2c1d7e-8b4a-4c2e-9d1f-6a5b4c3d2e1f';
    case 'date-time': return '2026-03-14T09:30:00.000Z';
    case 'date': return '2026-03-14';
    case 'email': return 'analyst@example.org';
    case 'uri': return 'https://example.org/';
    default: return undefined;
  }
}

/**
 * An example value for a schema: the schema's own `example` (from @ApiProperty) where it has
 * one, else its default, first enum value, a value by format or field name, else one by type.
 * Recursive references stop (the property is left out). Returns undefined for binary content.
 */
export function exampleFor(schema: SchemaLike | undefined, document: OpenAPIObject, name?: string, seen: ReadonlySet<string> = new Set()): unknown {
  if (!schema) return undefined;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return undefined;
    const target = document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] as SchemaLike | undefined;
    return exampleFor(target, document, name, new Set([...seen, schema.$ref]));
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part) => exampleFor(part, document, name, seen) as object));
  }
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return exampleFor(alternative, document, name, seen);
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === 'array') {
    const item = exampleFor(schema.items, document, name, seen);
    return item === undefined ? [] : [item];
  }
  if (schema.type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const value = exampleFor(property, document, key, seen);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (schema.format === 'binary') return undefined;
  const named = byName(name, schema.type) ?? byFormat(schema.format);
  if (named !== undefined) return named;
  switch (schema.type) {
    case 'string': return 'text';
    case 'integer':
    case 'number': return schema.minimum ?? 1;
    case 'boolean': return false;
    default: return schema.nullable ? null : {};
  }
}

function fill(media: MediaLike | undefined, document: OpenAPIObject): void {
  if (!media || media.example !== undefined || media.examples !== undefined) return;
  const value = exampleFor(media.schema, document);
  if (value !== undefined) media.example = value;
}

/**
 * Gives every JSON request body and 2xx answer an example built from its schema, so Swagger UI
 * and readers see a whole request and answer. Explicit examples (on a DTO property, a response)
 * come first; the rest is filled from field names and types.
 */
export function addExamples(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const body = operation.requestBody as { content?: Record<string, MediaLike> } | undefined;
      for (const [type, media] of Object.entries(body?.content ?? {})) if (type.includes('json')) fill(media, document);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!status.startsWith('2')) continue;
        for (const [type, media] of Object.entries((response as { content?: Record<string, MediaLike> }).content ?? {})) if (type.includes('json')) fill(media, document);
      }
    }
  }
  return document;
}
