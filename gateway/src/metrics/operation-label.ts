/** Distinct operation names kept as labels; past this, new names count as `other`. */
const MAX_OPERATIONS = 200;

/**
 * Operation names as metric labels, for one registry. Names are the clients' to choose, so they are
 * bounded: letters, digits and `_` only (GraphQL names are nothing else), at most 64 characters, and
 * at most MAX_OPERATIONS distinct ones; an unnamed operation is `anonymous`.
 */
export function operationLabels(): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(name);
    return name;
  };
}
