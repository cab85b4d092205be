import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row whose number goes up in the same transaction as every change to the exceptions. Each
 * replica keeps the calendar in memory and re-reads only this number before using it, so a day
 * off recorded on one replica counts on all of them at once: a deadline, once stored, is not
 * recomputed, so "within a minute" would not be good enough.
 */
@Entity()
@Check(`"id" = 1`)
export class CalendarRevision {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'integer' })
  revision: number;
}
