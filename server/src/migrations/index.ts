import { Migration20261203151000 } from './Migration20261203151000.js';
import { Migration20261203153240 } from './Migration20261203153240.js';
import { Migration20261202130739 } from './Migration20261202130739.js';
import { Migration20261202063642 } from './Migration20261202063642.js';
import { Migration20261202063831 } from './Migration20261202063831.js';
import { Migration20261123172414 } from './Migration20261123172414.js';
import { Migration20261123170736 } from './Migration20261123170736.js';
import { Migration20261123141453 } from './Migration20261123141453.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every committed migration, in order (generated files are reviewed, then listed here). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123141453', class: Migration20261123141453 },
  { name: 'Migration20261123170736', class: Migration20261123170736 },
  { name: 'Migration20261123172414', class: Migration20261123172414 },
  { name: 'Migration20261202063642', class: Migration20261202063642 },
  { name: 'Migration20261202063831', class: Migration20261202063831 },
  { name: 'Migration20261202130739', class: Migration20261202130739 },
  { name: 'Migration20261203151000', class: Migration20261203151000 },
  { name: 'Migration20261203153240', class: Migration20261203153240 },
];
