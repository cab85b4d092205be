import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  AssignmentDto,
  CONFIDENTIALITY_LABELS,
  DOCUMENT_TYPES,
  DocumentRegisterDto,
  IncomingDocumentDto,
  IncomingHistoryEntryDto,
  Permission,
  URGENCY_LABELS,
} from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, Subscription, catchError, filter, forkJoin, map, merge, of, switchMap, timer } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { AssignmentTree } from '../direction/assignment-tree';
import { DirectionAction } from '../direction/direction-actions';
import { DirectionPanel } from '../direction/direction-panel';
import { PREPARATION_CHECKS, preparationDelay, stillPreparing } from '../direction/preparation';
import { DocumentMarks } from '../document-marks';
import { dueStatus, formatIsoDate, vietnamToday } from '../incoming-format';
import { StateBadge } from '../state-badge';
import { DocumentFiles } from './document-files';
import { HistoryTimeline } from './history-timeline';
import { AxisChangeRequest } from './axis-change-request';
import { cameOverAxis } from './axis-exchange';
import { DocumentTasks } from './document-tasks';

/** One incoming document: what the register says about it, its files, and what has happened to it. */
@Component({
  selector: 'app-incoming-detail-page',
  imports: [
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    LocalizedLabelPipe,
    VietnamDatePipe,
    EmptyState,
    DocumentMarks,
    StateBadge,
    DocumentFiles,
    HistoryTimeline,
    AxisChangeRequest,
    DirectionPanel,
    AssignmentTree,
    DocumentTasks,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incoming-detail-page.html',
  styleUrl: './incoming-detail-page.scss',
})
export class IncomingDetailPage {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly confidentialityLabels = CONFIDENTIALITY_LABELS;
  protected readonly formatIsoDate = formatIsoDate;
  /** the change request asks the document's exchange record, which only a document from another agency has */
  protected readonly cameOverAxis = cameOverAxis;
  /** those who draft outgoing documents may start the reply from here (the draft links back to this document) */
  protected readonly canDraftReply = inject(SessionStore).hasAny(Permission.OutgoingDraft);
  /** those who give tasks may give one from here (Giao việc); the task keeps this document as its source */
  protected readonly canGiveTask = inject(SessionStore).hasAny(Permission.TasksGive);

  protected readonly document = signal<IncomingDocumentDto | null>(null);
  protected readonly history = signal<IncomingHistoryEntryDto[] | null>(null);
  /** the parts of the work, in tree order; null until loaded, so the action panel never offers on a guess */
  protected readonly assignments = signal<AssignmentDto[] | null>(null);
  protected readonly registers = signal<DocumentRegisterDto[]>([]);
  /** why the document cannot be shown (not found, not allowed), in the user's language */
  protected readonly failure = signal<string | null>(null);

  protected readonly type = computed(() => DOCUMENT_TYPES.find((type) => type.code === this.document()?.documentType) ?? null);
  protected readonly registerNames = computed(() => new Map(this.registers().map((register) => [register.code, register.name])));
  protected readonly register = computed(() => this.registers().find((register) => register.id === this.document()?.registerId) ?? null);
  /** The leader's directive in force: the latest one given (a document returned and directed again has two). */
  protected readonly directive = computed(() => {
    const roots = (this.assignments() ?? []).filter((part) => !part.parentId && part.directive);
    return roots.length ? roots[roots.length - 1].directive : null;
  });
  protected readonly due = computed(() => {
    const document = this.document();
    return document ? dueStatus(document.dueOn, document.state, vietnamToday()) : null;
  });

  private readonly reloads = new Subject<string>();
  private id = '';
  private readonly destroyRef = inject(DestroyRef);
  private preparationWatch: Subscription | null = null;

  constructor() {
    const ids = inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? ''));
    merge(ids, this.reloads)
      .pipe(
        switchMap((id) => {
          this.id = id;
          return this.api.incomingDocument(id).pipe(
            catchError((error: unknown) => {
              this.failure.set(this.notifier.errorText(error));
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((document) => {
        this.failure.set(null);
        this.document.set(document);
        this.loadTrail(document.id);
        this.watchPreparation(document, 0);
      });
    // someone else acted on this document (the leader directed it, the officer completed it): show it
    inject(RealtimeService)
      .notifications$.pipe(
        filter((event) => event.kind.startsWith('incoming.') && event.link === `/incoming/${this.id}`),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.reload());
    this.api.documentRegisters('incoming').subscribe({ next: (registers) => this.registers.set(registers), error: () => this.registers.set([]) });
  }

  protected reload(): void {
    if (this.id) this.reloads.next(this.id);
  }

  /**
   * The stamped copy and the text layer are made in the background after registration, and each
   * changes the document (and its version). The page reads the document again quietly until they
   * are there, so the clerk sees the stamped copy without reloading and acts on the current version.
   */
  private watchPreparation(document: IncomingDocumentDto, attempt: number): void {
    this.preparationWatch?.unsubscribe();
    if (!stillPreparing(document) || attempt >= PREPARATION_CHECKS) return;
    this.preparationWatch = timer(preparationDelay(attempt))
      .pipe(
        switchMap(() => this.api.incomingDocument(document.id).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((fresh) => {
        if (fresh.id !== this.document()?.id) return;
        if (fresh.version !== this.document()?.version) {
          this.document.set(fresh);
          // the background steps are written on the timeline too
          this.loadTrail(fresh.id);
        }
        this.watchPreparation(fresh, attempt + 1);
      });
  }

  /** An action went through: say so, and read everything again (state, version, parts, history). */
  protected changed(action: DirectionAction): void {
    this.notifier.success(`incoming.direction.sent.${action}`);
    this.reload();
  }

  /** The history and the assignments together, so the timeline and the tree never disagree. */
  private loadTrail(id: string): void {
    const assignments = this.api.incomingAssignments(id).pipe(
      catchError((error: unknown) => {
        this.notifier.error(error);
        return of([] as AssignmentDto[]);
      }),
    );
    const history = this.api.incomingHistory(id).pipe(
      catchError((error: unknown) => {
        this.notifier.error(error);
        return of([] as IncomingHistoryEntryDto[]);
      }),
    );
    forkJoin([assignments, history]).subscribe(([parts, entries]) => {
      this.assignments.set(parts);
      this.history.set(entries);
    });
  }
}
