import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PDFDocument, PDFFont, PDFPage, PDFRef } from 'pdf-lib';
import type { EntityManager } from 'typeorm';
import { type CertificateSummary, Permission, permissionsOf, type Role, SignatureErrorCode } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { mm } from '../files/pdf/page-geometry';
import { fit } from '../files/pdf/arrival-stamp-drawing';
import { embedVietnameseFont } from '../files/pdf/vietnamese-font';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { DOCUMENT_SIGNERS, type DocumentSigner, type SigningKey } from './document-signer';
import { SignatureImagesService } from './images/signature-images.service';
import { SigningCredentialsService } from './keys/signing-credentials.service';
import { attachmentBox, DECREE30, fallbackSignerBox, fitInto, sealBox, splitSignerBox } from './pdf/decree30-layout';
import { dateLine, defaultDatePlacement, defaultNumberPlacement, findNumberAndDateLines, type LinePlacement, numberLine, placementOver, writeLine } from './pdf/number-and-date';
import { signPdf } from './pdf/pades';
import { addSignatureField, type Rect, type SignatureAppearance, signatureFields } from './pdf/signature-field';
import { findRun, signatureBoxAboveName, textRuns, type TextRun } from './pdf/text-anchors';
import { vietnamIsoTimestamp, vietnamSigningTime } from './pdf/vietnam-timestamp';
import { noSigner, notAllowedToSign, notSignedBySigner, signatureBroken } from './signature-errors';
import { verifyPdfSignatures } from './verification/pdf-signatures';

/** Who signs: the authenticated user the outgoing workflow acts for. */
export interface SigningActor {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
}

/** What the signature is about, for the audit log (e.g. `{ type: 'outgoing-document', id }`). */
export interface SignedSubject {
  type: string;
  id: string;
}

interface CommonSigningInput {
  pdf: Buffer;
  fileName: string;
  /** the passphrase of the key (server key store); a token PIN for other providers */
  passphrase: string;
  location?: string;
  subject?: SignedSubject;
}

export interface SignAsSignerInput extends CommonSigningInput {
  signer: SigningActor;
  reason?: string;
  /** where the signer's block goes; by default above the signer's printed name on the last page */
  box?: Rect & { pageIndex: number };
}

export interface OrganisationSignatureInput extends CommonSigningInput {
  clerk: SigningActor;
  /** `15/QĐ-BNV`, as the register assigned it */
  numberAndNotation: string;
  issuedOn: Date;
  placeName?: string;
  number?: LinePlacement;
  date?: LinePlacement;
}

export interface AttachmentSignatureInput extends CommonSigningInput {
  clerk: SigningActor;
  numberAndNotation: string;
}

/** Where a signature field goes and how it looks; its name is the prefix and its place among the fields. */
interface FieldPlan {
  page: PDFPage;
  prefix: 'Signer' | 'Organisation';
  appearance: SignatureAppearance;
  reason: string;
  location?: string;
  signerName: string;
}

export interface SignedPdf {
  pdf: Buffer;
  sha256: string;
  signedAt: Date;
  fieldName: string;
  credentialId: string;
  certificate: CertificateSummary;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Signs PDFs the Decree 30 way (Phụ lục I §II.7–8): the signer's PAdES signature with the
 * handwritten image in the signature block; then, at issuance, the number and date written in and
 * the organisation's signature (the digital seal) over it, as an incremental update that keeps the
 * signer's signature valid; for separate attachment files the organisation's signature alone, top
 * right of the first page, as text. Nothing is stored here: the caller keeps the returned PDF and
 * passes its transaction so that the audit entry commits with it. A failure (wrong passphrase, no
 * key, broken PDF) throws before anything is written.
 *
 * Issuance without losing numbers: in one transaction, take the register's next number under its
 * lock, call applyOrganisationSignature with it and that transaction's manager, store the sealed
 * file, commit. A failed signature throws, the transaction rolls back, and the number was never
 * taken (Decree 30 numbers run without gaps).
 */
@Injectable()
export class SigningService {
  private readonly logger = new Logger('Signing');

  constructor(
    private readonly credentials: SigningCredentialsService,
    private readonly images: SignatureImagesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(DOCUMENT_SIGNERS) private readonly signers: DocumentSigner[],
  ) {}

  async signAsSigner(input: SignAsSignerInput, manager?: EntityManager): Promise<SignedPdf> {
    const signedAt = this.clock.now();
    return this.run('signature.sign', input.signer, input, manager, async () => {
      requirePermission(input.signer, Permission.SignaturesSign);
      const key = await this.credentials.signingKey({ kind: 'user', userId: input.signer.id }, input.passphrase, signedAt);
      const image = await this.images.find({ kind: 'signature', userId: input.signer.id });
      const runs = input.box ? null : await readRuns(input.pdf, (count) => [count - 1]);
      const signed = await this.signWith(input, key, signedAt, async (document, font) => {
        const pageIndex = input.box?.pageIndex ?? document.getPageCount() - 1;
        const page = pageAt(document, pageIndex);
        const box = input.box ?? signerBoxOn(page, runs?.get(pageIndex) ?? [], input.signer.fullName);
        const { image: imageArea, text: textArea } = splitSignerBox(box);
        const embedded = image ? await document.embedPng(image.png) : null;
        return {
          page,
          prefix: 'Signer',
          appearance: {
            rect: box,
            image: embedded ? { image: embedded, box: fitInto(imageArea, embedded) } : undefined,
            text: signerText(font, textArea, input.signer.fullName, signedAt),
          },
          reason: input.reason ?? 'Ký ban hành văn bản',
          signerName: input.signer.fullName,
        };
      });
      return { ...signed, key, signedAt };
    });
  }

  async applyOrganisationSignature(input: OrganisationSignatureInput, manager?: EntityManager): Promise<SignedPdf> {
    const signedAt = this.clock.now();
    return this.run('signature.organ-sign', input.clerk, input, manager, async () => {
      requirePermission(input.clerk, Permission.SignaturesSeal);
      // Decree 30 Art. 32: the clerk signs only what the competent person has signed, unchanged since.
      const existing = await verifyPdfSignatures(input.pdf, input.fileName);
      if (existing.length === 0) throw notSignedBySigner();
      const broken = existing.find((signature) => !signature.valid);
      if (broken) throw signatureBroken(broken.fieldName, broken.problem);

      const key = await this.credentials.signingKey({ kind: 'organisation' }, input.passphrase, signedAt);
      const seal = await this.images.find({ kind: 'seal' });
      const runs = await readRuns(input.pdf, () => [0]);
      const signed = await this.signWith(input, key, signedAt, async (document, font) => {
        this.writeNumberAndDate(document, font, runs.get(0) ?? [], input);
        const fields = signatureFields(document);
        const signer = [...fields].reverse().find((field) => field.name.startsWith('Signer')) ?? fields[fields.length - 1];
        const rect = sealBox(splitSignerBox(signer.rect).image, seal?.realWidthMm ? mm(seal.realWidthMm) : DECREE30.sealDiameter);
        const embedded = seal ? await document.embedPng(seal.png) : null;
        return {
          page: pageOfRef(document, signer.pageRef) ?? pageAt(document, document.getPageCount() - 1),
          prefix: 'Organisation',
          appearance: embedded ? { rect, image: { image: embedded, box: fitInto(rect, embedded) } } : { rect, text: sealFallbackText(font, rect, key) },
          reason: `Phát hành văn bản ${input.numberAndNotation}`,
          location: input.location ?? input.placeName,
          signerName: key.certificate.subjectCommonName,
        };
      });
      return { ...signed, key, signedAt, extra: { numberAndNotation: input.numberAndNotation, issuedOn: input.issuedOn.toISOString() } };
    });
  }

  async signAttachment(input: AttachmentSignatureInput, manager?: EntityManager): Promise<SignedPdf> {
    const signedAt = this.clock.now();
    return this.run('signature.organ-sign-attachment', input.clerk, input, manager, async () => {
      requirePermission(input.clerk, Permission.SignaturesSeal);
      const key = await this.credentials.signingKey({ kind: 'organisation' }, input.passphrase, signedAt);
      const signed = await this.signWith(input, key, signedAt, async (document, font) => {
        const page = pageAt(document, 0);
        const rect = attachmentBox(page.getSize());
        const size = DECREE30.attachmentTextSize;
        return {
          page,
          prefix: 'Organisation',
          // Decree 30: no image; the number and notation and the signing time (ISO 8601, Vietnam time)
          appearance: { rect, text: { font, box: rect, lines: [{ text: input.numberAndNotation, size }, { text: vietnamIsoTimestamp(signedAt), size }] } },
          reason: `Văn bản kèm theo văn bản ${input.numberAndNotation}`,
          signerName: key.certificate.subjectCommonName,
        };
      });
      return { ...signed, key, signedAt, extra: { numberAndNotation: input.numberAndNotation } };
    });
  }

  /** One PAdES signature: `plan` draws what belongs to this revision and says where the field goes. */
  private async signWith(
    input: CommonSigningInput,
    key: SigningKey,
    signedAt: Date,
    plan: (document: PDFDocument, font: PDFFont) => Promise<FieldPlan>,
  ): Promise<{ pdf: Buffer; fieldName: string }> {
    let fieldName = '';
    const cms = this.cmsProducer(key);
    const pdf = await signPdf({
      original: input.pdf,
      fileName: input.fileName,
      signingTime: signedAt,
      cms,
      prepare: async (document) => {
        const field = await plan(document, await embedVietnameseFont(document));
        fieldName = `${field.prefix}${signatureFields(document).length + 1}`;
        addSignatureField(document, {
          page: field.page,
          fieldName,
          appearance: field.appearance,
          reason: field.reason,
          location: field.location ?? input.location ?? '',
          contactInfo: '',
          signerName: field.signerName,
          signingTime: signedAt,
        });
      },
    });
    return { pdf, fieldName };
  }

  private writeNumberAndDate(document: PDFDocument, font: PDFFont, runs: TextRun[], input: OrganisationSignatureInput): void {
    const first = pageAt(document, 0);
    const found = findNumberAndDateLines(runs, first.getSize());
    const number = input.number ?? (found.number ? placementOver(found.number) : defaultNumberPlacement(first.getSize()));
    const date = input.date ?? (found.date ? placementOver(found.date) : defaultDatePlacement(first.getSize()));
    writeLine(pageAt(document, number.pageIndex), font, numberLine(input.numberAndNotation), number);
    writeLine(pageAt(document, date.pageIndex), font, dateLine(input.issuedOn, input.placeName ?? found.placeName ?? undefined), date);
  }

  private recordFailure(action: string, actor: SigningActor, input: CommonSigningInput, sha256Before: string, error: unknown): Promise<void> {
    const isAppError = error instanceof AppException;
    if (!isAppError) this.logger.error({ err: error, action }, 'signing failed');
    return this.audit
      .record({
        action,
        actor,
        outcome: isAppError && error.getStatus() === 403 ? 'denied' : 'failure',
        entityType: input.subject?.type ?? 'file',
        entityId: input.subject?.id ?? null,
        details: { fileName: input.fileName, sha256Before, code: isAppError ? error.code : 'INTERNAL_ERROR' },
      })
      .catch((auditError: unknown) => this.logger.error({ err: auditError }, 'could not record a failed signing'));
  }

  /** The CMS from the key's provider, counting wrong passphrases against the key. */
  private cmsProducer(key: SigningKey) {
    const signer = this.signers.find((candidate) => candidate.provider === key.provider);
    if (!signer) throw noSigner(key.provider);
    return async (bytes: Buffer, at: Date) => {
      try {
        const cms = await signer.sign(bytes, key, at);
        await this.credentials.noteRightPassphrase(key.credentialId);
        return cms;
      } catch (error) {
        if (error instanceof AppException && error.code === SignatureErrorCode.WrongPassphrase) await this.credentials.noteWrongPassphrase(key.credentialId);
        throw error;
      }
    };
  }

  /**
   * Runs one signing and writes its audit entry: with the result in the caller's transaction, or
   * a failure on its own (the caller's transaction rolls back; the attempt stays on record, which
   * is how repeated wrong passphrases show up).
   */
  private async run(
    action: string,
    actor: SigningActor,
    input: CommonSigningInput,
    manager: EntityManager | undefined,
    sign: () => Promise<{ pdf: Buffer; fieldName: string; key: SigningKey; signedAt: Date; extra?: Record<string, unknown> }>,
  ): Promise<SignedPdf> {
    const before = sha256(input.pdf);
    const started = performance.now();
    let result;
    try {
      result = await sign();
    } catch (error) {
      const recording = this.recordFailure(action, actor, input, before, error);
      // Inside the caller's transaction the audit chain's lock may already be held by that very
      // transaction (it audited its own step first): waiting here would wait for ourselves. The
      // entry is written as soon as the caller's transaction ends, whichever way it ends.
      if (!manager) await recording;
      throw error;
    }
    const signed: SignedPdf = {
      pdf: result.pdf,
      sha256: sha256(result.pdf),
      signedAt: result.signedAt,
      fieldName: result.fieldName,
      credentialId: result.key.credentialId,
      certificate: result.key.certificate,
    };
    await this.audit.record(
      {
        action,
        actor,
        entityType: input.subject?.type ?? 'file',
        entityId: input.subject?.id ?? null,
        details: {
          fileName: input.fileName,
          sha256Before: before,
          sha256After: signed.sha256,
          fieldName: signed.fieldName,
          credentialId: signed.credentialId,
          serialNumber: signed.certificate.serialNumber,
          signedAt: signed.signedAt.toISOString(),
          milliseconds: Math.round(performance.now() - started),
          ...result.extra,
        },
      },
      manager,
    );
    return signed;
  }
}

function requirePermission(actor: SigningActor, permission: Permission): void {
  if (!permissionsOf(actor.roles).includes(permission)) throw notAllowedToSign();
}

function pageAt(document: PDFDocument, index: number): PDFPage {
  const pages = document.getPages();
  return pages[Math.min(Math.max(index, 0), pages.length - 1)];
}

function pageOfRef(document: PDFDocument, ref: PDFRef | null): PDFPage | undefined {
  return ref ? document.getPages().find((page) => page.ref === ref || page.ref.tag === ref.tag) : undefined;
}

/** Text positions help placing; a PDF pdfjs cannot read still gets signed at the default places. */
async function readRuns(pdf: Buffer, pages: (count: number) => number[]): Promise<Map<number, TextRun[]>> {
  try {
    return await textRuns(pdf, pages);
  } catch {
    return new Map();
  }
}

function signerBoxOn(page: PDFPage, runs: TextRun[], fullName: string): Rect {
  const name = findRun(runs, fullName);
  return name ? signatureBoxAboveName(runs, name, DECREE30.signerBox) : fallbackSignerBox(page.getSize());
}

/** "Ký bởi" and the signing time, in three short lines shrunk to the room right of the seal. */
function signerText(font: PDFFont, box: Rect, fullName: string, at: Date): SignatureAppearance['text'] {
  const lines = [`Ký bởi: ${fullName}`, 'Thời gian ký:', vietnamSigningTime(at)].map((text) => fit(text, font, DECREE30.signerTextSize, box.width));
  const size = Math.min(...lines.map((line) => line.size));
  return { font, box, color: 'blue', lines: lines.map((line) => ({ text: line.text, size })) };
}

/** Without a seal image (none uploaded yet) the organisation's name shows, so the signature is still visible. */
function sealFallbackText(font: PDFFont, rect: Rect, key: SigningKey): SignatureAppearance['text'] {
  return { font, box: rect, color: 'black', lines: [{ text: key.certificate.subjectCommonName, size: 8 }] };
}
