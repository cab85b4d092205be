import { Confidentiality, DocumentRegisterDto } from '@app/contracts';

/**
 * The outgoing registers a document may be numbered in (Decree 30 Art. 15): a confidential one
 * only in a confidential register and an ordinary one only in an ordinary register, active ones,
 * in the order the agency set.
 */
export function registersFor(registers: readonly DocumentRegisterDto[], confidentiality: Confidentiality): DocumentRegisterDto[] {
  const confidential = confidentiality !== 'normal';
  return registers
    .filter((register) => register.direction === 'outgoing' && register.active && register.confidential === confidential)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}
