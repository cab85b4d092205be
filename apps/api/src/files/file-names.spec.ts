import { attachmentDisposition, cleanFileName } from './file-names';

describe('cleanFileName', () => {
  it('keeps Vietnamese names, composed (NFC)', () => {
    const decomposed = 'Quyết định.pdf'.normalize('NFD');
    expect(cleanFileName(decomposed)).toBe('Quyết định.pdf'.normalize('NFC'));
  });

  it('drops folders, control characters and empty names', () => {
    expect(cleanFileName('C:\\fakepath\\to-trinh.pdf')).toBe('to-trinh.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('')).toBe('tep-tai-len');
    expect(cleanFileName('..')).toBe('tep-tai-len');
    expect(cleanFileName(undefined)).toBe('tep-tai-len');
  });

  it('shortens a long name to 255 characters, keeping the extension', () => {
    const name = cleanFileName('ờ'.repeat(400) + '.docx');
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('ờ.docx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(attachmentDisposition('Quyết định số 15 (bản chính).pdf')).toBe(
      `attachment; filename="Quyet dinh so 15 (ban chinh).pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2015%20%28b%E1%BA%A3n%20ch%C3%ADnh%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes or semicolons in the name', () => {
    const header = attachmentDisposition('a"; filename="evil.exe');
    expect(header.startsWith('attachment; filename="a__ filename=_evil.exe"; ')).toBe(true);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('a"; filename="evil.exe');
  });
});
