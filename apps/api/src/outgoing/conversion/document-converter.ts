import { Inject, Injectable, Logger } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { FileActor, FilesService } from '../../files/files.service';
import { runProgram } from '../../files/pdf/run-program';
import type { StoredFile } from '../../files/stored-file.entity';
import { STORAGE_DRIVER, StorageDriver } from '../../platform/storage/storage-driver';

/** A page of a letter takes LibreOffice well under a second; its first start in a new profile a few. Long reports get room. */
const CONVERSION_TIMEOUT_MS = 120_000;

export class ConversionFailedError extends Error {
  constructor(readonly fileName: string, readonly reason: string) {
    super(`could not convert ${fileName} to PDF: ${reason}`);
  }
}

/**
 * Turns a Word (DOCX) draft into the PDF the signer signs, with LibreOffice
 * (`soffice --headless --convert-to pdf`, Debian's libreoffice-writer-nogui). Optional: without it
 * `isAvailable()` is false and only PDF drafts can be signed — the draft says so.
 * Each run has its own temporary folder and LibreOffice profile: two conversions at once would
 * otherwise meet on the profile's lock and one would quietly do nothing.
 */
@Injectable()
export class DocumentConverter {
  private readonly logger = new Logger('DocumentConverter');
  private availability?: Promise<boolean>;

  constructor(
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly files: FilesService,
  ) {}

  /** Whether soffice can run here; checked once per process (installing LibreOffice means a restart). */
  isAvailable(): Promise<boolean> {
    this.availability ??= this.probe();
    return this.availability;
  }

  /** The PDF of a stored document, stored as a new file in the name of `actor` (whose step asked for it). */
  async toPdf(file: StoredFile, actor: FileActor): Promise<StoredFile> {
    const folder = await mkdtemp(join(tmpdir(), 'e-office-convert-'));
    try {
      // a fixed input name: the uploader's name never reaches a command line
      const input = join(folder, 'draft.docx');
      const output = join(folder, 'out');
      await pipeline(await this.storage.get(file.storageKey), createWriteStream(input));
      const started = Date.now();
      const result = await runProgram(
        'soffice',
        [`-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', output, input],
        { timeoutMs: CONVERSION_TIMEOUT_MS, cwd: folder },
      );
      if (result.timedOut) throw new ConversionFailedError(file.originalName, `soffice did not finish within ${CONVERSION_TIMEOUT_MS / 1000} s`);
      // soffice exits 0 even when it could not read the file: the PDF's presence is the answer
      const made = (await readdir(output).catch(() => [] as string[])).find((name) => name.toLowerCase().endsWith('.pdf'));
      if (result.code !== 0 || !made) throw new ConversionFailedError(file.originalName, `soffice exited with ${result.code}: ${result.stderr.trim().slice(-300)}`);
      this.logger.log({ fileId: file.id, milliseconds: Date.now() - started }, 'draft converted to PDF');
      return await this.files.store(createReadStream(join(output, made)), { originalName: pdfName(file.originalName), declaredType: 'application/pdf', uploadedBy: actor });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  private async probe(): Promise<boolean> {
    try {
      const result = await runProgram('soffice', ['--headless', '--version'], { timeoutMs: 60_000 });
      if (result.code === 0) {
        this.logger.log({ version: result.stdout.trim() }, 'DOCX to PDF conversion available');
        return true;
      }
    } catch {
      // not installed: said below
    }
    this.logger.warn('DOCX to PDF conversion not available: LibreOffice is not installed (apt-get install libreoffice-writer-nogui); only PDF drafts can be signed');
    return false;
  }
}

/** `Dự thảo công văn.docx` → `Dự thảo công văn.pdf` */
export function pdfName(originalName: string): string {
  return `${originalName.replace(/\.docx$/i, '')}.pdf`;
}
