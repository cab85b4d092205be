import { WriteBudget } from './write-budget';

describe('WriteBudget', () => {
  it('lets a burst through, then one write per refill', () => {
    const budget = new WriteBudget(3, 2, 0);
    expect([budget.take(0), budget.take(0), budget.take(0), budget.take(0)]).toEqual([true, true, true, false]);
    // half a second later one write has come back (2 per second)
    expect(budget.take(500)).toBe(true);
    expect(budget.take(500)).toBe(false);
    // a long pause refills it, but never beyond the burst
    expect([budget.take(60_000), budget.take(60_000), budget.take(60_000), budget.take(60_000)]).toEqual([true, true, true, false]);
  });
});
