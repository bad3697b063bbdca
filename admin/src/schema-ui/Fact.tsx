import { Box, Typography } from '@mui/material';

/** One entry of a record's summary, its label above; nothing when empty. */
export function Fact({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <Box sx={{ minWidth: 160 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2">{String(value)}</Typography>
    </Box>
  );
}
