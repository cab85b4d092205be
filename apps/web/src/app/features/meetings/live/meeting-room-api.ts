import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreatePollRequest, MeetingDto, PollDto, SpeakerDto } from '@app/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from '../../../core/api/api-client';

/** The meetings core's HTTP operations the meeting room uses (the live events only say that something changed). */
@Injectable({ providedIn: 'root' })
export class MeetingRoomApi {
  private readonly http = inject(HttpClient);

  private at(meetingId: string, rest = ''): string {
    return `${API_ROOT}/meetings/${encodeURIComponent(meetingId)}${rest}`;
  }

  meeting(meetingId: string): Observable<MeetingDto> {
    return this.http.get<MeetingDto>(this.at(meetingId));
  }
  checkIn(meetingId: string, participantId?: string): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(this.at(meetingId, '/check-ins'), participantId ? { participantId } : {});
  }
  speakers(meetingId: string): Observable<SpeakerDto[]> {
    return this.http.get<SpeakerDto[]>(this.at(meetingId, '/speakers'));
  }
  requestToSpeak(meetingId: string, agendaItemId: string | null): Observable<SpeakerDto[]> {
    return this.http.post<SpeakerDto[]>(this.at(meetingId, '/speakers'), { agendaItemId });
  }
  orderSpeakers(meetingId: string, speakerIds: string[]): Observable<SpeakerDto[]> {
    return this.http.put<SpeakerDto[]>(this.at(meetingId, '/speakers/order'), { speakerIds });
  }
  speaker(meetingId: string, speakerId: string, step: 'start' | 'stop'): Observable<SpeakerDto[]> {
    return this.http.post<SpeakerDto[]>(this.at(meetingId, `/speakers/${encodeURIComponent(speakerId)}/${step}`), {});
  }
  withdraw(meetingId: string, speakerId: string): Observable<SpeakerDto[]> {
    return this.http.delete<SpeakerDto[]>(this.at(meetingId, `/speakers/${encodeURIComponent(speakerId)}`));
  }
  polls(meetingId: string): Observable<PollDto[]> {
    return this.http.get<PollDto[]>(this.at(meetingId, '/polls'));
  }
  openPoll(meetingId: string, request: CreatePollRequest): Observable<PollDto> {
    return this.http.post<PollDto>(this.at(meetingId, '/polls'), request);
  }
  vote(meetingId: string, pollId: string, optionId: string, participantId: string): Observable<PollDto> {
    return this.http.post<PollDto>(this.at(meetingId, `/polls/${encodeURIComponent(pollId)}/votes`), { optionId, participantId });
  }
  closePoll(meetingId: string, pollId: string): Observable<PollDto> {
    return this.http.post<PollDto>(this.at(meetingId, `/polls/${encodeURIComponent(pollId)}/close`), {});
  }
}
