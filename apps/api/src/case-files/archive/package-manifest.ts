import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * The manifest of an archive package: `manifest-sha256.txt`, one line per file, `<sha256>  <path>`
 * (the format of `sha256sum`, as BagIt manifests use it), so the package can be checked with the
 * command below or with any sha256sum. It lists every file of the package but itself.
 */
export const MANIFEST_NAME = 'manifest-sha256.txt';

export interface ManifestLine {
  sha256: string;
  path: string;
}

export function writeManifest(lines: readonly ManifestLine[]): string {
  return lines.map((line) => `${line.sha256}  ${line.path}`).join('\n') + '\n';
}

export function readManifest(text: string): ManifestLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!match) throw new Error(`${MANIFEST_NAME}, line ${index + 1}: not "<sha256>  <path>"`);
      return { sha256: match[1], path: match[2] };
    });
}

/** Paths inside a package are relative, with `/`, never leaving it: a manifest naming `../x` is refused. */
export function assertSafePath(path: string): void {
  const normal = posix.normalize(path);
  if (path.startsWith('/') || normal.startsWith('..') || normal !== path || path.includes('\\')) throw new Error(`unsafe path in the package: ${path}`);
}

export interface VerificationProblem {
  kind: 'missing' | 'changed' | 'unexpected';
  path: string;
  expected?: string;
  found?: string;
}

export interface VerificationResult {
  ok: boolean;
  checked: number;
  problems: VerificationProblem[];
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** The files of a package, each with a way to read it: a folder, or a ZIP archive as the API delivers it. */
interface PackageReader {
  manifest(): Promise<string>;
  paths(): Promise<string[]>;
  open(path: string): Promise<Readable>;
  close(): Promise<void>;
}

async function folderReader(root: string): Promise<PackageReader> {
  const walk = async (folder: string): Promise<string[]> => {
    const found: string[] = [];
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) found.push(...(await walk(path)));
      else found.push(relative(root, path).split(sep).join('/'));
    }
    return found;
  };
  return {
    manifest: () => readFile(join(root, MANIFEST_NAME), 'utf8'),
    paths: () => walk(root),
    open: async (path) => createReadStream(join(root, ...path.split('/'))),
    close: async () => undefined,
  };
}

async function zipReader(path: string): Promise<PackageReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, opened) => (error ? reject(error) : resolve(opened as yauzl.ZipFile))),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  const open = (name: string) =>
    new Promise<Readable>((resolve, reject) => {
      const entry = entries.get(name);
      if (!entry) return reject(Object.assign(new Error(`${name} is not in the package`), { code: 'ENOENT' }));
      zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream as Readable)));
    });
  return {
    manifest: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of (await open(MANIFEST_NAME)) as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    paths: async () => [...entries.keys()],
    open,
    close: async () => zip.close(),
  };
}

/**
 * Checks a package against its manifest: every file listed is there with the same SHA-256, and
 * nothing else is there. Names each missing, changed or unexpected file.
 */
export async function verifyPackage(path: string): Promise<VerificationResult> {
  const reader = (await stat(path)).isDirectory() ? await folderReader(path) : await zipReader(path);
  try {
    const listed = readManifest(await reader.manifest());
    listed.forEach((line) => assertSafePath(line.path));
    const present = new Set(await reader.paths());
    const problems: VerificationProblem[] = [];
    for (const line of listed) {
      if (!present.has(line.path)) {
        problems.push({ kind: 'missing', path: line.path, expected: line.sha256 });
        continue;
      }
      const found = await sha256Of(await reader.open(line.path));
      if (found !== line.sha256) problems.push({ kind: 'changed', path: line.path, expected: line.sha256, found });
    }
    const known = new Set([MANIFEST_NAME, ...listed.map((line) => line.path)]);
    for (const extra of [...present].filter((candidate) => !known.has(candidate)).sort()) problems.push({ kind: 'unexpected', path: extra });
    return { ok: problems.length === 0, checked: listed.length, problems };
  } finally {
    await reader.close();
  }
}
