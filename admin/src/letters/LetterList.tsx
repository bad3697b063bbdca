import { Chip, Tab, Tabs, Tooltip, Typography, useMediaQuery } from '@mui/material';
import { CreateButton, DataTable, FilterButton, List, SearchInput, SelectInput, SimpleList, TopToolbar, useListContext, useTranslate } from 'react-admin';
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
  { id: 'mine', label: 'app.letters.tabs.mine', filter: () => ({ actionableByMe: true }), sort: NEWEST },
  { id: 'soon', label: 'app.letters.tabs.soon', filter: () => ({ nextDueOn_gte: todayInChina(), nextDueOn_lte: addDays(todayInChina(), 7) }), sort: DUE_FIRST },
  { id: 'overdue', label: 'app.letters.tabs.overdue', filter: () => ({ overdue: true }), sort: DUE_FIRST },
  { id: 'all', label: 'app.letters.tabs.all', filter: () => ({}), sort: NEWEST },
] as const;
const TAB_KEYS = ['actionableByMe', 'nextDueOn_gte', 'nextDueOn_lte', 'overdue'];
/** The register's own words for the narrowings a dashboard card sets. */
const chipText = (key: string, value: unknown): string | undefined =>
  (({ open: value ? 'app.letters.chips.open' : 'app.letters.chips.closed', isImportant: value ? 'app.letters.chips.important' : 'app.letters.chips.not_important', urgency: value === 'URGENT' ? 'app.letters.chips.urgent' : undefined }) as Record<string, string | undefined>)[key];

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
  const translate = useTranslate();
  const rest = Object.fromEntries(Object.entries(filterValues ?? {}).filter(([k]) => !TAB_KEYS.includes(k)));
  const choose = (id: string) => {
    const tab = LETTER_TABS.find((t) => t.id === id)!;
    setSort({ ...tab.sort });
    setFilters({ ...rest, ...tab.filter() }, displayedFilters);
  };
  return (
    <Tabs value={tabOf(filterValues ?? {})} onChange={(_e, id) => choose(id)} variant="scrollable">
      {LETTER_TABS.map((t) => (
        <Tab key={t.id} value={t.id} label={translate(t.label)} />
      ))}
    </Tabs>
  );
}

/** What an empty tab says: nothing to do is good news; the other tabs are one click away. */
function EmptyTab() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  return (
    <Typography data-testid="list-empty" variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate(`app.letters.empty.${tabOf(filterValues ?? {})}`)}
    </Typography>
  );
}

function DueChip({ record }: { record: any }) {
  if (!record?.nextDueOn) return null;
  const translate = useTranslate();
  const today = todayInChina();
  const days = daysFrom(today, record.nextDueOn);
  return (
    <Tooltip title={translate('app.letters.next_due_on', { day: record.nextDueOn })}>
      <Chip size="small" color={days < 0 ? 'error' : days <= 2 ? 'warning' : 'default'} label={dueInDays(days, translate)} />
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
  const translate = useTranslate();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  return (
    <List
      filters={[
        <SearchInput source="q" key="q" alwaysOn />,
        <SelectInput source="status" key="status" label="app.letters.status_filter" choices={enumChoices(model, 'LetterStatus')} />,
        <SelectInput source="channel" key="channel" label="app.letters.fields.channel" choices={enumChoices(model, 'LetterChannel')} />,
      ]}
      filterDefaultValues={{ actionableByMe: true }}
      queryOptions={LIST_QUERY}
      aside={<LetterFilterSidebar />}
      sort={{ field: 'id', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          {letters.createArgs && <CreateButton label="app.letters.register" />}
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
        <DataTable.Col source="serialNumber" label="app.letters.fields.serialNumber" sx={NOWRAP} />
        <DataTable.Col source="title" label="app.letters.fields.title" sx={{ minWidth: 160 }} />
        <DataTable.Col source="writerName" label="app.letters.fields.writer" disableSort sx={NOWRAP} render={(r: any) => (r.isAnonymous ? translate('app.letters.anonymous') : (r.writerName ?? ''))} />
        <DataTable.Col source="channel" label="app.letters.fields.channel" sx={{ minWidth: 72 }} render={(r: any) => label('LetterChannel', r.channel)} />
        <DataTable.Col source="status" label="app.letters.fields.status" sx={NOWRAP} render={(r: any) => label('LetterStatus', r.status)} />
        <DataTable.Col source="ownerName" label="app.letters.fields.owner" />
        <DataTable.Col source="leadDepartmentName" label="app.letters.fields.leadDepartment" disableSort />
        <DataTable.Col source="nextDueOn" label="app.letters.fields.nextDue" sx={NOWRAP} render={(r: any) => <DueChip record={r} />} />
      </DataTable>
      )}
    </List>
  );
}
