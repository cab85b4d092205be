/// <reference lib="dom" />
/**
 * Văn bản đến in a real browser against the whole system (the API with a fresh PostgreSQL and the demo
 * agency, serving the built web app under its strict Content-Security-Policy).
 * The clerk registers a PDF and sees arrival number 1; registers the same document again and is warned
 * (not stopped) that it looks like one already in the register; then reads the register, opens a
 * document with its files and history, and looks at the register on a phone.
 * Screenshots go to test/browser/screenshots for a human to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, ConsoleMessage, Page, chromium } from 'playwright-core';
import { letterPdf, vietnamDate } from '../support/browser-documents';
import { startTestServer } from '../support/test-server';

/** run-all.mjs sets CHROMIUM_PATH to '' when Debian's Chromium is missing: the tests are then skipped, not passed. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = resolve(__dirname, 'screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const CLERK = { username: 'vanthu', password: 'Demo@2026', fullName: 'Nguyễn Thị Lan' };
const SUBJECT = 'Về việc hướng dẫn quyết toán kinh phí chuyển đổi số năm 2026';

/** Everything a page did that a user should never see: script errors, console errors, CSP refusals, outside requests. */
interface Problems {
  errors: string[];
  cspViolations: string[];
  outsideRequests: string[];
}

const describeInBrowser = CHROMIUM && existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('incoming documents in the browser', () => {
  let server: { baseUrl: string; close(): Promise<void> };
  let context: BrowserContext;
  let profile: string;
  const problems: Problems = { errors: [], cspViolations: [], outsideRequests: [] };

  /** The session probe on start answers 401 while nobody is logged in yet: expected, and handled. */
  function isExpectedFailure(message: ConsoleMessage): boolean {
    const url = message.location().url ?? '';
    return message.text().includes('status of 401') && url.endsWith('/api/auth/refresh');
  }

  function watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error' && !isExpectedFailure(message)) problems.errors.push(`console: ${message.text()} (${message.location().url})`);
      if (message.text().includes('Content Security Policy')) problems.cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => problems.errors.push(`page: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:') && url !== 'about:blank') problems.outsideRequests.push(url);
    });
  }

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    watch(page);
    return page;
  }

  /** The page is drawn with its real fonts: screenshots then show what users see. */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /** No hover effect or tooltip left over from the last click in a screenshot. */
  async function restMouse(page: Page): Promise<void> {
    await page.mouse.move(1, page.viewportSize()!.height - 1);
    await page.locator('.mat-mdc-tooltip').waitFor({ state: 'detached' });
  }

  async function cspViolationsSeenByPage(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  }

  async function focusedTestId(page: Page): Promise<string | null> {
    return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid'] ?? null);
  }

  /** Picks an option of a Material select, and waits for its panel to close before the next step. */
  async function choose(page: Page, select: string, option: string): Promise<void> {
    await page.getByTestId(select).click();
    const panel = page.locator('.mat-mdc-select-panel');
    await panel.getByRole('option', { name: option, exact: true }).click();
    await panel.waitFor({ state: 'detached' });
  }

  async function uploadMainFile(page: Page, name: string, lines: string[]): Promise<void> {
    await page.locator('[data-testid=main-file] input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: await letterPdf(lines) });
    await page.getByTestId('main-file-name').filter({ hasText: name }).waitFor();
  }

  async function noHorizontalOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    profile = mkdtempSync(join(tmpdir(), 'eoffice-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      headless: true,
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    // Injected through DevTools, so the page's CSP does not apply to it; it only listens.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.close();
  });

  it('registers a document as the clerk and gives it arrival number 1', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(server.baseUrl);
    await page.waitForURL(/\/login/);
    await page.getByTestId('username').fill(CLERK.username);
    await page.getByTestId('password').fill(CLERK.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/desk$/);

    // Văn bản đến from the navigation: an empty register, with the button to register
    await page.locator('mat-sidenav').getByText('Văn bản đến').click();
    await page.waitForURL(/\/incoming(\?.*)?$/);
    await page.getByTestId('page-title').filter({ hasText: 'Văn bản đến' }).waitFor();
    await page.getByText('Chưa có văn bản đến nào').waitFor();
    await page.getByTestId('incoming-register').click();
    await page.waitForURL(/\/incoming\/new$/);
    await page.getByTestId('page-title').filter({ hasText: 'Vào sổ văn bản đến' }).waitFor();
    expect(await page.title()).toContain('Vào sổ văn bản đến');

    // the issuer field has the focus, the register is chosen, the arrival follows the clock
    await page.getByTestId('field-register').filter({ hasText: 'Sổ đăng ký văn bản đến' }).waitFor();
    expect(await focusedTestId(page)).toBe('field-issuer');
    expect(await page.getByTestId('field-arrival-date').inputValue()).toBe(vietnamDate(0));

    // Ctrl+Enter on an empty form: the messages in Vietnamese, next to their fields, nothing sent
    await page.keyboard.press('Control+Enter');
    await page.getByText('Hãy tải lên tệp văn bản').waitFor();
    await page.locator('mat-error').filter({ hasText: 'Không được để trống.' }).first().waitFor();
    expect(await page.locator('mat-error').count()).toBeGreaterThanOrEqual(4);
    await settle(page);
    await restMouse(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-form-errors.png'), animations: 'disabled' });

    await uploadMainFile(page, 'CV 15-QD-BTC.pdf', ['BO TAI CHINH', 'So: 15/QD-BTC', 'Ve viec huong dan quyet toan kinh phi']);
    await page.locator('[data-testid=attachments] input[type=file]').setInputFiles({
      name: 'Phụ lục kinh phí.pdf',
      mimeType: 'application/pdf',
      buffer: await letterPdf(['PHU LUC', 'Bang tong hop kinh phi']),
    });
    await page.getByTestId('attachments').getByText('Phụ lục kinh phí.pdf').waitFor();

    // the issuer from the organ directory
    await page.getByTestId('field-issuer').fill('Tài chính');
    await page.getByRole('option', { name: /Bộ Tài chính/ }).click();
    await page.getByText('Mã định danh 000.00.00.G12').waitFor();

    // "15/QĐ-BTC" typed whole is split into number and notation, and the notation says "Quyết định"
    await page.getByTestId('field-code-number').fill('15/QĐ-BTC');
    await page.getByTestId('field-code-number').press('Tab');
    expect(await page.getByTestId('field-code-number').inputValue()).toBe('15');
    expect(await page.getByTestId('field-code-notation').inputValue()).toBe('QĐ-BTC');
    await page.getByTestId('field-document-type').filter({ hasText: 'Quyết định' }).waitFor();

    await page.getByTestId('field-promulgated-on').fill(vietnamDate(-3));
    await page.getByTestId('field-subject').fill(SUBJECT);
    // Enter moves on to the next field instead of sending a half-filled form
    await page.getByTestId('field-signer-name').fill('Nguyễn Văn Thắng');
    await page.getByTestId('field-signer-name').press('Enter');
    expect(await focusedTestId(page)).toBe('field-signer-position');
    await page.getByTestId('field-signer-position').fill('Thứ trưởng');
    await choose(page, 'field-urgency', 'Khẩn');

    // a secret document can only go into the confidential register: the form switches, and back
    await choose(page, 'field-confidentiality', 'Mật');
    await page.getByTestId('field-register').filter({ hasText: 'Sổ đăng ký văn bản đến mật' }).waitFor();
    await choose(page, 'field-confidentiality', 'Thường');
    await page.getByTestId('field-register').filter({ hasNotText: 'mật' }).waitFor();

    await page.getByTestId('field-page-count').fill('3');
    await page.getByTestId('field-due-on').fill(vietnamDate(10));
    await page.getByTestId('field-recipients').fill('Các bộ, cơ quan ngang bộ; Lưu: VT, HCSN');
    // no look-alike yet
    await page.waitForTimeout(700);
    expect(await page.getByTestId('duplicate-warning').count()).toBe(0);

    // Enter in the last field registers
    await page.getByTestId('field-recipients').press('Enter');
    const done = page.getByTestId('registration-done');
    await done.waitFor();
    const number = page.getByTestId('arrival-number');
    expect(await number.textContent()).toContain('Số đến');
    expect((await number.locator('.stamp-number').textContent())?.trim()).toBe('1');
    await done.getByText(SUBJECT).waitFor();
    // the next document needs only Enter: "Vào sổ văn bản tiếp" has the focus
    expect(await focusedTestId(page)).toBe('register-next');

    await settle(page);
    await restMouse(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-registered.png'), animations: 'disabled' });
    expect(await cspViolationsSeenByPage(page)).toEqual([]);

    // the next one of the pile: register, channel and issuer stay; the rest is empty
    await page.keyboard.press('Enter');
    await page.getByTestId('incoming-form').waitFor();
    expect(await page.getByTestId('field-issuer').inputValue()).toBe('Bộ Tài chính');
    expect(await page.getByTestId('field-code-number').inputValue()).toBe('');
    expect(await page.getByTestId('field-subject').inputValue()).toBe('');
    expect(await page.getByTestId('main-file-name').count()).toBe(0);
    await page.getByTestId('field-received-via').filter({ hasText: 'Bản giấy (scan)' }).waitFor();
    expect(await focusedTestId(page)).toBe('field-code-number');

    // the same issuer, number, notation and date again: a warning that names number 1, not a block
    await uploadMainFile(page, 'CV 15-QD-BTC (ban 2).pdf', ['BO TAI CHINH', 'So: 15/QD-BTC', 'Ban gui qua buu dien']);
    await page.getByTestId('field-code-number').fill('15');
    await page.getByTestId('field-code-notation').fill('QĐ-BTC');
    await page.getByTestId('field-promulgated-on').fill(vietnamDate(-3));
    await page.getByTestId('field-promulgated-on').press('Tab');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Số đến 1/');
    expect(await warning.textContent()).toContain(SUBJECT);
    await page.getByTestId('field-subject').fill(`${SUBJECT} (bản giấy)`);
    await page.getByTestId('field-page-count').fill('3');

    // the whole form in one picture: the page scrolls inside the shell, so the window is made taller
    await page.setViewportSize({ width: DESKTOP.width, height: 1240 });
    await page.evaluate(() => document.getElementById('main-content')?.scrollIntoView());
    await settle(page);
    await restMouse(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-form.png'), animations: 'disabled' });
    await page.setViewportSize(DESKTOP);

    // Ctrl+Enter registers from anywhere in the form; the look-alike is reported again, after
    await page.getByTestId('field-subject').press('Control+Enter');
    await done.waitFor();
    expect((await number.locator('.stamp-number').textContent())?.trim()).toBe('2');
    await done.getByTestId('duplicate-warning').getByText('Số đến 1/', { exact: false }).waitFor();

    expect(await cspViolationsSeenByPage(page)).toEqual([]);
    await page.close();
  });

  it('lists the register, newest first, and opens a document with its files and history', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.baseUrl}/incoming`);
    const rows = page.locator('[data-testid=incoming-table] tr.mat-mdc-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect((await rows.nth(0).locator('.arrival-number').textContent())?.trim()).toBe('2');
    expect((await rows.nth(1).locator('.arrival-number').textContent())?.trim()).toBe('1');
    expect(await rows.nth(1).textContent()).toContain('15/QĐ-BTC');
    expect(await rows.nth(1).textContent()).toContain('Bộ Tài chính');
    expect(await rows.nth(1).getByTestId('urgency-mark').textContent()).toContain('Khẩn');
    expect(await rows.nth(1).textContent()).toContain('Đã vào sổ');
    // a filter goes into the address, so the list comes back as it was after opening a document
    await choose(page, 'incoming-filter-register', 'Sổ đăng ký văn bản đến');
    await page.waitForURL(/registerId=[0-9a-f-]{36}/);
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);

    await settle(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await restMouse(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-list.png'), animations: 'disabled' });

    // a click on the row opens the document
    await rows.nth(1).locator('.subject').click();
    await page.waitForURL(/\/incoming\/[0-9a-f-]{36}$/);
    await page.getByTestId('page-title').filter({ hasText: SUBJECT }).waitFor();
    expect((await page.getByTestId('detail-arrival-number').textContent())?.trim()).toBe('1');
    expect(await page.getByTestId('number-and-notation').textContent()).toBe('15/QĐ-BTC');
    const facts = page.getByTestId('document-facts');
    for (const text of ['Bộ Tài chính', '000.00.00.G12', 'Nguyễn Văn Thắng', 'Thứ trưởng', 'Khẩn', vietnamDate(-3), vietnamDate(10)]) await facts.getByText(text).first().waitFor();
    await page.getByText('Bản giấy (scan)').waitFor();

    // the files: the original and the attachment, to download with the token behind the scenes
    const files = page.getByTestId('document-files');
    await files.getByText('CV 15-QD-BTC.pdf').waitFor();
    await files.getByText('Phụ lục kinh phí.pdf').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), files.getByTestId('file-download').first().click()]);
    const saved = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    // the history: registered by the clerk, with the number
    const history = page.getByTestId('history');
    await history.getByText('Vào sổ').waitFor();
    await history.getByText(CLERK.fullName).waitFor();
    await history.getByText(/Số đến 1\/\d{4} · Sổ đăng ký văn bản đến/).waitFor();

    await page.setViewportSize({ width: DESKTOP.width, height: 1000 });
    await settle(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await restMouse(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-detail.png'), animations: 'disabled' });
    await page.setViewportSize(DESKTOP);
    expect(await cspViolationsSeenByPage(page)).toEqual([]);

    await page.goBack();
    await page.getByTestId('incoming-filter-register').filter({ hasText: 'Sổ đăng ký văn bản đến' }).waitFor();
    await page.goForward();
    await page.getByTestId('history').waitFor();

    // in English, the same page speaks English
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-en').click();
    await history.getByText('Registered').first().waitFor();
    await page.getByText('Received via').waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-vi').click();
    await history.getByText('Vào sổ').waitFor();
    await page.close();
  });

  it('shows the register as cards on a phone, and the form and document fit', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${server.baseUrl}/incoming`);
    const cards = page.getByTestId('incoming-cards').locator('app-incoming-card');
    await cards.nth(1).waitFor();
    expect(await cards.count()).toBe(2);
    expect(await page.getByTestId('incoming-table').count()).toBe(0);
    expect(await cards.nth(1).textContent()).toContain('Bộ Tài chính');
    expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(0);

    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-list-phone.png'), animations: 'disabled' });

    await cards.nth(1).click();
    await page.getByTestId('page-title').filter({ hasText: SUBJECT }).waitFor();
    await page.getByTestId('history').getByText('Vào sổ').waitFor();
    await settle(page);
    expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-detail-phone.png'), animations: 'disabled' });

    await page.goto(`${server.baseUrl}/incoming/new`);
    await page.getByTestId('incoming-form').waitFor();
    await settle(page);
    expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'incoming-form-phone.png'), animations: 'disabled' });

    expect(await cspViolationsSeenByPage(page)).toEqual([]);
    await page.close();
  });

  it('showed no errors, broke no CSP rule and loaded nothing from outside', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.outsideRequests).toEqual([]);
  });
});
