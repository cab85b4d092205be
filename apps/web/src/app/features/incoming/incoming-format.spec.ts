import {
  combineDateAndTime,
  dueStatus,
  formatIsoDate,
  fromIsoDate,
  inferDocumentType,
  splitNumberAndNotation,
  toIsoDate,
  vietnamToday,
  vietnamYear,
} from './incoming-format';

describe('splitNumberAndNotation', () => {
  it('splits what a clerk types as printed', () => {
    expect(splitNumberAndNotation('15/QĐ-BYT')).toEqual({ codeNumber: '15', codeNotation: 'QĐ-BYT' });
    expect(splitNumberAndNotation(' 1234 / UBND - VX ')).toEqual({ codeNumber: '1234', codeNotation: 'UBND-VX' });
  });

  it('leaves a bare number alone', () => {
    expect(splitNumberAndNotation('15')).toBeNull();
    expect(splitNumberAndNotation('/')).toBeNull();
  });

  it('splits at the first slash only', () => {
    expect(splitNumberAndNotation('12/2026/TT-BTC')).toEqual({ codeNumber: '12', codeNotation: '2026/TT-BTC' });
  });
});

describe('inferDocumentType', () => {
  it('reads the type from the abbreviation that starts the notation', () => {
    expect(inferDocumentType('QĐ-BYT')).toBe('decision');
    expect(inferDocumentType('TTr-BNV')).toBe('submission');
    expect(inferDocumentType('KH-UBND')).toBe('plan');
    expect(inferDocumentType('GM-VPCP')).toBe('invitation');
  });

  it('tells Quy định (QyĐ) from Quyết định (QĐ), and accepts capitals typed loosely', () => {
    expect(inferDocumentType('QyĐ-BTC')).toBe('rule');
    expect(inferDocumentType('qđ-btc')).toBe('decision');
    expect(inferDocumentType('TTR-BNV')).toBe('submission');
  });

  it('takes a notation without a type abbreviation for a công văn', () => {
    expect(inferDocumentType('BNV-VP')).toBe('official_letter');
    expect(inferDocumentType('UBND-VX')).toBe('official_letter');
    // HĐND is an issuer, not HĐ (contract)
    expect(inferDocumentType('HĐND-VP')).toBe('official_letter');
  });

  it('does not guess from a single group or nothing', () => {
    expect(inferDocumentType('UBND')).toBeNull();
    expect(inferDocumentType('')).toBeNull();
    expect(inferDocumentType(null)).toBeNull();
  });
});

describe('calendar dates', () => {
  it('sends a picked date as yyyy-MM-dd, from its local parts', () => {
    expect(toIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(toIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('reads yyyy-MM-dd back as a local date, refusing impossible ones', () => {
    expect(fromIsoDate('2026-02-28')).toEqual(new Date(2026, 1, 28));
    expect(fromIsoDate('2026-02-30')).toBeNull();
    expect(fromIsoDate('28/02/2026')).toBeNull();
    expect(fromIsoDate(null)).toBeNull();
  });

  it('shows a calendar date as dd/MM/yyyy without moving it across a time zone', () => {
    expect(formatIsoDate('2026-11-20')).toBe('20/11/2026');
    expect(formatIsoDate('2026-01-01')).toBe('01/01/2026');
    expect(formatIsoDate('')).toBe('');
    expect(formatIsoDate(null)).toBe('');
  });

  it('knows the date and year on a Vietnamese wall calendar', () => {
    // 17:30 UTC on 31 December is already New Year in Hà Nội
    expect(vietnamToday(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(vietnamYear(new Date('2025-12-31T17:30:00Z'))).toBe(2026);
    expect(vietnamToday(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31');
  });

  it('puts the time of one value on the date of another', () => {
    const combined = combineDateAndTime(new Date(2026, 10, 20), new Date(2000, 0, 1, 14, 5, 33));
    expect(combined).toEqual(new Date(2026, 10, 20, 14, 5, 0));
  });
});

describe('dueStatus', () => {
  const today = '2026-11-23';

  it('grades a deadline against today', () => {
    expect(dueStatus('2026-11-20', 'registered', today)).toBe('overdue');
    expect(dueStatus('2026-11-23', 'assigned', today)).toBe('today');
    expect(dueStatus('2026-11-26', 'in_progress', today)).toBe('soon');
    expect(dueStatus('2026-11-27', 'registered', today)).toBe('later');
  });

  it('counts "soon" across a month end', () => {
    expect(dueStatus('2026-12-02', 'registered', '2026-11-30')).toBe('soon');
  });

  it('has nothing to say without a deadline or once the document is handled', () => {
    expect(dueStatus(null, 'registered', today)).toBeNull();
    expect(dueStatus('2026-11-01', 'done', today)).toBeNull();
    expect(dueStatus('2026-11-01', 'rejected', today)).toBeNull();
  });
});
