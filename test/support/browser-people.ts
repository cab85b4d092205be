/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, ConsoleMessage, Page, chromium } from 'playwright-core';
import { startTestServer } from './test-server';

/** run-all.mjs sets CHROMIUM_PATH to '' when Debian's Chromium is missing: the tests are then skipped, not passed. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
const PASSWORD = 'Demo@2026';

/** The session probe on start answers 401 while nobody is logged in yet: expected, and handled. */
function isExpectedFailure(message: ConsoleMessage): boolean {
  return message.text().includes('status of 401') && (message.location().url ?? '').endsWith('/api/auth/refresh');
}

/**
 * The whole system and a Chromium, with each person in a browser of their own (their own cookies,
 * as on their own PC). Every console error and page error of any of them is kept in `problems`,
 * for a last test that asserts there were none. Test support only.
 */
export class PeopleInBrowsers {
  readonly problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  private server?: { baseUrl: string; close(): Promise<void> };
  private browser?: Browser;

  constructor(private readonly screenshots: string) {}

  get baseUrl(): string {
    if (!this.server) throw new Error('start() first');
    return this.server.baseUrl;
  }

  async start(): Promise<void> {
    mkdirSync(this.screenshots, { recursive: true });
    this.server = await startTestServer();
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser?.close();
    await this.server?.close();
  }

  /** A browser of one's own, signed in as `username`, on the desk. */
  async signIn(username: string, viewport = DESKTOP): Promise<Page> {
    if (!this.browser) throw new Error('start() first');
    const context = await this.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && !isExpectedFailure(message)) this.problems.push(`${username} console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.problems.push(`${username} page: ${error.message}`));
    await page.goto(this.baseUrl);
    await page.waitForURL(/\/login/);
    await page.getByTestId('username').fill(username);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/desk$/);
    return page;
  }

  /** An access token for `username`, signed in over HTTP: to prepare data as that person would in the web app. */
  async tokenFor(username: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** A call to the API with `token` (JSON, or a FormData upload); a refusal fails the test with its answer. */
  async api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** The page drawn with its fonts, no focus ring or hover left over: what users see. */
  async snap(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(1, page.viewportSize()!.height - 1);
    // the page scrolls inside the shell, not the window: the window is made as tall as the content
    const viewport = page.viewportSize()!;
    const height = await page.evaluate(() => {
      const main = document.getElementById('main-content');
      return main ? main.scrollHeight + main.getBoundingClientRect().top : document.documentElement.scrollHeight;
    });
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: join(this.screenshots, name), animations: 'disabled' });
    await page.setViewportSize(viewport);
    // the layout settles at the old size before the next click aims at a button
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  }
}
