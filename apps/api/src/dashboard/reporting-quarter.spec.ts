import { quarterOf, reportingQuarter } from './reporting-quarter';

describe('reporting quarters (Q1 = 15 Dec – 14 Mar, Q2 = 15 Mar – 14 Jun, Q3 = 15 Jun – 14 Sep, Q4 = 15 Sep – 14 Dec)', () => {
  it('gives each quarter its first and last day', () => {
    expect(reportingQuarter(2027, 1)).toEqual({ year: 2027, quarter: 1, from: '2026-12-15', to: '2027-03-14' });
    expect(reportingQuarter(2026, 2)).toEqual({ year: 2026, quarter: 2, from: '2026-03-15', to: '2026-06-14' });
    expect(reportingQuarter(2026, 3)).toEqual({ year: 2026, quarter: 3, from: '2026-06-15', to: '2026-09-14' });
    expect(reportingQuarter(2026, 4)).toEqual({ year: 2026, quarter: 4, from: '2026-09-15', to: '2026-12-14' });
  });

  it.each([
    ['2026-12-14', 2026, 4],
    ['2026-12-15', 2027, 1],
    ['2026-12-31', 2027, 1],
    ['2027-01-01', 2027, 1],
    ['2027-03-14', 2027, 1],
    ['2027-03-15', 2027, 2],
    ['2027-06-14', 2027, 2],
    ['2027-06-15', 2027, 3],
    ['2027-09-14', 2027, 3],
    ['2027-09-15', 2027, 4],
    ['2028-02-29', 2028, 1],
  ])('puts %s in the year %s, quarter %s', (date, year, quarter) => {
    expect(quarterOf(date)).toMatchObject({ year, quarter });
  });

  it('leaves no day out and counts none twice across a year', () => {
    let day = new Date('2026-12-15T00:00:00Z');
    let previous = quarterOf('2026-12-15');
    let days = 0;
    while (day < new Date('2027-12-15T00:00:00Z')) {
      const date = day.toISOString().slice(0, 10);
      const quarter = quarterOf(date);
      expect(date >= quarter.from && date <= quarter.to).toBe(true);
      if (quarter.quarter !== previous.quarter) expect(quarter.from).toBe(date);
      previous = quarter;
      days += 1;
      day = new Date(day.getTime() + 86_400_000);
    }
    expect(days).toBe(365);
  });
});
