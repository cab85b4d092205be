import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ReceivedExchange } from '@app/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { AxisChangeRequest } from './axis-change-request';

const OLD = '6f0c8a1e-3b2d-4d8e-9a41-2c7f5e0b9d11';
const NEW = '9a3e2c7b-1d4f-4b6a-8e05-7c2d1f3a6b90';
const exchange = (change: Partial<ReceivedExchange>): ReceivedExchange => ({
  fromOrganId: '000.00.00.G10',
  fromOrganName: 'Bộ Y tế',
  documentId: '000.00.00.G10,2026/11/02,05/BYT-PC',
  changeKind: null,
  changeReason: null,
  changeAnswer: null,
  replacedBy: null,
  statusesSent: [],
  ...change,
});

describe('AxisChangeRequest', () => {
  let backend: HttpTestingController;

  async function render(data: ReceivedExchange): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()] });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AxisChangeRequest);
    fixture.componentRef.setInput('documentId', OLD);
    fixture.autoDetectChanges();
    backend.expectOne(`/api/incoming-documents/${OLD}/exchange`).flush(data);
    await TestBed.inject(ApplicationRef).whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('a replacement names the new document it came with, linked to it, above the sender’s reason', async () => {
    const element = await render(
      exchange({
        changeKind: 'replace',
        changeReason: 'Sai số liệu tại phụ lục',
        replacedBy: { incomingDocumentId: NEW, numberAndNotation: '09/BYT-PC', subject: 'V/v góp ý dự thảo thông tư (thay thế)' },
      }),
    );
    const replacedBy = element.querySelector('[data-testid="axis-replaced-by"]') as HTMLElement;
    const link = replacedBy.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/incoming/${NEW}`);
    expect(link.textContent).toContain('09/BYT-PC — V/v góp ý dự thảo thông tư (thay thế)');
    expect(element.querySelector('.reason')?.textContent).toContain('Sai số liệu tại phụ lục');
  });

  it('shows only the number of a replacement the reader may not open, and no link line for a recall', async () => {
    const hidden = await render(exchange({ changeKind: 'replace', replacedBy: { incomingDocumentId: NEW, numberAndNotation: '09/BYT-PC', subject: '' } }));
    expect(hidden.querySelector('[data-testid="axis-replaced-by"] a')?.textContent?.trim()).toBe('09/BYT-PC');
    TestBed.resetTestingModule();
    const recall = await render(exchange({ changeKind: 'recall', changeReason: 'Gửi nhầm nơi nhận' }));
    expect(recall.querySelector('[data-testid="axis-change-request"]')).not.toBeNull();
    expect(recall.querySelector('[data-testid="axis-replaced-by"]')).toBeNull();
  });
});
