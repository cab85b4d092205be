import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AnnotationDto, AnnotationShape, AnnotationVisibility, MaterialPublishedPayload, MeetingDto, PdfPoint } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { SessionStore } from '../../../core/auth/session-store';
import { API_ROOT } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { saveBlob } from '../../incoming/file-save';
import { LiveCommandError, MeetingConnection } from '../live/meeting-connection';
import { Matrix, mergeLineRects, searchable, strokePath, toPdfPoint, toPdfRect } from './page-geometry';
import { pdfJs } from '../../../shared/pdf/pdf-js';
import { openPdf } from './pdf-loader';

export type Tool = 'select' | 'highlight' | 'ink' | 'rectangle' | 'note';
export const COLORS = ['#ffd54f', '#e53935', '#43a047', '#1e88e5'] as const;

interface SearchHit {
  pageIndex: number;
  snippet: string;
}

/** A page as drawn at scale 1: its size in CSS pixels and the PDF → viewport transform. */
interface PageFrame {
  width: number;
  height: number;
  matrix: Matrix;
}

/**
 * A meeting material read on a tablet: one page at a time (pages turn at once: the next is
 * prepared in advance), zoom, search in the text, thumbnails; annotations drawn over the page in
 * PDF coordinates (highlight selected text, pen, rectangle, sticky note), private or shared, which
 * arrive live from the others; presence, and follow-the-chair (followers turn with the chair;
 * the chair or a presenter may present).
 */
@Component({
  selector: 'app-material-viewer-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatButtonToggleModule, MatIconModule, MatSlideToggleModule, MatTooltipModule, TranslatePipe, VietnamDatePipe],
  providers: [MeetingConnection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './material-viewer-page.html',
  styleUrl: './material-viewer-page.scss',
})
export class MaterialViewerPage {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  protected readonly live = inject(MeetingConnection);
  private readonly destroyRef = inject(DestroyRef);
  private readonly notifier = inject(Notifier);

  protected readonly colors = COLORS;
  protected readonly meetingId = signal('');
  protected readonly versionId = signal('');
  protected readonly meeting = signal<MeetingDto | null>(null);
  protected readonly title = computed(() => {
    const meeting = this.meeting();
    const material = meeting?.materials.find((one) => one.versions.some((version) => version.id === this.versionId()));
    return material?.title ?? meeting?.title ?? '';
  });

  /** the material this version belongs to, and the version's number */
  private readonly material = computed(() => {
    const material = this.meeting()?.materials.find((one) => one.versions.some((version) => version.id === this.versionId()));
    return material ? { id: material.id, number: material.versions.find((version) => version.id === this.versionId())!.number } : null;
  });
  /** a newer version published since (its annotations start empty; the ones here stay on this version) */
  protected readonly newer = signal<{ versionId: string; number: number } | null>(null);

  private document: PDFDocumentProxy | null = null;
  protected readonly pageCount = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly zoom = signal<number | 'fit'>('fit');
  protected readonly scale = signal(1);
  protected readonly frame = signal<PageFrame | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly rendering = signal(false);

  protected readonly tool = signal<Tool>('select');
  protected readonly color = signal<string>(COLORS[0]);
  protected readonly visibility = signal<AnnotationVisibility>('shared');
  protected readonly following = signal(false);
  protected readonly presenting = signal(false);
  protected readonly thumbnailsOpen = signal(false);
  protected readonly thumbnails = signal<string[]>([]);

  protected readonly annotations = signal<ReadonlyMap<string, AnnotationDto>>(new Map());
  protected readonly pageAnnotations = computed(() => [...this.annotations().values()].filter((annotation) => annotation.pageIndex === this.pageIndex()));
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => (this.selectedId() ? (this.annotations().get(this.selectedId()!) ?? null) : null));
  protected readonly problem = signal<string | null>(null);
  protected readonly me = computed(() => this.session.user()?.id ?? null);

  /** a stroke or rectangle being drawn, in PDF coordinates */
  protected readonly draft = signal<PdfPoint[] | null>(null);
  /** where a sticky note is being written */
  protected readonly notePoint = signal<PdfPoint | null>(null);
  protected noteText = '';

  protected searchText = '';
  protected readonly hits = signal<SearchHit[] | null>(null);
  private readonly query = signal('');
  private readonly texts = new Map<number, string>();

  protected readonly people = computed(() => {
    const byUser = new Map<string, { fullName: string; role: string | null; pageIndex: number | null; here: boolean }>();
    for (const entry of this.live.presence()) {
      const here = entry.materialVersionId === this.versionId();
      const known = byUser.get(entry.userId);
      if (!known || (here && !known.here)) byUser.set(entry.userId, { fullName: entry.fullName, role: entry.role, pageIndex: here ? entry.pageIndex : null, here });
    }
    return [...byUser.values()];
  });

  private readonly stage = viewChild<ElementRef<HTMLElement>>('stage');
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly textLayer = viewChild<ElementRef<HTMLElement>>('textLayer');
  private readonly svg = viewChild<ElementRef<SVGSVGElement>>('svg');
  private renderTask: RenderTask | null = null;
  private renderRun = 0;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;

  protected readonly strokePath = strokePath;
  protected readonly matrix = computed(() => {
    const frame = this.frame();
    return frame ? `matrix(${frame.matrix.join(' ')})` : '';
  });

  constructor() {
    const route = inject(ActivatedRoute);
    route.paramMap.pipe(takeUntilDestroyed()).subscribe((parameters) => this.openMaterial(parameters.get('meetingId') ?? '', parameters.get('versionId') ?? ''));
    route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((parameters) => {
      if (parameters.get('follow') === '1') this.following.set(true);
      const page = Number(parameters.get('page'));
      if (Number.isInteger(page) && page > 0) this.pageIndex.set(page - 1);
    });

    this.live.materialState$.pipe(takeUntilDestroyed()).subscribe((state) => {
      if (state.materialVersionId !== this.versionId()) return;
      this.annotations.update((current) => {
        const next = new Map(state.full ? [] : current);
        for (const annotation of state.annotations) next.set(annotation.id, annotation);
        for (const removed of state.removed) next.delete(removed.id);
        return next;
      });
    });
    this.live.annotationChanged$.pipe(takeUntilDestroyed()).subscribe((annotation) => this.keep(annotation));
    this.live.annotationRemoved$.pipe(takeUntilDestroyed()).subscribe((removed) =>
      this.annotations.update((current) => {
        const next = new Map(current);
        next.delete(removed.id);
        return next;
      }),
    );
    this.live.events$.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.name !== 'material.published') return;
      const published = event.payload as MaterialPublishedPayload;
      const material = this.material();
      if (material && published.materialId === material.id && published.number > material.number) this.newer.set({ versionId: published.versionId, number: published.number });
    });
    this.live.followPage$.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (!this.following()) return;
      if (event.materialVersionId === this.versionId()) this.goTo(event.pageIndex);
      else void this.router.navigate(['/meetings', event.meetingId, 'materials', event.materialVersionId], { queryParams: { follow: 1, page: event.pageIndex + 1 } });
    });

    // draw the page whenever the page, the zoom or the document changes
    effect(() => {
      const index = this.pageIndex();
      const zoom = this.zoom();
      const count = this.pageCount();
      if (!count) return;
      untracked(() => void this.render(index, zoom));
    });
    // tell the room where this viewer is; the presenter's page is followed
    effect(() => {
      const index = this.pageIndex();
      const following = this.following();
      const presenting = this.presenting();
      // a presenter who opens another material takes the followers there too
      if (!this.pageCount() || !this.versionId()) return;
      untracked(() => this.announce(index, following, presenting));
    });
    effect(() => {
      if (this.thumbnailsOpen() && this.pageCount()) untracked(() => void this.drawThumbnails());
    });
    // choosing to follow takes this viewer at once to what the presenter shows now
    effect(() => {
      if (this.following()) untracked(() => this.joinPresenter());
    });
    this.destroyRef.onDestroy(() => {
      this.renderTask?.cancel();
      void this.document?.destroy();
      if (this.presenceTimer) clearTimeout(this.presenceTimer);
    });
  }

  private async openMaterial(meetingId: string, versionId: string): Promise<void> {
    if (this.versionId()) this.live.leaveMaterial(this.versionId());
    this.meetingId.set(meetingId);
    this.versionId.set(versionId);
    this.annotations.set(new Map());
    // another material: the page is drawn again once its document is open, whatever its length
    this.pageCount.set(0);
    this.texts.clear();
    this.thumbnails.set([]);
    this.hits.set(null);
    this.http.get<MeetingDto>(`${API_ROOT}/meetings/${encodeURIComponent(meetingId)}`).subscribe({
      next: (meeting) => {
        this.meeting.set(meeting);
        const material = meeting.materials.find((one) => one.versions.some((version) => version.id === versionId));
        const newest = material?.versions[0];
        this.newer.set(newest && newest.id !== versionId && newest.publishedAt ? { versionId: newest.id, number: newest.number } : null);
        this.live.open(meetingId, meeting.lastEventSequence);
        void this.live.joinMaterial(versionId);
      },
      error: () => {
        this.live.open(meetingId, null);
        void this.live.joinMaterial(versionId);
      },
    });
    try {
      const previous = this.document;
      this.document = await openPdf(`${API_ROOT}/meetings/${encodeURIComponent(meetingId)}/material-versions/${encodeURIComponent(versionId)}/content`, this.session.accessToken());
      void previous?.destroy();
      this.pageIndex.update((index) => Math.min(index, this.document!.numPages - 1));
      this.pageCount.set(this.document.numPages);
    } catch {
      this.failure.set('meetingsLive.viewer.unreadable');
    }
  }

  private async render(index: number, zoom: number | 'fit'): Promise<void> {
    const document = this.document;
    const canvas = this.canvas()?.nativeElement;
    const textLayer = this.textLayer()?.nativeElement;
    if (!document || !canvas || !textLayer) return;
    const run = ++this.renderRun;
    this.renderTask?.cancel();
    this.rendering.set(true);
    const page = await document.getPage(index + 1);
    if (run !== this.renderRun) return;
    const unscaled = page.getViewport({ scale: 1 });
    const available = (this.stage()?.nativeElement.clientWidth ?? unscaled.width) - 16;
    const scale = zoom === 'fit' ? Math.max(0.25, Math.min(4, available / unscaled.width)) : zoom;
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    this.scale.set(scale);
    this.frame.set({ width: unscaled.width, height: unscaled.height, matrix: unscaled.transform as unknown as Matrix });
    this.renderTask = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    try {
      await this.renderTask.promise;
    } catch {
      return; // cancelled by a newer page turn
    }
    if (run !== this.renderRun) return;
    await this.drawText(page, textLayer, viewport);
    this.rendering.set(false);
    // the next page is fetched and parsed while this one is read
    if (index + 1 < document.numPages) void document.getPage(index + 2);
  }

  private async drawText(page: PDFPageProxy, container: HTMLElement, viewport: ReturnType<PDFPageProxy['getViewport']>): Promise<void> {
    const pdfjs = await pdfJs();
    container.replaceChildren();
    const layer = new pdfjs.TextLayer({ textContentSource: await page.getTextContent(), container, viewport });
    await layer.render();
    const query = searchable(this.query());
    if (!query) return;
    for (const span of Array.from(container.querySelectorAll('span'))) if (searchable(span.textContent ?? '').includes(query)) span.classList.add('highlight');
  }

  private async drawThumbnails(): Promise<void> {
    const document = this.document;
    if (!document || this.thumbnails().length) return;
    const images: string[] = [];
    for (let number = 1; number <= Math.min(document.numPages, 200) && this.thumbnailsOpen(); number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 120 / page.getViewport({ scale: 1 }).width });
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport }).promise;
      images.push(canvas.toDataURL('image/png'));
      this.thumbnails.set([...images]);
    }
  }

  protected goTo(index: number): void {
    if (index < 0 || index >= this.pageCount()) return;
    this.pageIndex.set(index);
    this.selectedId.set(null);
    this.notePoint.set(null);
  }

  /** The material with the annotations this user sees drawn in, to keep or print. */
  protected exportAnnotated(): void {
    this.http.get(`${API_ROOT}/meeting-material-versions/${encodeURIComponent(this.versionId())}/annotated-pdf`, { responseType: 'blob' }).subscribe({
      next: (blob) => saveBlob(blob, `${this.title() || 'tai-lieu-hop'} - ghi chu.pdf`),
      error: (error) => this.notifier.error(error),
    });
  }

  protected onPageNumber(value: string): void {
    const number = Number(value);
    if (Number.isInteger(number)) this.goTo(number - 1);
  }

  protected zoomBy(factor: number): void {
    this.zoom.set(Math.max(0.5, Math.min(4, Math.round(this.scale() * factor * 100) / 100)));
  }

  private swipeFrom: { x: number; y: number } | null = null;

  /** On a tablet a horizontal swipe over the page turns it (pen and shape tools draw instead). */
  protected onSwipeStart(event: PointerEvent): void {
    this.swipeFrom = event.pointerType === 'touch' && (this.tool() === 'select' || this.tool() === 'highlight') ? { x: event.clientX, y: event.clientY } : null;
  }

  protected onSwipeEnd(event: PointerEvent): void {
    const from = this.swipeFrom;
    this.swipeFrom = null;
    if (!from) return;
    const dx = event.clientX - from.x;
    if (Math.abs(dx) > 60 && Math.abs(event.clientY - from.y) < 50) this.goTo(this.pageIndex() + (dx < 0 ? 1 : -1));
  }

  /** Keyboard turning for laptops: arrows and Page Up/Down. */
  protected onKey(event: KeyboardEvent): void {
    if ((event.target as HTMLElement).closest('input, textarea')) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') this.goTo(this.pageIndex() + 1);
    if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.goTo(this.pageIndex() - 1);
  }

  protected async search(): Promise<void> {
    const query = searchable(this.searchText.trim());
    this.query.set(this.searchText.trim());
    if (!query || !this.document) {
      this.hits.set(null);
      return;
    }
    const hits: SearchHit[] = [];
    for (let index = 0; index < this.document.numPages; index++) {
      let text = this.texts.get(index);
      if (text === undefined) {
        const content = await (await this.document.getPage(index + 1)).getTextContent();
        text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
        this.texts.set(index, text);
      }
      const at = searchable(text).indexOf(query);
      if (at >= 0) hits.push({ pageIndex: index, snippet: text.slice(Math.max(0, at - 30), at + query.length + 50) });
    }
    this.hits.set(hits);
    if (hits.length) this.goTo(hits[0].pageIndex);
    void this.render(this.pageIndex(), this.zoom());
  }

  // ---- annotating ----------------------------------------------------------------------------

  /** A point of the page under the pointer, in PDF user space. */
  private pointAt(event: PointerEvent): PdfPoint | null {
    const frame = this.frame();
    const svg = this.svg()?.nativeElement;
    if (!frame || !svg) return null;
    const box = svg.getBoundingClientRect();
    return toPdfPoint(frame.matrix, ((event.clientX - box.left) * frame.width) / box.width, ((event.clientY - box.top) * frame.height) / box.height);
  }

  protected onPointerDown(event: PointerEvent): void {
    const tool = this.tool();
    if (tool !== 'ink' && tool !== 'rectangle') return;
    const point = this.pointAt(event);
    if (!point) return;
    (event.target as Element).setPointerCapture?.(event.pointerId);
    event.preventDefault();
    this.draft.set([point]);
  }

  protected onPointerMove(event: PointerEvent): void {
    const draft = this.draft();
    const point = draft ? this.pointAt(event) : null;
    if (!draft || !point) return;
    this.draft.set(this.tool() === 'rectangle' ? [draft[0], point] : [...draft, point]);
  }

  protected onPointerUp(event: PointerEvent): void {
    const tool = this.tool();
    if (tool === 'note') {
      this.notePoint.set(this.pointAt(event));
      this.noteText = '';
      return;
    }
    const draft = this.draft();
    this.draft.set(null);
    if (!draft || draft.length < 2) return;
    if (tool === 'ink') void this.create({ kind: 'ink', strokes: [draft.slice(0, 2000)], width: 2 });
    if (tool === 'rectangle') {
      const [from, to] = [draft[0], draft[draft.length - 1]];
      const rect = { x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y) };
      if (rect.width > 2 && rect.height > 2) void this.create({ kind: 'rectangle', rect, width: 2 });
    }
  }

  /** With the highlighter, selecting text marks it: the selection becomes rectangles per line and the quoted text. */
  protected onTextSelected(): void {
    if (this.tool() !== 'highlight') return;
    setTimeout(() => {
      const selection = window.getSelection();
      const layer = this.textLayer()?.nativeElement;
      const frame = this.frame();
      if (!selection || selection.isCollapsed || !layer || !frame || !layer.contains(selection.anchorNode)) return;
      const quote = selection.toString().replace(/\s+/g, ' ').trim();
      const box = layer.getBoundingClientRect();
      const ratio = frame.width / box.width;
      const range = selection.getRangeAt(0);
      const rects = mergeLineRects(
        Array.from(range.getClientRects()).map((rect) =>
          toPdfRect(frame.matrix, (rect.left - box.left) * ratio, (rect.top - box.top) * ratio, (rect.right - box.left) * ratio, (rect.bottom - box.top) * ratio),
        ),
      );
      selection.removeAllRanges();
      if (quote && rects.length) void this.create({ kind: 'highlight', rects: rects.slice(0, 200), quote: quote.slice(0, 5000) });
    });
  }

  protected saveNote(): void {
    const at = this.notePoint();
    const text = this.noteText.trim();
    this.notePoint.set(null);
    if (at && text) void this.create({ kind: 'note', at }, text);
  }

  private async create(shape: AnnotationShape, comment: string | null = null): Promise<void> {
    try {
      const made = await this.live.command('annotation:create', {
        materialVersionId: this.versionId(),
        pageIndex: this.pageIndex(),
        shape,
        color: this.color(),
        comment,
        visibility: this.visibility(),
      });
      this.keep(made);
      this.problem.set(null);
    } catch (error) {
      this.problem.set(this.describe(error));
    }
  }

  protected async toggleVisibility(annotation: AnnotationDto): Promise<void> {
    try {
      this.keep(await this.live.command('annotation:update', { id: annotation.id, version: annotation.version, visibility: annotation.visibility === 'shared' ? 'private' : 'shared' }));
      this.problem.set(null);
    } catch (error) {
      this.problem.set(this.describe(error));
    }
  }

  protected async remove(annotation: AnnotationDto): Promise<void> {
    try {
      await this.live.command('annotation:delete', { id: annotation.id, version: annotation.version });
      this.annotations.update((current) => {
        const next = new Map(current);
        next.delete(annotation.id);
        return next;
      });
      this.selectedId.set(null);
      this.problem.set(null);
    } catch (error) {
      this.problem.set(this.describe(error));
    }
  }

  protected select(annotation: AnnotationDto, event: Event): void {
    if (this.tool() !== 'select') return;
    event.stopPropagation();
    this.selectedId.set(annotation.id);
  }

  /** A newer state of an annotation replaces an older one, never the other way round (an ack and a broadcast may cross). */
  private keep(annotation: AnnotationDto): void {
    if (annotation.materialVersionId !== this.versionId()) return;
    this.annotations.update((current) => {
      const known = current.get(annotation.id);
      if (known && known.version > annotation.version) return current;
      const next = new Map(current);
      next.set(annotation.id, annotation);
      return next;
    });
  }

  private describe(error: unknown): string {
    return error instanceof LiveCommandError && error.statusCode ? error.message : 'meetingsLive.viewer.offline';
  }

  // ---- presence and follow-the-chair ---------------------------------------------------------

  private joinPresenter(): void {
    const presenter = this.live.presence().find((entry) => entry.presenting && entry.materialVersionId && entry.userId !== this.me());
    if (!presenter?.materialVersionId || presenter.pageIndex === null) return;
    if (presenter.materialVersionId === this.versionId()) this.goTo(presenter.pageIndex);
    else void this.router.navigate(['/meetings', this.meetingId(), 'materials', presenter.materialVersionId], { queryParams: { follow: 1, page: presenter.pageIndex + 1 } });
  }

  private announce(pageIndex: number, following: boolean, presenting: boolean): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    // the presenter's page goes at once; where a reader is can wait for them to settle
    if (presenting && this.live.mayLead())
      this.live.command('follow:page', { meetingId: this.meetingId(), materialVersionId: this.versionId(), pageIndex }).catch((error) => this.problem.set(this.describe(error)));
    this.presenceTimer = setTimeout(() => {
      this.live.command('presence:update', { meetingId: this.meetingId(), materialVersionId: this.versionId(), pageIndex, following, presenting: presenting && this.live.mayLead() }).catch(() => undefined);
    }, presenting ? 0 : 300);
  }
}
