/**
 * A second, independent computation of the Vietnamese lunar calendar, only to check the dates
 * date-holidays gives (tests only; not built into the API). It is Hồ Ngọc Đức's well-known
 * algorithm: new moons and the sun's longitude from Jean Meeus' "Astronomical Algorithms", with
 * days reckoned in UTC+7 — which is why Vietnamese Tết differs from the Chinese New Year in some
 * years (21/01/1985 and 17/02/2007 in Vietnam, a day or a month apart from China).
 */

function julianDay(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

function fromJulianDay(jd: number): string {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((b * 146097) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant (Julian day, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 += -0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr) - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 += 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr)) - 0.0074 * Math.sin(dr * (M - Mpr));
  C1 += 0.0004 * Math.sin(dr * (2 * F + M)) - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 += 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + C1 - deltaT;
}

/** The sun's apparent longitude (radians, 0..2π) at a Julian day. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M) + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

const TIME_ZONE = 7;
const newMoonDay = (k: number) => Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
/** Which 30° sector of the ecliptic the sun is in at the start of that day (the major solar terms). */
const sunSector = (day: number) => Math.floor((sunLongitude(day - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);

/** The day the 11th lunar month (the one holding the winter solstice) of `year` begins. */
function month11(year: number): number {
  const k = Math.floor((julianDay(31, 12, year) - 2415021) / 29.530588853);
  const day = newMoonDay(k);
  return sunSector(day) >= 9 ? newMoonDay(k - 1) : day;
}

/** In a 13-month year, the offset from month 11 of the first month without a major solar term. */
function leapMonthOffset(start11: number): number {
  const k = Math.floor((start11 - 2415021.076998695) / 29.530588853 + 0.5);
  let index = 1;
  let sector = sunSector(newMoonDay(k + index));
  let last: number;
  do {
    last = sector;
    index += 1;
    sector = sunSector(newMoonDay(k + index));
  } while (sector !== last && index < 14);
  return index - 1;
}

/** The Gregorian date (`yyyy-MM-dd`) of a day in a regular (not leap) lunar month. */
export function lunarToGregorian(day: number, month: number, lunarYear: number): string {
  const a11 = month < 11 ? month11(lunarYear - 1) : month11(lunarYear);
  const b11 = month < 11 ? month11(lunarYear) : month11(lunarYear + 1);
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11)) offset += 1;
  return fromJulianDay(newMoonDay(k + offset) + day - 1);
}
