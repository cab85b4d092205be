import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { OutgoingApi } from '../outgoing-api';
import { OpenedPdf, openPdf } from './pdf-render';

type PreviewState = 'loading' | 'ready' | 'failed';

/**
 * A document's PDF drawn in the page (pdfjs-dist onto a canvas): page 1 first — the number and
 * date of an issued document — and the other pages a tap away (the signatures sit on the last).
 * The file comes through the document, as its download does (permission checked and audited).
 */
@Component({
  selector: 'app-pdf-preview',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="frame" data-testid="pdf-preview" [attr.data-state]="state()" [attr.data-page]="page()" [attr.data-pages]="pageCount()">
      @if (state() === 'loading') {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (state() === 'failed') {
        <p class="failed" role="alert"><mat-icon aria-hidden="true">broken_image</mat-icon>{{ 'outgoing.preview.failed' | translate }}</p>
      }
      <div class="sheet" #sheet>
        <canvas #canvas role="img" [attr.aria-label]="('outgoing.preview.page' | translate: { page: page(), count: pageCount() }) + ' — ' + file().originalName"></canvas>
      </div>
      @if (pageCount() > 1) {
        <div class="pager">
          <button mat-icon-button type="button" [disabled]="page() <= 1 || busy()" (click)="show(page() - 1)" [attr.aria-label]="'outgoing.preview.previous' | translate">
            <mat-icon>chevron_left</mat-icon>
          </button>
          <span>{{ 'outgoing.preview.page' | translate: { page: page(), count: pageCount() } }}</span>
          <button mat-icon-button type="button" [disabled]="page() >= pageCount() || busy()" (click)="show(page() + 1)" [attr.aria-label]="'outgoing.preview.next' | translate" data-testid="pdf-preview-next">
            <mat-icon>chevron_right</mat-icon>
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .frame { display: flex; flex-direction: column; gap: 8px; }
    .sheet { width: 100%; overflow: auto; background: var(--mat-sys-surface-container-high); border-radius: 8px; padding: 8px; box-sizing: border-box; text-align: center; }
    canvas { background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 25%); max-width: 100%; }
    .failed { display: flex; align-items: center; gap: 8px; color: var(--mat-sys-error); margin: 0; }
    .pager { display: flex; align-items: center; justify-content: center; gap: 8px; font-size: 14px; }
  `,
})
export class PdfPreview {
  private readonly api = inject(OutgoingApi);
  readonly documentId = input.required<string>();
  readonly file = input.required<StoredFileDto>();

  protected readonly state = signal<PreviewState>('loading');
  protected readonly page = signal(1);
  protected readonly pageCount = signal(0);
  protected readonly busy = signal(false);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly sheet = viewChild.required<ElementRef<HTMLElement>>('sheet');
  private opened: OpenedPdf | null = null;
  /** a newer file replaces the one being opened: the older answer is dropped */
  private generation = 0;

  constructor() {
    effect(() => {
      const documentId = this.documentId();
      const fileId = this.file().id;
      void this.open(documentId, fileId);
    });
    inject(DestroyRef).onDestroy(() => void this.release());
  }

  protected async show(pageNumber: number): Promise<void> {
    if (!this.opened) return;
    this.busy.set(true);
    try {
      // the sheet's inner width: the page fills it on a phone and on a desktop
      const width = Math.max(200, this.sheet().nativeElement.clientWidth - 16);
      await this.opened.render(pageNumber, this.canvas().nativeElement, Math.min(width, 900));
      this.page.set(pageNumber);
      this.state.set('ready');
    } catch {
      this.state.set('failed');
    } finally {
      this.busy.set(false);
    }
  }

  private async open(documentId: string, fileId: string): Promise<void> {
    const generation = ++this.generation;
    this.state.set('loading');
    await this.release();
    try {
      const blob = await firstValueFrom(this.api.download(documentId, fileId));
      const opened = await openPdf(await blob.arrayBuffer());
      if (generation !== this.generation) return void opened.close();
      this.opened = opened;
      this.pageCount.set(opened.pageCount);
      await this.show(1);
    } catch {
      if (generation === this.generation) this.state.set('failed');
    }
  }

  private async release(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    if (opened) await opened.close().catch(() => undefined);
  }
}
