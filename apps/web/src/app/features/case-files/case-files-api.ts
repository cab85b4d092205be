import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ArchiveHandoverDto,
  BorrowRequestDto,
  CaseFileDto,
  CaseFileHistoryEntryDto,
  CaseFileListQuery,
  CaseFileNoteDto,
  CaseFileShareAccess,
  CaseFileSummaryDto,
  ClosingCheckDto,
  CreateBorrowRequest,
  FilePlanDto,
  FilePlanEntryInput,
  FilePlanHeadingInput,
  FilePlanSummary,
  LinkDocumentRequest,
  OpenCaseFileRequest,
  Page,
  RetentionExpiryDto,
  UpdateCaseFileDocumentRequest,
} from '@app/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from '../../core/api/api-client';

const CASE_FILES = `${API_ROOT}/case-files`;
const PLANS = `${API_ROOT}/file-plans`;
const ARCHIVE = `${API_ROOT}/archive`;
const at = (id: string, rest = '') => `${CASE_FILES}/${encodeURIComponent(id)}${rest}`;

/** Case files, the yearly plan and the archive. Beside the feature: loaded lazily with it. */
@Injectable({ providedIn: 'root' })
export class CaseFilesApi {
  private readonly http = inject(HttpClient);

  list(query: CaseFileListQuery): Observable<Page<CaseFileSummaryDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<Page<CaseFileSummaryDto>>(CASE_FILES, { params });
  }
  get(id: string): Observable<CaseFileDto> {
    return this.http.get<CaseFileDto>(at(id));
  }
  open(request: OpenCaseFileRequest): Observable<CaseFileDto> {
    return this.http.post<CaseFileDto>(CASE_FILES, request);
  }
  history(id: string): Observable<CaseFileHistoryEntryDto[]> {
    return this.http.get<CaseFileHistoryEntryDto[]>(at(id, '/history'));
  }
  notes(id: string): Observable<CaseFileNoteDto[]> {
    return this.http.get<CaseFileNoteDto[]>(at(id, '/notes'));
  }
  addNote(id: string, text: string): Observable<CaseFileNoteDto> {
    return this.http.post<CaseFileNoteDto>(at(id, '/notes'), { text });
  }
  share(id: string, userId: string, access: CaseFileShareAccess): Observable<CaseFileDto> {
    return this.http.post<CaseFileDto>(at(id, '/shares'), { userId, access });
  }
  unshare(id: string, userId: string): Observable<CaseFileDto> {
    return this.http.delete<CaseFileDto>(at(id, `/shares/${encodeURIComponent(userId)}`));
  }
  link(id: string, request: LinkDocumentRequest): Observable<CaseFileDto> {
    return this.http.post<CaseFileDto>(at(id, '/documents'), request);
  }
  updateDocument(id: string, entryId: string, request: UpdateCaseFileDocumentRequest): Observable<CaseFileDto> {
    return this.http.patch<CaseFileDto>(at(id, `/documents/${encodeURIComponent(entryId)}`), request);
  }
  unlink(id: string, entryId: string): Observable<CaseFileDto> {
    return this.http.delete<CaseFileDto>(at(id, `/documents/${encodeURIComponent(entryId)}`));
  }
  downloadDocumentFile(id: string, entryId: string, fileId: string): Observable<Blob> {
    return this.http.get(at(id, `/documents/${encodeURIComponent(entryId)}/files/${encodeURIComponent(fileId)}/content`), { responseType: 'blob' });
  }
  closingCheck(id: string): Observable<ClosingCheckDto> {
    return this.http.get<ClosingCheckDto>(at(id, '/closing-check'));
  }
  close(id: string, version: number): Observable<CaseFileDto> {
    return this.http.post<CaseFileDto>(at(id, '/closing'), { version });
  }

  plans(): Observable<FilePlanSummary[]> {
    return this.http.get<FilePlanSummary[]>(PLANS);
  }
  plan(year: number): Observable<FilePlanDto> {
    return this.http.get<FilePlanDto>(`${PLANS}/${year}`);
  }
  createPlan(year: number, copyFromYear?: number): Observable<FilePlanDto> {
    return this.http.post<FilePlanDto>(PLANS, { year, copyFromYear });
  }
  addHeading(planId: string, heading: FilePlanHeadingInput): Observable<FilePlanDto> {
    return this.http.post<FilePlanDto>(`${PLANS}/${encodeURIComponent(planId)}/headings`, heading);
  }
  addEntry(planId: string, entry: FilePlanEntryInput): Observable<FilePlanDto> {
    return this.http.post<FilePlanDto>(`${PLANS}/${encodeURIComponent(planId)}/entries`, entry);
  }
  approvePlan(planId: string, version: number): Observable<FilePlanDto> {
    return this.http.post<FilePlanDto>(`${PLANS}/${encodeURIComponent(planId)}/approval`, { version });
  }

  handovers(): Observable<ArchiveHandoverDto[]> {
    return this.http.get<ArchiveHandoverDto[]>(`${ARCHIVE}/handovers`);
  }
  receive(caseFileIds: string[]): Observable<ArchiveHandoverDto> {
    return this.http.post<ArchiveHandoverDto>(`${ARCHIVE}/handovers`, { caseFileIds });
  }
  /** `list.pdf` (mục lục hồ sơ nộp lưu) or `record.pdf` (biên bản giao nhận) */
  handoverPdf(id: string, which: 'list' | 'record'): Observable<Blob> {
    return this.http.get(`${ARCHIVE}/handovers/${encodeURIComponent(id)}/${which}.pdf`, { responseType: 'blob' });
  }
  archivePackage(caseFileId: string): Observable<Blob> {
    return this.http.get(`${ARCHIVE}/case-files/${encodeURIComponent(caseFileId)}/package`, { responseType: 'blob' });
  }
  borrowRequests(): Observable<BorrowRequestDto[]> {
    return this.http.get<BorrowRequestDto[]>(`${ARCHIVE}/borrow-requests`);
  }
  borrow(request: CreateBorrowRequest): Observable<BorrowRequestDto> {
    return this.http.post<BorrowRequestDto>(`${ARCHIVE}/borrow-requests`, request);
  }
  decideBorrow(id: string, decision: 'approve' | 'refuse' | 'return', version: number): Observable<BorrowRequestDto> {
    return this.http.post<BorrowRequestDto>(`${ARCHIVE}/borrow-requests/${encodeURIComponent(id)}/decision`, { decision, version });
  }
  retentionExpiry(until?: string): Observable<RetentionExpiryDto[]> {
    return this.http.get<RetentionExpiryDto[]>(`${ARCHIVE}/retention-expiry`, { params: until ? { until } : {} });
  }
}
