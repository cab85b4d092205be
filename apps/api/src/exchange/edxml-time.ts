const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** `2026-11-30T14:05:00+07:00`: an instant as the edXML library takes it (Vietnam time on the wire). */
export function vietnamInstant(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19) + '+07:00';
}
