import type { TranslationMessages } from 'react-admin';
import type { SchemaModel } from '../providers/schema';
import { englishMessagesFor } from './en';
import { chineseMessagesFor } from './i18nProvider';

/** Both languages' complete message trees, for the key-parity tests (the console loads English lazily). */
export function buildMessages(model: SchemaModel): Record<'zh-CN' | 'en', TranslationMessages> {
  return { 'zh-CN': chineseMessagesFor(model), en: englishMessagesFor(model) };
}
