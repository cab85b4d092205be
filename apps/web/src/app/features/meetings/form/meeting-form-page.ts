import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MeetingDto, ParticipantInput, ParticipantRole } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { PageHeader } from '../../../shared/page-header/page-header';
import { MeetingsApi } from '../meetings-api';
import { activePeople } from '../people';
import { isoToVietnamLocal, vietnamLocalToIso } from '../meeting-time';


/**
 * Schedules a meeting or changes one: title, time (Vietnam time), a room of the agency or another
 * place, an online link, confidentiality, and the participants — the chair, secretaries, members
 * (people and whole units) and guests by name, one per line. A room already booked is refused by
 * the server with the meeting holding it, shown here as it says.
 */
@Component({
  selector: 'app-meeting-form-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatCheckboxModule, MatIconModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="(existing() ? 'meetings.form.editTitle' : 'meetings.form.title') | translate" />
    <form [formGroup]="form" (ngSubmit)="save()" class="form" data-testid="meeting-form">
      <mat-card appearance="outlined">
        <mat-card-content class="grid">
          <mat-form-field class="wide">
            <mat-label>{{ 'meetings.form.meetingTitle' | translate }}</mat-label>
            <input matInput formControlName="title" required data-testid="meeting-title" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.form.startsAt' | translate }}</mat-label>
            <input matInput type="datetime-local" formControlName="startsAt" required data-testid="meeting-starts" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.form.endsAt' | translate }}</mat-label>
            <input matInput type="datetime-local" formControlName="endsAt" required data-testid="meeting-ends" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.form.room' | translate }}</mat-label>
            <mat-select formControlName="roomId" data-testid="meeting-room">
              <mat-option [value]="null">{{ 'meetings.form.noRoom' | translate }}</mat-option>
              @for (room of rooms(); track room.id) {
                <mat-option [value]="room.id" [disabled]="!room.active">{{ room.name }}{{ room.capacity ? ' (' + room.capacity + ')' : '' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.form.place' | translate }}</mat-label>
            <input matInput formControlName="place" />
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'meetings.form.onlineLink' | translate }}</mat-label>
            <input matInput type="url" formControlName="onlineLink" placeholder="https://" />
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'meetings.form.description' | translate }}</mat-label>
            <textarea matInput rows="3" formControlName="description"></textarea>
          </mat-form-field>
          <mat-checkbox formControlName="confidential" class="wide">{{ 'meetings.form.confidential' | translate }}</mat-checkbox>
        </mat-card-content>
      </mat-card>

      <mat-card appearance="outlined">
        <mat-card-header><mat-card-title>{{ 'meetings.participants' | translate }}</mat-card-title></mat-card-header>
        <mat-card-content class="grid">
          <mat-form-field>
            <mat-label>{{ 'meetings.role.chair' | translate }}</mat-label>
            <mat-select formControlName="chairId" required data-testid="meeting-chair">
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.fullName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.role.secretary' | translate }}</mat-label>
            <mat-select formControlName="secretaryIds" multiple>
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.fullName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.form.members' | translate }}</mat-label>
            <mat-select formControlName="memberIds" multiple data-testid="meeting-members">
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.fullName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.form.units' | translate }}</mat-label>
            <mat-select formControlName="unitIds" multiple>
              @for (unit of units(); track unit.id) {
                <mat-option [value]="unit.id">{{ unit.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'meetings.form.guests' | translate }}</mat-label>
            <textarea matInput rows="3" formControlName="guests" [placeholder]="'meetings.form.guestsHint' | translate"></textarea>
          </mat-form-field>
        </mat-card-content>
      </mat-card>

      @if (error(); as message) {
        <p class="error" role="alert" data-testid="meeting-form-error">{{ message }}</p>
      }
      <div class="actions">
        <a mat-button [routerLink]="existing() ? ['/meetings', existing()!.id] : ['/meetings']">{{ 'common.cancel' | translate }}</a>
        <button mat-flat-button type="submit" [disabled]="form.invalid || busy()" data-testid="meeting-save">{{ 'common.save' | translate }}</button>
      </div>
    </form>
  `,
  styles: `
    .form { display: flex; flex-direction: column; gap: 16px; max-width: 960px; }
    .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 16px; padding-top: 8px; }
    .wide { grid-column: 1 / -1; }
    @media (max-width: 700px) { .grid { grid-template-columns: 1fr; } }
    .actions { display: flex; justify-content: flex-end; gap: 8px; }
    .error { color: var(--mat-sys-error); }
  `,
})
export class MeetingFormPage {
  private readonly api = inject(MeetingsApi);
  private readonly client = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(FormBuilder).nonNullable;

  readonly existing = signal<MeetingDto | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly rooms = toSignal(this.api.rooms().pipe(catchError(() => of([]))), { initialValue: [] });
  readonly people = toSignal(activePeople(this.client).pipe(catchError(() => of([]))), { initialValue: [] });
  readonly units = toSignal(this.client.units().pipe(catchError(() => of([]))), { initialValue: [] });

  readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(500)]],
    startsAt: ['', Validators.required],
    endsAt: ['', Validators.required],
    roomId: this.fb.control<string | null>(null),
    place: [''],
    onlineLink: [''],
    description: [''],
    confidential: [false],
    chairId: ['', Validators.required],
    secretaryIds: this.fb.control<string[]>([]),
    memberIds: this.fb.control<string[]>([]),
    unitIds: this.fb.control<string[]>([]),
    guests: [''],
  });

  constructor() {
    const id = inject(ActivatedRoute).snapshot.paramMap.get('meetingId');
    if (id)
      this.api.get(id).subscribe({
        next: (meeting) => this.fill(meeting),
        error: (error) => this.notifier.error(error),
      });
  }

  save(): void {
    const value = this.form.getRawValue();
    const participants: ParticipantInput[] = [
      { kind: 'user', role: 'chair', userId: value.chairId },
      ...people(value.secretaryIds, 'secretary', value.chairId),
      ...people(value.memberIds, 'member', value.chairId, value.secretaryIds),
      ...value.unitIds.map((unitId): ParticipantInput => ({ kind: 'unit', role: 'member', unitId })),
      ...value.guests
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((guestName): ParticipantInput => ({ kind: 'guest', role: 'guest', guestName })),
    ];
    const request = {
      title: value.title,
      description: value.description || null,
      startsAt: vietnamLocalToIso(value.startsAt),
      endsAt: vietnamLocalToIso(value.endsAt),
      roomId: value.roomId,
      place: value.place || null,
      onlineLink: value.onlineLink || null,
      confidential: value.confidential,
      participants,
    };
    this.busy.set(true);
    this.error.set(null);
    const existing = this.existing();
    const call = existing ? this.api.update(existing.id, { ...request, version: existing.version }) : this.api.create(request);
    call.subscribe({
      next: (meeting) => {
        this.busy.set(false);
        this.notifier.success('meetings.form.saved');
        void this.router.navigate(['/meetings', meeting.id]);
      },
      error: (error) => {
        this.busy.set(false);
        this.error.set(this.notifier.errorText(error));
      },
    });
  }

  private fill(meeting: MeetingDto): void {
    this.existing.set(meeting);
    const users = (role: ParticipantRole) => meeting.participants.filter((participant) => participant.kind === 'user' && participant.role === role).map((participant) => participant.user!.id);
    this.form.setValue({
      title: meeting.title,
      startsAt: isoToVietnamLocal(meeting.startsAt),
      endsAt: isoToVietnamLocal(meeting.endsAt),
      roomId: meeting.room?.id ?? null,
      place: meeting.place ?? '',
      onlineLink: meeting.onlineLink ?? '',
      description: meeting.description ?? '',
      confidential: meeting.confidential,
      chairId: users('chair')[0] ?? '',
      secretaryIds: users('secretary'),
      memberIds: users('member'),
      unitIds: meeting.participants.filter((participant) => participant.kind === 'unit').map((participant) => participant.unit!.id),
      guests: meeting.participants
        .filter((participant) => participant.kind === 'guest')
        .map((participant) => participant.guestName)
        .join('\n'),
    });
  }
}

/** People chosen for a role, leaving out those already listed in a stronger one. */
function people(ids: readonly string[], role: ParticipantRole, ...taken: (string | readonly string[])[]): ParticipantInput[] {
  const already = new Set(taken.flat());
  return ids.filter((id) => !already.has(id)).map((userId) => ({ kind: 'user', role, userId }));
}
