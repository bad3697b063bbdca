import { Chip } from '@mui/material';
import { BooleanInput, DataTable, List, TopToolbar, useTranslate } from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import { useEnumLabel } from '../schema-ui/fields';
import { graphql } from '../providers/authProvider';
import { chinaDateTime } from '../letters/deadlines';

const MARK_READ = `mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;

/** 我的通知: what is addressed to me, newest first; opening one marks it read and shows its letter. */
export function NotificationList() {
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  return (
    <List
      filters={[<BooleanInput source="forMe" label="app.notifications.for_me" key="forMe" alwaysOn />, <BooleanInput source="unread" label="app.notifications.unread_only" key="unread" alwaysOn />]}
      filterDefaultValues={{ forMe: true, unread: true }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      title="app.notifications.mine"
      // the server's workbook, like every list (react-admin's exporter pages through the API)
      actions={
        <TopToolbar>
          <ExportButton />
        </TopToolbar>
      }
    >
      <DataTable
        bulkActionButtons={false}
        rowClick={(_id, _resource, record: any) => {
          if (!record.readAt) void graphql(MARK_READ, { id: String(record.id) }).catch(() => undefined);
          return record.letterId ? `/Letter/${record.letterId}/show` : false;
        }}
        empty={<div data-testid="list-empty" style={{ padding: 16, color: '#666' }}>{translate('app.notifications.none_unread')}</div>}
      >
        <DataTable.Col source="createdAt" label="app.notifications.time" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => chinaDateTime(r.createdAt)} />
        <DataTable.Col source="kind" label="app.notifications.kind" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => enumLabel('NotificationKind', r.kind)} />
        <DataTable.Col source="title" label="app.notifications.title" />
        <DataTable.Col source="body" label="app.notifications.body" disableSort />
        <DataTable.Col source="readAt" label="app.notifications.status" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => (r.readAt ? translate('app.notifications.read') : <Chip size="small" color="error" label={translate('app.notifications.unread')} />)} />
      </DataTable>
    </List>
  );
}
