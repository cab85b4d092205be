import type { Role, UnitKind } from '@app/contracts';

/** The password of every demo account (listed in the README). */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'VP', name: 'Văn phòng Bộ', kind: 'office' },
  { code: 'VP.HC', name: 'Phòng Hành chính', kind: 'division', parentCode: 'VP' },
  { code: 'VP.VTLT', name: 'Phòng Văn thư - Lưu trữ', kind: 'division', parentCode: 'VP' },
  { code: 'TCCB', name: 'Vụ Tổ chức cán bộ', kind: 'department' },
  { code: 'KHTC', name: 'Vụ Kế hoạch - Tài chính', kind: 'department' },
  { code: 'PC', name: 'Vụ Pháp chế', kind: 'department' },
  { code: 'CNTT', name: 'Cục Công nghệ thông tin', kind: 'bureau' },
  { code: 'CNTT.HT', name: 'Phòng Hạ tầng và An toàn thông tin', kind: 'division', parentCode: 'CNTT' },
];

export interface DemoUser {
  username: string;
  fullName: string;
  position: string;
  unitCode: string;
  roles: Role[];
  email: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', position: 'Quản trị viên', unitCode: 'CNTT.HT', roles: ['admin'], email: 'admin@example.gov.vn' },
  { username: 'vanthu', fullName: 'Nguyễn Thị Lan', position: 'Văn thư', unitCode: 'VP.VTLT', roles: ['clerk'], email: 'lan.nt@example.gov.vn' },
  { username: 'chuyenvien', fullName: 'Trần Văn Minh', position: 'Chuyên viên chính', unitCode: 'PC', roles: ['officer'], email: 'minh.tv@example.gov.vn' },
  { username: 'truongphong', fullName: 'Lê Thị Hương', position: 'Vụ trưởng Vụ Pháp chế', unitCode: 'PC', roles: ['unit_head', 'officer'], email: 'huong.lt@example.gov.vn' },
  { username: 'lanhdao', fullName: 'Phạm Quốc Hùng', position: 'Thứ trưởng', unitCode: 'VP', roles: ['leader'], email: 'hung.pq@example.gov.vn' },
  { username: 'thuky', fullName: 'Đỗ Thị Mai', position: 'Chuyên viên Văn phòng', unitCode: 'VP.HC', roles: ['meeting_secretary', 'officer'], email: 'mai.dt@example.gov.vn' },
  { username: 'luutru', fullName: 'Vũ Thị Thu', position: 'Lưu trữ viên', unitCode: 'VP.VTLT', roles: ['archivist'], email: 'thu.vt@example.gov.vn' },
];

/** Agencies this demo exchanges with; ids and names as they appear in real edXML messages. */
export const DEMO_ORGANS = [
  { organId: '000.00.00.G22', name: 'Văn phòng Chính phủ', shortName: 'VPCP', notation: 'VPCP' },
  { organId: '000.00.00.G12', name: 'Bộ Tài chính', shortName: 'BTC', notation: 'BTC' },
  { organId: '000.00.00.G09', name: 'Bộ Nội vụ', shortName: 'BNV', notation: 'BNV' },
  { organId: '000.00.00.G17', name: 'Bộ Xây dựng', shortName: 'BXD', notation: 'BXD' },
  { organId: '000.00.00.H41', name: 'UBND Tỉnh Nghệ An', shortName: 'UBND Nghệ An', notation: 'UBND' },
  { organId: '000.00.00.H14', name: 'UBND Tỉnh Cao Bằng', shortName: 'UBND Cao Bằng', notation: 'UBND' },
];
