import type { clientsContract } from '../../../shared/contract/clients';
import type { Handlers } from '../core/handlers';
import { runImport } from '../imports/run-import';
import { scopedOwnerId } from './client-scope';
import { queryClientPage } from './client-list.query';
import { exportClients } from './clients.export';
import { clientsImporter } from './clients.import';
import { archiveClient, checkDuplicates, createClient, getClient, updateClient } from './clients.service';
import { clientFunnel, clientRegions, clientReminders } from './insights.service';
import { ownerHistory, reassignClients } from './reassign.service';

export const clientsHandlers: Handlers<typeof clientsContract> = {
  'clients.list': (ctx, input) => queryClientPage(ctx.sqlite, input, scopedOwnerId(ctx.actor)),
  'clients.regions': (ctx) => clientRegions(ctx),
  'clients.get': (ctx, input) => getClient(ctx, input.id),
  'clients.create': (ctx, input) => createClient(ctx, input),
  'clients.update': (ctx, input) => updateClient(ctx, input),
  'clients.archive': (ctx, input) => archiveClient(ctx, input.id, input.archived),
  'clients.checkDuplicates': (ctx, input) => checkDuplicates(ctx, input),
  'clients.reassign': (ctx, input) => reassignClients(ctx, input),
  'clients.ownerHistory': (ctx, input) => ownerHistory(ctx, input.clientId),
  'clients.funnel': (ctx, input) => clientFunnel(ctx, input),
  'clients.reminders': (ctx, input) => clientReminders(ctx, input),
  'clients.import': (ctx, input) => runImport(ctx, clientsImporter, input),
  'clients.export': (ctx, input) => exportClients(ctx, input.filters, input.format),
};
