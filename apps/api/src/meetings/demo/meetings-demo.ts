import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PDFDocument, rgb } from 'pdf-lib';
import { Readable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import { FilesService } from '../../files/files.service';
import { embedVietnameseFont } from '../../files/pdf/vietnamese-font';
import { Unit } from '../../identity/unit.entity';
import { User } from '../../identity/user.entity';
import { Clock } from '../../platform/clock/clock';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingMaterialVersion } from '../entities/meeting-material-version.entity';
import { MeetingMaterial } from '../entities/meeting-material.entity';
import { MeetingParticipant } from '../entities/meeting-participant.entity';
import { MeetingRoom } from '../entities/meeting-room.entity';
import { Meeting } from '../entities/meeting.entity';

const DEMO_ROOMS = [
  { name: 'Phòng họp số 1 (tầng 2, nhà A)', location: '138A Giảng Võ, Hà Nội', capacity: 30 },
  { name: 'Hội trường lớn (tầng 1, nhà B)', location: '138A Giảng Võ, Hà Nội', capacity: 200 },
];
const DAY_MS = 24 * 3600_000;
/** Any fixed number: replicas starting together write the demo meetings once. */
const DEMO_LOCK = 22_2026;

/**
 * The demo's meetings, written once into an empty schedule: two rooms, the weekly leaders'
 * briefing on the next working day (invitations sent, agenda, a published two-page PDF material)
 * and a review meeting the day after (being prepared). Dated from the day the demo starts, so the
 * weekly schedule always shows them.
 */
@Injectable()
export class MeetingsDemo {
  private readonly logger = new Logger('MeetingsDemo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<void> {
    const people = await this.dataSource.getRepository(User).findBy({ username: In(['thuky', 'lanhdao', 'truongphong', 'chuyenvien', 'vanthu']) });
    const person = (username: string) => people.find((user) => user.username === username);
    const secretary = person('thuky');
    const chair = person('lanhdao');
    if (!secretary || !chair) return; // not the demo agency
    if ((await this.dataSource.getRepository(MeetingRoom).count()) > 0) return;
    const pdf = await this.materialPdf();
    const file = await this.files.store(Readable.from([Buffer.from(pdf)]), { originalName: 'du-thao-ke-hoach-chuyen-doi-so-2027.pdf', declaredType: 'application/pdf', uploadedBy: secretary });
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
      if ((await manager.count(MeetingRoom)) > 0) return;
      const now = this.clock.now();
      const rooms = await manager.save(DEMO_ROOMS.map((room) => manager.create(MeetingRoom, { ...room, active: true, createdAt: now })));
      const office = await manager.findOneBy(Unit, { code: 'VP.HC' });
      const first = nextWorkingDay(now);
      const second = nextWorkingDay(new Date(first.getTime() + DAY_MS));
      const briefing = await manager.save(
        manager.create(Meeting, {
          title: 'Giao ban Lãnh đạo Bộ tuần này',
          description: 'Đánh giá kết quả công tác tuần, triển khai nhiệm vụ trọng tâm tuần tới.',
          startsAt: at(first, 8),
          endsAt: at(first, 10),
          roomId: rooms[0].id,
          onlineLink: 'https://hop.example.gov.vn/giao-ban',
          state: 'invited',
          organiserId: secretary.id,
          invitedAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const participants: Partial<MeetingParticipant>[] = [
        { kind: 'user', role: 'chair', userId: chair.id, answer: 'attend', answeredAt: now, answeredById: chair.id },
        { kind: 'user', role: 'secretary', userId: secretary.id, answer: 'attend', answeredAt: now, answeredById: secretary.id },
        ...['truongphong', 'chuyenvien', 'vanthu'].filter((username) => person(username)).map((username): Partial<MeetingParticipant> => ({ kind: 'user', role: 'member', userId: person(username)!.id })),
        ...(office ? [{ kind: 'unit', role: 'member', unitId: office.id } as Partial<MeetingParticipant>] : []),
        { kind: 'guest', role: 'guest', guestName: 'Ông Nguyễn Văn An (Sở Y tế Hà Nội)' },
      ];
      await manager.insert(MeetingParticipant, participants.map((participant, position) => ({ ...participant, meetingId: briefing.id, position })));
      const [plan] = await manager.save([
        manager.create(MeetingAgendaItem, { meetingId: briefing.id, position: 1, title: 'Kế hoạch chuyển đổi số năm 2027', presenterId: person('truongphong')?.id ?? null, durationMinutes: 45 }),
        manager.create(MeetingAgendaItem, { meetingId: briefing.id, position: 2, title: 'Các vấn đề phát sinh', presenterId: chair.id, durationMinutes: 30 }),
      ]);
      const material = await manager.save(manager.create(MeetingMaterial, { meetingId: briefing.id, agendaItemId: plan.id, title: 'Dự thảo Kế hoạch chuyển đổi số năm 2027', access: 'all_participants', createdById: secretary.id, createdAt: now }));
      await manager.insert(MeetingMaterialVersion, { materialId: material.id, number: 1, fileId: file.id, sha256: file.sha256, pageCount: 2, uploadedById: secretary.id, uploadedAt: now, publishAt: now, publishedAt: now });

      const review = await manager.save(
        manager.create(Meeting, {
          title: 'Họp thẩm định dự thảo Thông tư hướng dẫn khám sức khỏe',
          startsAt: at(second, 14),
          endsAt: at(second, 16),
          roomId: rooms[1].id,
          state: 'draft',
          organiserId: secretary.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await manager.insert(MeetingParticipant, [
        { meetingId: review.id, kind: 'user', role: 'chair', userId: chair.id, position: 0 },
        { meetingId: review.id, kind: 'user', role: 'secretary', userId: secretary.id, position: 1 },
        ...(person('chuyenvien') ? [{ meetingId: review.id, kind: 'user' as const, role: 'member' as const, userId: person('chuyenvien')!.id, position: 2 }] : []),
      ]);
      this.logger.log('demo meetings written: 2 rooms, 2 meetings');
    });
  }

  /** Two A4 pages of a draft plan, with the Vietnamese font, so the viewer has text to find and pages to turn. */
  private async materialPdf(): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    pdf.setTitle('Dự thảo Kế hoạch chuyển đổi số năm 2027');
    const regular = await embedVietnameseFont(pdf, 'regular');
    const bold = await embedVietnameseFont(pdf, 'bold');
    const pages = [
      ['DỰ THẢO', 'KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2027', '', 'I. MỤC TIÊU', '1. 100% văn bản đi, đến được xử lý trên môi trường mạng.', '2. 100% cuộc họp của Lãnh đạo Bộ sử dụng hệ thống họp không giấy.', '3. Giảm 50% thời gian chuẩn bị tài liệu họp.'],
      ['II. NHIỆM VỤ', '1. Hoàn thiện hệ thống quản lý văn bản và điều hành.', '2. Kết nối trục liên thông văn bản quốc gia.', '3. Số hóa hồ sơ lưu trữ giai đoạn 2015–2025.', '', 'III. TỔ CHỨC THỰC HIỆN', 'Văn phòng Bộ chủ trì, phối hợp với Cục Công nghệ thông tin.'],
    ];
    for (const lines of pages) {
      const page = pdf.addPage([595.28, 841.89]);
      lines.forEach((line, index) => page.drawText(line, { x: 70, y: 760 - index * 28, size: index < 2 ? 15 : 12, font: index < 2 || /^[IV]+\./.test(line) ? bold : regular, color: rgb(0, 0, 0) }));
    }
    return pdf.save();
  }
}

/** The next Monday–Friday after the day of `instant` (Vietnam time), at midnight there. */
function nextWorkingDay(instant: Date): Date {
  let day = new Date(Date.parse(`${new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10)}T00:00:00+07:00`) + DAY_MS);
  while ([0, 6].includes(new Date(day.getTime() + 7 * 3600_000).getUTCDay())) day = new Date(day.getTime() + DAY_MS);
  return day;
}

const at = (day: Date, hour: number) => new Date(day.getTime() + hour * 3600_000);
