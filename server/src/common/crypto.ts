import crypto from 'node:crypto';

/**
 * Personal data at rest (PR1): AES-256-GCM with a key derived from DATA_KEY, and an HMAC-SHA256
 * keyed hash beside it so exact look-ups (a repeat writer's ID number) need no decryption.
 */
let encKey: Buffer | undefined;
let macKey: Buffer | undefined;

export function setDataKey(secret: string): void {
  encKey = Buffer.from(crypto.hkdfSync('sha256', secret, 'lianluo', 'personal-data-encryption', 32));
  macKey = Buffer.from(crypto.hkdfSync('sha256', secret, 'lianluo', 'personal-data-lookup', 32));
}

function keys() {
  if (!encKey || !macKey) setDataKey(process.env.DATA_KEY ?? 'lianluo-development-key-not-for-production');
  return { encKey: encKey!, macKey: macKey! };
}

export function encrypt(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys().encKey, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

export function decrypt(stored: string): string {
  const raw = Buffer.from(stored.slice(3), 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys().encKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export function keyedHash(value: string): string {
  return crypto.createHmac('sha256', keys().macKey).update(value.trim().toUpperCase()).digest('hex');
}
