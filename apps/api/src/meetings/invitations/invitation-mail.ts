/** What an invitation e-mail says (pure: the mailer only sends it). */
export interface InvitationMailInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineLink: string | null;
  chair: string | null;
  organiser: string | null;
  description: string | null;
}

const WHEN = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });
const CLOCK = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] as string);

/** The subject, plain text and HTML of a meeting invitation (giấy mời họp), in Vietnamese. */
export function invitationMail(input: InvitationMailInput, recipientName: string): { subject: string; text: string; html: string } {
  const lines: [string, string][] = [
    ['Thời gian', `${WHEN.format(input.startsAt)} – ${CLOCK.format(input.endsAt)}`],
    ['Địa điểm', input.place ?? '—'],
    ...(input.onlineLink ? [['Họp trực tuyến', input.onlineLink] as [string, string]] : []),
    ['Chủ trì', input.chair ?? '—'],
    ...(input.description ? [['Nội dung', input.description] as [string, string]] : []),
  ];
  const subject = `Giấy mời họp: ${input.title}`;
  const text = [
    `Kính gửi: ${recipientName}`,
    '',
    `Trân trọng kính mời ${recipientName} dự cuộc họp "${input.title}".`,
    ...lines.map(([label, value]) => `${label}: ${value}`),
    '',
    'Đề nghị trả lời tham dự, xin vắng hoặc cử người dự thay trên Hệ thống quản lý văn bản và điều hành (mục Họp không giấy); tài liệu họp được phát hành trên hệ thống.',
    input.organiser ? `Người tổ chức: ${input.organiser}` : '',
  ]
    .filter((line, index, all) => line !== '' || all[index - 1] !== '')
    .join('\n');
  const html = `<p>Kính gửi: ${escape(recipientName)}</p><p>Trân trọng kính mời ${escape(recipientName)} dự cuộc họp <strong>${escape(input.title)}</strong>.</p><table>${lines
    .map(([label, value]) => `<tr><td><strong>${escape(label)}</strong></td><td>${escape(value)}</td></tr>`)
    .join('')}</table><p>Đề nghị trả lời tham dự, xin vắng hoặc cử người dự thay trên Hệ thống quản lý văn bản và điều hành (mục Họp không giấy); tài liệu họp được phát hành trên hệ thống.</p>${
    input.organiser ? `<p>Người tổ chức: ${escape(input.organiser)}</p>` : ''
  }`;
  return { subject, text, html };
}
