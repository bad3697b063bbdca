import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Form, RadioButtonGroupInput, SaveButton, SelectInput, TextInput, required, useNotify, useRefresh } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ApiError, graphql, withoutField } from '../providers/authProvider';
import { ratingConsequence, ratingSource } from './rating';

const RATE = `mutation ($letterId: ID!, $rating: SatisfactionRating!, $source: RatingSource!, $method: RatingMethod, $comment: String) {
  rateLetter(letterId: $letterId, rating: $rating, source: $source, method: $method, comment: $comment) { id reopenedLetter escalatedLetter }
}`;

const RATINGS = [
  { id: 'SATISFIED', name: '满意' },
  { id: 'BASICALLY_SATISFIED', name: '基本满意' },
  { id: 'DISSATISFIED', name: '不满意' },
];
const METHODS = [
  { id: 'PHONE', name: '电话回访' },
  { id: 'VISIT', name: '当面或上门回访' },
  { id: 'FORM', name: '书面测评表' },
];

function Consequence({ letter }: { letter: any }) {
  const rating = useWatch({ name: 'rating' });
  const text = ratingConsequence(rating, letter);
  return text ? (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="rating-consequence">
      {text}
    </Alert>
  ) : null;
}

/** 登记满意度 (SV1): the writer's answer taken by phone, at a visit or from a paper form. */
export function RatingButton({ letter }: { letter: any }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotify();
  const refresh = useRefresh();
  const submit = async (v: Record<string, any>) => {
    setError(null);
    try {
      const res = await graphql<any>(RATE, { letterId: String(letter.id), rating: v.rating, method: v.method, source: ratingSource(v.method), comment: v.comment || null });
      setOpen(false);
      const r = res.rateLetter;
      notify(r.reopenedLetter ? '已登记评价，来信退回重新办理' : r.escalatedLetter ? '已登记评价，来信已上报领导' : '已登记评价', { type: 'success' });
      refresh();
    } catch (e) {
      const err = e as ApiError;
      const message = withoutField(err.message ?? String(e));
      if (err.field && ['rating', 'method', 'comment'].includes(err.field)) return { [err.field]: message };
      setError(message);
    }
    return undefined;
  };
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)}>
        登记满意度
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="rate-letter">
        <Form onSubmit={submit} defaultValues={{ method: 'PHONE' }}>
          <DialogTitle id="rate-letter">登记满意度</DialogTitle>
          <DialogContent>
            {error && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {error}
              </Alert>
            )}
            <RadioButtonGroupInput source="rating" label="评价" choices={RATINGS} validate={required()} translateChoice={false} />
            <Consequence letter={letter} />
            <SelectInput source="method" label="评价方式" choices={METHODS} validate={required()} translateChoice={false} fullWidth />
            <TextInput source="comment" label="意见" helperText="不满意时请记下原因" multiline fullWidth />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <SaveButton label="保存" alwaysEnable icon={<></>} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
