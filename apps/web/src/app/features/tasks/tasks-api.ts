import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  GiveTaskRequest,
  Page,
  TaskCompletionRequest,
  TaskDto,
  TaskExtensionDecisionRequest,
  TaskExtensionRequest,
  TaskProgressRequest,
  TaskReviewRequest,
  TaskSource,
  TaskSummaryDto,
  TaskView,
} from '@app/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from '../../core/api/api-client';

export type TaskCounts = Record<TaskView | 'mine_overdue', number>;

/** The tasks API (/api/tasks), as the task pages use it. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  list(view: TaskView, cursor?: string | null): Observable<Page<TaskSummaryDto>> {
    let params = new HttpParams().set('view', view);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<TaskSummaryDto>>(`${API_ROOT}/tasks`, { params });
  }

  /** The tasks given from one document or conclusion that the reader may see, the nearest deadline first. */
  bySource(source: TaskSource): Observable<Page<TaskSummaryDto>> {
    const params = new HttpParams().set('source', source.kind).set('sourceId', source.id);
    return this.http.get<Page<TaskSummaryDto>>(`${API_ROOT}/tasks`, { params });
  }

  counts(): Observable<TaskCounts> {
    return this.http.get<TaskCounts>(`${API_ROOT}/tasks/counts`);
  }

  get(id: string): Observable<TaskDto> {
    return this.http.get<TaskDto>(`${API_ROOT}/tasks/${id}`);
  }

  give(request: GiveTaskRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>(`${API_ROOT}/tasks`, request);
  }

  progress(id: string, request: TaskProgressRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>(`${API_ROOT}/tasks/${id}/progress`, request);
  }

  requestExtension(id: string, request: TaskExtensionRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>(`${API_ROOT}/tasks/${id}/extension-request`, request);
  }

  decideExtension(id: string, request: TaskExtensionDecisionRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>(`${API_ROOT}/tasks/${id}/extension-decision`, request);
  }

  complete(id: string, request: TaskCompletionRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>(`${API_ROOT}/tasks/${id}/completion`, request);
  }

  review(id: string, request: TaskReviewRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>(`${API_ROOT}/tasks/${id}/review`, request);
  }

  fileUrl(id: string, fileId: string): string {
    return `${API_ROOT}/tasks/${id}/files/${fileId}/content`;
  }

  downloadFile(id: string, fileId: string): Observable<Blob> {
    return this.http.get(this.fileUrl(id, fileId), { responseType: 'blob' });
  }
}
