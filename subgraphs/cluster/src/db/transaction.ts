/** Today as an ISO date (UTC): what a write records when the caller gives no date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
