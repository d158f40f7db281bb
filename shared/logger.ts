import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs, one logger per component (`gateway`, `network`, `cluster:banat`). */
export function createLogger(component: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: component, level });
}
