/// <reference lib="dom" />
/**
 * Drafting and approving an outgoing document in a real browser, each person in a browser of their
 * own: the officer drafts a PDF letter with the leader as signer and submits it along the default
 * chain; the head of the unit returns it with a comment, the officer uploads a second version,
 * compares the two and submits again; the head forwards it, the clerk checks its form, the leader approves it; it is
 * then ready to sign, with the PDF to sign and the whole story on its timeline. The leader signs it
 * (a wrong passphrase first), the clerk numbers and issues it — the issued PDF drawn on the page by
 * pdfjs-dist, on a desktop and on a phone — and dispatches it; the officer checks its signatures on
 * "verify signatures". Screenshots of each step go to test/browser/screenshots (outgoing-*).
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { letterPdf } from '../support/browser-documents';
import { CHROMIUM, DESKTOP, PHONE, PeopleInBrowsers } from '../support/browser-people';

const SCREENSHOTS = resolve(__dirname, 'screenshots');

const OFFICER = { username: 'chuyenvien', fullName: 'Trần Văn Minh' };
const HEAD = { username: 'truongphong', fullName: 'Lê Thị Hương' };
const CLERK = { username: 'vanthu', fullName: 'Nguyễn Thị Lan' };
const LEADER = { username: 'lanhdao', fullName: 'Phạm Quốc Hùng' };

const SUBJECT = 'Về việc báo cáo kết quả rà soát văn bản quy phạm pháp luật năm 2026';

const describeInBrowser = CHROMIUM && existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('drafting, approving, signing and issuing an outgoing document in the browser', () => {
  const people = new PeopleInBrowsers(SCREENSHOTS);
  const problems = people.problems;
  const server = { get baseUrl() { return people.baseUrl; } };
  const signIn = (username: string, viewport = DESKTOP) => people.signIn(username, viewport);
  const snap = (page: Page, name: string) => people.snap(page, name);

  /** Opens the draft from "Chờ tôi xử lý", by its subject. */
  async function openWaiting(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/outgoing?view=waiting`);
    const row = page.locator('[data-testid=outgoing-table] tr.mat-mdc-row').filter({ hasText: SUBJECT });
    await row.waitFor();
    await row.locator('a.subject').click();
    await page.waitForURL(/\/outgoing\/[0-9a-f-]{36}$/);
    await page.getByTestId('page-title').filter({ hasText: SUBJECT }).waitFor();
  }

  async function state(page: Page): Promise<string> {
    return (await page.getByTestId('outgoing-state').textContent())?.trim() ?? '';
  }

  /** The current reviewer passes it on; the page shows the next state. */
  async function passOn(page: Page, button: string, nextState: string): Promise<void> {
    const approve = page.getByTestId('outgoing-approve');
    expect((await approve.textContent())?.trim()).toContain(button);
    await page.getByTestId('outgoing-action-text').fill('Đồng ý với nội dung dự thảo.');
    await approve.click();
    await page.getByTestId('outgoing-state').filter({ hasText: nextState }).waitFor();
    // it is no longer this person's turn: nothing left to do on it
    await page.getByTestId('outgoing-actions').waitFor({ state: 'detached' });
  }

  beforeAll(() => people.start());

  afterAll(() => people.stop());

  it('the officer drafts a PDF letter, is told what is missing, and submits it along the default chain', async () => {
    const page = await signIn(OFFICER.username);
    await page.goto(`${server.baseUrl}/outgoing`);
    await page.getByTestId('outgoing-new').click();
    await page.waitForURL(/\/outgoing\/new$/);
    await page.getByTestId('outgoing-form').waitFor();

    // nothing filled: the messages are next to the fields, and nothing is sent
    await page.getByTestId('outgoing-create').click();
    await page.locator('mat-error').filter({ hasText: 'Không được để trống.' }).first().waitFor();
    await page.getByText('Hãy tải lên tệp dự thảo.').waitFor();
    await snap(page, 'outgoing-1-form-errors.png');

    await page.getByTestId('field-subject').fill(SUBJECT);
    await page.getByTestId('field-signer').click();
    await page.getByRole('option', { name: new RegExp(LEADER.fullName) }).click();
    await page.getByTestId('field-recipients-text').fill('Như trên;\nLưu: VT, PC.');
    await page.locator('[data-testid=main-file] input[type=file]').setInputFiles({
      name: 'Du thao bao cao ra soat.pdf',
      mimeType: 'application/pdf',
      buffer: await letterPdf(['BO TU PHAP', 'BAO CAO', 'Ket qua ra soat van ban quy pham phap luat nam 2026']),
    });
    await page.getByTestId('main-file-name').waitFor();
    await page.getByTestId('field-note').fill('Bản dự thảo đầu tiên');
    await snap(page, 'outgoing-2-form.png');
    await page.getByTestId('outgoing-create').click();
    await page.waitForURL(/\/outgoing\/[0-9a-f-]{36}$/);
    await page.getByTestId('page-title').filter({ hasText: SUBJECT }).waitFor();
    expect(await state(page)).toBe('Dự thảo');

    // the default chain: the head of the unit, the check of form by a clerk, the signer
    const chain = page.getByTestId('outgoing-chain');
    await chain.getByText(HEAD.fullName).waitFor();
    expect(await chain.locator('li').allTextContents()).toEqual([
      expect.stringContaining(HEAD.fullName),
      expect.stringContaining(CLERK.fullName),
      expect.stringContaining(LEADER.fullName),
    ]);
    await page.getByTestId('outgoing-versions').getByText('Du thao bao cao ra soat.pdf').waitFor();
    await page.getByTestId('outgoing-pdf-issue').waitFor();

    // the same draft in a second tab, read now: it goes stale when the first one changes the details
    const staleTab = await page.context().newPage();
    await staleTab.goto(page.url());
    await staleTab.getByTestId('outgoing-submit').waitFor();

    // the details are the drafter's to correct while it is a draft
    await page.getByTestId('outgoing-metadata-edit').click();
    await page.getByTestId('outgoing-metadata-form').locator('textarea[formcontrolname=recipientsText]').fill('Như trên;\nCác đơn vị thuộc Bộ;\nLưu: VT, PC.');
    await page.getByTestId('metadata-save').click();
    await page.getByTestId('outgoing-recipients').getByText('Các đơn vị thuộc Bộ;', { exact: false }).waitFor();
    await page.getByTestId('outgoing-metadata-form').waitFor({ state: 'detached' });

    // the stale tab's submission loses the race: it is told so, and the reload shows the new details
    await staleTab.getByTestId('outgoing-submit').click();
    await staleTab.getByText('Người khác vừa thay đổi dữ liệu này').waitFor();
    await staleTab.getByTestId('reload-after-conflict').click();
    await staleTab.getByTestId('outgoing-recipients').getByText('Các đơn vị thuộc Bộ;', { exact: false }).waitFor();
    expect(await staleTab.getByTestId('outgoing-state').textContent()).toContain('Dự thảo');
    await staleTab.close();
    await snap(page, 'outgoing-3-draft.png');

    await page.getByTestId('outgoing-action-text').fill('Kính trình Vụ trưởng xem xét.');
    await page.getByTestId('outgoing-submit').click();
    await page.getByTestId('outgoing-state').filter({ hasText: 'Đang trình duyệt' }).waitFor();
    await page.getByTestId('outgoing-history').getByText('Trình duyệt', { exact: true }).waitFor();
    // submitted: the drafter can no longer change it, nor submit again
    expect(await page.getByTestId('outgoing-submit').count()).toBe(0);
    expect(await page.getByTestId('outgoing-chain-edit').count()).toBe(0);
  });

  it('the head returns it with a comment; the officer uploads version 2, compares it with version 1 and submits again', async () => {
    const head = await signIn(HEAD.username);
    await openWaiting(head);
    // a return says why: without a comment nothing is sent
    await head.getByTestId('outgoing-return').click();
    await head.getByText('Hãy ghi lý do trả lại.').waitFor();
    await head.getByTestId('outgoing-action-text').fill('Bổ sung số liệu của các đơn vị thuộc Bộ vào phần II.');
    await head.getByTestId('outgoing-return').click();
    await head.getByTestId('outgoing-state').filter({ hasText: 'Bị trả lại' }).waitFor();

    const page = await signIn(OFFICER.username);
    await openWaiting(page);
    await page.getByTestId('outgoing-comments').getByText('Bổ sung số liệu của các đơn vị thuộc Bộ vào phần II.').waitFor();
    await page.locator('[data-testid=outgoing-new-version] input[type=file]').setInputFiles({
      name: 'Du thao bao cao ra soat v2.pdf',
      mimeType: 'application/pdf',
      buffer: await letterPdf(['BO TU PHAP', 'BAO CAO', 'Ket qua ra soat van ban quy pham phap luat nam 2026', 'II. So lieu cac don vi']),
    });
    await page.getByTestId('outgoing-version-note').fill('Bổ sung số liệu phần II');
    await page.getByTestId('outgoing-version-save').click();
    await page.getByTestId('outgoing-versions').getByText('Phiên bản 2', { exact: true }).waitFor();

    await page.getByTestId('outgoing-compare-from').click();
    await page.getByRole('option', { name: 'Phiên bản 1', exact: true }).click();
    await page.getByTestId('outgoing-compare-to').click();
    await page.getByRole('option', { name: 'Phiên bản 2', exact: true }).click();
    await page.getByTestId('outgoing-compare').click();
    const comparison = page.getByTestId('outgoing-comparison');
    await comparison.waitFor();
    await comparison.getByText('Du thao bao cao ra soat v2.pdf').waitFor();
    await comparison.getByText('Bổ sung số liệu phần II').waitFor();
    await snap(page, 'outgoing-4-returned-new-version.png');

    await page.getByTestId('outgoing-submit').click();
    await page.getByTestId('outgoing-state').filter({ hasText: 'Đang trình duyệt' }).waitFor();
    await page.getByTestId('outgoing-history').getByText('Trình lại', { exact: true }).waitFor();
  });

  it('the head of the unit forwards it from "waiting for me"', async () => {
    const page = await signIn(HEAD.username);
    await openWaiting(page);
    await page.getByTestId('outgoing-chain').locator('li[data-state=current]').filter({ hasText: HEAD.fullName }).waitFor();
    await snap(page, 'outgoing-5-head.png');
    await passOn(page, 'Đồng ý, chuyển tiếp', 'Đang trình duyệt');
    await page.getByTestId('outgoing-chain').locator('li[data-state=current]').filter({ hasText: CLERK.fullName }).waitFor();
  });

  it('the clerk checks its form', async () => {
    const page = await signIn(CLERK.username);
    await openWaiting(page);
    await passOn(page, 'Đã kiểm tra thể thức', 'Đang trình duyệt');
  });

  it('the leader approves it: it is ready to sign, with its PDF and its story', async () => {
    const page = await signIn(LEADER.username);
    await openWaiting(page);
    await passOn(page, 'Duyệt', 'Đã kiểm tra thể thức, chờ ký');
    await page.getByTestId('outgoing-pdf-download').waitFor();
    const history = page.getByTestId('outgoing-history');
    for (const action of ['Tạo dự thảo', 'Trình duyệt', 'Đồng ý, chuyển tiếp', 'Kiểm tra thể thức', 'Duyệt'])
      await history.getByText(action, { exact: true }).first().waitFor();
    await snap(page, 'outgoing-6-approved.png');
  });

  it('the officer finds it among the approved ones on a phone', async () => {
    const page = await signIn(OFFICER.username, PHONE);
    await page.goto(`${server.baseUrl}/outgoing?view=approved`);
    await page.getByTestId('outgoing-card').filter({ hasText: SUBJECT }).waitFor();
    await snap(page, 'outgoing-7-approved-phone.png');
  });

  /** The PDF drawn by pdfjs-dist on the page's canvas: how many of its pixels are ink (not white). */
  async function inkOnPreview(page: Page): Promise<{ pages: number; ink: number; width: number }> {
    const preview = page.getByTestId('pdf-preview').first();
    await preview.and(page.locator('[data-state=ready]')).waitFor();
    return preview.evaluate((element) => {
      const canvas = element.querySelector('canvas') as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let index = 0; index < pixels.length; index += 4) if (pixels[index] < 160 || pixels[index + 1] < 160 || pixels[index + 2] < 160) ink++;
      return { pages: Number(element.getAttribute('data-pages')), ink, width: canvas.getBoundingClientRect().width };
    });
  }

  it('the leader signs it with the key’s passphrase: a wrong one is said plainly and signs nothing', async () => {
    const page = await signIn(LEADER.username);
    await page.goto(`${server.baseUrl}/outgoing?view=approved`);
    await page.locator('[data-testid=outgoing-table] tr.mat-mdc-row').filter({ hasText: SUBJECT }).locator('a.subject').click();
    await page.getByTestId('outgoing-sign').waitFor();
    // the PDF to sign is drawn on the page, to be read before signing
    expect((await inkOnPreview(page)).ink).toBeGreaterThan(500);

    await page.getByTestId('outgoing-sign-passphrase').fill('sai-mat-khau');
    await page.getByTestId('outgoing-sign-submit').click();
    const failure = page.getByTestId('signing-failure');
    await failure.and(page.locator('[data-kind=wrong_passphrase]')).waitFor();
    await failure.getByText('Mật khẩu khoá ký số không đúng').waitFor();
    expect(await state(page)).toBe('Đã kiểm tra thể thức, chờ ký');
    // the whole page from its top: the title, the PDF to sign, the message above the passphrase
    await page.evaluate(() => document.getElementById('main-content')?.scrollTo(0, 0));
    await snap(page, 'outgoing-8-sign-wrong-passphrase.png');
    // the browser logs the refused request (422) itself: expected here, and nothing else
    const refused = problems.filter((problem) => problem.includes('status of 422') && problem.includes('/signature'));
    expect(refused).toHaveLength(1);
    problems.splice(problems.indexOf(refused[0]), 1);

    await page.getByTestId('outgoing-sign-passphrase').fill('KySo@2026');
    await page.getByTestId('outgoing-sign-submit').click();
    await page.getByTestId('outgoing-state').filter({ hasText: 'Đã ký' }).waitFor();
    await page.getByTestId('outgoing-sign').waitFor({ state: 'detached' });
    await page.getByTestId('outgoing-issued').waitFor();
    await page.getByTestId('outgoing-history').getByText('Ký số', { exact: true }).waitFor();
  });

  let issuedNumber = '';
  let issuedPdf = '';

  it('the clerk numbers it from "to number": the register, the next number, the organisation’s signature; the issued PDF is drawn on the page', async () => {
    const page = await signIn(CLERK.username);
    await page.goto(`${server.baseUrl}/outgoing?view=to_issue`);
    await page.locator('[data-testid=outgoing-table] tr.mat-mdc-row').filter({ hasText: SUBJECT }).locator('a.subject').click();
    await page.getByTestId('outgoing-issue').waitFor();
    const next = page.getByTestId('outgoing-issue-next');
    await next.locator('strong').waitFor();
    // a công văn of Vụ Pháp chế: the agency's notation and the drafting unit's
    const forecast = (await next.locator('strong').textContent())?.trim() ?? '';
    expect(forecast).toMatch(/^\d{2,}\/BYT-PC$/);
    await snap(page, 'outgoing-9-issue.png');

    await page.getByTestId('outgoing-issue-passphrase').fill('KySo@2026');
    await page.getByTestId('outgoing-issue-submit').click();
    await page.getByTestId('outgoing-state').filter({ hasText: 'Đã ban hành' }).waitFor();
    issuedNumber = (await page.getByTestId('outgoing-number').textContent())?.trim() ?? '';
    expect(issuedNumber).toBe(forecast);
    const drawn = await inkOnPreview(page);
    expect(drawn.ink).toBeGreaterThan(500);
    await page.getByTestId('outgoing-dispatch').getByText('Như trên;', { exact: false }).waitFor();
    await snap(page, 'outgoing-10-issued.png');

    // the same issued document on a phone: the number, the drawing fitted to the screen
    const phone = await signIn(CLERK.username, PHONE);
    await phone.goto(page.url());
    await phone.getByTestId('outgoing-number').filter({ hasText: issuedNumber }).waitFor();
    const onPhone = await inkOnPreview(phone);
    expect(onPhone.width).toBeLessThanOrEqual(PHONE.width);
    expect(onPhone.ink).toBeGreaterThan(200);
    await snap(phone, 'outgoing-11-issued-phone.png');

    // the issued PDF, as anyone who may see it downloads it
    const download = page.waitForEvent('download');
    await page.getByTestId('outgoing-issued-download').click();
    issuedPdf = join(tmpdir(), `outgoing-issued-${process.pid}.pdf`);
    await (await download).saveAs(issuedPdf);

    await page.getByTestId('outgoing-dispatch-submit').click();
    await page.getByTestId('outgoing-state').filter({ hasText: 'Đã phát hành' }).waitFor();
    await page.getByTestId('outgoing-dispatch').locator('[data-testid=outgoing-dispatch-submit]').waitFor({ state: 'detached' });
    await page.getByTestId('outgoing-withdraw').waitFor();
  });

  it('anyone checks the issued PDF on "verify signatures": the signer’s and the organisation’s signatures, both valid', async () => {
    const page = await signIn(OFFICER.username);
    await page.getByRole('link', { name: 'Kiểm tra chữ ký số' }).click();
    await page.waitForURL(/\/signatures\/verify$/);
    await page.getByTestId('verify-file').setInputFiles(issuedPdf);
    const report = page.getByTestId('verify-report');
    await report.and(page.locator('[data-verdict=valid]')).waitFor();
    const signatures = report.getByTestId('verify-signature');
    expect(await signatures.count()).toBe(2);
    await signatures.nth(0).getByText(LEADER.fullName, { exact: true }).waitFor();
    expect(await signatures.nth(0).getAttribute('data-verdict')).toBe('followed_by_signature');
    expect(await signatures.nth(1).getAttribute('data-verdict')).toBe('intact');
    await snap(page, 'outgoing-12-verify.png');

    const phone = await signIn(OFFICER.username, PHONE);
    await phone.goto(`${server.baseUrl}/signatures/verify`);
    await phone.getByTestId('verify-file').setInputFiles(issuedPdf);
    await phone.getByTestId('verify-report').and(phone.locator('[data-verdict=valid]')).waitFor();
    await snap(phone, 'outgoing-13-verify-phone.png');
    rmSync(issuedPdf, { force: true });
  });

  it('showed no errors on any page', () => {
    expect(problems).toEqual([]);
  });
});
