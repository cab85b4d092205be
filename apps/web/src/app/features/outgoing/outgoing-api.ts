import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AddDraftCommentRequest,
  AddDraftVersionRequest,
  CreateOutgoingDraftRequest,
  DraftCommentDto,
  DraftVersionComparison,
  DispatchOutgoingInput,
  DraftVersionDto,
  OutgoingDocumentDto,
  OutgoingIssuancePreviewDto,
  OutgoingDocumentSummaryDto,
  OutgoingHistoryEntryDto,
  OutgoingListQuery,
  Page,
  RecallOutgoingInput,
  ReviewDecisionRequest,
  SetReviewChainRequest,
  SubmitDraftRequest,
  UpdateOutgoingDraftRequest,
} from '@app/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from '../../core/api/api-client';

const ROOT = `${API_ROOT}/outgoing-documents`;

function at(id: string, rest = ''): string {
  return `${ROOT}/${encodeURIComponent(id)}${rest}`;
}

/**
 * The outgoing drafts' operations. Kept beside the feature rather than in the shared ApiClient: the
 * feature is loaded lazily, and its calls travel with it.
 */
@Injectable({ providedIn: 'root' })
export class OutgoingApi {
  private readonly http = inject(HttpClient);

  list(query: OutgoingListQuery): Observable<Page<OutgoingDocumentSummaryDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<Page<OutgoingDocumentSummaryDto>>(ROOT, { params });
  }
  get(id: string): Observable<OutgoingDocumentDto> {
    return this.http.get<OutgoingDocumentDto>(at(id));
  }
  create(request: CreateOutgoingDraftRequest): Observable<OutgoingDocumentDto> {
    return this.http.post<OutgoingDocumentDto>(ROOT, request);
  }
  update(id: string, request: UpdateOutgoingDraftRequest): Observable<OutgoingDocumentDto> {
    return this.http.patch<OutgoingDocumentDto>(at(id), request);
  }
  history(id: string): Observable<OutgoingHistoryEntryDto[]> {
    return this.http.get<OutgoingHistoryEntryDto[]>(at(id, '/history'));
  }
  versions(id: string): Observable<DraftVersionDto[]> {
    return this.http.get<DraftVersionDto[]>(at(id, '/versions'));
  }
  addVersion(id: string, request: AddDraftVersionRequest): Observable<DraftVersionDto> {
    return this.http.post<DraftVersionDto>(at(id, '/versions'), request);
  }
  compare(id: string, from: number, to: number): Observable<DraftVersionComparison> {
    return this.http.get<DraftVersionComparison>(at(id, '/versions/compare'), { params: { from, to } });
  }
  /** through the draft: /api/files serves only the uploader, here whoever may see the draft */
  download(id: string, fileId: string): Observable<Blob> {
    return this.http.get(at(id, `/files/${encodeURIComponent(fileId)}/content`), { responseType: 'blob' });
  }
  setChain(id: string, request: SetReviewChainRequest): Observable<void> {
    return this.http.put<void>(at(id, '/review-chain'), request);
  }
  submit(id: string, request: SubmitDraftRequest): Observable<void> {
    return this.http.post<void>(at(id, '/submission'), request);
  }
  decide(id: string, request: ReviewDecisionRequest): Observable<void> {
    return this.http.post<void>(at(id, '/decisions'), request);
  }
  convertAgain(id: string): Observable<void> {
    return this.http.post<void>(at(id, '/pdf-for-signing'), null);
  }
  comments(id: string): Observable<DraftCommentDto[]> {
    return this.http.get<DraftCommentDto[]>(at(id, '/comments'));
  }
  addComment(id: string, request: AddDraftCommentRequest): Observable<DraftCommentDto> {
    return this.http.post<DraftCommentDto>(at(id, '/comments'), request);
  }
  /** the signer's signature; the passphrase of their key travels once, never kept */
  sign(id: string, request: { passphrase: string; version: number }): Observable<OutgoingDocumentDto> {
    return this.http.post<OutgoingDocumentDto>(at(id, '/signature'), request);
  }
  /** the number the next issuance in the register would take: a forecast shown to the clerk */
  issuancePreview(id: string, registerId: string): Observable<OutgoingIssuancePreviewDto> {
    return this.http.get<OutgoingIssuancePreviewDto>(at(id, '/issuance-preview'), { params: { registerId } });
  }
  issue(id: string, request: { registerId: string; passphrase: string; version: number }): Observable<OutgoingDocumentDto> {
    return this.http.post<OutgoingDocumentDto>(at(id, '/issuance'), request);
  }
  dispatch(id: string, request: DispatchOutgoingInput): Observable<OutgoingDocumentDto> {
    return this.http.post<OutgoingDocumentDto>(at(id, '/dispatch'), request);
  }
  recall(id: string, request: RecallOutgoingInput): Observable<OutgoingDocumentDto> {
    return this.http.post<OutgoingDocumentDto>(at(id, '/recall'), request);
  }
}
