import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ExportError, prepareWalk, walkConnection, type Execute } from '../gateway/src/export/connection-walk';
import { columnsOf } from '../gateway/src/export/flatten';
import { createRowWriter, type ExportFormat } from '../gateway/src/export/row-writer';
import { loadConfig } from '../shared/config';
import { exitOnFailure } from './process-lifecycle';

const USAGE = `usage: npm run query -- <file.graphql> [--csv | --jsonl] [--out <file>] [--var <name>=<json or text> …] [--url <gateway /graphql>] [--token <token> | --token-file <file>]`;

/**
 * `npm run query`: runs a query file against the gateway and walks its first connection to the
 * end, writing every node as a CSV row or a JSON line (to stdout, or `--out`), with a progress
 * line on stderr.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      csv: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      out: { type: 'string' },
      var: { type: 'string', multiple: true, default: [] },
      url: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      operation: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || (values.csv && values.jsonl)) return usage(USAGE);
  const format: ExportFormat = values.jsonl ? 'jsonl' : 'csv';
  const url = values.url ?? `http://127.0.0.1:${loadConfig().ports.gateway}/graphql`;
  const token = values.token ?? (values['token-file'] ? fs.readFileSync(values['token-file'], 'utf8').trim() : undefined);
  const variables: Record<string, unknown> = {};
  for (const assignment of values.var) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(assignment);
    if (!match) return usage(`--var ${assignment}: expected <name>=<value>\n${USAGE}`);
    variables[match[1]!] = parseValue(match[2]!);
  }

  const walk = prepareWalk(fs.readFileSync(file, 'utf8'), values.operation);
  const writer = createRowWriter(format, columnsOf(walk.nodeSelection, walk.fragments));
  const out: NodeJS.WritableStream = values.out ? fs.createWriteStream(values.out) : process.stdout;
  const execute: Execute = async (query, pageVariables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables: pageVariables }),
    });
    const answer = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status} without a GraphQL answer` }] }))) as Awaited<ReturnType<Execute>>;
    return answer;
  };
  const progress = progressLine();
  out.write(writer.header());
  const done = await walkConnection(execute, walk, variables, async (nodes, state) => {
    if (!out.write(writer.page(nodes))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    progress(`${state.rows.toLocaleString('en-GB')}${state.total !== null ? ` of ${state.total.toLocaleString('en-GB')}` : ''} rows, page ${state.pages}`);
  });
  progress(null);
  if (values.out) await new Promise<void>((resolve, reject) => (out as fs.WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())));
  process.stderr.write(`exported ${done.rows.toLocaleString('en-GB')} rows in ${done.pages} pages as ${format}${values.out ? ` to ${values.out}` : ''}\n`);
}

/** A variable's value: JSON when it parses (numbers, lists, objects), text otherwise. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Rewrites one line on a terminal; elsewhere (a log) prints every tenth update only. */
function progressLine(): (text: string | null) => void {
  let updates = 0;
  return (text) => {
    if (process.stderr.isTTY) process.stderr.write(text === null ? '\r\x1b[K' : `\r\x1b[K${text}`);
    else if (text !== null && ++updates % 10 === 0) process.stderr.write(`${text}\n`);
  };
}

function usage(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

// Piped into `head`, the reader may leave early: that ends the export, it is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

exitOnFailure(async () => {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    process.stderr.write(`\n${error.message}\n`);
    process.exitCode = 1;
  }
});
