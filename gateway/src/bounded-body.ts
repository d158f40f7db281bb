/**
 * Reading the body of another organisation's answer without trusting its size: the transfer is
 * cut once it passes the limit.
 */

/** The body as text, or null once it passes `limit` bytes. */
export async function boundedText(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON text as a value, or null when it is not JSON. */
export function parsedOrNull(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A health answer is a few hundred bytes: past this, the rest is not read and the body is ignored. */
export const MAX_HEALTH_BYTES = 16_384;
