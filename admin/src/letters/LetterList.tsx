import { Chip, Tab, Tabs, Tooltip, Typography, useMediaQuery } from '@mui/material';
import { CreateButton, DataTable, FilterButton, List, SearchInput, SelectInput, SimpleList, TopToolbar, useListContext } from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import type { ResourceModel, SchemaModel } from '../providers/schema';
import { enumChoices, useEnumLabel } from '../schema-ui/fields';
import { LinkedFilterChips } from '../schema-ui/views';
import { addDays, daysFrom, dueInDays, todayInChina } from './deadlines';
import { LetterFilterSidebar } from './LetterFilterSidebar';

const NEWEST = { field: 'id', order: 'DESC' } as const;
/** the longest overdue, or the next due, first */
const DUE_FIRST = { field: 'nextDueOn', order: 'ASC' } as const;

/** The jobs a clerk opens the register for: my work, due soon, overdue, everything. */
export const LETTER_TABS = [
  { id: 'mine', label: '待我办理', filter: () => ({ actionableByMe: true }), sort: NEWEST },
  { id: 'soon', label: '即将到期', filter: () => ({ nextDueOn_gte: todayInChina(), nextDueOn_lte: addDays(todayInChina(), 7) }), sort: DUE_FIRST },
  { id: 'overdue', label: '已超期', filter: () => ({ overdue: true }), sort: DUE_FIRST },
  { id: 'all', label: '全部', filter: () => ({}), sort: NEWEST },
] as const;
const TAB_KEYS = ['actionableByMe', 'nextDueOn_gte', 'nextDueOn_lte', 'overdue'];
/** The register's own words for the narrowings a dashboard card sets. */
const chipText = (key: string, value: unknown): string | undefined =>
  (({ open: value ? '办理中' : '已办结', isImportant: value ? '重要' : '非重要', urgency: value === 'URGENT' ? '紧急' : undefined }) as Record<string, string | undefined>)[key];

/** Filters the page shows itself: the tabs, the search and the 筛选 inputs. */
const SHOWN_FILTERS = new Set([...TAB_KEYS, 'q', 'status', 'channel']);

function tabOf(filter: Record<string, unknown>): string {
  if (filter.actionableByMe) return 'mine';
  if (filter.overdue) return 'overdue';
  if (filter.nextDueOn_gte) return 'soon';
  return 'all';
}

function JobTabs() {
  const { filterValues, setFilters, displayedFilters, setSort } = useListContext();
  const rest = Object.fromEntries(Object.entries(filterValues ?? {}).filter(([k]) => !TAB_KEYS.includes(k)));
  const choose = (id: string) => {
    const tab = LETTER_TABS.find((t) => t.id === id)!;
    setSort({ ...tab.sort });
    setFilters({ ...rest, ...tab.filter() }, displayedFilters);
  };
  return (
    <Tabs value={tabOf(filterValues ?? {})} onChange={(_e, id) => choose(id)} variant="scrollable">
      {LETTER_TABS.map((t) => (
        <Tab key={t.id} value={t.id} label={t.label} />
      ))}
    </Tabs>
  );
}

const EMPTY: Record<string, string> = {
  mine: '没有待我办理的来信。',
  soon: '七日内没有到期的来信。',
  overdue: '没有超期的来信。',
  all: '没有符合条件的来信。',
};

/** What an empty tab says: nothing to do is good news; the other tabs are one click away. */
function EmptyTab() {
  const { filterValues } = useListContext();
  return (
    <Typography data-testid="list-empty" variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {EMPTY[tabOf(filterValues ?? {})]}
    </Typography>
  );
}

function DueChip({ record }: { record: any }) {
  if (!record?.nextDueOn) return null;
  const today = todayInChina();
  const days = daysFrom(today, record.nextDueOn);
  return (
    <Tooltip title={`下一时限 ${record.nextDueOn}`}>
      <Chip size="small" color={days < 0 ? 'error' : days <= 2 ? 'warning' : 'default'} label={dueInDays(days)} />
    </Tooltip>
  );
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The fields the register shows (ra-data-graphql-simple's sparse fields), not all ~96 of a letter. */
export const LETTER_LIST_FIELDS = ['id', 'serialNumber', 'title', 'writerName', 'isAnonymous', 'channel', 'status', 'ownerName', 'leadDepartmentName', 'nextDueOn'];
const LIST_QUERY = { meta: { sparseFields: LETTER_LIST_FIELDS } };

/** The register as a clerk reads it, per job; a row opens the letter's page. */
export function LetterList({ model, letters }: { model: SchemaModel; letters: ResourceModel }) {
  const label = useEnumLabel();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  return (
    <List
      filters={[
        <SearchInput source="q" key="q" alwaysOn />,
        <SelectInput source="status" key="status" label="办理状态" choices={enumChoices(model, 'LetterStatus')} />,
        <SelectInput source="channel" key="channel" label="渠道" choices={enumChoices(model, 'LetterChannel')} />,
      ]}
      filterDefaultValues={{ actionableByMe: true }}
      queryOptions={LIST_QUERY}
      aside={<LetterFilterSidebar />}
      sort={{ field: 'id', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          {letters.createArgs && <CreateButton label="登记来信" />}
          <ExportButton />
        </TopToolbar>
      }
    >
      <JobTabs />
      {/* a dashboard card's narrowing (紧急, 办理中, 今日登记 …) stays visible and removable */}
      <LinkedFilterChips resource={letters} inputs={SHOWN_FILTERS} text={chipText} />
      {phone ? (
        <SimpleList
          empty={<EmptyTab />}
          linkType="show"
          primaryText={(r: any) => r.title}
          secondaryText={(r: any) => `${r.serialNumber} · ${label('LetterStatus', r.status)}${r.leadDepartmentName ? ` · ${r.leadDepartmentName}` : ''}`}
          tertiaryText={(r: any) => <DueChip record={r} />}
        />
      ) : (
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyTab />} sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& .MuiTableCell-root': { px: 1 } }}>
        <DataTable.Col source="serialNumber" label="编号" sx={NOWRAP} />
        <DataTable.Col source="title" label="标题" sx={{ minWidth: 160 }} />
        <DataTable.Col source="writerName" label="来信人" disableSort sx={NOWRAP} render={(r: any) => (r.isAnonymous ? '匿名' : (r.writerName ?? ''))} />
        <DataTable.Col source="channel" label="渠道" sx={{ minWidth: 72 }} render={(r: any) => label('LetterChannel', r.channel)} />
        <DataTable.Col source="status" label="状态" sx={NOWRAP} render={(r: any) => label('LetterStatus', r.status)} />
        <DataTable.Col source="ownerName" label="首问责任人" />
        <DataTable.Col source="leadDepartmentName" label="主办单位" disableSort />
        <DataTable.Col source="nextDueOn" label="下一时限" sx={NOWRAP} render={(r: any) => <DueChip record={r} />} />
      </DataTable>
      )}
    </List>
  );
}
