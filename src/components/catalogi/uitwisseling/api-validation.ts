import { Ajv, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalidParamsFromValidation } from '../../../platform/http/error-handler.ts';

/*
 * An import checks each resource against the same request schema as the API's create operation, with the same
 * validator settings as the HTTP application (src/platform/http/app.ts: all errors, coercion to arrays, defaults;
 * Fastify's default formats), so a file is refused for exactly what a client's request would be refused for.
 * The services then add their rules to these problems, as they do for a request.
 */

const ajv = new Ajv({ allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, allowUnionTypes: true });
// ajv-formats is CommonJS: depending on the loader, its plugin is the module itself or its `default`.
const plugin = formatsPlugin as unknown as { default?: (instance: Ajv) => Ajv } & ((instance: Ajv) => Ajv);
(plugin.default ?? plugin)(ajv);

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * The problems of a request body under a create operation's schema, named as the API names them. Like the HTTP
 * layer, the validator may coerce values in place (a lone string where a list is expected).
 */
export function schemaProblems(schema: object, body: Record<string, unknown>): InvalidParam[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(body)) return [];
  return invalidParamsFromValidation(validate.errors ?? [], 'body');
}
