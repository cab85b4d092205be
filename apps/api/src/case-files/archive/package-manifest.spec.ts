import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertSafePath, MANIFEST_NAME, readManifest, verifyPackage, writeManifest } from './package-manifest';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the archive package manifest', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'package-'));
    mkdirSync(join(folder, 'documents/001'), { recursive: true });
    writeFileSync(join(folder, 'documents/001/1-van-ban.pdf'), 'a');
    writeFileSync(join(folder, 'metadata.xml'), '<x/>');
    writeFileSync(
      join(folder, MANIFEST_NAME),
      writeManifest([
        { sha256: sha('a'), path: 'documents/001/1-van-ban.pdf' },
        { sha256: sha('<x/>'), path: 'metadata.xml' },
      ]),
    );
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads back what it writes, in the sha256sum format', () => {
    const text = writeManifest([{ sha256: sha('a'), path: 'a b.pdf' }]);
    expect(text).toBe(`${sha('a')}  a b.pdf\n`);
    expect(readManifest(text)).toEqual([{ sha256: sha('a'), path: 'a b.pdf' }]);
    expect(() => readManifest('not a line')).toThrow('line 1');
  });

  it('refuses paths that leave the package', () => {
    for (const path of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a\\b']) expect(() => assertSafePath(path)).toThrow('unsafe path');
    expect(() => assertSafePath('documents/001/1-a.pdf')).not.toThrow();
  });

  it('verifies an intact folder and names what is changed, missing or unexpected', async () => {
    expect(await verifyPackage(folder)).toEqual({ ok: true, checked: 2, problems: [] });
    writeFileSync(join(folder, 'metadata.xml'), '<y/>');
    rmSync(join(folder, 'documents/001/1-van-ban.pdf'));
    writeFileSync(join(folder, 'extra.txt'), 'x');
    expect(await verifyPackage(folder)).toEqual({
      ok: false,
      checked: 2,
      problems: [
        { kind: 'missing', path: 'documents/001/1-van-ban.pdf', expected: sha('a') },
        { kind: 'changed', path: 'metadata.xml', expected: sha('<x/>'), found: sha('<y/>') },
        { kind: 'unexpected', path: 'extra.txt' },
      ],
    });
  });
});
