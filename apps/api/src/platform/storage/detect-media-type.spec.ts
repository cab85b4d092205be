import {
  noise,
  sampleCompoundFile,
  sampleDocx,
  sampleElf,
  sampleExe,
  samplePdf,
  samplePng,
  sampleXlsx,
  zip,
} from '../../files/testing/sample-files';
import { detectMediaType, HEAD_SAMPLE_BYTES, MediaType, TAIL_SAMPLE_BYTES } from './detect-media-type';

/** What the upload path hands over: the first and last bytes. */
const sampleOf = (bytes: Buffer) => ({
  head: bytes.subarray(0, HEAD_SAMPLE_BYTES),
  tail: bytes.subarray(Math.max(0, bytes.length - TAIL_SAMPLE_BYTES)),
  complete: bytes.length <= HEAD_SAMPLE_BYTES,
});
const detect = (bytes: Buffer) => detectMediaType(sampleOf(bytes));

describe('detectMediaType', () => {
  it('recognises PDF and PNG by their bytes', async () => {
    expect(await detect(samplePdf())).toBe('application/pdf');
    expect(await detect(samplePng())).toBe('image/png');
  });

  it('recognises programs, whatever they are called', async () => {
    expect(await detect(sampleExe())).toBe('application/x-msdownload');
    expect(await detect(sampleElf())).toBe('application/x-elf');
  });

  it('recognises DOCX and XLSX written the Microsoft way ([Content_Types].xml first)', async () => {
    expect(await detect(sampleDocx())).toBe(MediaType.Docx);
    expect(await detect(sampleXlsx())).toBe(MediaType.Xlsx);
  });

  it('recognises a large DOCX/XLSX whose [Content_Types].xml comes last, from the central directory', async () => {
    const docx = sampleDocx({ contentTypes: 'last', pictureBytes: 3 * 1024 * 1024 });
    const xlsx = sampleXlsx({ contentTypes: 'last', pictureBytes: 3 * 1024 * 1024 });
    // the head alone only shows a zip: the tail is what tells
    expect(await detectMediaType({ head: docx.subarray(0, HEAD_SAMPLE_BYTES), complete: false })).toBe(MediaType.Zip);
    expect(await detect(docx)).toBe(MediaType.Docx);
    expect(await detect(xlsx)).toBe(MediaType.Xlsx);
  });

  it('keeps a plain zip a zip', async () => {
    expect(await detect(zip([{ name: 'a.txt', data: 'xin chào' }]))).toBe(MediaType.Zip);
  });

  it('tells Word, Excel and PowerPoint compound files apart by their directory', async () => {
    expect(await detect(sampleCompoundFile('WordDocument'))).toBe(MediaType.Doc);
    expect(await detect(sampleCompoundFile('Workbook'))).toBe(MediaType.Xls);
    expect(await detect(sampleCompoundFile('PowerPoint Document'))).toBe(MediaType.Ppt);
    expect(await detect(sampleCompoundFile('SummaryInformation'))).toBe(MediaType.Cfb);
  });

  it('recognises text (UTF-8, UTF-16 with BOM), XML and HTML', async () => {
    expect(await detect(Buffer.from('Kính gửi: Bộ Y tế\r\nNội dung…\n'))).toBe('text/plain');
    expect(await detect(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kính gửi', 'utf16le')]))).toBe('text/plain');
    expect(await detect(Buffer.from('<?xml version="1.0"?><edXML/>'))).toBe('application/xml');
    expect(await detect(Buffer.from('<edXML:Envelope xmlns:edXML="urn:x"></edXML:Envelope>'))).toBe('application/xml');
    expect(await detect(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'))).toBe('text/html');
  });

  it('does not take a character cut in half at the end of the head for binary', async () => {
    const text = Buffer.from('ờ'.repeat(HEAD_SAMPLE_BYTES)); // 3 bytes each: the head ends mid-character
    expect(await detectMediaType({ head: text.subarray(0, HEAD_SAMPLE_BYTES), complete: false })).toBe('text/plain');
  });

  it('recognises nothing in random bytes or control characters', async () => {
    expect(await detect(noise(8192))).toBeNull();
    expect(await detect(Buffer.from('abc\u0000def'))).toBeNull();
    expect(await detect(Buffer.alloc(0))).toBeNull();
  });
});
