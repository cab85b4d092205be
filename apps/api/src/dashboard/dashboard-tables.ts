import type { CompletionDto, DashboardOverviewDto, DashboardTable, DecisionDto, EGovernmentFiguresDto, ShareFigureDto } from '@app/contracts';
import { DECISION_KIND_LABELS } from '@app/contracts';
import type { RegisterLayout } from '../incoming/register-export/register-row';
import { vietnameseDate } from '../incoming/register-export/register-row';

/** A dashboard table as the register writers take it: a layout of columns and rows of text. */
export interface DashboardTableExport {
  layout: RegisterLayout<Record<string, string>>;
  rows: Record<string, string>[];
  /** the period the subtitle names, yyyy-MM-dd */
  from: string;
  to: string;
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
const number = (value: number) => value.toLocaleString('vi-VN');
const shareText = (figure: ShareFigureDto | null) => (figure ? `${percent(figure.share)} (${number(figure.numerator)}/${number(figure.denominator)})` : 'Chưa có số liệu');

const table = (name: string, columns: [string, string, number][]): DashboardTableExport['layout'] => ({
  title: name.toUpperCase(),
  name,
  columns: columns.map(([key, title, width]) => ({ key, title, width })),
});

export function documentsTable(overview: DashboardOverviewDto): DashboardTableExport {
  const { documents } = overview;
  return {
    layout: table('Văn bản đến và đi', [['what', 'Chỉ tiêu', 40], ['week', `Tuần này (từ ${vietnameseDate(documents.weekStart)})`, 20], ['year', 'Năm nay', 20]]),
    rows: [
      { what: 'Văn bản đến đã vào sổ', week: number(documents.receivedThisWeek), year: number(documents.receivedThisYear) },
      { what: 'Văn bản đi đã ban hành', week: number(documents.issuedThisWeek), year: number(documents.issuedThisYear) },
    ],
    from: documents.yearStart,
    to: overview.today,
  };
}

export function openWorkTable(overview: DashboardOverviewDto): DashboardTableExport {
  return {
    layout: table('Văn bản đang xử lý theo đơn vị', [['unit', 'Đơn vị', 40], ['inProgress', 'Đang xử lý', 15], ['dueSoon', 'Sắp đến hạn', 15], ['overdue', 'Quá hạn', 15]]),
    rows: overview.openWorkByUnit.map((row) => ({ unit: row.unit.name, inProgress: number(row.inProgress), dueSoon: number(row.dueSoon), overdue: number(row.overdue) })),
    from: overview.today,
    to: overview.today,
  };
}

export function tasksByUnitTable(overview: DashboardOverviewDto): DashboardTableExport {
  return {
    layout: table('Nhiệm vụ theo đơn vị', [
      ['unit', 'Đơn vị', 40],
      ['assigned', 'Mới giao', 12],
      ['inProgress', 'Đang thực hiện', 12],
      ['completed', 'Chờ nghiệm thu', 12],
      ['accepted', 'Đã hoàn thành', 12],
      ['overdue', 'Quá hạn', 12],
    ]),
    rows: overview.tasksByUnit.map((row) => ({
      unit: row.unit?.name ?? 'Chưa thuộc đơn vị',
      assigned: number(row.assigned),
      inProgress: number(row.inProgress),
      completed: number(row.completed),
      accepted: number(row.accepted),
      overdue: number(row.overdue),
    })),
    from: overview.today,
    to: overview.today,
  };
}

export function completionUnitsTable(completion: CompletionDto): DashboardTableExport {
  return {
    layout: table('Tỷ lệ hoàn thành đúng hạn theo đơn vị', [['unit', 'Đơn vị', 40], ['accepted', 'Đã hoàn thành', 15], ['onTime', 'Đúng hạn', 15], ['rate', 'Tỷ lệ đúng hạn', 15]]),
    rows: completion.byUnit.map((row) => ({ unit: row.unit?.name ?? 'Chưa thuộc đơn vị', accepted: number(row.accepted), onTime: number(row.onTime), rate: percent(row.rate) })),
    from: completion.from,
    to: completion.to,
  };
}

export function completionPeopleTable(completion: CompletionDto): DashboardTableExport {
  return {
    layout: table('Tỷ lệ hoàn thành đúng hạn theo cá nhân', [['person', 'Họ và tên', 30], ['unit', 'Đơn vị', 30], ['accepted', 'Đã hoàn thành', 12], ['onTime', 'Đúng hạn', 12], ['rate', 'Tỷ lệ đúng hạn', 12]]),
    rows: completion.byPerson.map((row) => ({ person: row.person.fullName, unit: row.unit?.name ?? '', accepted: number(row.accepted), onTime: number(row.onTime), rate: percent(row.rate) })),
    from: completion.from,
    to: completion.to,
  };
}

export function decisionsTable(decisions: DecisionDto[], today: string): DashboardTableExport {
  return {
    layout: table('Việc chờ lãnh đạo quyết định', [['kind', 'Loại việc', 25], ['title', 'Nội dung', 60], ['since', 'Chờ từ', 15], ['deadline', 'Hạn', 15]]),
    rows: decisions.map((row) => ({ kind: DECISION_KIND_LABELS[row.kind].vi, title: row.title, since: vietnameseDate(row.since.slice(0, 10)), deadline: vietnameseDate(row.deadline) })),
    from: today,
    to: today,
  };
}

/** The quarterly report of the e-government figures, with the plans' targets beside them. */
export function eGovernmentTable(figures: EGovernmentFiguresDto): DashboardTableExport {
  const meetings = figures.meetings;
  return {
    layout: table(`Chỉ tiêu Chính phủ điện tử quý ${figures.period.quarter}/${figures.period.year}`, [['figure', 'Chỉ tiêu', 50], ['value', 'Kết quả', 25], ['target', 'Mục tiêu', 15]]),
    rows: [
      { figure: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)', value: shareText(figures.electronicExchange), target: '100 %' },
      { figure: '— văn bản đến', value: shareText(figures.electronicExchange.incoming), target: '' },
      { figure: '— văn bản đi', value: shareText(figures.electronicExchange.outgoing), target: '' },
      { figure: `Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng (năm ${figures.period.year})`, value: shareText(figures.caseFilesOnline), target: '80–90 %' },
      { figure: 'Thời gian họp tiết kiệm so với kế hoạch', value: meetings ? percent(meetings.savedShare) : 'Chưa có số liệu', target: '30–50 %' },
      { figure: 'Số trang tài liệu không phải in', value: meetings ? number(meetings.pagesNotPrinted) : 'Chưa có số liệu', target: '' },
      {
        figure: 'Thời gian xử lý trung bình văn bản đến (ngày)',
        value: figures.averageProcessingDays === null ? '—' : `${figures.averageProcessingDays.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} (${number(figures.processedDocuments)} văn bản)`,
        target: '',
      },
    ],
    from: figures.period.from,
    to: figures.period.to,
  };
}

export const TABLE_FILE_STEMS: Record<DashboardTable, string> = {
  documents: 'van-ban-den-di',
  'open-work': 'van-ban-dang-xu-ly-theo-don-vi',
  'tasks-by-unit': 'nhiem-vu-theo-don-vi',
  'completion-units': 'ty-le-dung-han-theo-don-vi',
  'completion-people': 'ty-le-dung-han-theo-ca-nhan',
  decisions: 'viec-cho-quyet-dinh',
  'e-government': 'chi-tieu-chinh-phu-dien-tu',
};
