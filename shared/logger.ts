import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Where a token, an assertion or a key could reach a log line if a request or its headers were
 * logged whole: such values are replaced before the line is written. Nothing logs them on
 * purpose; this is the net under that rule (test/__tests__/log-secrets.integration.test.ts).
 */
const SECRET_PATHS = [
  'authorization',
  '*.authorization',
  '*.*.authorization',
  '["gateway-assertion"]',
  '*["gateway-assertion"]',
  '*.*["gateway-assertion"]',
  'token',
  '*.token',
  'keys',
  '*.keys',
  'd',
  '*.d',
];

/** How log lines are written: one JSON object per line (for machines), or coloured lines for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * Structured logs, one logger per component (`gateway`, `network`, `cluster:banat`): JSON lines by
 * default, pino-pretty's readable lines with `pretty`, or into `output` for tests that read them.
 * A line about one request names it (`requestId`, see `requestIdOf`), so that an answer's lines can be found.
 */
export function createLogger(component: string, level: string = process.env.LOG_LEVEL ?? 'info', output: DestinationStream | LogFormat = 'json'): Logger {
  const options = {
    name: component,
    level,
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
  };
  if (output === 'json') return pino(options);
  if (output === 'pretty') return pino(options, pino.transport({ target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } }));
  return pino(options, output);
}
