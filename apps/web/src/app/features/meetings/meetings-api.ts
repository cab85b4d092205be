import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AddMaterialVersionRequest,
  AgendaItemDto,
  AnswerConsultationRequest,
  AnswerInvitationRequest,
  CloseConsultationRequest,
  ConclusionDto,
  ConsultationDto,
  CreateConsultationRequest,
  CreateMaterialRequest,
  CreateMeetingRequest,
  MaterialDto,
  MeetingDto,
  MeetingFiguresDto,
  MeetingRoomDto,
  MeetingScheduleQuery,
  MeetingSummaryDto,
  SetAgendaRequest,
  UpdateMeetingRequest,
  WriteConclusionRequest,
} from '@app/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from '../../core/api/api-client';

const MEETINGS = `${API_ROOT}/meetings`;
const CONSULTATIONS = `${API_ROOT}/consultations`;
const at = (root: string, id: string, rest = '') => `${root}/${encodeURIComponent(id)}${rest}`;

/** The meetings core's operations (the live room's are in live/meeting-room-api.ts). */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  rooms(): Observable<MeetingRoomDto[]> {
    return this.http.get<MeetingRoomDto[]>(`${API_ROOT}/meeting-rooms`);
  }
  schedule(query: MeetingScheduleQuery): Observable<MeetingSummaryDto[]> {
    let params = new HttpParams().set('from', query.from).set('to', query.to);
    if (query.roomId) params = params.set('roomId', query.roomId);
    return this.http.get<MeetingSummaryDto[]>(MEETINGS, { params });
  }
  get(id: string): Observable<MeetingDto> {
    return this.http.get<MeetingDto>(at(MEETINGS, id));
  }
  create(request: CreateMeetingRequest): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(MEETINGS, request);
  }
  update(id: string, request: UpdateMeetingRequest): Observable<MeetingDto> {
    return this.http.patch<MeetingDto>(at(MEETINGS, id), request);
  }
  cancel(id: string, version: number): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(at(MEETINGS, id, '/cancellation'), { version });
  }
  step(id: string, step: 'invitations' | 'start' | 'end'): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(at(MEETINGS, id, `/${step}`), {});
  }
  invitationLetter(id: string): Observable<{ outgoingDocumentId: string }> {
    return this.http.post<{ outgoingDocumentId: string }>(at(MEETINGS, id, '/invitation-letter'), {});
  }
  answer(id: string, request: AnswerInvitationRequest): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(at(MEETINGS, id, '/answers'), request);
  }
  setAgenda(id: string, request: SetAgendaRequest): Observable<AgendaItemDto[]> {
    return this.http.put<AgendaItemDto[]>(at(MEETINGS, id, '/agenda'), request);
  }
  addMaterial(id: string, request: CreateMaterialRequest): Observable<MaterialDto> {
    return this.http.post<MaterialDto>(at(MEETINGS, id, '/materials'), request);
  }
  addVersion(id: string, materialId: string, request: AddMaterialVersionRequest): Observable<MaterialDto> {
    return this.http.post<MaterialDto>(at(MEETINGS, id, `/materials/${encodeURIComponent(materialId)}/versions`), request);
  }
  publish(id: string, versionId: string, atTime: string | null): Observable<MaterialDto> {
    return this.http.post<MaterialDto>(at(MEETINGS, id, `/material-versions/${encodeURIComponent(versionId)}/publication`), atTime ? { at: atTime } : {});
  }
  conclusions(id: string): Observable<ConclusionDto[]> {
    return this.http.get<ConclusionDto[]>(at(MEETINGS, id, '/conclusions'));
  }
  writeConclusion(id: string, request: WriteConclusionRequest): Observable<ConclusionDto> {
    return this.http.post<ConclusionDto>(at(MEETINGS, id, '/conclusions'), request);
  }
  approveConclusion(id: string, conclusionId: string, version: number): Observable<ConclusionDto> {
    return this.http.post<ConclusionDto>(at(MEETINGS, id, `/conclusions/${encodeURIComponent(conclusionId)}/approval`), { version });
  }
  figures(id: string): Observable<MeetingFiguresDto> {
    return this.http.get<MeetingFiguresDto>(at(MEETINGS, id, '/figures'));
  }
  minutes(id: string): Observable<Blob> {
    return this.http.get(at(MEETINGS, id, '/minutes'), { responseType: 'blob' });
  }

  consultations(view?: 'to_answer' | 'mine'): Observable<ConsultationDto[]> {
    return this.http.get<ConsultationDto[]>(CONSULTATIONS, { params: view ? new HttpParams().set('view', view) : undefined });
  }
  consultation(id: string): Observable<ConsultationDto> {
    return this.http.get<ConsultationDto>(at(CONSULTATIONS, id));
  }
  createConsultation(request: CreateConsultationRequest): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(CONSULTATIONS, request);
  }
  sendConsultation(id: string, version: number): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(at(CONSULTATIONS, id, '/sending'), { version });
  }
  answerConsultation(id: string, request: AnswerConsultationRequest): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(at(CONSULTATIONS, id, '/answers'), request);
  }
  remindConsultation(id: string): Observable<{ reminded: number }> {
    return this.http.post<{ reminded: number }>(at(CONSULTATIONS, id, '/reminders'), {});
  }
  closeConsultation(id: string, request: CloseConsultationRequest): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(at(CONSULTATIONS, id, '/closing'), request);
  }
  draft(id: string, fileId: string): Observable<Blob> {
    return this.http.get(at(CONSULTATIONS, id, `/drafts/${encodeURIComponent(fileId)}/content`), { responseType: 'blob' });
  }
}
