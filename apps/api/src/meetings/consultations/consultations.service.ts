import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConsultationDto, ErrorCode } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import type { StoredFile } from '../../files/stored-file.entity';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { User } from '../../identity/user.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock } from '../../platform/clock/clock';
import { AppException, badRequest, conflict, forbidden, versionConflict } from '../../platform/errors/app-exception';
import { QueueService } from '../../platform/queue/queue.service';
import { Consultation, ConsultationDraft, ConsultationRecipient } from '../entities/consultation.entity';
import { MeetingPeople } from '../schedule/meeting-views';
import type { AnswerConsultationDto, CloseConsultationDto, CreateConsultationDto, UpdateConsultationDto } from './consultation.dto';

export const CONSULTATION_REMINDERS_JOB = 'meetings.consultation-reminders';
/** Unanswered recipients are reminded once when less than this is left. */
const REMIND_BEFORE_MS = 24 * 3600_000;
const WHEN = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

const consultationNotFound = () => new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Không tìm thấy phiếu lấy ý kiến.', 'Consultation not found.');
const wrongState = (vi: string, en: string) => conflict(ErrorCode.InvalidState, vi, en);

/**
 * Written consultations (phiếu lấy ý kiến), e-Cabinet's first two groups of work: a secretary
 * drafts a question with attached drafts and a deadline, sends it; each member answers agree,
 * disagree or comment until the deadline; unanswered members are reminded the day before (an
 * hourly job) and the sender is told when the deadline passes; the sender closes it with a summary.
 */
@Injectable()
export class ConsultationsService implements OnModuleInit {
  private readonly logger = new Logger('Consultations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly queue: QueueService,
    private readonly people: MeetingPeople,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.queue.declare(CONSULTATION_REMINDERS_JOB, { policy: 'singleton' });
    await this.queue.work(CONSULTATION_REMINDERS_JOB, async () => {
      await this.remindDue();
    });
    await this.queue.schedule(CONSULTATION_REMINDERS_JOB, '5 * * * *');
  }

  async create(body: CreateConsultationDto, user: AuthenticatedUser): Promise<ConsultationDto> {
    const deadline = this.futureDeadline(body.deadline);
    const drafts = await this.draftFiles(body.draftFileIds ?? [], user);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkRecipients(manager, body.recipientIds);
      const consultation = await manager.save(
        manager.create(Consultation, { question: body.question, description: body.description ?? null, deadline, state: 'draft', createdById: user.id, createdAt: this.clock.now() }),
      );
      await this.writeLists(manager, consultation.id, body.recipientIds, drafts);
      await this.audit.record({ action: 'consultation.create', actor: user, entityType: 'consultation', entityId: consultation.id }, manager);
      return consultation.id;
    });
    return this.get(id, user);
  }

  async update(id: string, body: UpdateConsultationDto, user: AuthenticatedUser): Promise<ConsultationDto> {
    const drafts = body.draftFileIds ? await this.draftFiles(body.draftFileIds, user, id) : null;
    await this.dataSource.transaction(async (manager) => {
      const consultation = await this.ownLocked(manager, id, user, body.version);
      if (consultation.state !== 'draft') throw wrongState('Phiếu đã gửi, không sửa được.', 'The consultation has been sent and cannot be changed.');
      if (body.recipientIds) await this.checkRecipients(manager, body.recipientIds);
      await manager.update(Consultation, { id }, {
        question: body.question ?? consultation.question,
        description: body.description === undefined ? consultation.description : body.description,
        deadline: body.deadline ? this.futureDeadline(body.deadline) : consultation.deadline,
        version: consultation.version + 1,
      });
      if (body.recipientIds) {
        await manager.delete(ConsultationRecipient, { consultationId: id });
        await manager.insert(ConsultationRecipient, [...new Set(body.recipientIds)].map((userId) => ({ consultationId: id, userId })));
      }
      if (drafts) {
        await manager.delete(ConsultationDraft, { consultationId: id });
        if (drafts.length) await manager.insert(ConsultationDraft, drafts.map((file, position) => ({ consultationId: id, fileId: file.id, position })));
      }
      await this.audit.record({ action: 'consultation.update', actor: user, entityType: 'consultation', entityId: id }, manager);
    });
    return this.get(id, user);
  }

  async send(id: string, version: number, user: AuthenticatedUser): Promise<ConsultationDto> {
    const { consultation, recipients } = await this.dataSource.transaction(async (manager) => {
      const consultation = await this.ownLocked(manager, id, user, version);
      if (consultation.state !== 'draft') throw wrongState('Phiếu đã được gửi.', 'The consultation has already been sent.');
      if (consultation.deadline <= this.clock.now()) throw badRequest(ErrorCode.ValidationFailed, 'Hạn trả lời đã qua; hãy đặt hạn mới.', 'The deadline has passed; set a new one.', [{ field: 'deadline' }]);
      await manager.update(Consultation, { id }, { state: 'sent', sentAt: this.clock.now(), version: consultation.version + 1 });
      await this.audit.record({ action: 'consultation.send', actor: user, entityType: 'consultation', entityId: id }, manager);
      const recipients = await manager.getRepository(ConsultationRecipient).findBy({ consultationId: id });
      return { consultation, recipients: recipients.map((row) => row.userId) };
    });
    await this.notifications.notifyAfterCommit(recipients, {
      kind: 'consultation.sent',
      title: `Xin ý kiến: ${consultation.question} — hạn ${WHEN.format(consultation.deadline)}`,
      link: `/meetings/consultations/${id}`,
      dedupeKey: `consultation.sent:${id}`,
    });
    return this.get(id, user);
  }

  /** A recipient answers (or changes the answer) until the deadline. */
  async answer(id: string, body: AnswerConsultationDto, user: AuthenticatedUser): Promise<ConsultationDto> {
    if (body.answer === 'comment' && !body.comment) throw badRequest(ErrorCode.ValidationFailed, 'Hãy ghi ý kiến góp ý.', 'Write the comment.', [{ field: 'comment' }]);
    const creator = await this.dataSource.transaction(async (manager) => {
      const consultation = await manager.findOne(Consultation, { where: { id }, lock: { mode: 'pessimistic_read' } });
      if (!consultation) throw consultationNotFound();
      const row = await manager.getRepository(ConsultationRecipient).findOneBy({ consultationId: id, userId: user.id });
      if (!row) {
        await this.audit.record({ action: 'permission.denied', actor: user, outcome: 'denied', entityType: 'consultation', entityId: id });
        throw forbidden('Phiếu này không gửi cho bạn.', 'This consultation was not sent to you.');
      }
      if (consultation.state !== 'sent') throw wrongState('Phiếu chưa gửi hoặc đã kết thúc.', 'The consultation is not open.');
      if (consultation.deadline <= this.clock.now()) throw wrongState('Đã quá hạn trả lời phiếu.', 'The deadline has passed.');
      await manager.update(ConsultationRecipient, { consultationId: id, userId: user.id }, { answer: body.answer, comment: body.comment ?? null, answeredAt: this.clock.now() });
      await this.audit.record({ action: 'consultation.answer', actor: user, entityType: 'consultation', entityId: id, details: { answer: body.answer } }, manager);
      return consultation.createdById;
    });
    if (creator) await this.notifications.notifyAfterCommit([creator], { kind: 'consultation.answer', title: `${user.fullName} đã trả lời phiếu lấy ý kiến`, link: `/meetings/consultations/${id}` });
    return this.get(id, user);
  }

  /** The sender reminds everyone who has not answered yet, now. */
  async remind(id: string, user: AuthenticatedUser): Promise<{ reminded: number }> {
    const consultation = await this.dataSource.getRepository(Consultation).findOneBy({ id });
    if (!consultation) throw consultationNotFound();
    if (consultation.createdById !== user.id) throw forbidden('Chỉ người gửi phiếu mới nhắc được.', 'Only the sender can remind.');
    if (consultation.state !== 'sent') throw wrongState('Phiếu không còn mở.', 'The consultation is not open.');
    return { reminded: await this.remindUnanswered(consultation, `manual:${this.clock.now().toISOString()}`) };
  }

  async close(id: string, body: CloseConsultationDto, user: AuthenticatedUser): Promise<ConsultationDto> {
    const recipients = await this.dataSource.transaction(async (manager) => {
      const consultation = await this.ownLocked(manager, id, user, body.version);
      if (consultation.state !== 'sent') throw wrongState('Chỉ kết thúc được phiếu đang lấy ý kiến.', 'Only an open consultation can be closed.');
      await manager.update(Consultation, { id }, { state: 'closed', closedAt: this.clock.now(), summary: body.summary, version: consultation.version + 1 });
      await this.audit.record({ action: 'consultation.close', actor: user, entityType: 'consultation', entityId: id }, manager);
      return (await manager.getRepository(ConsultationRecipient).findBy({ consultationId: id })).map((row) => row.userId);
    });
    await this.notifications.notifyAfterCommit(recipients, { kind: 'consultation.closed', title: 'Đã có tổng hợp ý kiến của phiếu bạn được hỏi', link: `/meetings/consultations/${id}` });
    return this.get(id, user);
  }

  /** The hourly job: reminds unanswered recipients once within the last day, tells the sender once when the deadline has passed. */
  async remindDue(): Promise<{ reminded: number; overdue: number }> {
    const now = this.clock.now();
    const open = await this.dataSource.getRepository(Consultation).findBy({ state: 'sent' });
    let reminded = 0;
    let overdue = 0;
    for (const consultation of open) {
      if (consultation.deadline <= now) {
        if (consultation.createdById) {
          const [{ unanswered }] = await this.dataSource.query('SELECT COUNT(*)::int AS unanswered FROM consultation_recipient WHERE consultation_id = $1 AND answer IS NULL', [consultation.id]);
          overdue += await this.notifications.notify([consultation.createdById], {
            kind: 'consultation.overdue',
            title: `Phiếu lấy ý kiến đã hết hạn (${unanswered} người chưa trả lời): ${consultation.question}`,
            link: `/meetings/consultations/${consultation.id}`,
            dedupeKey: `consultation.overdue:${consultation.id}`,
          });
        }
      } else if (consultation.deadline.getTime() - now.getTime() <= REMIND_BEFORE_MS) reminded += await this.remindUnanswered(consultation, 'last-day');
    }
    if (reminded || overdue) this.logger.log({ reminded, overdue }, 'consultation reminders sent');
    return { reminded, overdue };
  }

  async list(view: 'to_answer' | 'mine' | undefined, user: AuthenticatedUser): Promise<ConsultationDto[]> {
    const builder = this.dataSource.getRepository(Consultation).createQueryBuilder('consultation').orderBy('consultation.createdAt', 'DESC').limit(200);
    if (view === 'mine') builder.where('consultation.createdById = :userId', { userId: user.id });
    else if (view === 'to_answer')
      builder.where(`consultation.state <> 'draft' AND EXISTS (SELECT 1 FROM consultation_recipient recipient WHERE recipient.consultation_id = consultation.id AND recipient.user_id = :userId)`, { userId: user.id });
    else
      builder.where(
        `consultation.createdById = :userId OR (consultation.state <> 'draft' AND EXISTS (SELECT 1 FROM consultation_recipient recipient WHERE recipient.consultation_id = consultation.id AND recipient.user_id = :userId))`,
        { userId: user.id },
      );
    return Promise.all((await builder.getMany()).map((consultation) => this.dto(consultation, user)));
  }

  async get(id: string, user: AuthenticatedUser): Promise<ConsultationDto> {
    return this.dto(await this.readable(id, user), user);
  }

  /** An attached draft, for the sender and the recipients (403 audited otherwise). */
  async draftFile(id: string, fileId: string, user: AuthenticatedUser): Promise<StoredFile> {
    await this.readable(id, user);
    if (!(await this.dataSource.getRepository(ConsultationDraft).existsBy({ consultationId: id, fileId }))) throw consultationNotFound();
    return this.files.findById(fileId);
  }

  private async readable(id: string, user: AuthenticatedUser): Promise<Consultation> {
    const consultation = await this.dataSource.getRepository(Consultation).findOneBy({ id });
    if (!consultation) throw consultationNotFound();
    if (consultation.createdById === user.id) return consultation;
    if (consultation.state !== 'draft' && (await this.dataSource.getRepository(ConsultationRecipient).existsBy({ consultationId: id, userId: user.id }))) return consultation;
    await this.audit.record({ action: 'permission.denied', actor: user, outcome: 'denied', entityType: 'consultation', entityId: id });
    throw forbidden('Bạn không có quyền xem phiếu này.', 'You may not see this consultation.');
  }

  private async dto(consultation: Consultation, user: AuthenticatedUser): Promise<ConsultationDto> {
    const recipients = await this.dataSource.getRepository(ConsultationRecipient).findBy({ consultationId: consultation.id });
    const drafts = await this.dataSource.getRepository(ConsultationDraft).find({ where: { consultationId: consultation.id }, order: { position: 'ASC' } });
    const files = drafts.length ? await Promise.all(drafts.map((draft) => this.files.findById(draft.fileId))) : [];
    const names = await this.people.byIds([consultation.createdById, ...recipients.map((row) => row.userId)]);
    const manages = consultation.createdById === user.id;
    const mine = recipients.find((row) => row.userId === user.id);
    const tally = { agree: 0, disagree: 0, comment: 0, unanswered: 0 };
    for (const row of recipients) tally[row.answer ?? 'unanswered'] += 1;
    return {
      id: consultation.id,
      question: consultation.question,
      description: consultation.description,
      deadline: consultation.deadline.toISOString(),
      state: consultation.state,
      createdBy: consultation.createdById ? (names.get(consultation.createdById) ?? null) : null,
      createdAt: consultation.createdAt.toISOString(),
      sentAt: consultation.sentAt?.toISOString() ?? null,
      closedAt: consultation.closedAt?.toISOString() ?? null,
      summary: consultation.summary,
      version: consultation.version,
      drafts: files.map((file) => ({ fileId: file.id, name: file.originalName, size: file.size })),
      // each member sees their own answer; the sender sees everyone's
      recipients: recipients
        .filter((row) => manages || row.userId === user.id)
        .map((row) => ({ user: names.get(row.userId) ?? { id: row.userId, fullName: '' }, answer: row.answer, comment: row.comment, answeredAt: row.answeredAt?.toISOString() ?? null })),
      tally,
      mine: mine ? { answer: mine.answer, comment: mine.comment } : null,
      manages,
      overdue: consultation.state === 'sent' && consultation.deadline <= this.clock.now(),
    };
  }

  private async remindUnanswered(consultation: Consultation, round: string): Promise<number> {
    const waiting: { user_id: string }[] = await this.dataSource.query('SELECT user_id FROM consultation_recipient WHERE consultation_id = $1 AND answer IS NULL', [consultation.id]);
    const ids = waiting.map((row) => row.user_id);
    if (!ids.length) return 0;
    const sent = await this.notifications.notify(ids, {
      kind: 'consultation.reminder',
      title: `Nhắc: hạn trả lời phiếu lấy ý kiến ${WHEN.format(consultation.deadline)} — ${consultation.question}`,
      link: `/meetings/consultations/${consultation.id}`,
      dedupeKey: `consultation.reminder:${consultation.id}:${round}`,
    });
    await this.dataSource.query('UPDATE consultation_recipient SET reminded_at = $2 WHERE consultation_id = $1 AND answer IS NULL', [consultation.id, this.clock.now()]);
    return sent;
  }

  private async ownLocked(manager: EntityManager, id: string, user: AuthenticatedUser, version: number): Promise<Consultation> {
    const consultation = await manager.findOne(Consultation, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!consultation) throw consultationNotFound();
    if (consultation.createdById !== user.id) throw forbidden('Chỉ người lập phiếu mới làm được việc này.', 'Only the sender of the consultation can do this.');
    if (consultation.version !== version) throw versionConflict('Phiếu lấy ý kiến', 'The consultation');
    return consultation;
  }

  private futureDeadline(text: string): Date {
    const deadline = new Date(text);
    if (deadline <= this.clock.now()) throw badRequest(ErrorCode.ValidationFailed, 'Hạn trả lời phải ở tương lai.', 'The deadline must be in the future.', [{ field: 'deadline' }]);
    return deadline;
  }

  private async checkRecipients(manager: EntityManager, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if ((await manager.getRepository(User).countBy({ id: In(unique), active: true })) !== unique.length)
      throw badRequest(ErrorCode.UserNotFound, 'Có người nhận phiếu không tồn tại hoặc đã nghỉ.', 'A recipient does not exist or is inactive.', [{ field: 'recipientIds' }]);
  }

  /** The drafts attached: the caller's own uploads (or already attached to this consultation). */
  private async draftFiles(ids: readonly string[], user: AuthenticatedUser, consultationId?: string): Promise<StoredFile[]> {
    if (new Set(ids).size !== ids.length) throw badRequest(ErrorCode.ValidationFailed, 'Một tệp được đính kèm hai lần.', 'A file is attached twice.', [{ field: 'draftFileIds' }]);
    return Promise.all(
      ids.map(async (fileId) => {
        const file = await this.files.findById(fileId).catch(() => {
          throw badRequest(ErrorCode.FileNotFound, 'Tệp được chọn không tồn tại; hãy tải lên lại.', 'The chosen file does not exist; upload it again.', [{ field: 'draftFileIds' }]);
        });
        if (consultationId && (await this.dataSource.getRepository(ConsultationDraft).existsBy({ consultationId, fileId }))) return file;
        this.files.assertCanRead(file, user);
        return file;
      }),
    );
  }

  private async writeLists(manager: EntityManager, consultationId: string, recipientIds: readonly string[], drafts: StoredFile[]): Promise<void> {
    await manager.insert(ConsultationRecipient, [...new Set(recipientIds)].map((userId) => ({ consultationId, userId })));
    if (drafts.length) await manager.insert(ConsultationDraft, drafts.map((file, position) => ({ consultationId, fileId: file.id, position })));
  }
}
