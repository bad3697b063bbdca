import { Alert } from '@mui/material';
import { RadioButtonGroupInput, SelectInput, TextInput, required, useNotify, useRefresh } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { graphql } from '../providers/authProvider';
import { ratingConsequence, ratingSource } from './rating';
import { StepDialog } from './StepDialog';

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
  const text = ratingConsequence(useWatch({ name: 'rating' }), letter);
  return text ? (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="rating-consequence">
      {text}
    </Alert>
  ) : null;
}

/** 登记满意度 (SV1): the writer's answer taken by phone, at a visit or from a paper form. */
export function RatingButton({ letter }: { letter: any }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const send = async (v: Record<string, any>) => {
    const { rateLetter: r } = await graphql<any>(RATE, {
      letterId: String(letter.id),
      rating: v.rating,
      method: v.method,
      source: ratingSource(v.method),
      comment: v.comment || null,
    });
    notify(r.reopenedLetter ? '已登记评价，来信退回重新办理' : r.escalatedLetter ? '已登记评价，来信已上报领导' : '已登记评价', { type: 'success' });
    refresh();
  };
  return (
    <StepDialog label="登记满意度" id="rateLetter" fieldNames={['rating', 'method', 'comment']} defaultValues={{ method: 'PHONE' }} submitLabel="保存" send={send}>
      <RadioButtonGroupInput source="rating" label="评价" choices={RATINGS} validate={required()} translateChoice={false} />
      <Consequence letter={letter} />
      <SelectInput source="method" label="评价方式" choices={METHODS} validate={required()} translateChoice={false} fullWidth />
      <TextInput source="comment" label="意见" helperText="不满意时请记下原因" multiline fullWidth />
    </StepDialog>
  );
}
