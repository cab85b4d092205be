import type { ReportingQuarterDto } from '@app/contracts';

/**
 * The reporting quarters of the ministries' e-government plans, which close on the 14th of the
 * last month so that reports reach the ministry by the 20th: Q1 = 15 December (of the year
 * before) to 14 March, Q2 = 15 March – 14 June, Q3 = 15 June – 14 September, Q4 = 15 September
 * – 14 December. So 20 December 2026 already falls in Q1 of 2027.
 */
const STARTS = ['12-15', '03-15', '06-15', '09-15'] as const;
const ENDS = ['03-14', '06-14', '09-14', '12-14'] as const;

export function reportingQuarter(year: number, quarter: 1 | 2 | 3 | 4): ReportingQuarterDto {
  const from = quarter === 1 ? `${year - 1}-${STARTS[0]}` : `${year}-${STARTS[quarter - 1]}`;
  return { year, quarter, from, to: `${year}-${ENDS[quarter - 1]}` };
}

/** The reporting quarter a Vietnam date (yyyy-MM-dd) falls in. */
export function quarterOf(date: string): ReportingQuarterDto {
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  if (monthDay >= STARTS[0]) return reportingQuarter(year + 1, 1);
  if (monthDay >= STARTS[3]) return reportingQuarter(year, 4);
  if (monthDay >= STARTS[2]) return reportingQuarter(year, 3);
  if (monthDay >= STARTS[1]) return reportingQuarter(year, 2);
  return reportingQuarter(year, 1);
}
