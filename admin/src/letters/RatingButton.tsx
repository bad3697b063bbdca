import { Alert } from '@mui/material';
import { RadioButtonGroupInput, SelectInput, TextInput, required, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { graphql } from '../providers/authProvider';
import { ratingConsequence, ratingSource } from './rating';
import { StepDialog } from './StepDialog';

const RATE = `mutation ($letterId: ID!, $rating: SatisfactionRating!, $source: RatingSource!, $method: RatingMethod, $comment: String) {
  rateLetter(letterId: $letterId, rating: $rating, source: $source, method: $method, comment: $comment) { id reopenedLetter escalatedLetter }
}`;

const RATINGS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'].map((id) => ({ id, name: `app.letters.rating.ratings.${id}` }));
const METHODS = ['PHONE', 'VISIT', 'FORM'].map((id) => ({ id, name: `app.letters.rating.methods.${id}` }));

function Consequence({ letter }: { letter: any }) {
  const translate = useTranslate();
  const text = ratingConsequence(useWatch({ name: 'rating' }), letter, translate);
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
  const translate = useTranslate();
  const send = async (v: Record<string, any>) => {
    const { rateLetter: r } = await graphql<any>(RATE, {
      letterId: String(letter.id),
      rating: v.rating,
      method: v.method,
      source: ratingSource(v.method),
      comment: v.comment || null,
    });
    notify(r.reopenedLetter ? 'app.letters.rating.saved_reopened' : r.escalatedLetter ? 'app.letters.rating.saved_escalated' : 'app.letters.rating.saved', { type: 'success' });
    refresh();
  };
  return (
    <StepDialog label={translate('app.letters.rating.button')} id="rateLetter" fieldNames={['rating', 'method', 'comment']} defaultValues={{ method: 'PHONE' }} submitLabel="app.letters.rating.save" send={send}>
      <RadioButtonGroupInput source="rating" label="app.letters.rating.rating" choices={RATINGS} validate={required()} />
      <Consequence letter={letter} />
      <SelectInput source="method" label="app.letters.rating.method" choices={METHODS} validate={required()} fullWidth />
      <TextInput source="comment" label="app.letters.rating.comment" helperText="app.letters.rating.comment_hint" multiline fullWidth />
    </StepDialog>
  );
}
