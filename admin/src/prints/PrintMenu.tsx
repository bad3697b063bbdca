import { useState } from 'react';
import { Link } from 'react-router';
import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { noticesFor, type PrintLetter } from './notices';

/** The letter page's 打印 menu: only the documents that apply to the letter's state, each on its A4 page. */
export function PrintMenu({ letter }: { letter?: PrintLetter }) {
  const fromContext = useRecordContext<PrintLetter>();
  const r = letter ?? fromContext;
  const { permissions } = usePermissions<string[]>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const translate = useTranslate();
  if (!r) return null;
  const kinds = noticesFor(r, Array.isArray(permissions) ? permissions : []);
  if (!kinds.length) return null;
  return (
    <div>
      <Button size="small" variant="outlined" startIcon={<PrintIcon />} aria-haspopup="menu" aria-expanded={Boolean(anchor)} onClick={(e) => setAnchor(e.currentTarget)}>
        {translate('app.prints.menu')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {kinds.map((kind) => (
          <MenuItem key={kind} component={Link} to={`/Letter/${encodeURIComponent(String(r.id))}/print/${kind}`} onClick={() => setAnchor(null)}>
            <ListItemText>{translate(`app.prints.kinds.${kind}`)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </div>
  );
}
