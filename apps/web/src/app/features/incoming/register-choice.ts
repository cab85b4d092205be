import { Confidentiality, DocumentRegisterDto } from '@app/contracts';

/**
 * Mật, Tối mật and Tuyệt mật documents go into a confidential register with its own numbering
 * (Decree 30, Appendix I §III.2; state-secret rules); ordinary documents never do.
 */
export function needsConfidentialRegister(confidentiality: Confidentiality): boolean {
  return confidentiality !== 'normal';
}

/** The registers a document of this confidentiality may go into: active, incoming, matching, in the admin's order. */
export function registersFor(registers: readonly DocumentRegisterDto[], confidentiality: Confidentiality): DocumentRegisterDto[] {
  const confidential = needsConfidentialRegister(confidentiality);
  return registers
    .filter((register) => register.direction === 'incoming' && register.active && register.confidential === confidential)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi'));
}

/**
 * The register to select after the confidentiality changed (or the registers arrived): the one
 * already chosen while it still fits — the clerk may have picked a second ordinary register on
 * purpose — otherwise the first that fits, otherwise none (no such register is configured).
 */
export function pickRegister(registers: readonly DocumentRegisterDto[], confidentiality: Confidentiality, currentId: string | null): string | null {
  const fitting = registersFor(registers, confidentiality);
  if (currentId && fitting.some((register) => register.id === currentId)) return currentId;
  return fitting[0]?.id ?? null;
}
