/// <reference lib="dom" />
/**
 * The leader's dashboard in a real browser: figures and charts on a desktop and on a phone
 * (screenshots), and a click on a unit's overdue count that opens the incoming list of that unit's overdue
 * documents (the unit as a filter chip, which can be removed).
 * The document is directed through the API like any other; to be overdue without waiting for a
 * deadline to pass, its deadline is then moved two days back in the test's own database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { DASHBOARD_VIEWS } from '../../apps/api/src/dashboard/dashboard-refresh';
import { letterPdf } from '../support/browser-documents';
import { CHROMIUM, PHONE, PeopleInBrowsers } from '../support/browser-people';

const SCREENSHOTS = resolve(__dirname, 'screenshots');
const PASSWORD = 'Demo@2026';
const SUBJECT = `Về việc báo cáo công tác phòng chống dịch ${randomBytes(3).toString('hex')}`;

const describeInBrowser = CHROMIUM && existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('the leader’s dashboard in the browser', () => {
  const people = new PeopleInBrowsers(SCREENSHOTS);
  const tokens: Record<string, string> = {};

  async function api<T>(username: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    if (!tokens[username]) {
      const login = await fetch(`${people.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      tokens[username] = ((await login.json()) as { accessToken: string }).accessToken;
    }
    const body = init.body instanceof FormData ? init.body : init.body === undefined ? undefined : JSON.stringify(init.body);
    const headers: Record<string, string> = { Authorization: `Bearer ${tokens[username]}` };
    if (body && !(body instanceof FormData)) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${people.baseUrl}/api${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** The database of this run's server: the one holding the document this test registered. */
  async function ownDatabase(): Promise<Client> {
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL });
    await admin.connect();
    const names: string[] = (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%' ORDER BY oid DESC`)).rows.map((row) => row.datname);
    await admin.end();
    for (const name of names) {
      const url = new URL(process.env.TEST_DATABASE_ADMIN_URL as string);
      url.pathname = `/${name}`;
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      const found = await client.query(`SELECT 1 FROM incoming_document WHERE subject = $1`, [SUBJECT]).catch(() => ({ rowCount: 0 }));
      if (found.rowCount) return client;
      await client.end();
    }
    throw new Error('the test server’s database was not found');
  }

  async function openDashboard(page: Page): Promise<void> {
    await page.goto(`${people.baseUrl}/dashboard`);
    await page.getByTestId('open-work-table').waitFor();
    await page.locator('[data-testid=chart-open-work] canvas').waitFor();
    await page.locator('[data-testid=chart-tasks] canvas').waitFor();
  }

  beforeAll(async () => {
    await people.start();
    const units: { id: string; code: string }[] = await api('lanhdao', '/units');
    const users: { items: { id: string; username: string }[] } = await api('lanhdao', '/users?limit=200');
    const unit = (code: string) => units.find((row) => row.code === code)?.id as string;
    const user = (username: string) => users.items.find((row) => row.username === username)?.id as string;
    const registers: { id: string; code: string }[] = await api('vanthu', '/document-registers?direction=incoming');

    // an incoming document directed to Vụ Pháp chế
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await letterPdf(['UBND TINH NGHE AN', 'Bao cao cong tac phong chong dich']))], { type: 'application/pdf' }), 'van-ban.pdf');
    const file: { id: string } = await api('vanthu', '/files', { body: form });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const later = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const { document } = await api<{ document: { id: string; version: number } }>('vanthu', '/incoming-documents', {
      body: {
        registerId: registers.find((row) => row.code === 'DEN')?.id,
        receivedVia: 'axis',
        issuerName: 'UBND Tỉnh Nghệ An',
        codeNumber: '215',
        codeNotation: 'UBND-VX',
        promulgatedOn: today,
        documentType: 'official_letter',
        subject: SUBJECT,
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: file.id,
      },
    });
    await api('vanthu', `/incoming-documents/${document.id}/submission`, { body: { leaderId: user('lanhdao'), version: document.version } });
    await api('lanhdao', `/incoming-documents/${document.id}/direction`, {
      body: { directive: 'Giao Vụ Pháp chế chủ trì, báo cáo trước hạn.', assignees: [{ role: 'lead', unitId: unit('PC') }], dueOn: later, version: document.version + 1 },
    });
    // tasks for the charts: one open, one accepted on time, one waiting for acceptance
    const give = (title: string, body: Record<string, unknown>) => api<{ id: string; version: number }>('lanhdao', '/tasks', { body: { title, deadline: later, priority: 'normal', ...body } });
    await give('Xây dựng kế hoạch năm 2027', { assigneeUnitId: unit('PC') });
    const done = await give('Rà soát quy chế làm việc', { assigneeUserId: user('chuyenvien') });
    const completed = await api<{ version: number }>('chuyenvien', `/tasks/${done.id}/completion`, { body: { version: done.version } });
    await api('lanhdao', `/tasks/${done.id}/review`, { body: { accept: true, version: completed.version } });
    const waiting = await give('Dự thảo tờ trình', { assigneeUserId: user('chuyenvien') });
    await api('chuyenvien', `/tasks/${waiting.id}/completion`, { body: { version: waiting.version } });

    // two days late, and the aggregates refreshed at once rather than at the next minute
    const database = await ownDatabase();
    try {
      const late = new Date(Date.parse(`${today}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
      await database.query(`UPDATE incoming_document SET due_on = $2 WHERE id = $1`, [document.id, late]);
      await database.query(`UPDATE assignment SET due_on = $2 WHERE document_id = $1`, [document.id, late]);
      for (const view of DASHBOARD_VIEWS) await database.query(`REFRESH MATERIALIZED VIEW "${view}"`);
    } finally {
      await database.end();
    }
  });

  afterAll(() => people.stop());

  it('shows the figures with charts on a desktop, and a unit’s overdue count opens that unit’s overdue documents', async () => {
    const page = await people.signIn('lanhdao');
    await openDashboard(page);
    const row = page.locator('[data-testid=open-work-table] tr[data-unit="Vụ Pháp chế"]');
    await row.getByTestId('overdue-link').filter({ hasText: '1' }).waitFor();
    expect(Number(await page.getByTestId('decision-count').textContent())).toBeGreaterThanOrEqual(1);
    await people.snap(page, 'dashboard-desktop.png');

    await row.getByTestId('overdue-link').click();
    await page.waitForURL(/\/incoming\?view=overdue&unitId=[0-9a-f-]{36}/);
    await page.getByTestId('unit-filter').filter({ hasText: 'Vụ Pháp chế' }).waitFor();
    const documents = page.locator('[data-testid=incoming-table] tr.mat-mdc-row');
    await documents.first().waitFor();
    expect(await documents.count()).toBe(1);
    expect(await documents.first().textContent()).toContain(SUBJECT);
    await people.snap(page, 'dashboard-overdue-list.png');

    // the unit's chip removed: the overdue documents of every unit the leader sees, this one among them
    await page.getByTestId('unit-filter-remove').click();
    await page.waitForURL((url) => !url.searchParams.has('unitId') && url.searchParams.get('view') === 'overdue');
    await expect(page.getByTestId('unit-filter').count()).resolves.toBe(0);
    await documents.filter({ hasText: SUBJECT }).waitFor();
  });

  it('fits a phone: the same figures and charts in one column, nothing wider than the screen', async () => {
    const page = await people.signIn('lanhdao', PHONE);
    await openDashboard(page);
    const overflow = await page.evaluate(() => {
      const main = document.getElementById('main-content') ?? document.documentElement;
      return main.scrollWidth - main.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await people.snap(page, 'dashboard-phone.png');
    await page.locator('[data-testid=open-work-table] tr[data-unit="Vụ Pháp chế"]').getByTestId('overdue-link').click();
    await page.getByTestId('unit-filter').waitFor();
    await page.getByTestId('incoming-cards').locator('app-incoming-card').first().waitFor();
    await people.snap(page, 'dashboard-phone-overdue-list.png');
  });

  it('gives a task from the phone and the assignee sees it on their list', async () => {
    const page = await people.signIn('lanhdao', PHONE);
    await page.goto(`${people.baseUrl}/tasks/new`);
    await page.getByTestId('task-title').fill('Báo cáo nhanh tình hình dịch bệnh');
    await page.getByTestId('to-person').click();
    await page.getByTestId('task-person').click();
    await page.getByRole('option', { name: 'Trần Văn Minh' }).click();
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('task-deadline').fill(deadline);
    await page.getByTestId('task-submit').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await page.getByTestId('task-assignee').filter({ hasText: 'Trần Văn Minh' }).waitFor();
    await people.snap(page, 'tasks-phone-given.png');

    const officer = await people.signIn('chuyenvien', PHONE);
    await officer.goto(`${people.baseUrl}/tasks`);
    await officer.getByTestId('task-card').filter({ hasText: 'Báo cáo nhanh tình hình dịch bệnh' }).waitFor();
    await people.snap(officer, 'tasks-phone-mine.png');
  });

  it('logged no errors in any browser', () => {
    expect(people.problems).toEqual([]);
  });
});
