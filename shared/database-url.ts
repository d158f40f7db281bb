import { ConfigError } from './config';

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; host: string; port: number; user: string; password: string; database: string };

/** Parses `sqlite:<file>` (or `sqlite::memory:`) and `mysql://user:password@host:port/database`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new ConfigError(`Database URL "${url}" names no file`);
    return { kind: 'sqlite', file };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!/^[A-Za-z0-9_]{1,64}$/.test(database)) {
      throw new ConfigError(`Database URL "${redact(url)}" needs a database name of letters, digits and _`);
    }
    return {
      kind: 'mysql',
      host: parsed.hostname || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 3306,
      user: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  throw new ConfigError(`Database URL "${redact(url)}" is neither sqlite:<file> nor mysql://…`);
}

/** A URL fit for logs: the password replaced. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
