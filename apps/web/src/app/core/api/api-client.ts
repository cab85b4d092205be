import { HttpClient, HttpContext, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AuditEntryDto,
  AuditListQuery,
  AuditVerifyResult,
  AuthConfig,
  AuthSession,
  CreateOrganRequest,
  CreateUnitRequest,
  CreateUserRequest,
  CurrentUser,
  DocumentRegisterDto,
  IncomingDocumentDto,
  IncomingDocumentSummaryDto,
  IncomingHistoryEntryDto,
  LoginRequest,
  OrganDto,
  OrganListQuery,
  Page,
  RegisterDirection,
  RegisterIncomingRequest,
  RegisterIncomingResult,
  RoleDto,
  StoredFileDto,
  UnitDto,
  UpdateOrganRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
} from '@app/contracts';
import { Observable } from 'rxjs';
import { AUTHENTICATION_CALL, OWN_PROGRESS } from './http-context';

/** Same origin always: the API serves this app, and the CSP allows no other host. */
export const API_ROOT = '/api';

type QueryValue = string | number | boolean | null | undefined;

/** `GET /api/incoming-documents`: newest arrivals first, keyset-paginated. */
export interface IncomingListQuery {
  registerId?: string;
  year?: number;
  cursor?: string;
  limit?: number;
}

/** `GET /api/incoming-documents/duplicates`: the fields that make two documents "the same". */
export interface IncomingDuplicateQuery {
  issuerName: string;
  codeNumber?: string | null;
  codeNotation?: string | null;
  /** `yyyy-MM-dd` */
  promulgatedOn: string;
}

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
}
