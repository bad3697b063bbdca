import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal, useTranslate } from 'react-admin';

/** The app bar carries the product name 联络 before the page title; react-admin adds the locale menu. */
function LianluoAppBar() {
  const translate = useTranslate();
  return (
    <AppBar>
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="subtitle1" />
    </AppBar>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout appBar={LianluoAppBar}>{children}</RaLayout>;
}
