import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Chinese mobile (11 digits starting with 1[3-9]) or landline (0xx(x)-xxxxxxx(x), optional extension). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function isChinesePhone(value: unknown): boolean {
  return typeof value === 'string' && (MOBILE_RE.test(value) || LANDLINE_RE.test(value));
}

/** GB 11643-1999: 17 digits + checksum (0-9 or X), valid birth date. */
export function isChineseIdNumber(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{17}[\dXx]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  if (checks[sum % 11] !== value[17].toUpperCase()) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function IsChinesePhone(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isChinesePhone',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: '电话号码格式不正确（手机 11 位，固话如 0573-82345678）', ...options },
      validator: { validate: (v: unknown) => v == null || isChinesePhone(v) },
    });
}

export function IsChineseIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isChineseIdNumber',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: '身份证号码不正确（18 位，末位校验码不符或出生日期无效）', ...options },
      validator: { validate: (v: unknown) => v == null || isChineseIdNumber(v) },
    });
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
