import { FIRST_ID, sumOverIdSlices } from './id-slices';

describe('sumOverIdSlices', () => {
  const ids = Array.from({ length: 7 }, (_, index) => `00000000-0000-0000-0000-00000000000${index + 1}`);
  const slice = (size: number, asked: string[]) => async (after: string) => {
    asked.push(after);
    return ids.filter((id) => id > after).slice(0, size).map((id) => ({ id }));
  };

  it('visits every row once, slice after slice, starting from the first id', async () => {
    const asked: string[] = [];
    const seen: string[] = [];
    const total = await sumOverIdSlices(3, slice(3, asked), async (row) => (seen.push(row.id), 2));
    expect(seen).toEqual(ids);
    expect(total).toBe(14);
    expect(asked).toEqual([FIRST_ID, ids[2], ids[5]]);
  });

  it('asks once more after a full last slice, and stops at the empty answer', async () => {
    const asked: string[] = [];
    const total = await sumOverIdSlices(7, slice(7, asked), async () => 1);
    expect(total).toBe(7);
    expect(asked).toEqual([FIRST_ID, ids[6]]);
  });
});
