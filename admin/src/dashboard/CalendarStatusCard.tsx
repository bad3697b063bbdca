import { useEffect, useState } from 'react';
import { Alert, Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { graphql } from '../providers/authProvider';

interface CalendarStatus {
  nextYear: number;
  warning: boolean;
}

/**
 * DL2 (issue 12 item 9): from 1 November, while next year's official holidays are not in the working
 * calendar, the office is told so and led to 工作日历 to enter them. Nothing shows otherwise.
 */
export function CalendarStatusCard() {
  const translate = useTranslate();
  const [status, setStatus] = useState<CalendarStatus | null>(null);
  useEffect(() => {
    let live = true;
    graphql<{ calendarStatus: CalendarStatus }>('{ calendarStatus { nextYear warning } }').then(
      (data) => live && setStatus(data.calendarStatus),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!status?.warning) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="calendar-status"
      action={
        <Button component={Link} to="/CalendarDay/create" color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.dashboard.calendar_enter', { year: status.nextYear })}
        </Button>
      }
    >
      {translate('app.dashboard.calendar_missing', { year: status.nextYear })}
    </Alert>
  );
}
