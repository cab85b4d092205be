/**
 * A meeting ready for the live room, for the live e2e test, the browser test and the benchmark:
 * participants with their roles, and one published material — a real PDF of several pages with
 * Vietnamese text (searchable, selectable) uploaded through the API. Test support only.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { io, Socket } from 'socket.io-client';
import type { LiveAck, ParticipantRole } from '@app/contracts';
import { embedVietnameseFont } from '../../apps/api/src/files/pdf/vietnamese-font';
import type { TestApp } from '../support/test-app';

export const MATERIAL_PAGES = [
  ['Dự thảo Nghị quyết về chuyển đổi số', 'Điều 1. Phạm vi điều chỉnh', 'Nghị quyết này quy định việc họp không giấy tại Bộ Y tế.'],
  ['Điều 2. Đối tượng áp dụng', 'Các vụ, cục, văn phòng thuộc Bộ.', 'Thành viên đọc tài liệu trên máy tính bảng.'],
  ['Điều 3. Tổ chức thực hiện', 'Văn phòng Bộ chủ trì, phối hợp với các đơn vị.', 'Kinh phí thực hiện từ ngân sách nhà nước.'],
];

/** A PDF of the pages above, A4, with Be Vietnam Pro (a ToUnicode map, so the text can be searched and selected). */
export async function materialPdf(pages = MATERIAL_PAGES): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await embedVietnameseFont(document);
  for (const lines of pages) {
    const page = document.addPage([595, 842]);
    lines.forEach((line, index) => page.drawText(line, { x: 72, y: 760 - index * 40, size: index === 0 ? 20 : 14, font, color: rgb(0.1, 0.1, 0.1) }));
  }
  return Buffer.from(await document.save());
}

export interface LiveMeeting {
  meetingId: string;
  materialId: string;
  versionId: string;
  sha256: string;
  userId: Record<string, string>;
}

/**
 * A meeting in progress with these participants (username → role), and one published material
 * version uploaded by `uploader`. Written with SQL as the meetings core's own tests do: the live
 * room needs a meeting, not the way it was scheduled.
 */
export async function liveMeeting(system: TestApp, roles: Record<string, ParticipantRole>, uploader: string, title = 'Họp giao ban chuyển đổi số'): Promise<LiveMeeting> {
  const userId: Record<string, string> = {};
  for (const row of await system.query<{ id: string; username: string }>(`SELECT id, username FROM "user" WHERE username = ANY($1)`, [[...Object.keys(roles), uploader]]))
    userId[row.username] = row.id;
  const token = await system.login(uploader);
  const file = (await system.http().post('/api/files').set('Authorization', `Bearer ${token}`).attach('file', await materialPdf(), 'du-thao-nghi-quyet.pdf').expect(201)).body;
  const [meeting] = await system.query(
    `INSERT INTO meeting (title, starts_at, ends_at, organiser_id, state, started_at, created_at, updated_at)
     VALUES ($1, now(), now() + interval '2 hours', $2, 'in_progress', now(), now(), now()) RETURNING id`,
    [title, userId[uploader]],
  );
  let position = 0;
  for (const [username, role] of Object.entries(roles))
    await system.query(`INSERT INTO meeting_participant (meeting_id, kind, user_id, role, answer, position) VALUES ($1, 'user', $2, $3, 'attend', $4)`, [meeting.id, userId[username], role, position++]);
  const [material] = await system.query(`INSERT INTO meeting_material (meeting_id, title, access, created_by_id, created_at) VALUES ($1, 'Dự thảo Nghị quyết', 'all_participants', $2, now()) RETURNING id`, [
    meeting.id,
    userId[uploader],
  ]);
  const versionId = await addVersion(system, material.id, 1, file.id, file.sha256, userId[uploader]);
  return { meetingId: meeting.id, materialId: material.id, versionId, sha256: file.sha256, userId };
}

/** A new published version of a material (a different upload): the old one and its annotations stay as they are. */
export async function addVersion(system: TestApp, materialId: string, number: number, fileId: string, sha256: string, uploaderId: string): Promise<string> {
  const [version] = await system.query(
    `INSERT INTO meeting_material_version (material_id, number, file_id, sha256, page_count, uploaded_by_id, uploaded_at, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, now(), now()) RETURNING id`,
    [materialId, number, fileId, sha256, MATERIAL_PAGES.length, uploaderId],
  );
  return version.id;
}

/** A socket.io client of one person, connected (authenticated at the handshake). */
export async function connect(baseUrl: string, token: string): Promise<Socket> {
  const socket = io(baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Sends a live command and waits for its acknowledgement. */
export function command<T>(socket: Socket, event: string, body: unknown): Promise<LiveAck<T>> {
  return socket.timeout(10_000).emitWithAck(event, body);
}

/** The acknowledged result of a command that must succeed. */
export async function ok<T>(socket: Socket, event: string, body: unknown): Promise<T> {
  const answer = await command<T>(socket, event, body);
  if (!answer.ok) throw new Error(`${event} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}
