import { ERRORS, type ErrorCode, type InvalidParam } from './catalogue.ts';

/** An error that becomes an application/problem+json response with a catalogued code. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly invalidParams: InvalidParam[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? ERRORS[code].title);
    this.name = 'ProblemError';
    this.status = ERRORS[code].status;
    this.title = ERRORS[code].title;
  }
}

/** The ZGW `Fout` / `ValidatieFout` body. */
export interface ProblemBody {
  type: string;
  code: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  invalidParams?: InvalidParam[];
}

/** Builds the problem+json body; `instance` is a URN of the request id so a report can be matched to the logs. */
export function problemBody(error: ProblemError, requestId: string): ProblemBody {
  const body: ProblemBody = {
    type: `urn:loket:error:${error.code}`,
    code: error.code,
    title: error.title,
    status: error.status,
    detail: error.detail ?? error.title,
    instance: `urn:loket:request:${requestId}`,
  };
  if (error.invalidParams.length > 0 || error.code === 'invalid' || error.code === 'unknown-parameters') {
    body.invalidParams = error.invalidParams;
  }
  return body;
}

/** Shorthand for a validation error listing every problem found. */
export function invalid(invalidParams: InvalidParam[], detail = 'Een of meer velden zijn ongeldig.'): ProblemError {
  return new ProblemError('invalid', detail, invalidParams);
}
