import type { DocumentNode } from 'graphql';

/** Variable sets remembered per document; past it the oldest half is forgotten. */
const PER_DOCUMENT = 256;

/**
 * Remembers an operation's cost per document and per the variables that can change it. The cost
 * model reads only `first` arguments and the number of `_entities` representations, so a list of
 * objects (the representations) counts by its length alone: the planner's entity fetches, which
 * differ in every request only by which keys they carry, are measured once per length. Documents
 * are the parsed ones Apollo Server keeps, so the memo goes when the document does.
 */
export class CostMemo {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number | null>>();

  cost(document: DocumentNode, operationName: string | undefined, variables: Readonly<Record<string, unknown>>, measure: () => number | null): number | null {
    let known = this.byDocument.get(document);
    if (!known) {
      known = new Map();
      this.byDocument.set(document, known);
    }
    const key = costKey(operationName, variables);
    if (known.has(key)) return known.get(key)!;
    const cost = measure();
    if (known.size >= PER_DOCUMENT) for (const old of [...known.keys()].slice(0, PER_DOCUMENT / 2)) known.delete(old);
    known.set(key, cost);
    return cost;
  }
}

/** The variables as the cost sees them: every list holding an object stands for its length. */
function costKey(operationName: string | undefined, variables: Readonly<Record<string, unknown>>): string {
  const shown = JSON.stringify(variables, (_key, value: unknown) =>
    Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null) ? { listOfObjects: value.length } : value,
  );
  return `${operationName ?? ''} ${shown}`;
}
