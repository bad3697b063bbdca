/** A complete mobile (11 digits) or landline (area code + number), spaces and dashes ignored. */
const PHONE = /^(1\d{10}|0\d{2,3}\d{7,8})$/;
/** An 18-character resident ID number (the check digit may be X). */
const ID_NUMBER = /^\d{17}[\dXx]$/;

/**
 * The lookup for a repeat writer (PV1) once the clerk has typed a whole phone number or ID number,
 * the ID number first (it names one person; a phone may be a family's); null while incomplete.
 */
export function repeatWriterFilter(phone: string | null | undefined, idNumber: string | null | undefined): { writerPhone?: string; writerIdNumber?: string } | null {
  const id = (idNumber ?? '').trim();
  if (ID_NUMBER.test(id)) return { writerIdNumber: id };
  const p = (phone ?? '').replace(/[\s-]/g, '');
  if (PHONE.test(p)) return { writerPhone: p };
  return null;
}
