import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { DOCUMENT_TYPES, DraftCommentDto, DraftVersionDto, OutgoingDocumentDto, OutgoingHistoryEntryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, catchError, filter, forkJoin, switchMap } from 'rxjs';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { DocumentMarks } from '../../incoming/document-marks';
import { SessionStore } from '../../../core/auth/session-store';
import { availableActions } from '../outgoing-actions';
import { OutgoingApi } from '../outgoing-api';
import { OutgoingStateBadge } from '../outgoing-state-badge';
import { ActionPanel } from './action-panel';
import { AxisExchangePanel } from './axis-exchange-panel';
import { CommentsPanel } from './comments-panel';
import { MetadataForm } from './metadata-form';
import { OutgoingTimeline } from './outgoing-timeline';
import { PdfStatus } from './pdf-status';
import { ReviewChain } from './review-chain';
import { VersionsPanel } from './versions-panel';
import { DispatchPanel } from './dispatch-panel';
import { IssuePanel } from './issue-panel';
import { IssuedDocument } from './issued-document';
import { SignPanel } from './sign-panel';
import { WithdrawPanel } from './withdraw-panel';

interface Loaded {
  document: OutgoingDocumentDto;
  versions: DraftVersionDto[];
  comments: DraftCommentDto[];
  history: OutgoingHistoryEntryDto[];
}

/**
 * One outgoing draft: its metadata, the PDF to sign (or why there is none), the review chain, what
 * the user may do now, the versions, the comments and the timeline. Every change reads it all
 * again: the draft's `version` moves with each, and the next request must name the new one.
 */
@Component({
  selector: 'app-outgoing-detail-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    TranslatePipe,
    LocalizedLabelPipe,
    VietnamDatePipe,
    EmptyState,
    DocumentMarks,
    OutgoingStateBadge,
    ActionPanel,
    AxisExchangePanel,
    CommentsPanel,
    MetadataForm,
    OutgoingTimeline,
    PdfStatus,
    ReviewChain,
    VersionsPanel,
    SignPanel,
    IssuePanel,
    IssuedDocument,
    DispatchPanel,
    WithdrawPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outgoing-detail-page.html',
  styleUrl: './outgoing-detail-page.scss',
})
export class OutgoingDetailPage {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);

  protected readonly loaded = signal<Loaded | null>(null);
  protected readonly failure = signal<string | null>(null);
  private readonly session = inject(SessionStore);
  protected readonly actions = computed(() => {
    const loaded = this.loaded();
    return loaded ? availableActions(loaded.document, this.session.user()) : null;
  });
  protected readonly canEdit = computed(() => this.actions()?.edit ?? false);
  protected readonly editingMetadata = signal(false);
  protected readonly type = computed(() => DOCUMENT_TYPES.find((type) => type.code === this.loaded()?.document.documentType) ?? null);
  private readonly id = signal('');
  private readonly loads = new Subject<string>();

  constructor() {
    this.loads
      .pipe(
        switchMap((id) =>
          forkJoin({ document: this.api.get(id), versions: this.api.versions(id), comments: this.api.comments(id), history: this.api.history(id) }).pipe(
            catchError((error: unknown) => {
              // a draft shown already stays on screen after a failed refresh; a first load says why it cannot be shown
              if (this.loaded()) this.notifier.error(error);
              else this.failure.set(this.notifier.errorText(error));
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => {
        this.failure.set(null);
        this.loaded.set(loaded);
      });
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.id.set(params.get('id') ?? '');
        this.loaded.set(null);
        this.reload();
      });
    // someone else decided on this draft (forwarded, returned, a new version): show it at once
    inject(RealtimeService)
      .notifications$.pipe(
        filter((event) => event.kind.startsWith('outgoing.')),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.reload());
  }

  protected reload(): void {
    if (this.id()) this.loads.next(this.id());
  }
}
