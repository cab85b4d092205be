import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CompletionDto, DashboardOverviewDto, DashboardTable, DecisionDto, EGovernmentFiguresDto, MeetingsTileDto } from '@app/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from '../../core/api/api-client';

/** The dashboard API (/api/dashboard), and the incoming list filtered by unit for the click-through. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  overview(): Observable<DashboardOverviewDto> {
    return this.http.get<DashboardOverviewDto>(`${API_ROOT}/dashboard/overview`);
  }

  completion(): Observable<CompletionDto> {
    return this.http.get<CompletionDto>(`${API_ROOT}/dashboard/completion`);
  }

  decisions(): Observable<DecisionDto[]> {
    return this.http.get<DecisionDto[]>(`${API_ROOT}/dashboard/decisions`);
  }

  meetings(): Observable<MeetingsTileDto> {
    return this.http.get<MeetingsTileDto>(`${API_ROOT}/dashboard/meetings`);
  }

  eGovernment(year?: number, quarter?: number): Observable<EGovernmentFiguresDto> {
    let params = new HttpParams();
    if (year) params = params.set('year', year);
    if (quarter) params = params.set('quarter', quarter);
    return this.http.get<EGovernmentFiguresDto>(`${API_ROOT}/dashboard/e-government`, { params });
  }

  export(table: DashboardTable, format: 'xlsx' | 'pdf', period?: { year: number; quarter: number }): Observable<HttpResponse<Blob>> {
    let params = new HttpParams().set('table', table).set('format', format);
    if (period) params = params.set('year', period.year).set('quarter', period.quarter);
    return this.http.get(`${API_ROOT}/dashboard/export`, { params, responseType: 'blob', observe: 'response' });
  }
}
