import { ErrorCode } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';
import { MediaType } from '../platform/storage/detect-media-type';
import { claimedMediaType, decideMediaType } from './media-type-policy';

function refusal(detected: string | null, name: string): { status: number; code: string } | null {
  try {
    decideMediaType(detected, name);
    return null;
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    return { status: error.getStatus(), code: String(error.code) };
  }
}

describe('media type policy', () => {
  it('reads the claim from the extension, case-insensitively, and ignores dots inside names', () => {
    expect(claimedMediaType('Quyết định.PDF')).toBe('application/pdf');
    expect(claimedMediaType('bao-cao.docx')).toBe(MediaType.Docx);
    expect(claimedMediaType('QĐ 15.2026')).toBeNull();
    expect(claimedMediaType('README')).toBeNull();
  });

  it('accepts bytes that agree with the name, or a name that claims nothing', () => {
    expect(decideMediaType('application/pdf', 'to-trinh.pdf')).toBe('application/pdf');
    expect(decideMediaType(MediaType.Docx, 'to-trinh.docx')).toBe(MediaType.Docx);
    expect(decideMediaType('image/jpeg', 'scan.JPG')).toBe('image/jpeg');
    expect(decideMediaType('application/pdf', 'QĐ 15.2026')).toBe('application/pdf');
  });

  it('lets the name be more precise where the bytes are a container', () => {
    expect(decideMediaType(MediaType.Cfb, 'cong-van.doc')).toBe(MediaType.Doc);
    expect(decideMediaType(MediaType.Xml, 'ghi-chu.txt')).toBe('text/plain');
    expect(decideMediaType(MediaType.Docx, 'goi.zip')).toBe(MediaType.Docx);
  });

  it.each([
    ['application/x-msdownload', 'hoa-don.pdf'],
    ['application/x-elf', 'hoa-don.pdf'],
    ['image/png', 'hoa-don.pdf'],
    [null, 'bao-cao.docx'],
    [MediaType.Zip, 'bao-cao.docx'],
    [MediaType.Text, 'trang.html'],
    [MediaType.Cfb, 'bang.xlsx'],
  ])('refuses %s bytes named %s as a mismatch (415)', (detected, name) => {
    expect(refusal(detected, name)).toEqual({ status: 415, code: ErrorCode.FileTypeMismatch });
  });

  it.each([
    ['application/x-msdownload', 'setup.exe'],
    ['application/x-msdownload', 'setup'],
    [null, 'du-lieu'],
    [MediaType.Html, 'trang'],
    ['image/gif', 'anh.gif'],
  ])('refuses %s bytes named %s as not allowed (415)', (detected, name) => {
    expect(refusal(detected, name)).toEqual({ status: 415, code: ErrorCode.FileTypeNotAllowed });
  });
});
