import { assertReach, auditReveal } from '../../access/access.guard.js';
import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import type { CrudService } from '../../common/crud.js';
import { decrypt } from '../../common/crypto.js';
import { badInput } from '../../common/errors.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { LetterEvent } from '../letter-event/letter-event.entity.js';
import { Letter } from './letter.entity.js';
import { LetterStatus } from './letter.enums.js';
import { validateLetter } from './letter.policy.js';
import { chooseLetterDeadlines, storeLetterDeadlines } from './letter.deadlines.service.js';

/** `JX-2026-000123` (PV1). */
export function formatSerialNumber(code: string, year: number, seq: number): string {
  return `${code}-${year}-${String(seq).padStart(6, '0')}`;
}

// no 0/O, 1/I/L: read over the phone without confusion
const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 12 random characters (~59 bits): unguessable, so the online station can show a letter by it. */
export function newTrackingCode(): string {
  let out = '';
  for (let i = 0; i < 12; i++) out += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return out;
}

/**
 * The next serial of an organization's year, inside the caller's transaction (PV1). The upsert locks
 * the counter row until commit, so concurrent registrations queue and a rollback returns the number.
 */
export async function nextSerial(em: EntityManager, organizationId: number, year: number): Promise<number> {
  const rows: Array<{ last: number }> = await em.execute(
    `insert into letter_serial_counter (organization_id, year, last) values (?, ?, 1)
     on conflict (organization_id, year) do update set last = letter_serial_counter.last + 1
     returning last`,
    [organizationId, year],
  );
  return Number(rows[0].last);
}

/**
 * registerLetter (and createLetter, the same registration): a gap-free serial number, status
 * REGISTERED, the first taker as owner (PV4) and the first LetterEvent, all in one transaction.
 */
export async function registerLetter(ctx: Context, args: Record<string, any>, crud: CrudService<Letter>): Promise<Letter> {
  crud.where(ctx, null, 'write'); // FORBIDDEN for a role that cannot write letters at all
  return ctx.em.transactional(async (em) => {
    const letter = new Letter();
    // PR3: links (organization, constituent, member, mailbox, reception) only to records in reach
    await crud.applyArgs(em, letter, args, true, ctx);
    await validateLetter({ em, ctx, entity: letter, args, isNew: true });

    const organization = await em.findOneOrFail(Organization, letter.organization.id);
    letter.year = Number(letter.receivedOn.slice(0, 4));
    letter.seq = await nextSerial(em, organization.id, letter.year);
    letter.serialNumber = formatSerialNumber(organization.code, letter.year, letter.seq);
    letter.status = LetterStatus.REGISTERED;
    letter.ownerName = ctx.actor.displayName; // PV4
    letter.trackingCode = newTrackingCode();
    await chooseLetterDeadlines(em, ctx, letter); // DL4: the organization's time limits, chosen now
    em.persist(letter);

    em.persist(
      LetterEvent.of(letter, {
        action: 'register',
        fromStatus: null,
        toStatus: LetterStatus.REGISTERED,
        actorName: ctx.actor.displayName,
        note: `登记，编号 ${letter.serialNumber}`,
      }),
    );
    await storeLetterDeadlines(em, [letter]); // issue 9: the letter's stored deadlines
    await em.flush();
    await crud.assertStillInScope(ctx, em, letter); // a letter registered outside the caller's reach
    return letter;
  });
}

export interface LetterWriterPersonalDataValue {
  writerName: string | null;
  writerPhone: string | null;
  writerIdNumber: string | null;
  writerAddress: string | null;
}

/** The writer's full identity for one letter (PR1). */
export async function revealLetterWriter(
  ctx: Context,
  id: number,
  reason: string,
): Promise<LetterWriterPersonalDataValue> {
  const why = reason.trim();
  if (why.length < 2 || why.length > 200) throw badInput('reason', '查看原因须为 2 至 200 个字');
  // PR1: only within the caller's reach (the role is checked by the access gate), and audited
  const letter = await assertReach<Letter>(ctx, 'Letter', id, 'read');
  await auditReveal(ctx, 'revealLetterWriter', 'Letter', letter.id, why);
  const open = (v?: string | null) => (v ? decrypt(v) : null);
  return {
    writerName: letter.writerName ?? null,
    writerPhone: open(letter.writerPhoneEncrypted),
    writerIdNumber: open(letter.writerIdNumberEncrypted),
    writerAddress: open(letter.writerAddressEncrypted),
  };
}
