import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ConsultationAnswer, ConsultationDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { PageHeader } from '../../../shared/page-header/page-header';
import { saveBlob } from '../../incoming/file-save';
import { MeetingsApi } from '../meetings-api';

/** One consultation: the question and drafts; a member answers; the sender sends it, reminds, sees the answers and closes it with the summary. */
@Component({
  selector: 'app-consultation-page',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatIconModule, MatInputModule, MatRadioModule, RouterLink, TranslatePipe, VietnamDatePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (item(); as item) {
      <app-page-header [heading]="item.question" [subtitle]="('meetings.consultations.state.' + item.state | translate) + ' · ' + ('meetings.consultations.due' | translate: { at: (item.deadline | vietnamDate: 'dateTime') })" />
      <a mat-button routerLink="/meetings/consultations"><mat-icon>arrow_back</mat-icon>{{ 'meetings.consultations.title' | translate }}</a>
      <div class="layout">
        <mat-card appearance="outlined">
          <mat-card-content>
            @if (item.description) {
              <p class="pre">{{ item.description }}</p>
            }
            @for (draft of item.drafts; track draft.fileId) {
              <button mat-stroked-button type="button" (click)="download(draft.fileId, draft.name)"><mat-icon>attach_file</mat-icon>{{ draft.name }}</button>
            }
            <p class="tally" data-testid="consultation-tally">{{ 'meetings.consultations.tally' | translate: item.tally }}</p>
            @if (item.summary) {
              <h4>{{ 'meetings.consultations.summary' | translate }}</h4>
              <p class="pre" data-testid="consultation-summary">{{ item.summary }}</p>
            }
          </mat-card-content>
        </mat-card>

        @if (item.mine && item.state === 'sent' && !item.overdue) {
          <mat-card appearance="outlined" data-testid="consultation-answer">
            <mat-card-header><mat-card-title>{{ 'meetings.consultations.yourAnswer' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <mat-radio-group [(ngModel)]="answer" class="answers">
                <mat-radio-button value="agree">{{ 'meetings.consultations.answer.agree' | translate }}</mat-radio-button>
                <mat-radio-button value="disagree">{{ 'meetings.consultations.answer.disagree' | translate }}</mat-radio-button>
                <mat-radio-button value="comment">{{ 'meetings.consultations.answer.comment' | translate }}</mat-radio-button>
              </mat-radio-group>
              <mat-form-field class="wide">
                <mat-label>{{ 'meetings.consultations.comment' | translate }}</mat-label>
                <textarea matInput rows="3" [(ngModel)]="comment"></textarea>
              </mat-form-field>
              <button mat-flat-button type="button" [disabled]="!answer" (click)="send()" data-testid="consultation-send-answer">{{ 'meetings.consultations.sendAnswer' | translate }}</button>
            </mat-card-content>
          </mat-card>
        }

        @if (item.manages) {
          <mat-card appearance="outlined">
            <mat-card-header><mat-card-title>{{ 'meetings.consultations.answers' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <table>
                @for (row of item.recipients; track row.user.id) {
                  <tr>
                    <td>{{ row.user.fullName }}</td>
                    <td>{{ row.answer ? ('meetings.consultations.answer.' + row.answer | translate) : '—' }}</td>
                    <td class="comment">{{ row.comment }}</td>
                  </tr>
                }
              </table>
              <div class="actions">
                @if (item.state === 'draft') {
                  <button mat-flat-button type="button" (click)="sendOut()" data-testid="consultation-send"><mat-icon>send</mat-icon>{{ 'meetings.consultations.send' | translate }}</button>
                }
                @if (item.state === 'sent') {
                  <button mat-stroked-button type="button" (click)="remind()"><mat-icon>notifications_active</mat-icon>{{ 'meetings.consultations.remind' | translate }}</button>
                }
              </div>
              @if (item.state === 'sent') {
                <mat-form-field class="wide">
                  <mat-label>{{ 'meetings.consultations.summary' | translate }}</mat-label>
                  <textarea matInput rows="4" [(ngModel)]="summary" data-testid="consultation-summary-input"></textarea>
                </mat-form-field>
                <button mat-flat-button type="button" [disabled]="summary.trim().length < 5" (click)="close()" data-testid="consultation-close">{{ 'meetings.consultations.close' | translate }}</button>
              }
            </mat-card-content>
          </mat-card>
        }
      </div>
    }
  `,
  styles: `
    .layout { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; align-items: start; margin-top: 8px; }
    @media (max-width: 960px) { .layout { grid-template-columns: 1fr; } }
    .pre { white-space: pre-wrap; }
    .answers { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 8px; }
    .wide { width: 100%; }
    table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
    td { padding: 4px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .comment { font-size: 12px; opacity: 0.8; }
    .actions { display: flex; gap: 8px; margin-bottom: 8px; }
    .tally { font-weight: 500; }
  `,
})
export class ConsultationPage {
  private readonly api = inject(MeetingsApi);
  private readonly notifier = inject(Notifier);

  readonly item = signal<ConsultationDto | null>(null);
  answer: ConsultationAnswer | null = null;
  comment = '';
  summary = '';
  private id = '';

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((parameters) => {
        this.id = parameters.get('consultationId') ?? '';
        this.load();
      });
  }

  send(): void {
    if (!this.answer) return;
    this.api.answerConsultation(this.id, { answer: this.answer, comment: this.comment || null }).subscribe({ next: (item) => this.shown(item, 'meetings.consultations.answered'), error: (error) => this.notifier.error(error) });
  }

  sendOut(): void {
    this.api.sendConsultation(this.id, this.item()!.version).subscribe({ next: (item) => this.shown(item, 'meetings.consultations.sent'), error: (error) => this.notifier.error(error) });
  }

  remind(): void {
    this.api.remindConsultation(this.id).subscribe({ next: (result) => this.notifier.success('meetings.consultations.reminded', result), error: (error) => this.notifier.error(error) });
  }

  close(): void {
    this.api.closeConsultation(this.id, { summary: this.summary, version: this.item()!.version }).subscribe({ next: (item) => this.shown(item, 'meetings.consultations.closed'), error: (error) => this.notifier.error(error) });
  }

  download(fileId: string, name: string): void {
    this.api.draft(this.id, fileId).subscribe({ next: (blob) => saveBlob(blob, name), error: (error) => this.notifier.error(error) });
  }

  private shown(item: ConsultationDto, message: string): void {
    this.item.set(item);
    this.notifier.success(message);
  }

  private load(): void {
    this.api.consultation(this.id).subscribe({
      next: (item) => {
        this.item.set(item);
        this.answer = item.mine?.answer ?? null;
        this.comment = item.mine?.comment ?? '';
      },
      error: (error) => this.notifier.error(error),
    });
  }
}
