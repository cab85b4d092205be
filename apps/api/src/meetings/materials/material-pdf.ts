import { Inject, Injectable } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import { readWhole } from '../../files/pdf/stored-pdf';
import type { StoredFile } from '../../files/stored-file.entity';
import { STORAGE_DRIVER, StorageDriver } from '../../platform/storage/storage-driver';

/** Reads what a material version records about its PDF. */
@Injectable()
export class MaterialPdf {
  constructor(@Inject(STORAGE_DRIVER) private readonly storage: StorageDriver) {}

  /** The number of pages, or null when the bytes are not a PDF pdf-lib can read. */
  async pageCount(file: StoredFile): Promise<number | null> {
    try {
      const document = await PDFDocument.load(await readWhole(this.storage, file), { ignoreEncryption: true, updateMetadata: false });
      return document.getPageCount();
    } catch {
      return null;
    }
  }
}
