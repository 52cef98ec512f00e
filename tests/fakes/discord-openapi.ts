/**
 * Validates request bodies against Discord's own OpenAPI description (../shared/discord-api-spec/openapi.json),
 * with Ajv's 2020-12 draft. The spec is not copied into the project: without it, `loadDiscordOpenApi` returns
 * undefined and callers skip with `discordSpecMissingMessage`.
 * Compiling a route's schema takes Ajv up to half a second, in every test process that starts a fake Discord;
 * each compiled validator is kept as code (Ajv's standalone output) in node_modules/.cache, keyed by the spec,
 * Ajv's version and the route, and later processes load that instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import { _, Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import formatsModule from 'ajv-formats';

export const discordSpecPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/discord-api-spec/openapi.json');
export const discordSpecMissingMessage = `Discord's OpenAPI description is not at ${discordSpecPath}: request bodies are not validated against it`;
export const validatorCacheFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/footnote/discord-validators');

export interface DiscordApiValidator {
  /**
   * Problems with `body` as the body of `method path` (path after /api/v10); empty when valid. An upload
   * (`multipart/form-data`) is checked as its fields: the keys of `payload_json` and one "files[n]" per file.
   */
  validate(method: string, requestPath: string, body: unknown, contentType?: 'application/json' | 'multipart/form-data'): string[];
}

interface SpecOperation {
  readonly requestBody?: { readonly content?: Record<string, unknown> };
}

interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  readonly literalSegments: number;
}

const specKey = 'discord-openapi.json';

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

let cached: DiscordApiValidator | null | undefined;

/** The validator of this process (one per process: the spec is 1 MB), or undefined without the spec. */
export function loadDiscordOpenApi(): DiscordApiValidator | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = existsSync(discordSpecPath) ? createDiscordApiValidator({ cacheFolder: validatorCacheFolder }) : null;
  return cached ?? undefined;
}

/** A validator whose compiled schemas are kept in, and read from, `cacheFolder`. */
export function createDiscordApiValidator(options: { readonly cacheFolder: string }): DiscordApiValidator {
  const specText = readFileSync(discordSpecPath, 'utf8');
  const spec = JSON.parse(specText) as { paths: Record<string, Record<string, SpecOperation>> };
  const ajvVersion = (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;
  const specHash = createHash('sha256').update(`${ajvVersion}\n${specText}`).digest('hex');
  // The compiled code refers to non-regex formats as `formats[name]`: the same objects, handed in when it is loaded.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, code: { source: true, formats: _`formats` } });
  formatsModule.default(ajv);
  // Formats and keyword the spec uses beyond the standard ones (see the spec's README).
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
  ajv.addFormat('double', { type: 'number', validate: (value: number) => Number.isFinite(value) });
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
  ajv.addFormat('nonce', true);
  ajv.addKeyword({ keyword: 'x-discord-union' });
  ajv.addSchema(spec, specKey);

  const routes: Route[] = Object.keys(spec.paths)
    .map((template) => {
      const segments = template.split('/');
      const source = segments.map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
      return { template, pattern: new RegExp(`^${source}$`), literalSegments: segments.filter((segment) => !segment.startsWith('{')).length };
    })
    // "/messages/@original" must win over "/messages/{message_id}".
    .sort((left, right) => right.literalSegments - left.literalSegments);

  const validators = new Map<string, ValidateFunction | undefined>();
  const validatorFor = (method: string, requestPath: string, contentType: string): { template: string; validate: ValidateFunction | undefined } | undefined => {
    const route = routes.find((candidate) => candidate.pattern.test(requestPath));
    if (route === undefined) return undefined;
    const key = `${method} ${route.template} ${contentType}`;
    if (!validators.has(key)) {
      const operation = spec.paths[route.template]?.[method];
      const hasBody = operation?.requestBody?.content?.[contentType] !== undefined;
      const pointer = `${specKey}#/paths/${escapePointer(route.template)}/${method}/requestBody/content/${escapePointer(contentType)}/schema`;
      validators.set(key, hasBody ? compileCached(key, () => ajv.compile({ $ref: pointer })) : undefined);
    }
    return { template: route.template, validate: validators.get(key) };
  };

  const compileCached = (key: string, compile: () => ValidateFunction): ValidateFunction => {
    const file = path.join(options.cacheFolder, `${createHash('sha256').update(`${specHash}\n${key}`).digest('hex').slice(0, 32)}.cjs`);
    if (existsSync(file)) {
      // The file is CommonJS code Ajv wrote here; it runs as a module would, with the formats handed in.
      const module = { exports: {} as unknown };
      const run = runInThisContext(`(function (module, exports, require, formats) {\n${readFileSync(file, 'utf8')}\n})`, { filename: file }) as (
        ...parts: [typeof module, unknown, NodeJS.Require, typeof ajv.formats]
      ) => void;
      run(module, module.exports, createRequire(import.meta.url), ajv.formats);
      return module.exports as ValidateFunction;
    }
    const validate = compile();
    mkdirSync(options.cacheFolder, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, standaloneModule.default(ajv, validate));
    renameSync(temporary, file);
    return validate;
  };

  return {
    validate(method, requestPath, body, contentType = 'application/json') {
      const lower = method.toLowerCase();
      const found = validatorFor(lower, requestPath, contentType);
      if (found === undefined) return [`${method} ${requestPath} is not in Discord's API description`];
      if (spec.paths[found.template]?.[lower] === undefined) return [`${method} is not allowed on ${found.template}`];
      if (contentType !== 'application/json' && spec.paths[found.template]?.[lower]?.requestBody?.content?.[contentType] === undefined) {
        return [`${method} ${found.template} does not take ${contentType}`];
      }
      if (found.validate === undefined || body === undefined) return [];
      if (found.validate(body)) return [];
      return (found.validate.errors ?? []).map((error) => `${method} ${found.template}: ${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
    },
  };
}
