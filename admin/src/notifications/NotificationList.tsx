import { Chip } from '@mui/material';
import { BooleanInput, DataTable, List, TopToolbar } from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import { useEnumLabel } from '../schema-ui/fields';
import { graphql } from '../providers/authProvider';
import { chinaDateTime } from '../letters/deadlines';

const MARK_READ = `mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;

/** 我的通知: what is addressed to me, newest first; opening one marks it read and shows its letter. */
export function NotificationList() {
  const enumLabel = useEnumLabel();
  return (
    <List
      filters={[<BooleanInput source="forMe" label="只看发给我的" key="forMe" alwaysOn />, <BooleanInput source="unread" label="只看未读" key="unread" alwaysOn />]}
      filterDefaultValues={{ forMe: true, unread: true }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      title="我的通知"
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
        empty={<div style={{ padding: 16, color: '#666' }}>没有未读通知。</div>}
      >
        <DataTable.Col source="createdAt" label="时间" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => chinaDateTime(r.createdAt)} />
        <DataTable.Col source="kind" label="类别" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => enumLabel('NotificationKind', r.kind)} />
        <DataTable.Col source="title" label="标题" />
        <DataTable.Col source="body" label="内容" disableSort />
        <DataTable.Col source="readAt" label="状态" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => (r.readAt ? '已读' : <Chip size="small" color="error" label="未读" />)} />
      </DataTable>
    </List>
  );
}
