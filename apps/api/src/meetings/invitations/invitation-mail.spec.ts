import { loadConfig } from '../../platform/config/app-config';
import { invitationMail } from './invitation-mail';

describe('the invitation e-mail', () => {
  const meeting = {
    title: 'Giao ban Lãnh đạo Bộ tuần 49',
    startsAt: new Date('2026-12-07T01:00:00Z'),
    endsAt: new Date('2026-12-07T03:00:00Z'),
    place: 'Phòng họp A - tầng 3',
    onlineLink: 'https://hop.byt.gov.vn/giao-ban',
    chair: 'Phạm Quốc Hùng',
    organiser: 'Đỗ Thị Mai',
    description: null,
  };

  it('names the meeting, its time in Vietnam, the place, the link and the chair', () => {
    const mail = invitationMail(meeting, 'Trần Văn Minh');
    expect(mail.subject).toBe('Giấy mời họp: Giao ban Lãnh đạo Bộ tuần 49');
    expect(mail.text).toContain('Kính gửi: Trần Văn Minh');
    expect(mail.text).toMatch(/08:00.*07\/12\/2026 – 10:00/);
    expect(mail.text).toContain('Địa điểm: Phòng họp A - tầng 3');
    expect(mail.text).toContain('Họp trực tuyến: https://hop.byt.gov.vn/giao-ban');
    expect(mail.text).toContain('Chủ trì: Phạm Quốc Hùng');
  });

  it('escapes what people typed in the HTML part', () => {
    const mail = invitationMail({ ...meeting, title: 'Họp <b>gấp</b> & "khẩn"' }, 'Ông <An>');
    expect(mail.html).toContain('Họp &lt;b&gt;gấp&lt;/b&gt; &amp; &quot;khẩn&quot;');
    expect(mail.html).not.toContain('<An>');
  });
});

describe('the SMTP configuration', () => {
  it('is off without SMTP_HOST, and needs a sender with it', () => {
    expect(loadConfig({}).SMTP_HOST).toBe('');
    expect(() => loadConfig({ SMTP_HOST: 'mail.byt.gov.vn' })).toThrow(/SMTP_FROM/);
    const config = loadConfig({ SMTP_HOST: 'mail.byt.gov.vn', SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_FROM: '"Văn phòng Bộ" <hop@byt.gov.vn>', SMTP_PASSWORD: 'bí mật' });
    expect(config).toMatchObject({ SMTP_PORT: 465, SMTP_SECURE: true, SMTP_FROM: '"Văn phòng Bộ" <hop@byt.gov.vn>' });
  });

  it('never shows the password in its complaint', () => {
    const problem = (() => {
      try {
        loadConfig({ SMTP_HOST: 'mail', SMTP_PORT: 'abc', SMTP_FROM: 'hop@byt.gov.vn', SMTP_PASSWORD: 'bí mật' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(problem).toContain('SMTP_PORT');
    expect(problem).not.toContain('bí mật');
  });
});
