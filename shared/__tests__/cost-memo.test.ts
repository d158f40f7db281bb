import { parse } from 'graphql';
import { CostMemo } from '../limits/cost-memo';

describe('the cost memo', () => {
  const document = parse('query($representations: [_Any!]!, $first: Int) { _entities(representations: $representations) { __typename } }');

  it('measures an entity fetch once per number of representations and per page size', () => {
    const memo = new CostMemo();
    let measured = 0;
    const cost = (variables: Record<string, unknown>) => memo.cost(document, undefined, variables, () => ((measured += 1), measured * 10));
    const banat = (id: number) => ({ __typename: 'Member', id: `banat:${id}` });
    expect(cost({ representations: [banat(1), banat(2)] })).toBe(10);
    expect(cost({ representations: [banat(7), banat(9)] })).toBe(10);
    expect(measured).toBe(1);
    expect(cost({ representations: [banat(1), banat(2), banat(3)] })).toBe(20);
    expect(cost({ representations: [banat(1), banat(2)], first: 5 })).toBe(30);
    expect(cost({ representations: [banat(1), banat(2)], first: 6 })).toBe(40);
    expect(measured).toBe(4);
  });

  it('keeps documents apart, and remembers a refusal to measure as well', () => {
    const memo = new CostMemo();
    const other = parse('{ members { totalCount } }');
    expect(memo.cost(document, undefined, {}, () => null)).toBeNull();
    expect(memo.cost(document, undefined, {}, () => 1)).toBeNull();
    expect(memo.cost(other, undefined, {}, () => 7)).toBe(7);
  });

  it('stays bounded however many variable sets one document is sent with', () => {
    const memo = new CostMemo();
    let measured = 0;
    for (let first = 0; first < 2_000; first++) memo.cost(document, undefined, { first }, () => ++measured);
    expect(measured).toBe(2_000);
    // The first page sizes were forgotten to make room: measured again.
    memo.cost(document, undefined, { first: 0 }, () => ++measured);
    expect(measured).toBe(2_001);
  });
});
