import type { PersonRef } from './outgoing';
import type { UnitRef } from './tasks';

/**
 * The leader's dashboard (GET /api/dashboard/…). Figures come from aggregates a background job
 * keeps fresh (every minute, and pushed live as `dashboard:refreshed`); `refreshedAt` says as of when.
 */
export interface DocumentFlowDto {
  /** registered incoming documents (with an arrival number), by arrival date in Vietnam */
  receivedThisWeek: number;
  receivedThisYear: number;
  /** outgoing documents issued (numbered), by issue date */
  issuedThisWeek: number;
  issuedThisYear: number;
  /** Monday of this week and 1 January, yyyy-MM-dd */
  weekStart: string;
  yearStart: string;
}

/** Open incoming work held by a unit (lead or support, itself or one of its people). */
export interface UnitOpenWorkDto {
  unit: UnitRef;
  inProgress: number;
  /** deadline within the next three working days */
  dueSoon: number;
  overdue: number;
}

export interface UnitTasksDto {
  unit: UnitRef | null;
  assigned: number;
  inProgress: number;
  completed: number;
  accepted: number;
  /** open and past the deadline (counted in assigned/inProgress too) */
  overdue: number;
}

export interface TaskStateCountsDto {
  assigned: number;
  in_progress: number;
  completed: number;
  accepted: number;
  overdue: number;
}

export interface DashboardOverviewDto {
  refreshedAt: string | null;
  today: string;
  documents: DocumentFlowDto;
  openWorkByUnit: UnitOpenWorkDto[];
  tasksByState: TaskStateCountsDto;
  tasksByUnit: UnitTasksDto[];
}

/** On-time completion: tasks accepted in the period, and of them those completed by their deadline. */
export interface CompletionRateDto {
  accepted: number;
  onTime: number;
  /** onTime / accepted, 0..1; null when nothing was accepted */
  rate: number | null;
}
export interface UnitCompletionDto extends CompletionRateDto {
  unit: UnitRef | null;
}
export interface PersonCompletionDto extends CompletionRateDto {
  person: PersonRef;
  unit: UnitRef | null;
}
export interface CompletionDto {
  from: string;
  to: string;
  byUnit: UnitCompletionDto[];
  byPerson: PersonCompletionDto[];
}

export const DECISION_KINDS = ['direct', 'approve', 'review', 'sign', 'task_extension', 'task_acceptance', 'consultation'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, { vi: string; en: string }> = {
  direct: { vi: 'Chỉ đạo văn bản đến', en: 'Direct an incoming document' },
  approve: { vi: 'Duyệt dự thảo', en: 'Approve a draft' },
  review: { vi: 'Cho ý kiến dự thảo', en: 'Review a draft' },
  sign: { vi: 'Ký số', en: 'Sign' },
  task_extension: { vi: 'Trả lời xin gia hạn', en: 'Answer an extension request' },
  task_acceptance: { vi: 'Nghiệm thu nhiệm vụ', en: 'Accept a task' },
  consultation: { vi: 'Cho ý kiến phiếu lấy ý kiến', en: 'Answer a consultation' },
};

/** One thing waiting for this leader ("việc chờ tôi quyết định"). */
export interface DecisionDto {
  kind: DecisionKind;
  id: string;
  title: string;
  /** where the web app opens it */
  link: string;
  /** since when it waits */
  since: string;
  deadline: string | null;
}

export interface UpcomingMeetingDto {
  id: string;
  title: string;
  startsAt: string;
  location: string | null;
  link: string;
}
export interface MeetingsTileDto {
  /** false while the meetings context does not offer what the tile needs */
  available: boolean;
  upcoming: UpcomingMeetingDto[];
  consultationsWaiting: DecisionDto[];
}

/** A reporting quarter of the e-government plans: Q1 = 15 Dec – 14 Mar, Q2 = 15 Mar – 14 Jun, Q3 = 15 Jun – 14 Sep, Q4 = 15 Sep – 14 Dec. */
export interface ReportingQuarterDto {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** first and last day, inclusive, yyyy-MM-dd */
  from: string;
  to: string;
}

export interface ShareFigureDto {
  numerator: number;
  denominator: number;
  /** 0..1, null when there is nothing to count */
  share: number | null;
}

export interface EGovernmentFiguresDto {
  period: ReportingQuarterDto;
  /** documents exchanged electronically (over the axis or through the system), confidential ones left out; target 100 % */
  electronicExchange: ShareFigureDto & { incoming: ShareFigureDto; outgoing: ShareFigureDto };
  /** case files processed online in the period's year (target 80–90 %); null until the case-files context offers it */
  caseFilesOnline: ShareFigureDto | null;
  /** meeting time saved against planned durations (target 30–50 %) and paper pages not printed; null until the meetings context offers them */
  meetings: { plannedMinutes: number; actualMinutes: number; savedShare: number | null; pagesNotPrinted: number } | null;
  /** average days from arrival to completion of the incoming documents completed in the period */
  averageProcessingDays: number | null;
  processedDocuments: number;
}

export const DASHBOARD_TABLES = ['documents', 'open-work', 'tasks-by-unit', 'completion-units', 'completion-people', 'decisions', 'e-government'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** Pushed to the `dashboard` room after each refresh of the aggregates. */
export interface DashboardRefreshedEvent {
  refreshedAt: string;
}
