/** Saves `content` as a file the browser downloads, named `name`. */
export function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Blob {
  return new Blob([[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}
