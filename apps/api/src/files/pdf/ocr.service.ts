import { Inject, Injectable, Logger } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../../platform/config/app-config';
import { STORAGE_DRIVER, StorageDriver } from '../../platform/storage/storage-driver';
import { FileActor, FilesService } from '../files.service';
import type { StoredFile } from '../stored-file.entity';
import { OcrFailedError, PdfEncryptedError, PdfUnreadableError } from './pdf-errors';
import { runProgram } from './run-program';
import { assertPdf } from './stored-pdf';

/** ocrmypdf's exit codes that say something about the input (ocrmypdf.ExitCode). */
const INPUT_FILE_ERROR = 2;
const ENCRYPTED_PDF = 8;

/** Vietnamese first; English for the Latin words and names common in official letters. */
const LANGUAGES = 'vie+eng';

/**
 * Gives a scanned PDF a text layer with OCR, as a new stored file (the scan stays as it was), so
 * that search finds its words. Optional: it needs Debian's ocrmypdf and tesseract-ocr-vie; without
 * them (or with OCR_ENABLED=false) makeSearchable answers null and the document simply stays
 * "without text layer". Meant to run in a pg-boss job: it takes seconds per page.
 */
@Injectable()
export class OcrService {
  private readonly logger = new Logger('Ocr');
  private availability?: Promise<boolean>;

  constructor(
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly files: FilesService,
    private readonly config: AppConfig,
  ) {}

  /** Whether OCR can run here; checked once per process (installing OCR means a restart). */
  isAvailable(): Promise<boolean> {
    this.availability ??= this.probe();
    return this.availability;
  }

  /**
   * A copy of the PDF with a text layer under its page images (pages that already have text are
   * left alone: --skip-text), or null when OCR is not available. The caller has checked that the
   * actor may work on the file.
   */
  async makeSearchable(file: StoredFile, actor: FileActor): Promise<StoredFile | null> {
    assertPdf(file);
    if (!(await this.isAvailable())) return null;
    const folder = await mkdtemp(join(tmpdir(), 'e-office-ocr-'));
    try {
      const input = join(folder, 'input.pdf');
      const output = join(folder, 'output.pdf');
      await pipeline(await this.storage.get(file.storageKey), createWriteStream(input));

      const started = Date.now();
      const timeoutSeconds = this.config.OCR_TIMEOUT_SECONDS;
      const result = await runProgram('ocrmypdf', ['-l', LANGUAGES, '--skip-text', '--output-type', 'pdf', '--quiet', input, output], {
        timeoutMs: timeoutSeconds * 1000,
        cwd: folder,
      });
      const reason = lastLines(result.stderr);
      if (result.timedOut) throw new OcrFailedError(file.originalName, `ocrmypdf did not finish within ${timeoutSeconds} s`);
      if (result.code === ENCRYPTED_PDF) throw new PdfEncryptedError(file.originalName, false);
      if (result.code === INPUT_FILE_ERROR) throw new PdfUnreadableError(file.originalName, reason);
      if (result.code !== 0) throw new OcrFailedError(file.originalName, `ocrmypdf exited with ${result.code}: ${reason}`);
      this.logger.log({ fileId: file.id, milliseconds: Date.now() - started }, 'text layer added by OCR');

      return await this.files.store(createReadStream(output), {
        originalName: searchableName(file.originalName),
        declaredType: 'application/pdf',
        uploadedBy: actor,
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  private async probe(): Promise<boolean> {
    if (!this.config.OCR_ENABLED) return false;
    try {
      const ocrmypdf = await runProgram('ocrmypdf', ['--version'], { timeoutMs: 30_000 });
      const tesseract = await runProgram('tesseract', ['--list-langs'], { timeoutMs: 30_000 });
      // tesseract 5 lists the languages on stdout, older ones on stderr.
      const languages = `${tesseract.stdout}\n${tesseract.stderr}`.split(/\r?\n/).map((line) => line.trim());
      const missing = LANGUAGES.split('+').filter((language) => !languages.includes(language));
      if (ocrmypdf.code === 0 && tesseract.code === 0 && missing.length === 0) {
        this.logger.log({ ocrmypdf: ocrmypdf.stdout.trim() }, 'OCR available');
        return true;
      }
      this.logger.warn({ missingLanguages: missing }, 'OCR not available: ocrmypdf or tesseract languages missing (apt-get install ocrmypdf tesseract-ocr-vie)');
    } catch {
      this.logger.warn('OCR not available: ocrmypdf or tesseract is not installed (apt-get install ocrmypdf tesseract-ocr-vie)');
    }
    return false;
  }
}

/** `Công văn 15.pdf` → `Công văn 15 (OCR).pdf` */
export function searchableName(originalName: string): string {
  return `${originalName.replace(/\.pdf$/i, '')} (OCR).pdf`;
}

const lastLines = (text: string) => text.trim().split(/\r?\n/).slice(-3).join(' | ').slice(0, 500);
