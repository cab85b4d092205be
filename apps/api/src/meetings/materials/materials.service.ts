import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { ErrorCode, MaterialDto, MaterialPublishedPayload, MeetingErrorCode } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import type { StoredFile } from '../../files/stored-file.entity';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { User } from '../../identity/user.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { ConversionFailedError, DocumentConverter } from '../../outgoing/conversion/document-converter';
import { Clock } from '../../platform/clock/clock';
import { AppException, badRequest } from '../../platform/errors/app-exception';
import { QueueService } from '../../platform/queue/queue.service';
import { MediaType } from '../../platform/storage/detect-media-type';
import { MeetingAccessService } from '../access/meeting-access.service';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingMaterialReader } from '../entities/meeting-material-reader.entity';
import { MeetingMaterialVersion } from '../entities/meeting-material-version.entity';
import { MeetingMaterial } from '../entities/meeting-material.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { assertNotOver, agendaItemNotFound, materialNotFound, materialVersionNotFound } from '../meeting-errors';
import type { AddMaterialVersionDto, CreateMaterialDto } from '../dto/meeting-requests.dto';
import { MeetingsService } from '../schedule/meetings.service';
import { MeetingViews } from '../schedule/meeting-views';
import { MaterialPdf } from './material-pdf';

const PDF = 'application/pdf';
/** Office files turned into PDF by LibreOffice where it is installed. */
const CONVERTIBLE: readonly string[] = [MediaType.Docx, MediaType.Xlsx, MediaType.Pptx];
export const PUBLISH_JOB = 'meetings.publish-materials';

/**
 * Materials (tài liệu họp): each upload is a new immutable version identified by its SHA-256 (the
 * same bytes again are the same version), always a PDF (Office files converted with the outgoing
 * context's LibreOffice converter). Organisers see a version at once; participants from its
 * publication, now or at a chosen time (a pg-boss job started after that time publishes it).
 */
@Injectable()
export class MaterialsService implements OnModuleInit {
  private readonly logger = new Logger('MeetingMaterials');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly files: FilesService,
    private readonly converter: DocumentConverter,
    private readonly pdf: MaterialPdf,
    private readonly queue: QueueService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly meetings: MeetingsService,
    private readonly views: MeetingViews,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.queue.declare(PUBLISH_JOB, { policy: 'standard' });
    await this.queue.work(PUBLISH_JOB, async () => {
      await this.publishDue();
    });
    // a sweep besides the job sent for each time: a version whose job was lost is published within minutes
    await this.queue.schedule(PUBLISH_JOB, '*/5 * * * *');
  }

  async create(meetingId: string, body: CreateMaterialDto, user: AuthenticatedUser): Promise<MaterialDto> {
    await this.access.requireManager(meetingId, user);
    const pdf = await this.pdfOf(body.fileId, user);
    const materialId = await this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.access.requireManager(meetingId, user, manager, { lock: true });
      assertNotOver(meeting);
      if (body.agendaItemId && !(await manager.getRepository(MeetingAgendaItem).existsBy({ id: body.agendaItemId, meetingId }))) throw agendaItemNotFound();
      const readerIds = [...new Set(body.readerIds ?? [])];
      if (body.access === 'named' && !readerIds.length) throw badRequest(ErrorCode.ValidationFailed, 'Hãy chọn người được xem tài liệu.', 'Name who may read the material.', [{ field: 'readerIds' }]);
      if (readerIds.length && (await manager.getRepository(User).countBy({ id: In(readerIds) })) !== readerIds.length)
        throw badRequest(ErrorCode.UserNotFound, 'Có người được chọn không tồn tại.', 'A named reader does not exist.', [{ field: 'readerIds' }]);
      const material = await manager.save(
        manager.create(MeetingMaterial, { meetingId, agendaItemId: body.agendaItemId ?? null, title: body.title, access: body.access ?? 'all_participants', createdById: user.id, createdAt: this.clock.now() }),
      );
      if (material.access === 'named') await manager.insert(MeetingMaterialReader, readerIds.map((userId) => ({ materialId: material.id, userId })));
      const version = await this.insertVersion(manager, material, pdf, user);
      await this.audit.record({ action: 'meeting.material.create', actor: user, entityType: 'meeting_material', entityId: material.id, details: { meetingId, versionId: version.id, sha256: version.sha256 } }, manager);
      await this.events.publish(meetingId, 'materials.changed', { materialId: material.id }, { manager });
      return material.id;
    });
    await this.afterUpload(materialId, body, user);
    return this.material(meetingId, materialId, user);
  }

  /** A new version of a material; the same bytes as an existing version are that version again. */
  async addVersion(meetingId: string, materialId: string, body: AddMaterialVersionDto, user: AuthenticatedUser): Promise<MaterialDto> {
    await this.access.requireManager(meetingId, user);
    const pdf = await this.pdfOf(body.fileId, user);
    await this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.access.requireManager(meetingId, user, manager, { lock: true });
      assertNotOver(meeting);
      const material = await manager.getRepository(MeetingMaterial).findOneBy({ id: materialId, meetingId });
      if (!material) throw materialNotFound();
      const same = await manager.getRepository(MeetingMaterialVersion).findOneBy({ materialId, sha256: pdf.file.sha256 });
      if (same) return;
      const version = await this.insertVersion(manager, material, pdf, user);
      await this.audit.record({ action: 'meeting.material.version', actor: user, entityType: 'meeting_material', entityId: material.id, details: { meetingId, versionId: version.id, number: version.number, sha256: version.sha256 } }, manager);
      await this.events.publish(meetingId, 'materials.changed', { materialId }, { manager });
    });
    await this.afterUpload(materialId, body, user);
    return this.material(meetingId, materialId, user);
  }

  /** Publishes a version now, or schedules it (`at` in the future). A version published stays published. */
  async publish(meetingId: string, versionId: string, at: string | null | undefined, user: AuthenticatedUser): Promise<MaterialDto> {
    const when = at ? new Date(at) : null;
    const materialId = await this.dataSource.transaction(async (manager) => {
      await this.access.requireManager(meetingId, user, manager, { lock: true });
      const version = await this.versionOf(manager, meetingId, versionId);
      if (version.publishedAt) return version.materialId;
      if (when && when > this.clock.now()) {
        await manager.update(MeetingMaterialVersion, { id: versionId }, { publishAt: when });
        await this.audit.record({ action: 'meeting.material.schedule', actor: user, entityType: 'meeting_material_version', entityId: versionId, details: { at: when.toISOString() } }, manager);
        await this.events.publish(meetingId, 'materials.changed', { materialId: version.materialId }, { manager, audience: await this.managerIds(manager, meetingId) });
      } else await this.publishNow(manager, meetingId, version, user);
      return version.materialId;
    });
    if (when && when > this.clock.now()) await this.queue.send(PUBLISH_JOB, { versionId }, { startAfter: when });
    else await this.tellParticipants(meetingId, user);
    return this.material(meetingId, materialId, user);
  }

  /** Publishes every version whose time has come (the job; idempotent). */
  async publishDue(): Promise<number> {
    const due = await this.dataSource.getRepository(MeetingMaterialVersion).find({ where: { publishedAt: IsNull(), publishAt: LessThanOrEqual(this.clock.now()) }, relations: { material: true }, take: 500 });
    const meetings = new Set<string>();
    for (const version of due) {
      const meetingId = version.material!.meetingId;
      await this.dataSource.transaction(async (manager) => {
        const fresh = await manager.findOne(MeetingMaterialVersion, { where: { id: version.id, publishedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
        if (fresh) await this.publishNow(manager, meetingId, fresh, null);
      });
      meetings.add(meetingId);
    }
    for (const meetingId of meetings) await this.tellParticipants(meetingId, null);
    if (due.length) this.logger.log({ versions: due.length }, 'scheduled materials published');
    return due.length;
  }

  async list(meetingId: string, user: AuthenticatedUser): Promise<MaterialDto[]> {
    await this.access.requireParticipant(meetingId, user);
    return this.views.materials(meetingId, user);
  }

  /** The PDF of a version for someone allowed to read it (403 audited otherwise); the download is audited by the responder. */
  async contentOf(meetingId: string, versionId: string, user: AuthenticatedUser): Promise<StoredFile> {
    const { material, version } = await this.access.requireMaterialVersion(versionId, user);
    if (material.meetingId !== meetingId) throw materialVersionNotFound();
    return this.files.findById(version.fileId);
  }

  private async publishNow(manager: EntityManager, meetingId: string, version: MeetingMaterialVersion, user: AuthenticatedUser | null): Promise<void> {
    const publishedAt = this.clock.now();
    await manager.update(MeetingMaterialVersion, { id: version.id }, { publishedAt, publishAt: version.publishAt ?? publishedAt });
    await this.audit.record({ action: 'meeting.material.publish', actor: user, actorUsername: user ? undefined : 'system', entityType: 'meeting_material_version', entityId: version.id, details: { meetingId } }, manager);
    const payload: MaterialPublishedPayload = { materialId: version.materialId, versionId: version.id, number: version.number, publishedAt: publishedAt.toISOString() };
    await this.events.publish(meetingId, 'material.published', payload, { manager });
  }

  private async tellParticipants(meetingId: string, user: AuthenticatedUser | null): Promise<void> {
    const meeting = await this.dataSource.query('SELECT title, invited_at FROM meeting WHERE id = $1', [meetingId]);
    if (!meeting[0]?.invited_at) return; // before the invitation, nobody is told about materials yet
    const recipients = await this.meetings.participantUserIds(this.dataSource.manager, meetingId);
    await this.notifications.notifyAfterCommit(
      recipients.filter((id) => id !== user?.id),
      { kind: 'meeting.material', title: `Tài liệu họp mới: ${meeting[0].title}`, link: `/meetings/${meetingId}` },
    );
  }

  private async afterUpload(materialId: string, body: { publishNow?: boolean; publishAt?: string | null }, user: AuthenticatedUser): Promise<void> {
    if (!body.publishNow && !body.publishAt) return;
    const latest = await this.dataSource.getRepository(MeetingMaterialVersion).findOne({ where: { materialId }, order: { number: 'DESC' }, relations: { material: true } });
    if (latest && !latest.publishedAt) await this.publish(latest.material!.meetingId, latest.id, body.publishNow ? null : body.publishAt, user);
  }

  private async insertVersion(manager: EntityManager, material: MeetingMaterial, pdf: { file: StoredFile; source: StoredFile | null; pages: number }, user: AuthenticatedUser): Promise<MeetingMaterialVersion> {
    const [last] = await manager.query('SELECT COALESCE(MAX(number), 0) AS number FROM meeting_material_version WHERE material_id = $1', [material.id]);
    return manager.save(
      manager.create(MeetingMaterialVersion, {
        materialId: material.id,
        number: Number(last.number) + 1,
        fileId: pdf.file.id,
        sha256: pdf.file.sha256,
        pageCount: pdf.pages,
        sourceFileId: pdf.source?.id ?? null,
        uploadedById: user.id,
        uploadedAt: this.clock.now(),
        publishAt: null,
        publishedAt: null,
      }),
    );
  }

  /** The caller's upload as a PDF: as it is, or converted from DOCX/XLSX/PPTX; refused when neither. */
  private async pdfOf(fileId: string, user: AuthenticatedUser): Promise<{ file: StoredFile; source: StoredFile | null; pages: number }> {
    const file = await this.files.findById(fileId).catch(() => {
      throw badRequest(ErrorCode.FileNotFound, 'Tệp được chọn không tồn tại; hãy tải lên lại.', 'The chosen file does not exist; upload it again.', [{ field: 'fileId' }]);
    });
    this.files.assertCanRead(file, user);
    let pdf = file;
    let source: StoredFile | null = null;
    if (CONVERTIBLE.includes(file.mediaType)) {
      if (!(await this.converter.isAvailable()))
        throw new AppException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          MeetingErrorCode.MaterialNotConvertible,
          'Máy chủ chưa cài LibreOffice nên không chuyển được tệp Office sang PDF; hãy tải lên bản PDF.',
          'LibreOffice is not installed on the server, so Office files cannot be converted; upload a PDF.',
          { field: 'fileId' },
        );
      source = file;
      pdf = await this.converter.toPdf(file, user).catch((error: unknown) => {
        if (!(error instanceof ConversionFailedError)) throw error;
        throw new AppException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          MeetingErrorCode.MaterialNotConvertible,
          'Không chuyển được tệp này sang PDF (tệp hỏng hoặc định dạng không đọc được); hãy tải lên bản PDF.',
          'This file could not be converted to PDF (damaged or unreadable); upload a PDF.',
          { field: 'fileId' },
        );
      });
    } else if (file.mediaType !== PDF)
      throw new AppException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.FileTypeNotAllowed, 'Tài liệu họp phải là PDF, Word, Excel hoặc PowerPoint.', 'A meeting material must be a PDF, Word, Excel or PowerPoint file.', {
        field: 'fileId',
        detected: file.mediaType,
      });
    const pages = await this.pdf.pageCount(pdf);
    if (pages === null) throw badRequest(ErrorCode.FileTypeMismatch, 'Không đọc được tệp PDF này.', 'This PDF cannot be read.', [{ field: 'fileId' }]);
    return { file: pdf, source, pages };
  }

  private async versionOf(manager: EntityManager, meetingId: string, versionId: string): Promise<MeetingMaterialVersion> {
    const version = await manager.findOne(MeetingMaterialVersion, { where: { id: versionId }, relations: { material: true }, lock: { mode: 'pessimistic_write', tables: ['meeting_material_version'] } });
    if (!version || version.material?.meetingId !== meetingId) throw materialVersionNotFound();
    return version;
  }

  private async managerIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT user_id AS id FROM meeting_participant WHERE meeting_id = $1 AND role IN ('chair', 'secretary') AND user_id IS NOT NULL
       UNION SELECT organiser_id FROM meeting WHERE id = $1 AND organiser_id IS NOT NULL`,
      [meetingId],
    );
    return rows.map((row) => row.id);
  }

  private async material(meetingId: string, materialId: string, user: AuthenticatedUser): Promise<MaterialDto> {
    const found = (await this.views.materials(meetingId, user)).find((material) => material.id === materialId);
    if (!found) throw materialNotFound();
    return found;
  }
}

