import { numberAndNotation } from './number-and-notation';

describe('numberAndNotation', () => {
  it('writes the type and the agency for a typed document, with a leading zero below 10', () => {
    expect(numberAndNotation({ number: 1, documentType: 'decision', organNotation: 'BYT', unitCode: 'PC' })).toBe('01/QĐ-BYT');
    expect(numberAndNotation({ number: 15, documentType: 'decision', organNotation: 'BYT', unitCode: null })).toBe('15/QĐ-BYT');
    expect(numberAndNotation({ number: 120, documentType: 'submission', organNotation: 'BYT', unitCode: 'PC' })).toBe('120/TTr-BYT');
  });

  it('writes the agency and the drafting unit for a công văn, the unit under the agency', () => {
    expect(numberAndNotation({ number: 15, documentType: 'official_letter', organNotation: 'BYT', unitCode: 'VP' })).toBe('15/BYT-VP');
    expect(numberAndNotation({ number: 5, documentType: 'official_letter', organNotation: 'BYT', unitCode: 'VP.HC' })).toBe('05/BYT-VP');
    expect(numberAndNotation({ number: 7, documentType: 'official_letter', organNotation: 'BYT', unitCode: null })).toBe('07/BYT');
  });
});
