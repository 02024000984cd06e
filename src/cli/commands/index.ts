import type { Command } from '../command.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { tenantAddCommand } from './tenant-add.ts';
import { userAddCommand } from './user-add.ts';
import { clientAddCommand } from './client-add.ts';
import { verifyLogCommand } from './verify-log.ts';
import { outboxFailedCommand } from './outbox-failed.ts';
import { outboxRetryCommand } from './outbox-retry.ts';
import { notificatiesMisluktCommand } from './notificaties-mislukt.ts';
import { notificatiesOpnieuwCommand } from './notificaties-opnieuw.ts';
import { catalogusExportCommand } from './catalogus-export.ts';
import { catalogusImportCommand } from './catalogus-import.ts';
import { benchSeedZakenCommand } from './bench-seed-zaken.ts';
import { kennisbankExportCommand } from './kennisbank-export.ts';
import { kennisbankImportCommand } from './kennisbank-import.ts';
import { begrotingImportCommand } from './begroting-import.ts';
import { begrotingSaldoCommand } from './begroting-saldo.ts';
import { begrotingExportCommand } from './begroting-export.ts';
import { begrotingKengetallenImportCommand } from './begroting-kengetallen-import.ts';
import { inzichtVerversenCommand } from './inzicht-verversen.ts';

/** Every `loket` command, in the order the overview lists them. */
export const commands: readonly Command[] = [
  migrateCommand,
  seedCommand,
  tenantAddCommand,
  userAddCommand,
  clientAddCommand,
  verifyLogCommand,
  outboxFailedCommand,
  outboxRetryCommand,
  notificatiesMisluktCommand,
  notificatiesOpnieuwCommand,
  catalogusExportCommand,
  catalogusImportCommand,
  kennisbankExportCommand,
  kennisbankImportCommand,
  begrotingImportCommand,
  begrotingSaldoCommand,
  begrotingExportCommand,
  begrotingKengetallenImportCommand,
  inzichtVerversenCommand,
  benchSeedZakenCommand,
];
