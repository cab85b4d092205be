import { HttpClient, HttpContext, HttpEvent, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AuditEntryDto,
  AuditListQuery,
  AssignmentDto,
  AuditVerifyResult,
  AuthConfig,
  AuthSession,
  CreateOrganRequest,
  CreateUnitRequest,
  CreateUserRequest,
  CurrentUser,
  DeadlineDto,
  DelegateAssignmentRequest,
  DirectIncomingRequest,
  DocumentRegisterDto,
  IncomingCounts,
  IncomingDocumentDto,
  IncomingDocumentSummaryDto,
  IncomingHistoryEntryDto,
  IncomingListQuery,
  IncomingSearchHitDto,
  LoginRequest,
  OrganDto,
  OrganListQuery,
  Page,
  RegisterDirection,
  RegisterIncomingRequest,
  RegisterIncomingResult,
  RoleDto,
  StoredFileDto,
  StoredNotificationDto,
  SubmitIncomingRequest,
  UnitDto,
  UnitWorkloadDto,
  UnreadCountDto,
  UpdateOrganRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserDto,
  UserListQuery, RegisterReceivedRequest, RejectIncomingRequest
} from '@app/contracts';
import { Observable } from 'rxjs';
import { AUTHENTICATION_CALL, OWN_PROGRESS } from './http-context';

/** Same origin always: the API serves this app, and the CSP allows no other host. */
export const API_ROOT = '/api';

type QueryValue = string | number | boolean | null | undefined;

/** `GET /api/incoming-documents/search`: ranked hits, keyset-paginated like the lists. */
export interface IncomingSearchQuery {
  q: string;
  cursor?: string;
  limit?: number;
}

/** `GET /api/incoming-documents/register-export`: the register's pages for a date range (Vietnam dates). */
export interface IncomingRegisterExportQuery {
  registerId: string;
  /** `yyyy-MM-dd` */
  from: string;
  /** `yyyy-MM-dd` */
  to: string;
  format: 'xlsx' | 'pdf';
}

/** `GET /api/incoming-documents/duplicates`: the fields that make two documents "the same". */
export interface IncomingDuplicateQuery {
  issuerName: string;
  codeNumber?: string | null;
  codeNotation?: string | null;
  /** `yyyy-MM-dd` */
  promulgatedOn: string;
}

/** The steps an assignee records on their part, named as the API's paths. */
export type AssignmentStep = 'progress' | 'completion' | 'return';

/** Drops empty filters so the URL carries only what the user actually chose. */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === null || value === undefined || value === '') continue;
    params = params.set(name, String(value));
  }
  return params;
}

/** One method per API operation, typed with the shapes in libs/contracts. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);
  private readonly authenticationCall = { context: new HttpContext().set(AUTHENTICATION_CALL, true), withCredentials: true };

  // --- authentication ---
  authConfig(): Observable<AuthConfig> {
    return this.http.get<AuthConfig>(`${API_ROOT}/auth/config`, this.authenticationCall);
  }
  login(request: LoginRequest): Observable<AuthSession> {
    return this.http.post<AuthSession>(`${API_ROOT}/auth/login`, request, this.authenticationCall);
  }
  /** Uses the httpOnly refresh cookie (path /api/auth) to get a new access token. */
  refresh(): Observable<AuthSession> {
    return this.http.post<AuthSession>(`${API_ROOT}/auth/refresh`, null, this.authenticationCall);
  }
  logout(): Observable<void> {
    return this.http.post<void>(`${API_ROOT}/auth/logout`, null, this.authenticationCall);
  }
  currentUser(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>(`${API_ROOT}/auth/me`);
  }

  // --- units ---
  units(): Observable<UnitDto[]> {
    return this.http.get<UnitDto[]>(`${API_ROOT}/units`);
  }
  createUnit(request: CreateUnitRequest): Observable<UnitDto> {
    return this.http.post<UnitDto>(`${API_ROOT}/units`, request);
  }
  updateUnit(id: string, request: UpdateUnitRequest): Observable<UnitDto> {
    return this.http.patch<UnitDto>(`${API_ROOT}/units/${encodeURIComponent(id)}`, request);
  }
  deleteUnit(id: string): Observable<void> {
    return this.http.delete<void>(`${API_ROOT}/units/${encodeURIComponent(id)}`);
  }

  // --- users and roles ---
  users(query: UserListQuery): Observable<Page<UserDto>> {
    return this.http.get<Page<UserDto>>(`${API_ROOT}/users`, { params: toHttpParams(query) });
  }
  user(id: string): Observable<UserDto> {
    return this.http.get<UserDto>(`${API_ROOT}/users/${encodeURIComponent(id)}`);
  }
  createUser(request: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>(`${API_ROOT}/users`, request);
  }
  updateUser(id: string, request: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`${API_ROOT}/users/${encodeURIComponent(id)}`, request);
  }
  unlockUser(id: string): Observable<UserDto> {
    return this.http.post<UserDto>(`${API_ROOT}/users/${encodeURIComponent(id)}/unlock`, null);
  }
  roles(): Observable<RoleDto[]> {
    return this.http.get<RoleDto[]>(`${API_ROOT}/roles`);
  }

  // --- organ directory ---
  organs(query: OrganListQuery): Observable<Page<OrganDto>> {
    return this.http.get<Page<OrganDto>>(`${API_ROOT}/organs`, { params: toHttpParams(query) });
  }
  createOrgan(request: CreateOrganRequest): Observable<OrganDto> {
    return this.http.post<OrganDto>(`${API_ROOT}/organs`, request);
  }
  updateOrgan(id: string, request: UpdateOrganRequest): Observable<OrganDto> {
    return this.http.patch<OrganDto>(`${API_ROOT}/organs/${encodeURIComponent(id)}`, request);
  }
  deleteOrgan(id: string): Observable<void> {
    return this.http.delete<void>(`${API_ROOT}/organs/${encodeURIComponent(id)}`);
  }

  // --- audit log ---
  auditEntries(query: AuditListQuery): Observable<Page<AuditEntryDto>> {
    return this.http.get<Page<AuditEntryDto>>(`${API_ROOT}/audit`, { params: toHttpParams(query) });
  }
  verifyAudit(): Observable<AuditVerifyResult> {
    return this.http.get<AuditVerifyResult>(`${API_ROOT}/audit/verify`);
  }

  // --- document registers (sổ văn bản) ---
  documentRegisters(direction?: RegisterDirection): Observable<DocumentRegisterDto[]> {
    return this.http.get<DocumentRegisterDto[]>(`${API_ROOT}/document-registers`, { params: toHttpParams({ direction }) });
  }

  // --- incoming documents (văn bản đến) ---
  /** Vào sổ: the files are uploaded first; the answer carries the arrival number and any look-alikes. */
  registerIncoming(request: RegisterIncomingRequest): Observable<RegisterIncomingResult> {
    return this.http.post<RegisterIncomingResult>(`${API_ROOT}/incoming-documents`, request);
  }
  /** Documents already registered with the same issuer, number, notation and date: a warning, never a block. */
  incomingDuplicates(query: IncomingDuplicateQuery): Observable<IncomingDocumentSummaryDto[]> {
    return this.http.get<IncomingDocumentSummaryDto[]>(`${API_ROOT}/incoming-documents/duplicates`, { params: toHttpParams(query) });
  }
  incomingDocuments(query: IncomingListQuery): Observable<Page<IncomingDocumentSummaryDto>> {
    return this.http.get<Page<IncomingDocumentSummaryDto>>(`${API_ROOT}/incoming-documents`, { params: toHttpParams(query) });
  }
  incomingDocument(id: string): Observable<IncomingDocumentDto> {
    return this.http.get<IncomingDocumentDto>(`${API_ROOT}/incoming-documents/${encodeURIComponent(id)}`);
  }
  incomingHistory(id: string): Observable<IncomingHistoryEntryDto[]> {
    return this.http.get<IncomingHistoryEntryDto[]>(`${API_ROOT}/incoming-documents/${encodeURIComponent(id)}/history`);
  }
  /** How many documents wait in each working list, for the badges on the view tabs. */
  incomingCounts(): Observable<IncomingCounts> {
    return this.http.get<IncomingCounts>(`${API_ROOT}/incoming-documents/counts`);
  }
  /** Leaders: each unit's open documents, due soon and overdue. */
  incomingWorkload(): Observable<UnitWorkloadDto[]> {
    return this.http.get<UnitWorkloadDto[]>(`${API_ROOT}/incoming-documents/workload`);
  }
  searchIncoming(query: IncomingSearchQuery): Observable<Page<IncomingSearchHitDto>> {
    return this.http.get<Page<IncomingSearchHitDto>>(`${API_ROOT}/incoming-documents/search`, { params: toHttpParams(query) });
  }
  /** Sổ đăng ký văn bản đến as a spreadsheet or a printable PDF; the name comes from Content-Disposition. */
  exportIncomingRegister(query: IncomingRegisterExportQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${API_ROOT}/incoming-documents/register-export`, { params: toHttpParams(query), responseType: 'blob', observe: 'response' });
  }

  // --- direction of incoming documents (trình, chỉ đạo, giao việc) ---
  submitIncoming(id: string, request: SubmitIncomingRequest): Observable<void> {
    return this.http.post<void>(`${API_ROOT}/incoming-documents/${encodeURIComponent(id)}/submission`, request);
  }
  directIncoming(id: string, request: DirectIncomingRequest): Observable<AssignmentDto[]> {
    return this.http.post<AssignmentDto[]>(`${API_ROOT}/incoming-documents/${encodeURIComponent(id)}/direction`, request);
  }
  /** In tree order: each part followed by the parts a unit head passed on from it (`parentId`). */
  incomingAssignments(id: string): Observable<AssignmentDto[]> {
    return this.http.get<AssignmentDto[]>(`${API_ROOT}/incoming-documents/${encodeURIComponent(id)}/assignments`);
  }
  delegateAssignment(id: string, request: DelegateAssignmentRequest): Observable<AssignmentDto> {
    return this.http.post<AssignmentDto>(`${API_ROOT}/assignments/${encodeURIComponent(id)}/delegation`, request);
  }
  /** Tiến độ, hoàn thành, trả lại: a text each (the reason, for a return). */
  /** `replyReference` only with a completion: the reply that settles the document (`120/BYT-PC ngày 28/11/2026`). */
  assignmentStep(id: string, step: AssignmentStep, text: string, replyReference: string | null = null): Observable<void> {
    return this.http.post<void>(`${API_ROOT}/assignments/${encodeURIComponent(id)}/${step}`, replyReference ? { text, replyReference } : { text });
  }
  /** Vào sổ a document received through the System: the next arrival number. */
  registerReceivedIncoming(id: string, request: RegisterReceivedRequest): Observable<IncomingDocumentDto> {
    return this.http.post<IncomingDocumentDto>(`${API_ROOT}/incoming-documents/${encodeURIComponent(id)}/registration`, request);
  }
  /** Từ chối tiếp nhận, with the reason. */
  rejectIncoming(id: string, request: RejectIncomingRequest): Observable<void> {
    return this.http.post<void>(`${API_ROOT}/incoming-documents/${encodeURIComponent(id)}/rejection`, request);
  }

  // --- working-day calendar ---
  /** The last day of a deadline of N working days counted from `from` (weekends and holidays skipped). */
  workingDayDeadline(from: string, workingDays: number): Observable<DeadlineDto> {
    return this.http.get<DeadlineDto>(`${API_ROOT}/calendar/deadline`, { params: toHttpParams({ from, workingDays }) });
  }

  // --- files ---
  /** Emits upload progress events, then the response with the stored file. */
  uploadFile(file: File): Observable<HttpEvent<StoredFileDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<StoredFileDto>(`${API_ROOT}/files`, body, {
      reportProgress: true,
      observe: 'events',
      context: new HttpContext().set(OWN_PROGRESS, true),
    });
  }
  /** Downloads through HttpClient so the request carries the bearer token (a plain link would not). */
  downloadFile(id: string): Observable<Blob> {
    return this.http.get(`${API_ROOT}/files/${encodeURIComponent(id)}/content`, { responseType: 'blob' });
  }

  /** A file of an incoming document, for anyone who may see the document (not only its uploader). */
  downloadIncomingFile(documentId: string, fileId: string): Observable<Blob> {
    return this.http.get(`${API_ROOT}/incoming-documents/${encodeURIComponent(documentId)}/files/${encodeURIComponent(fileId)}/content`, { responseType: 'blob' });
  }

  // --- notifications ---
  /** Newest first; `unread` keeps only the unread ones. */
  notifications(query: { unread?: boolean; cursor?: string; limit?: number } = {}): Observable<Page<StoredNotificationDto>> {
    return this.http.get<Page<StoredNotificationDto>>(`${API_ROOT}/notifications`, { params: toHttpParams(query) });
  }
  unreadNotificationCount(): Observable<UnreadCountDto> {
    return this.http.get<UnreadCountDto>(`${API_ROOT}/notifications/unread-count`);
  }
  /** Answers with the new unread count (the other devices hear it over the socket). */
  markNotificationRead(id: string): Observable<UnreadCountDto> {
    return this.http.post<UnreadCountDto>(`${API_ROOT}/notifications/${encodeURIComponent(id)}/read`, null);
  }
  markAllNotificationsRead(): Observable<UnreadCountDto> {
    return this.http.post<UnreadCountDto>(`${API_ROOT}/notifications/read-all`, null);
  }
}
