import { randomBytes } from 'node:crypto';

/** W3C Trace Context identifiers, as the processing-log standard requires. */
export interface TraceContext {
  traceId: string;
  /** The caller's span (operation) id when the request continued a trace from another application. */
  parentOperationId: string | undefined;
  /** True when traceId came from the caller (`traceparent`). */
  foreign: boolean;
}

/** 8 random bytes as hex: a new operation (span) id. */
export function newOperationId(): string {
  return randomBytes(8).toString('hex');
}

/** Continues the trace from a valid `traceparent` header, or starts a new one. */
export function traceFromHeader(traceparent: string | undefined): TraceContext {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(traceparent?.trim() ?? '');
  if (match?.[1] && match[2] && !/^0+$/.test(match[1]) && !/^0+$/.test(match[2])) {
    return { traceId: match[1], parentOperationId: match[2], foreign: true };
  }
  return { traceId: randomBytes(16).toString('hex'), parentOperationId: undefined, foreign: false };
}
