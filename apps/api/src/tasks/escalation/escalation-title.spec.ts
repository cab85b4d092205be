import { escalationKey, escalationTitle } from './escalation-title';

describe('escalation of late work', () => {
  it('names the work, the deadline as dd/MM/yyyy and who holds it', () => {
    expect(escalationTitle('task', 'Báo cáo quý IV', '2026-12-04', 'Vụ Pháp chế')).toBe('Nhiệm vụ quá hạn: Báo cáo quý IV (hạn 04/12/2026, Vụ Pháp chế)');
    expect(escalationTitle('document', 'Về việc tiêm chủng', '2026-12-04', null)).toBe('Văn bản quá hạn xử lý: Về việc tiêm chủng (hạn 04/12/2026)');
  });

  it('keys an escalation by the work and the deadline missed', () => {
    expect(escalationKey('task', 't-1', '2026-12-04')).toBe('escalation:task:t-1:2026-12-04');
    expect(escalationKey('task', 't-1', '2026-12-04')).not.toBe(escalationKey('task', 't-1', '2026-12-08'));
    expect(escalationKey('task', 't-1', '2026-12-04')).not.toBe(escalationKey('document', 't-1', '2026-12-04'));
  });
});
