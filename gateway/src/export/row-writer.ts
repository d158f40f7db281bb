import { stringify } from 'csv-stringify/sync';
import { columnName, flattenNode, type Column } from './flatten';

export type ExportFormat = 'csv' | 'jsonl';

export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'csv' || value === 'jsonl';
}

/**
 * Turns pages of nodes into text as they come: CSV with one column per leaf the query selects
 * (header first), or one JSON object per line, the node as the API gave it.
 */
export function createRowWriter(format: ExportFormat, columns: readonly Column[]): { header(): string; page(nodes: readonly unknown[]): string } {
  if (format === 'jsonl') return { header: () => '', page: (nodes) => nodes.map((node) => `${JSON.stringify(node)}\n`).join('') };
  return {
    header: () => stringify([columns.map(columnName)]),
    page: (nodes) => (nodes.length === 0 ? '' : stringify(nodes.map((node) => flattenNode(node, columns)), { cast: { boolean: (value) => String(value) } })),
  };
}
