import { operationLabels } from '../operation-label';

describe('operation names as metric labels', () => {
  it('keeps GraphQL names, and calls the rest anonymous or other', () => {
    const operationLabel = operationLabels();
    expect(operationLabel('Dashboard')).toBe('Dashboard');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel(null)).toBe('anonymous');
    expect(operationLabel('a"b')).toBe('other');
    expect(operationLabel('x'.repeat(65))).toBe('other');
  });

  it('keeps at most 200 distinct names, so clients cannot grow the label set without bound', () => {
    const operationLabel = operationLabels();
    operationLabel('Dashboard');
    const labels = Array.from({ length: 500 }, (_, i) => operationLabel(`Op${i}`));
    // One name is already kept above; the label set stays bounded however many names arrive.
    expect(new Set(labels).size).toBe(200);
    expect(labels.at(-1)).toBe('other');
    expect(operationLabel('Op5')).toBe('Op5');
    expect(operationLabel('Dashboard')).toBe('Dashboard');
  });

  it('counts each registry\'s names apart', () => {
    const first = operationLabels();
    for (let i = 0; i < 300; i++) first(`Op${i}`);
    expect(operationLabels()('Op250')).toBe('Op250');
  });
});
