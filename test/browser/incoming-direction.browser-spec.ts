/// <reference lib="dom" />
/**
 * The direction of an incoming document in a real browser, one person after another, each in a
 * browser of their own (their own cookies, as on their own PC): the clerk registers a PDF and
 * submits it to the leader; the leader opens it from "Chờ chỉ đạo", writes a directive and gives
 * Vụ Pháp chế the lead with a deadline in working days (the date shown before sending); the unit
 * head passes it to an officer; the officer records progress and completes it; the document is
 * done, with the whole story on its timeline. Screenshots of each step go to test/browser/screenshots.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { letterPdf, vietnamDate } from '../support/browser-documents';
import { CHROMIUM, DESKTOP, PHONE, PeopleInBrowsers } from '../support/browser-people';

const SCREENSHOTS = resolve(__dirname, 'screenshots');

const CLERK = { username: 'vanthu', fullName: 'Nguyễn Thị Lan' };
const LEADER = { username: 'lanhdao', fullName: 'Phạm Quốc Hùng' };
const HEAD = { username: 'truongphong', fullName: 'Lê Thị Hương' };
const OFFICER = { username: 'chuyenvien', fullName: 'Trần Văn Minh' };

const SUBJECT = 'Về việc góp ý dự thảo Nghị định sửa đổi quy định về công tác văn thư';
const DIRECTIVE = 'Giao Vụ Pháp chế chủ trì nghiên cứu, tổng hợp ý kiến góp ý; báo cáo Lãnh đạo Bộ trước hạn.';
const WORKING_DAYS = 5;

const describeInBrowser = CHROMIUM && existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('directing an incoming document in the browser', () => {
  const people = new PeopleInBrowsers(SCREENSHOTS);
  const problems = people.problems;
  const server = { get baseUrl() { return people.baseUrl; } };
  /** the document's page, as the clerk first opened it */
  let documentUrl = '';
  const signIn = (username: string, viewport = DESKTOP) => people.signIn(username, viewport);
  const snap = (page: Page, name: string) => people.snap(page, name);

  /** Opens the document from a working list, by its subject. */
  async function openFromList(page: Page, view: string): Promise<void> {
    await page.goto(`${server.baseUrl}/incoming`);
    await page.getByTestId(`view-${view}`).waitFor();
    expect(await page.getByTestId(`view-${view}`).getAttribute('aria-current')).toBe('page');
    const row = page.locator('[data-testid=incoming-table] tr.mat-mdc-row').filter({ hasText: SUBJECT });
    await row.waitFor();
    await row.locator('.subject').click();
    await page.waitForURL(/\/incoming\/[0-9a-f-]{36}$/);
    await page.getByTestId('page-title').filter({ hasText: SUBJECT }).waitFor();
  }

  async function state(page: Page): Promise<string> {
    return (await page.locator('app-state-badge').first().textContent())?.trim() ?? '';
  }

  beforeAll(() => people.start());

  afterAll(() => people.stop());

  it('the clerk registers a PDF and submits it to the leader', async () => {
    const page = await signIn(CLERK.username);
    await page.goto(`${server.baseUrl}/incoming/new`);
    await page.getByTestId('incoming-form').waitFor();
    await page.locator('[data-testid=main-file] input[type=file]').setInputFiles({
      name: 'CV 2150-BNV-VTLT.pdf',
      mimeType: 'application/pdf',
      buffer: await letterPdf(['BO NOI VU', 'So: 2150/BNV-VTLT', 'Ve viec gop y du thao Nghi dinh']),
    });
    await page.getByTestId('main-file-name').waitFor();
    await page.getByTestId('field-issuer').fill('Nội vụ');
    await page.getByRole('option', { name: /Bộ Nội vụ/ }).click();
    await page.getByTestId('field-code-number').fill('2150/BNV-VTLT');
    await page.getByTestId('field-code-number').press('Tab');
    await page.getByTestId('field-promulgated-on').fill(vietnamDate(-2));
    await page.getByTestId('field-subject').fill(SUBJECT);
    await page.getByTestId('field-subject').press('Control+Enter');
    await page.getByTestId('registration-done').waitFor();
    await page.getByTestId('view-document').click();
    await page.waitForURL(/\/incoming\/[0-9a-f-]{36}$/);
    documentUrl = page.url();
    expect(await state(page)).toBe('Đã vào sổ');

    // the stamped copy and the text are made in the background, each a change of the document: the
    // page shows them without a reload, and so holds the version the submission must name
    await page.getByTestId('document-files').getByText('Bản có dấu ĐẾN').waitFor();
    await page.getByTestId('history').getByText('Trích xuất nội dung', { exact: true }).waitFor();
    // the same document in a second tab, read now: it goes stale when the first one submits
    const staleTab = await page.context().newPage();
    await staleTab.goto(documentUrl);
    await staleTab.getByTestId('action-submit').waitFor();

    // the clerk may only submit: no directing, no handling
    const panel = page.getByTestId('direction-panel');
    await panel.waitFor();
    // submitting comes first; refusing a wrongly addressed document is offered last
    expect(await panel.getByRole('button').allTextContents()).toEqual([expect.stringContaining('Trình lãnh đạo'), expect.stringContaining('Từ chối tiếp nhận')]);
    await page.getByTestId('action-submit').click();
    // one leader in the agency: already chosen
    await page.getByTestId('field-leader').filter({ hasText: LEADER.fullName }).waitFor();
    await page.getByTestId('field-submit-note').fill('Văn bản xin ý kiến, đề nghị Lãnh đạo Bộ cho ý kiến chỉ đạo.');
    await snap(page, 'direction-1-clerk-submit.png');
    await page.getByTestId('submit-send').click();
    await page.locator('app-state-badge').filter({ hasText: 'Đã trình' }).first().waitFor();
    await page.getByTestId('history').getByText('Trình lãnh đạo', { exact: true }).waitFor();
    await page.getByTestId('history').getByText(`Đến: ${LEADER.fullName}`).waitFor();
    // submitted: the clerk can still send it to another leader, nothing more
    expect(await page.getByTestId('action-direct').count()).toBe(0);

    // the stale tab's submission loses the race: it is told so, and offered a reload that shows the submission
    await staleTab.getByTestId('action-submit').click();
    await staleTab.getByTestId('field-leader').filter({ hasText: LEADER.fullName }).waitFor();
    await staleTab.getByTestId('submit-send').click();
    await staleTab.getByText('Người khác vừa thay đổi dữ liệu này').waitFor();
    await staleTab.getByTestId('reload-after-conflict').click();
    await staleTab.locator('app-state-badge').filter({ hasText: 'Đã trình' }).first().waitFor();
    await staleTab.close();

    // the register for this month, as a spreadsheet (an XLSX file is a ZIP: "PK")
    await page.goto(`${server.baseUrl}/incoming`);
    await page.getByTestId('incoming-export').click();
    await page.getByTestId('export-form').waitFor();
    await page.getByTestId('export-register').filter({ hasText: 'Sổ đăng ký văn bản đến' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');
  });

  it('the leader opens it from the to-direct list and directs it to Vụ Pháp chế in working days', async () => {
    const page = await signIn(LEADER.username);
    await page.goto(`${server.baseUrl}/incoming`);
    // the leader starts on "Chờ chỉ đạo", with its count
    await page.getByTestId('view-to_direct').getByTestId('view-count').filter({ hasText: '1' }).waitFor();
    await snap(page, 'direction-2-leader-list.png');
    await openFromList(page, 'to_direct');

    await page.getByTestId('action-direct').click();
    const form = page.getByTestId('direct-form');
    await form.waitFor();
    // nothing chosen: the messages say what is missing, nothing is sent
    await page.getByTestId('direct-send').click();
    await form.getByText('Chọn đúng một đơn vị hoặc người chủ trì.').waitFor();
    await form.locator('mat-error').filter({ hasText: 'Không được để trống.' }).waitFor();

    await page.getByTestId('field-directive').fill(DIRECTIVE);
    await page.getByTestId('field-lead').fill('phap che');
    await page.getByRole('option', { name: /Vụ Pháp chế/ }).first().click();
    await form.getByTestId('assignee-chip').filter({ hasText: 'Vụ Pháp chế' }).waitFor();
    // the deadline in working days, and the date it falls on, computed by the calendar before sending
    await page.getByTestId('field-due-days').fill(String(WORKING_DAYS));
    const preview = page.getByTestId('due-preview');
    await preview.filter({ hasText: `${WORKING_DAYS} ngày làm việc →` }).waitFor();
    const dueDate = /(\d{2}\/\d{2}\/\d{4})/.exec((await preview.textContent()) ?? '')?.[1];
    expect(dueDate).toBeDefined();
    await snap(page, 'direction-3-leader-directive.png');

    await page.getByTestId('direct-send').click();
    await page.locator('app-state-badge').filter({ hasText: 'Đã phân công' }).first().waitFor();
    const parts = page.getByTestId('assignments');
    await parts.getByTestId('assignment').filter({ hasText: 'Vụ Pháp chế' }).filter({ hasText: 'Chủ trì' }).filter({ hasText: dueDate! }).waitFor();
    await page.getByTestId('directive').filter({ hasText: DIRECTIVE }).waitFor();
    await page.getByTestId('history').getByText('Cho ý kiến chỉ đạo', { exact: true }).waitFor();
    // directed: nothing left for the leader to do
    expect(await page.getByTestId('direction-panel').count()).toBe(0);
    await snap(page, 'direction-4-leader-directed.png');
  });

  it('the head of Vụ Pháp chế passes it to an officer of the unit', async () => {
    const page = await signIn(HEAD.username);
    await openFromList(page, 'my_unit');
    const panel = page.getByTestId('direction-panel');
    await panel.getByText('Phần việc của bạn: Chủ trì').waitFor();
    await page.getByTestId('action-delegate').click();
    await page.getByTestId('field-officer').click();
    await page.locator('.mat-mdc-select-panel').getByRole('option', { name: new RegExp(OFFICER.fullName) }).click();
    await page.getByTestId('field-delegate-note').fill('Đồng chí Minh nghiên cứu, dự thảo văn bản góp ý.');
    await snap(page, 'direction-5-head-delegate.png');
    await page.getByTestId('delegate-send').click();
    const parts = page.getByTestId('assignments').getByTestId('assignment');
    await parts.filter({ hasText: OFFICER.fullName }).waitFor();
    // the officer's part sits under the unit's
    expect(await parts.count()).toBe(2);
    await page.getByTestId('history').getByText(`Đến: ${OFFICER.fullName}`).waitFor();
    // passed on: the unit's part is the officer's to work now
    expect(await page.getByTestId('direction-panel').count()).toBe(0);
  });

  it('the officer records progress and completes it; the document is done with its whole story', async () => {
    const page = await signIn(OFFICER.username);
    await openFromList(page, 'assigned_to_me');

    await page.getByTestId('action-progress').click();
    await page.getByTestId('field-step-text').fill('Đã tổng hợp ý kiến của các đơn vị, đang hoàn thiện dự thảo công văn góp ý.');
    await page.getByTestId('step-send').click();
    await page.getByTestId('history').getByText('Cập nhật tiến độ', { exact: true }).waitFor();
    await page.locator('app-state-badge').filter({ hasText: 'Đang xử lý' }).first().waitFor();
    await snap(page, 'direction-6-officer-progress.png');

    await page.getByTestId('action-complete').click();
    await page.getByText('Hoàn thành phần chủ trì sẽ kết thúc xử lý văn bản.').waitFor();
    await page.getByTestId('field-step-text').fill('Đã gửi công văn góp ý số 812/BTP-PC cho Bộ Nội vụ.');
    await page.getByTestId('step-send').click();
    await page.locator('app-state-badge').filter({ hasText: 'Đã xử lý xong' }).first().waitFor();
    expect(await page.getByTestId('direction-panel').count()).toBe(0);

    // the whole story, in order
    const history = page.getByTestId('history');
    await history.getByText('Hoàn thành phần việc', { exact: true }).waitFor();
    const steps = await history.locator('.action').allTextContents();
    expect(steps.map((step) => step.trim())).toEqual(
      expect.arrayContaining(['Vào sổ', 'Trình lãnh đạo', 'Cho ý kiến chỉ đạo', 'Giao xử lý', 'Cập nhật tiến độ', 'Hoàn thành phần việc']),
    );
    const order = ['Vào sổ', 'Trình lãnh đạo', 'Cho ý kiến chỉ đạo', 'Giao xử lý', 'Cập nhật tiến độ', 'Hoàn thành phần việc'].map((step) => steps.findIndex((text) => text.trim() === step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await history.getByText(`“${DIRECTIVE}”`).waitFor();
    for (const name of [CLERK.fullName, LEADER.fullName, HEAD.fullName, OFFICER.fullName]) await history.getByText(name).first().waitFor();
    await page.getByTestId('assignments').getByTestId('assignment').filter({ hasText: 'Đã hoàn thành' }).first().waitFor();
    await snap(page, 'direction-7-done.png');
  });

  it('shows the finished document on a phone, every part readable without sideways scrolling', async () => {
    const page = await signIn(OFFICER.username, PHONE);
    await page.goto(documentUrl);
    await page.getByTestId('page-title').filter({ hasText: SUBJECT }).waitFor();
    await page.getByTestId('assignments').waitFor();
    await page.getByTestId('history').getByText('Hoàn thành phần việc', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await snap(page, 'direction-8-done-phone.png');

    // the "Đã xong" list on a phone: cards
    await page.goto(`${server.baseUrl}/incoming?view=done`);
    await page.getByTestId('incoming-cards').locator('app-incoming-card').filter({ hasText: SUBJECT }).waitFor();
    expect(await page.getByTestId('incoming-table').count()).toBe(0);
    await snap(page, 'direction-9-done-list-phone.png');
  });

  it('finds the document by words typed without accents, the words marked, and goes back to the list', async () => {
    const page = await signIn(LEADER.username);
    await page.goto(`${server.baseUrl}/incoming?view=done`);
    await page.locator('[data-testid=incoming-table] tr.mat-mdc-row').filter({ hasText: SUBJECT }).waitFor();
    await page.getByTestId('incoming-search').fill('gop y du thao nghi dinh');
    await page.waitForURL(/[?&]q=gop/);
    const hit = page.getByTestId('search-hit').filter({ hasText: SUBJECT });
    await hit.waitFor();
    const marked = await hit.locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.join(' ').toLowerCase()).toContain('góp ý');
    // the view tabs and filters give way to the results while searching
    expect(await page.getByTestId('view-tabs').count()).toBe(0);
    await snap(page, 'direction-10-search.png');

    // back: the list as it was
    await page.goBack();
    await page.getByTestId('view-done').waitFor();
    expect(await page.getByTestId('view-done').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('incoming-search').inputValue()).toBe('');
  });

  it('the leader gives a task from the document (Giao việc), and the document lists it', async () => {
    const page = await signIn(LEADER.username);
    await page.goto(documentUrl);
    await page.getByTestId('page-title').filter({ hasText: SUBJECT }).waitFor();
    await page.getByTestId('incoming-give-task').click();
    // the form knows its source and starts from the document's subject
    await page.waitForURL(/\/tasks\/new\?.*source=incoming_document/);
    expect(await page.getByTestId('task-title').inputValue()).toBe(SUBJECT);
    await page.getByTestId('task-title').fill('Tổng hợp ý kiến góp ý dự thảo Nghị định');
    await page.getByTestId('task-unit').click();
    await page.getByRole('option', { name: 'Vụ Tổ chức cán bộ' }).click();
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('task-deadline').fill(deadline);
    await page.getByTestId('task-submit').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    const taskUrl = new URL(page.url()).pathname;

    await page.goto(documentUrl);
    const task = page.getByTestId('document-tasks').getByTestId('document-task').filter({ hasText: 'Tổng hợp ý kiến góp ý dự thảo Nghị định' });
    await task.filter({ hasText: 'Vụ Tổ chức cán bộ' }).waitFor();
    expect(await task.getAttribute('href')).toBe(taskUrl);
    await snap(page, 'direction-11-task-from-document.png');
  });

  it('showed no errors on any page', () => {
    expect(problems).toEqual([]);
  });
});
