import { IncomingDocumentDto } from '@app/contracts';
import { preparationDelay, stillPreparing } from './preparation';

type Prepared = Pick<IncomingDocumentDto, 'stampedFile' | 'mainFile' | 'hasTextLayer'>;
const file = (mediaType: string) => ({ mediaType }) as IncomingDocumentDto['mainFile'];

describe('background preparation of a registered document', () => {
  it('waits for the stamp on a PDF and for the text extraction', () => {
    const pdf: Prepared = { mainFile: file('application/pdf'), stampedFile: null, hasTextLayer: true };
    expect(stillPreparing(pdf)).toBe(true);
    expect(stillPreparing({ ...pdf, stampedFile: file('application/pdf') })).toBe(false);
    expect(stillPreparing({ ...pdf, stampedFile: file('application/pdf'), hasTextLayer: null })).toBe(true);
    // a Word file gets no stamped copy
    expect(stillPreparing({ mainFile: file('application/vnd.openxmlformats-officedocument.wordprocessingml.document'), stampedFile: null, hasTextLayer: false })).toBe(false);
  });

  it('looks again soon, then less often', () => {
    expect(preparationDelay(0)).toBe(1500);
    expect(preparationDelay(1)).toBe(2250);
    expect(preparationDelay(10)).toBe(10_000);
  });
});
