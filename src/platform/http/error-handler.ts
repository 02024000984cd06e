import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { InvalidParam } from '../errors/catalogue.ts';
import { ProblemError, problemBody } from '../errors/problem.ts';
import { errorPage, wantsHtml } from './error-page.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns the JSON-schema errors of one request part into ZGW invalidParams, one per problem. */
export function invalidParamsFromValidation(errors: AjvError[], part: string | undefined): InvalidParam[] {
  return errors.map((error) => {
    const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (error.keyword === 'additionalProperties') {
      const extra = String(error.params.additionalProperty);
      const name = path ? `${path}.${extra}` : extra;
      return part === 'querystring'
        ? { name, code: 'unknown-parameters', reason: `Onbekende query parameter: ${extra}.` }
        : { name, code: 'unknown-field', reason: `Onbekend veld: ${extra}.` };
    }
    if (error.keyword === 'required') {
      const missing = String(error.params.missingProperty);
      return { name: path ? `${path}.${missing}` : missing, code: 'required', reason: 'Dit veld is vereist.' };
    }
    return { name: path || 'nonFieldErrors', code: error.keyword, reason: error.message ?? 'Ongeldige waarde.' };
  });
}

/** Maps any thrown error to a catalogued problem; unknown errors become a 500 without details. */
export function toProblem(error: FastifyError | ProblemError | Error): ProblemError {
  if (error instanceof ProblemError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const params = invalidParamsFromValidation(fastifyError.validation as AjvError[], fastifyError.validationContext);
    const onlyUnknown = params.length > 0 && params.every((param) => param.code === 'unknown-parameters');
    return new ProblemError(onlyUnknown ? 'unknown-parameters' : 'invalid', undefined, params);
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError('request_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ProblemError('parse_error');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return new ProblemError('parse_error');
  const status = fastifyError.statusCode ?? 500;
  if (status === 404) return new ProblemError('not_found');
  if (status === 405) return new ProblemError('method_not_allowed');
  if (status === 413) return new ProblemError('request_too_large');
  if (status === 415) return new ProblemError('unsupported_media_type');
  if (status === 429) return new ProblemError('too_many_requests');
  if (status >= 400 && status < 500) return new ProblemError('invalid', error.message);
  return new ProblemError('error');
}

/** Sends a problem as application/problem+json, or as a readable page to a browser. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemError): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  if (wantsHtml(request)) {
    return reply.code(problem.status).type('text/html; charset=utf-8').send(errorPage(problem, request.id).value);
  }
  return reply.code(problem.status).type('application/problem+json').send(problemBody(problem, request.id));
}

/** Fastify error handler: logs what went wrong (server errors with their stack) and answers with a problem. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
  return sendProblem(request, reply, problem);
}
