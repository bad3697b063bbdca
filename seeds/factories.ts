import { fakerZH_CN, type Faker } from '@faker-js/faker';
import { writePersonal } from '../server/src/common/fields.js';

/**
 * Data factories shared by the demo seeder and the tests: Chinese names from faker's zh_CN locale with
 * a fixed seed, valid mobile numbers and 18-digit ID numbers with their checksum.
 */
export function seededFaker(seed = 2026): Faker {
  fakerZH_CN.seed(seed);
  return fakerZH_CN;
}

export function personName(f: Faker): string {
  return `${f.person.lastName()}${f.person.firstName()}`.replace(/\s+/g, '');
}

const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '177', '180', '186', '187', '188', '189', '199'];

export function mobile(f: Faker): string {
  return `${f.helpers.arrayElement(MOBILE_PREFIXES)}${f.string.numeric(8)}`;
}

/** GB 11643 ID number: region code, birth date, sequence (odd = male) and checksum. */
export function idNumberFor(f: Faker, region: string, birth: string, male: boolean): string {
  const seq = f.number.int({ min: 0, max: 49 }) * 2 + (male ? 1 : 0);
  const body = `${region}${birth.replace(/-/g, '')}${f.string.numeric(1)}${String(seq).padStart(2, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

export function birthDate(f: Faker, minAge = 20, maxAge = 80): string {
  return f.date.birthdate({ mode: 'age', min: minAge, max: maxAge, refDate: '2026-06-30T00:00:00Z' }).toISOString().slice(0, 10);
}

/** A date between two ISO dates, as 'YYYY-MM-DD'. */
export function dateBetween(f: Faker, from: string, to: string): string {
  return f.date.between({ from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` }).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Personal fields of a constituent or a letter writer, encrypted and masked as the API would store them. */
export function personalFields(f: Faker, region: string, opts: { prefix?: string; address: string; male: boolean }) {
  const target: Record<string, unknown> = {};
  const p = opts.prefix ?? '';
  const prop = (n: string) => (p ? `${p}${n[0].toUpperCase()}${n.slice(1)}` : n);
  // a letter writer's phone is hashed too: repeat writers are looked up by it
  writePersonal(target, prop('phone'), 'phone', mobile(f), p === 'writer');
  writePersonal(target, prop('idNumber'), 'idNumber', idNumberFor(f, region, birthDate(f), opts.male));
  writePersonal(target, prop('address'), 'address', opts.address);
  return target;
}
