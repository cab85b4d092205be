import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { AgendaItemDto, MaterialAccess, MaterialDto, MeetingPersonDto, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { FileUpload } from '../../../shared/file-upload/file-upload';
import { MeetingsApi } from '../meetings-api';
import { vietnamLocalToIso } from '../meeting-time';

/** Office files the server turns into PDF (where LibreOffice is installed), and PDF. */
const MATERIAL_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
].join(',');

type Publication = 'now' | 'later' | 'hold';

/**
 * The materials (tài liệu họp): each with its versions (newest first, pages, published or when it
 * will be), opened in the viewer. The chair and secretaries upload a material or a new version and
 * publish it now, at a time, or hold it back.
 */
@Component({
  selector: 'app-materials-panel',
  imports: [FormsModule, MatButtonModule, MatIconModule, MatInputModule, MatRadioModule, MatSelectModule, RouterLink, TranslatePipe, VietnamDatePipe, FileUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="materials" data-testid="materials">
      @for (material of materials(); track material.id) {
        <li>
          <div class="head">
            <mat-icon aria-hidden="true">picture_as_pdf</mat-icon>
            <strong>{{ material.title }}</strong>
            @if (material.access === 'named') {
              <span class="badge">{{ 'meetings.materials.named' | translate: { count: material.readers.length } }}</span>
            }
            @if (manages()) {
              <button mat-button type="button" (click)="versionFor.set(versionFor() === material.id ? null : material.id)">
                <mat-icon>upload</mat-icon>{{ 'meetings.materials.newVersion' | translate }}
              </button>
            }
          </div>
          <ul class="versions">
            @for (version of material.versions; track version.id) {
              <li data-testid="material-version">
                <a mat-button [routerLink]="['/meetings', meetingId(), 'materials', version.id]" [disabled]="!version.publishedAt && !manages()">
                  {{ 'meetings.materials.version' | translate: { number: version.number, pages: version.pageCount } }}
                </a>
                @if (version.publishedAt) {
                  <span class="published">{{ 'meetings.materials.publishedAt' | translate: { at: (version.publishedAt | vietnamDate: 'dateTime') } }}</span>
                } @else if (version.publishAt) {
                  <span class="scheduled">{{ 'meetings.materials.scheduledAt' | translate: { at: (version.publishAt | vietnamDate: 'dateTime') } }}</span>
                } @else {
                  <span class="held">{{ 'meetings.materials.notPublished' | translate }}</span>
                }
                <code title="SHA-256">{{ version.sha256.slice(0, 12) }}</code>
                @if (manages() && !version.publishedAt) {
                  <button mat-stroked-button type="button" (click)="publish(version.id)" data-testid="material-publish">{{ 'meetings.materials.publishNow' | translate }}</button>
                }
              </li>
            }
          </ul>
          @if (versionFor() === material.id) {
            <app-file-upload [accept]="types" (uploaded)="addVersion(material, $event)" />
          }
        </li>
      } @empty {
        <p class="none">{{ 'meetings.materials.empty' | translate }}</p>
      }
    </ul>

    @if (manages()) {
      <div class="add" data-testid="material-add">
        <h4>{{ 'meetings.materials.add' | translate }}</h4>
        <div class="fields">
          <mat-form-field class="wide">
            <mat-label>{{ 'meetings.materials.title' | translate }}</mat-label>
            <input matInput [(ngModel)]="title" data-testid="material-title" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.materials.agendaItem' | translate }}</mat-label>
            <mat-select [(ngModel)]="agendaItemId">
              <mat-option [value]="null">—</mat-option>
              @for (item of agenda(); track item.id) {
                <mat-option [value]="item.id">{{ item.position }}. {{ item.title }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.materials.access' | translate }}</mat-label>
            <mat-select [(ngModel)]="access">
              <mat-option value="all_participants">{{ 'meetings.materials.accessAll' | translate }}</mat-option>
              <mat-option value="named">{{ 'meetings.materials.accessNamed' | translate }}</mat-option>
            </mat-select>
          </mat-form-field>
          @if (access === 'named') {
            <mat-form-field class="wide">
              <mat-label>{{ 'meetings.materials.readers' | translate }}</mat-label>
              <mat-select [(ngModel)]="readerIds" multiple>
                @for (person of people(); track person.id) {
                  <mat-option [value]="person.id">{{ person.fullName }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          <mat-radio-group [(ngModel)]="publication" class="wide publication">
            <mat-radio-button value="now">{{ 'meetings.materials.publishNow' | translate }}</mat-radio-button>
            <mat-radio-button value="later">{{ 'meetings.materials.publishLater' | translate }}</mat-radio-button>
            <mat-radio-button value="hold">{{ 'meetings.materials.hold' | translate }}</mat-radio-button>
          </mat-radio-group>
          @if (publication === 'later') {
            <mat-form-field>
              <mat-label>{{ 'meetings.materials.publishAt' | translate }}</mat-label>
              <input matInput type="datetime-local" [(ngModel)]="publishAt" />
            </mat-form-field>
          }
        </div>
        @if (title.trim().length >= 2) {
          <app-file-upload [accept]="types" (uploaded)="addMaterial($event)" />
        } @else {
          <p class="hint">{{ 'meetings.materials.titleFirst' | translate }}</p>
        }
      </div>
    }
  `,
  styles: `
    .materials { list-style: none; padding: 0; margin: 0; }
    .materials > li { padding: 8px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .versions { list-style: none; padding-left: 32px; margin: 4px 0; }
    .versions li { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .published { color: var(--mat-sys-primary); font-size: 12px; }
    .scheduled, .held { font-size: 12px; opacity: 0.8; }
    code { font-size: 11px; opacity: 0.6; }
    .badge { font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-secondary-container); }
    .add { margin-top: 16px; }
    .fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 12px; }
    .wide { grid-column: 1 / -1; }
    @media (max-width: 700px) { .fields { grid-template-columns: 1fr; } }
    .publication { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 12px; }
    .none, .hint { opacity: 0.7; }
  `,
})
export class MaterialsPanel {
  private readonly api = inject(MeetingsApi);
  private readonly notifier = inject(Notifier);

  readonly meetingId = input.required<string>();
  readonly materials = input.required<MaterialDto[]>();
  readonly agenda = input.required<AgendaItemDto[]>();
  readonly people = input.required<MeetingPersonDto[]>();
  readonly manages = input(false);
  readonly changed = output<void>();

  readonly types = MATERIAL_TYPES;
  readonly versionFor = signal<string | null>(null);
  title = '';
  agendaItemId: string | null = null;
  access: MaterialAccess = 'all_participants';
  readerIds: string[] = [];
  publication: Publication = 'now';
  publishAt = '';

  addMaterial(file: StoredFileDto): void {
    this.api
      .addMaterial(this.meetingId(), {
        title: this.title.trim(),
        agendaItemId: this.agendaItemId,
        access: this.access,
        readerIds: this.access === 'named' ? this.readerIds : [],
        fileId: file.id,
        ...this.publishing(),
      })
      .subscribe({
        next: () => {
          this.title = '';
          this.notifier.success('meetings.materials.added');
          this.changed.emit();
        },
        error: (error) => this.notifier.error(error),
      });
  }

  addVersion(material: MaterialDto, file: StoredFileDto): void {
    this.api.addVersion(this.meetingId(), material.id, { fileId: file.id, ...this.publishing() }).subscribe({
      next: () => {
        this.versionFor.set(null);
        this.changed.emit();
      },
      error: (error) => this.notifier.error(error),
    });
  }

  publish(versionId: string): void {
    this.api.publish(this.meetingId(), versionId, null).subscribe({
      next: () => this.changed.emit(),
      error: (error) => this.notifier.error(error),
    });
  }

  private publishing(): { publishNow?: boolean; publishAt?: string } {
    if (this.publication === 'now') return { publishNow: true };
    if (this.publication === 'later' && this.publishAt) return { publishAt: vietnamLocalToIso(this.publishAt) };
    return {};
  }
}
