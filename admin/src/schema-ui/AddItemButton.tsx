import { Button } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useSimpleFormIterator, useTranslate } from 'react-admin';

/** The add button of a SimpleFormIterator, saying what it adds (添加一封来信, 添加一个问题). */
export function AddItemButton({ label }: { label: string }) {
  const { add } = useSimpleFormIterator();
  const translate = useTranslate();
  return (
    <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => add()} sx={{ my: 1 }}>
      {translate(label, { _: label })}
    </Button>
  );
}
