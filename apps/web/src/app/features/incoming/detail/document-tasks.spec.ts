import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotificationEvent, TaskSummaryDto } from '@app/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { Subject } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { DocumentTasks } from './document-tasks';

const DOCUMENT = '2b1f0a52-1c7e-4c55-9d1a-0f6a3f7d9e10';
const BY_SOURCE = `/api/tasks?source=incoming_document&sourceId=${DOCUMENT}`;
const task = (id: string, overdue: boolean): TaskSummaryDto => ({
  id,
  title: `Tham mưu trả lời ${id}`,
  priority: 'normal',
  state: 'in_progress',
  percent: 30,
  deadline: '2026-12-05',
  overdue,
  assigneeUnit: { id: 'unit-1', name: 'Vụ Pháp chế' },
  assigneeUser: null,
  assignedBy: { id: 'u-1', fullName: 'Nguyễn Văn An' },
  givenAt: '2026-11-20T02:00:00Z',
  source: { kind: 'incoming_document', id: DOCUMENT },
  extensionPending: false,
  version: 1,
});

describe('DocumentTasks', () => {
  let backend: HttpTestingController;
  const live = { notifications$: new Subject<NotificationEvent>() };

  function render(): HTMLElement {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService(), { provide: RealtimeService, useValue: live }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentTasks);
    fixture.componentRef.setInput('documentId', DOCUMENT);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('lists the tasks given from the document, each linking to its task, the late ones marked', async () => {
    const element = render();
    backend.expectOne(BY_SOURCE).flush({ items: [task('t-1', true), task('t-2', false)], nextCursor: null });
    await TestBed.inject(ApplicationRef).whenStable();

    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('[data-testid="document-task"]'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/tasks/t-1', '/tasks/t-2']);
    expect(links[0].classList).toContain('overdue');
    expect(links[0].textContent).toContain('Vụ Pháp chế');
    expect(links[0].textContent).toContain('Quá hạn');
    expect(links[1].textContent).toContain('Đang thực hiện');
  });

  it('draws nothing while the document has no tasks, and reads them again after a task notification', async () => {
    const element = render();
    backend.expectOne(BY_SOURCE).flush({ items: [], nextCursor: null });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(element.querySelector('[data-testid="document-tasks"]')).toBeNull();

    live.notifications$.next({ kind: 'incoming.assigned' } as NotificationEvent);
    backend.expectNone(BY_SOURCE);
    live.notifications$.next({ kind: 'task.assigned' } as NotificationEvent);
    backend.expectOne(BY_SOURCE).flush({ items: [task('t-3', false)], nextCursor: null });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(element.querySelectorAll('[data-testid="document-task"]')).toHaveLength(1);
  });
});
