import pino, { type Logger } from 'pino';
import { maskForLog } from './mask.ts';

interface RequestLike {
  id?: string;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  ip?: string;
}

/**
 * The process logger. Access-log lines carry method, masked url, request id and user agent;
 * headers that hold credentials are never logged.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'loket' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', '*.password', '*.secret'], censor: '***' },
      serializers: {
        req(request: RequestLike) {
          return {
            id: request.id,
            method: request.method,
            url: maskForLog(request.url ?? ''),
            userAgent: request.headers?.['user-agent'],
            remoteAddress: request.ip,
          };
        },
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
