import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** One entry of a record's summary, its label (a translation key, or the words) above; nothing when empty. */
export function Fact({ label, value }: { label: string; value: unknown }) {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return null;
  return (
    <Box sx={{ minWidth: 160 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label, { _: label })}
      </Typography>
      <Typography variant="body2" data-record-text>
        {String(value)}
      </Typography>
    </Box>
  );
}
