import { useTranslate } from 'react-admin';
import { Alert, Box, Button } from '@mui/material';
import { Link } from 'react-router';
import { todayInChina } from '../letters/deadlines';
import { RatesPanel } from '../statistics/RatesPanel';
import { RATES_ROLES, yearToDate } from '../statistics/rates';
import { belowText, cardsFor, emptyStatesFor, type CardSpec, type EmptySpec } from './cards';
import { CountCard, useCount } from './CountCard';

/** A role's "what to do first" when the card it hangs on counts nothing. */
function EmptyState({ card, empty }: { card: CardSpec; empty: EmptySpec }) {
  const { total, isPending, error } = useCount(card.resource, card.filter);
  if (isPending || error || total !== 0) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid={`empty-${empty.testId}`}>
      {empty.text}
    </Alert>
  );
}

/**
 * The dashboard of the working roles: each role's counts (cards.ts), its empty states, and for
 * leaders and the office this year's SV3 rates with the month-by-month chart.
 */
export function RoleCards({ roles, readable }: { roles: string[]; readable: string[] }) {
  const today = todayInChina();
  const translate = useTranslate();
  const cards = cardsFor(roles, readable, today, translate);
  const empties = emptyStatesFor(roles, translate).flatMap((e) => {
    const card = cards.find((c) => c.testId === e.testId);
    return card ? [{ card, empty: e }] : [];
  });
  const year = yearToDate(today);
  return (
    <>
      {empties.map(({ card, empty }) => (
        <EmptyState key={empty.testId} card={card} empty={empty} />
      ))}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        {cards.map((c) => (
          <CountCard key={c.testId} {...c} warning={c.below ? (total) => belowText(c, total) : undefined} />
        ))}
      </Box>
      {roles.some((r) => RATES_ROLES.includes(r)) && (
        <Box sx={{ mb: 2 }}>
          <RatesPanel title={translate('app.dashboard.rates_title', { year: today.slice(0, 4) })} from={year.from} to={year.to} today={today} />
          <Button component={Link} to="/statistics" size="small" sx={{ mt: 1 }}>
            {translate('app.dashboard.rates_more')}
          </Button>
        </Box>
      )}
    </>
  );
}
