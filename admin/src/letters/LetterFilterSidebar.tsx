import { Card, CardContent } from '@mui/material';
import { FilterList, FilterListItem } from 'react-admin';
import { useEnumLabel } from '../schema-ui/fields';
import { SIDEBAR_STATUSES } from './register';

/** The register's side panel (as on react-admin's demo): one click narrows the tab to a state or a flag (the channel is in the 筛选 menu). */
export function LetterFilterSidebar() {
  const label = useEnumLabel();
  return (
    <Card sx={{ order: -1, mr: 1.5, mt: 8, '& .MuiListItemText-primary': { whiteSpace: 'nowrap' }, width: 150, flexShrink: 0, display: { xs: 'none', lg: 'block' } }} variant="outlined">
      <CardContent>
        <FilterList label="app.letters.status_filter" icon={null}>
          {SIDEBAR_STATUSES.map((s) => (
            <FilterListItem key={s} label={label('LetterStatus', s)} value={{ status: s }} />
          ))}
        </FilterList>
        <FilterList label="app.letters.flags" icon={null}>
          <FilterListItem label="app.letters.chips.urgent" value={{ urgency: 'URGENT' }} />
          <FilterListItem label="app.letters.chips.important" value={{ isImportant: true }} />
        </FilterList>
      </CardContent>
    </Card>
  );
}
