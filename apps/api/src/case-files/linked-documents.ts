import { Injectable } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import { DOCUMENT_TYPES, ErrorCode, StoredFileDto } from '@app/contracts';
import type { CaseFileDocumentKind } from '@app/contracts';
import { FilesService } from '../files/files.service';
import type { StoredFile } from '../files/stored-file.entity';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { IncomingService } from '../incoming/incoming.service';
import { OutgoingDraftsService } from '../outgoing/outgoing-drafts.service';
import { AppConfig } from '../platform/config/app-config';
import { badRequest } from '../platform/errors/app-exception';
import type { CaseFileDocument, LinkedFile } from './case-file-document.entity';
import type { LinkDocumentDto } from './dto/case-file.dto';

/** What a case file keeps of a linked document: the archive's metadata and the references to its files. */
export type DocumentSnapshot = Pick<CaseFileDocument, 'title' | 'numberAndNotation' | 'documentDate' | 'typeName' | 'author' | 'pageCount' | 'final' | 'confidential' | 'files'>;

const TYPE_NAMES = new Map<string, string>(DOCUMENT_TYPES.map((type) => [type.code, type.vi]));
/** Counting pages reads the whole PDF; past this size the keeper types the count. */
const PAGE_COUNT_MAX_BYTES = 50 * 1024 * 1024;
const OUTGOING_FINAL = ['issued', 'dispatched'];

const linked = (file: StoredFileDto | StoredFile): LinkedFile => ({ id: file.id, name: file.originalName, mediaType: file.mediaType, size: file.size, sha256: file.sha256 });

/**
 * Reads a document to link through its own context's service, with the caller's rights: the
 * incoming and outgoing contexts decide who sees what (403, audited, otherwise), the case file
 * keeps references and metadata, never a copy of the document.
 */
@Injectable()
export class LinkedDocuments {
  constructor(
    private readonly incoming: IncomingService,
    private readonly outgoing: OutgoingDraftsService,
    private readonly files: FilesService,
    private readonly config: AppConfig,
  ) {}

  async read(kind: Exclude<CaseFileDocumentKind, 'internal'>, documentId: string, user: AuthenticatedUser): Promise<DocumentSnapshot> {
    return kind === 'incoming' ? this.readIncoming(documentId, user) : this.readOutgoing(documentId, user);
  }

  /** An internal paper: a file the caller uploaded, described by them. */
  async internal(input: LinkDocumentDto, user: AuthenticatedUser): Promise<DocumentSnapshot> {
    const file = await this.files.findById(input.fileId as string).catch(() => {
      throw badRequest(ErrorCode.FileNotFound, 'Tệp được chọn không tồn tại; hãy tải lên lại.', 'The chosen file does not exist; upload it again.', [{ field: 'fileId' }]);
    });
    this.files.assertCanRead(file, user);
    return {
      title: input.title as string,
      numberAndNotation: input.numberAndNotation ?? null,
      documentDate: input.documentDate ?? null,
      typeName: input.typeName ?? null,
      author: input.author ?? null,
      pageCount: input.pageCount ?? (await this.countPages(file, user)),
      // an internal paper is linked as the final paper it is (a signed scan, a report)
      final: true,
      confidential: false,
      files: [linked(file)],
    };
  }

  private async readIncoming(id: string, user: AuthenticatedUser): Promise<DocumentSnapshot> {
    const document = await this.incoming.get(id, user, { audit: false });
    return {
      title: document.subject,
      numberAndNotation: document.numberAndNotation,
      documentDate: document.promulgatedOn,
      typeName: TYPE_NAMES.get(document.documentType) ?? document.documentType,
      author: document.issuerName,
      pageCount: document.pageCount ?? (await this.countPages(document.mainFile, user)),
      // an incoming document is final once registered (it has its arrival number) and not refused
      final: document.arrivalNumber !== null && document.state !== 'rejected',
      confidential: document.confidentiality !== 'normal',
      files: [document.mainFile, ...document.attachments].map(linked),
    };
  }

  private async readOutgoing(id: string, user: AuthenticatedUser): Promise<DocumentSnapshot> {
    const document = await this.outgoing.get(id, user, { audit: false });
    const final = OUTGOING_FINAL.includes(document.state) && document.issuedPdf !== null;
    // the issued PDF (signed by the signer and the organisation) is the original; before it, the latest version
    const version = (final ? document.issuedPdf : null) ?? document.latestVersion;
    const main = version?.file ?? null;
    const attachments = document.latestVersion?.attachments ?? [];
    return {
      title: document.subject,
      numberAndNotation: document.issuance?.numberAndNotation ?? null,
      documentDate: document.issuance?.issuedOn ?? null,
      typeName: TYPE_NAMES.get(document.documentType) ?? document.documentType,
      author: this.config.ORGAN_NAME,
      pageCount: main ? await this.countPages(main, user) : null,
      final,
      confidential: document.confidentiality !== 'normal',
      files: [...(main ? [main] : []), ...attachments].map(linked),
    };
  }

  /** The pages of a PDF (PageAmount); null for other files, or one too large or unreadable: the keeper fills it in. */
  private async countPages(file: StoredFileDto | StoredFile, user: AuthenticatedUser): Promise<number | null> {
    if (file.mediaType !== 'application/pdf' || file.size > PAGE_COUNT_MAX_BYTES) return null;
    try {
      const stream = await this.files.open(await this.files.findById(file.id), user);
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      const pdf = await PDFDocument.load(Buffer.concat(chunks), { ignoreEncryption: true, updateMetadata: false });
      return pdf.getPageCount() || null;
    } catch {
      return null;
    }
  }
}
