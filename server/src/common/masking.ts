/** Masked forms shown in lists and records (PR1): 138****1234, 330402********1234. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const p = phone.replace(/\s+/g, '');
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  // landline 0573-82345678: keep area code and last 2 digits
  const m = /^(0\d{2,3})-?(\d{7,8})$/.exec(p);
  if (m) return `${m[1]}-${'*'.repeat(m[2].length - 2)}${m[2].slice(-2)}`;
  return `${p.slice(0, 2)}****${p.slice(-2)}`;
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return `${id.slice(0, 6)}********${id.slice(-4)}`;
}

export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const keep = Math.min(6, Math.max(2, Math.floor(address.length / 2)));
  return `${address.slice(0, keep)}****`;
}

export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  return `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}`;
}
