import { formatEdxmlDate, formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from './dates';

describe('edXML dates', () => {
  it.each([
    ['2018/09/28', '2018-09-28'],
    ['2018/9/8', '2018-09-08'],
    ['30/10/2020', '2020-10-30'],
    ['2020-10-30', '2020-10-30'],
    [' 2024/02/29 ', '2024-02-29'],
  ])('reads %j as %s', (text, date) => {
    expect(parseEdxmlDate(text)).toBe(date);
  });

  it.each(['2014/02/30', '2023/02/29', '31/04/2020', '2020/13/01', 'null', '', '20201030'])('does not take %j for a date', (text) => {
    expect(parseEdxmlDate(text)).toBeNull();
  });

  it('reads times as Vietnam time, and ISO instants in any offset converted to it', () => {
    expect(parseEdxmlTimestamp('2015/09/20 11:08:36')).toBe('2015-09-20T11:08:36+07:00');
    expect(parseEdxmlTimestamp('20/09/2015 11:08')).toBe('2015-09-20T11:08:00+07:00');
    expect(parseEdxmlTimestamp('2026-11-30T20:30:00Z')).toBe('2026-12-01T03:30:00+07:00');
    expect(parseEdxmlTimestamp('2015/09/20 25:00:00')).toBeNull();
  });

  it('writes the wire formats in Vietnam time', () => {
    expect(formatEdxmlDate('2026-01-05')).toBe('2026/01/05');
    expect(formatEdxmlTimestamp('2026-11-30T20:30:00Z')).toBe('2026/12/01 03:30:00');
    expect(formatEdxmlTimestamp(new Date('2026-11-30T01:02:03Z'))).toBe('2026/11/30 08:02:03');
    expect(formatEdxmlTimestamp('not a time')).toBeNull();
  });
});
