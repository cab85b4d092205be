/** The smallest UUID: where reading by id in slices starts. */
export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Goes through rows read in slices of `size` ordered by id (`WHERE id > $after ORDER BY id LIMIT size`),
 * so a daily job over a large backlog never holds it in memory whole, and sums what `handle` returns.
 * A slice shorter than `size` is the last one.
 */
export async function sumOverIdSlices<Row extends { id: string }>(
  size: number,
  slice: (afterId: string) => Promise<Row[]>,
  handle: (row: Row) => Promise<number>,
): Promise<number> {
  let total = 0;
  let after = FIRST_ID;
  for (;;) {
    const rows = await slice(after);
    for (const row of rows) total += await handle(row);
    if (rows.length < size) return total;
    after = rows[rows.length - 1].id;
  }
}
