import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthSession, CurrentUser, NotificationEvent, Permission, TaskSummaryDto } from '@app/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { Subject } from 'rxjs';
import { SessionStore } from '../../core/auth/session-store';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { DESK_TASKS_SHOWN, DeskTasksCard } from './desk-tasks-card';

const person = { id: 'u-9', fullName: 'Trần Văn Minh' };
const task = (id: string, overdue = false): TaskSummaryDto => ({
  id,
  title: `Báo cáo số ${id}`,
  priority: 'normal',
  state: 'in_progress',
  percent: 20,
  deadline: '2026-12-05',
  overdue,
  assigneeUnit: null,
  assigneeUser: person,
  assignedBy: person,
  givenAt: '2026-11-20T02:00:00Z',
  source: null,
  extensionPending: false,
  version: 1,
});
const counts = { given: 0, to_review: 2, unit: 0, mine_overdue: 1 };

function userWith(permissions: Permission[]): CurrentUser {
  return {
    id: 'u-1',
    username: 'chuyenvien',
    fullName: 'Phạm Thu Trang',
    position: null,
    unitId: null,
    unitName: null,
    roles: [],
    permissions,
    organ: { id: 'o-1', organId: '000.00.00.G10', name: 'Bộ Y tế' },
  };
}

describe('DeskTasksCard', () => {
  let backend: HttpTestingController;
  const live = { notifications$: new Subject<NotificationEvent>() };

  function render(permissions: Permission[]): HTMLElement {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService(), { provide: RealtimeService, useValue: live }],
    });
    backend = TestBed.inject(HttpTestingController);
    const session: AuthSession = { accessToken: 'token', expiresIn: 900, user: userWith(permissions) };
    TestBed.inject(SessionStore).start(session);
    const fixture = TestBed.createComponent(DeskTasksCard);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function answer(items: TaskSummaryDto[], mine = items.length): void {
    backend.expectOne('/api/tasks?view=mine').flush({ items, nextCursor: null });
    backend.expectOne('/api/tasks/counts').flush({ ...counts, mine });
  }

  afterEach(() => backend.verify());

  it('lists the first of my tasks, each linking to its page, with the count and the late ones marked', async () => {
    const element = render([Permission.DeskView]);
    answer(Array.from({ length: DESK_TASKS_SHOWN + 2 }, (_, index) => task(`t-${index}`, index === 0)), 7);
    await TestBed.inject(ApplicationRef).whenStable();

    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('[data-testid="desk-task"]'));
    expect(links).toHaveLength(DESK_TASKS_SHOWN);
    expect(links[0].getAttribute('href')).toBe('/tasks/t-0');
    expect(links[0].classList).toContain('overdue');
    expect(links[1].classList).not.toContain('overdue');
    expect(element.querySelector('.count')?.textContent?.trim()).toBe('7');
    expect(element.querySelector('[data-testid="desk-tasks-mine"]')?.getAttribute('href')).toBe('/tasks?view=mine');
    expect(element.querySelector('[data-testid="desk-tasks-overdue"]')).not.toBeNull();
    // reviewing is for those who give tasks
    expect(element.querySelector('[data-testid="desk-tasks-to-review"]')).toBeNull();
  });

  it('shows those who give tasks how many wait for their review, with a link to that list', async () => {
    const element = render([Permission.DeskView, Permission.TasksGive]);
    answer([]);
    await TestBed.inject(ApplicationRef).whenStable();

    expect(element.querySelector('app-empty-state')).not.toBeNull();
    expect(element.querySelector('[data-testid="desk-tasks-to-review"]')?.getAttribute('href')).toBe('/tasks?view=to_review');
    expect(element.querySelector('[data-testid="desk-tasks-to-review-count"]')?.textContent?.trim()).toBe('2');
  });

  it('reads the tasks again when a task notification arrives, and not for other notifications', () => {
    render([Permission.DeskView]);
    answer([task('t-1')]);
    live.notifications$.next({ kind: 'incoming.assigned' } as NotificationEvent);
    backend.expectNone('/api/tasks?view=mine');
    live.notifications$.next({ kind: 'task.given' } as NotificationEvent);
    answer([task('t-1'), task('t-2')]);
  });
});
