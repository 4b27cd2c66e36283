import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from 'src/app.factory';
import { AppModule } from 'src/app.module';
import { createRootLogger } from 'src/common/logging/logger';
import type { SchemaLike } from 'src/common/openapi/examples';
import { loadConfig } from 'src/config/config';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Probes answer 200 or 503 (with the readiness report, not the error body) and nothing else. */
const PROBES = new Set(['GET /health', 'GET /health/ready']);

interface Operation {
  summary?: string;
  description?: string;
  requestBody?: { content?: Record<string, { schema?: SchemaLike; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: SchemaLike; example?: unknown }> }>;
}

/** Where a value does not fit its schema (type, enum, required, nested), as readable paths. */
function problems(value: unknown, schema: SchemaLike | undefined, doc: OpenAPIObject, at: string): string[] {
  if (!schema) return [];
  if (schema.$ref) return problems(value, doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] as SchemaLike, doc, at);
  if (schema.allOf) return schema.allOf.flatMap((part) => problems(value, part, doc, at));
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return alternatives.some((s) => problems(value, s, doc, at).length === 0) ? [] : [`${at}: fits none of the alternatives`];
  if (value === null) return schema.nullable || schema.type === undefined ? [] : [`${at}: null but not nullable`];
  if (schema.enum) return schema.enum.includes(value) ? [] : [`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
  const type = Array.isArray(value) ? 'array' : typeof value;
  switch (schema.type) {
    case 'array':
      if (type !== 'array') return [`${at}: expected an array`];
      return (value as unknown[]).flatMap((v, i) => problems(v, schema.items, doc, `${at}[${i}]`));
    case 'integer':
    case 'number':
      return type === 'number' ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`];
    case 'string':
      return type === 'string' ? [] : [`${at}: expected a string, got ${JSON.stringify(value)}`];
    case 'boolean':
      return type === 'boolean' ? [] : [`${at}: expected a boolean`];
    default:
      if (!schema.properties) return [];
      if (type !== 'object') return [`${at}: expected an object`];
      return [
        ...(schema.required ?? []).filter((k) => !(k in (value as object))).map((k) => `${at}.${k}: required but missing`),
        ...Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => problems(v, schema.properties?.[k], doc, `${at}.${k}`)),
      ];
  }
}

/** Binary answers (files, packages) have no example to give. */
const isBinary = (type: string, schema?: SchemaLike) => !/json|text\//.test(type) || schema?.format === 'binary';

describe('OpenAPI document: every operation documented', () => {
  let doc: OpenAPIObject;
  const operations: Array<[string, Operation]> = [];

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused', SILLOK_MASTER_KEY: Buffer.alloc(32).toString('base64'), LOG_LEVEL: 'silent' });
    const app = await NestFactory.create(AppModule.forRoot(config, createRootLogger('silent', 'cli')), { preview: true, logger: false, abortOnError: false });
    doc = JSON.parse(JSON.stringify(buildOpenApiDocument(app))) as OpenAPIObject;
    await app.close();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = (item as Record<string, Operation | undefined>)[method];
        if (op) operations.push([`${method.toUpperCase()} ${path}`, op]);
      }
    }
  }, 60_000);

  it('finds the operations', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('every operation has a summary and a description', () => {
    const missing = operations.filter(([, op]) => !op.summary?.trim() || !op.description?.trim()).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('every operation documents at least one 4xx answer, with the error body', () => {
    const missing = operations.filter(([name, op]) => !PROBES.has(name) && !Object.keys(op.responses).some((s) => s.startsWith('4'))).map(([name]) => name);
    expect(missing).toEqual([]);
    const wrongBody = operations.filter(([name]) => !PROBES.has(name)).flatMap(([name, op]) => Object.entries(op.responses)
      .filter(([s, r]) => /^[45]/.test(s) && r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponseDto')
      .map(([s]) => `${name} ${s}`));
    expect(wrongBody).toEqual([]);
  });

  it('every request body and every 2xx answer with content has an example that fits its schema', () => {
    const missing: string[] = [];
    const misfits: string[] = [];
    for (const [name, op] of operations) {
      const media = [
        ...Object.entries(op.requestBody?.content ?? {}).map(([type, m]) => [`${name} request ${type}`, type, m] as const),
        ...Object.entries(op.responses).filter(([s]) => s.startsWith('2')).flatMap(([s, r]) => Object.entries(r.content ?? {}).map(([type, m]) => [`${name} ${s} ${type}`, type, m] as const)),
      ];
      for (const [label, type, m] of media) {
        if (isBinary(type, m.schema)) continue;
        if (m.example === undefined) missing.push(label);
        else if (type.includes('json')) misfits.push(...problems(m.example, m.schema, doc, label));
      }
    }
    expect(missing).toEqual([]);
    expect(misfits).toEqual([]);
  });

  it('every operation documents its success answer, and what its body is unless 204', () => {
    const noSuccess = operations.filter(([, op]) => !Object.keys(op.responses).some((s) => s.startsWith('2'))).map(([name]) => name);
    expect(noSuccess).toEqual([]);
    const noBody = operations.flatMap(([name, op]) => Object.entries(op.responses).filter(([s, r]) => s.startsWith('2') && s !== '204' && !r.content).map(([s]) => `${name} ${s}`));
    expect(noBody).toEqual([]);
  });

  it('every error answer has an example of the error body', () => {
    const missing = operations.flatMap(([name, op]) => Object.entries(op.responses)
      .filter(([s, r]) => /^[45]/.test(s) && r.content?.['application/json']?.example === undefined)
      .map(([s]) => `${name} ${s}`));
    expect(missing).toEqual([]);
  });
});
