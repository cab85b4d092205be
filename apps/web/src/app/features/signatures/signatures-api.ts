import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { SignatureVerificationDto } from '@app/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from '../../core/api/api-client';

@Injectable({ providedIn: 'root' })
export class SignaturesApi {
  private readonly http = inject(HttpClient);

  /** Sends the PDF to be checked; nothing is stored on the server. */
  verify(file: File): Observable<SignatureVerificationDto> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<SignatureVerificationDto>(`${API_ROOT}/signatures/verification`, body);
  }
}
