import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource, useTranslate } from 'react-admin';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { lazyPages } from './lazyPages';
import { LoginPage } from './auth/LoginPage';
import { buildI18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { hasRole, modelForRoles } from './providers/access';
import { authProvider } from './providers/authProvider';
import { dataProvider, schemaModel } from './providers/dataProvider';
import { menuOrder } from './providers/menuOrder';
import type { ResourceModel, SchemaModel } from './providers/schema';
import { represent } from './providers/schema';
import { READS_CONCENTRATED } from './concentrated/concentrated';
import { managesSessions } from './sessions/roles';
import { OPENS_MAILBOXES, READS_MAILBOX_REGISTER } from './mailboxes/roles';
import { READS_COMPLIANCE, RECORDS_RECEPTIONS } from './receptions/roles';

// the pages load on first use, so the login page and the dashboard fetch little (lazyPages.tsx)
const { Dashboard } = lazyPages(() => import('./dashboard/Dashboard'));
const { SchemaCreate, SchemaEdit, SchemaList, SchemaShow } = lazyPages(() => import('./schema-ui/views'));
const { LetterList } = lazyPages(() => import('./letters/LetterList'));
const { LetterShow } = lazyPages(() => import('./letters/LetterShow'));
const { LetterCreate, LetterEdit } = lazyPages(() => import('./letters/LetterForm'));
const { NotificationList } = lazyPages(() => import('./notifications/NotificationList'));
const { ConcentratedIssuesPage } = lazyPages(() => import('./concentrated/ConcentratedIssues'));
const { StatisticsPage } = lazyPages(() => import('./statistics/StatisticsPage'));
const { AuditEventList, AuditEventShow } = lazyPages(() => import('./audit/AuditEventList'));
const { SessionsPage } = lazyPages(() => import('./sessions/SessionsPage'));
const { PrintPage } = lazyPages(() => import('./prints/PrintPage'));
const { MailboxList, MailboxShow } = lazyPages(() => import('./mailboxes/MailboxPages'));
const { OpenMailboxPage } = lazyPages(() => import('./mailboxes/OpenMailboxPage'));
const { MailboxRegisterPage } = lazyPages(() => import('./mailboxes/MailboxRegisterPage'));
const { ReceptionList, ReceptionShow, StationCompliancePage } = lazyPages(() => import('./receptions/ReceptionPages'));
const { RecordReceptionPage } = lazyPages(() => import('./receptions/RecordReceptionPage'));

const i18nProvider = buildI18nProvider(schemaModel);


/** The working resources have pages of their own; the others the schema's generic ones. */
function listOf(model: SchemaModel, r: ResourceModel) {
  switch (r.name) {
    case 'Letter':
      return <LetterList model={model} letters={r} />;
    case 'Notification':
      return <NotificationList />;
    case 'AuditEvent':
      return <AuditEventList />;
    case 'Mailbox':
      return <MailboxList mailboxes={r} />;
    case 'Reception':
      return <ReceptionList receptions={r} />;
    default:
      return <SchemaList model={model} resource={r} />;
  }
}

function showOf(model: SchemaModel, r: ResourceModel) {
  switch (r.name) {
    case 'Letter':
      return <LetterShow model={model} letters={r} />;
    case 'AuditEvent':
      return <AuditEventShow />;
    case 'Mailbox':
      return <MailboxShow />;
    case 'Reception':
      return <ReceptionShow />;
    default:
      return <SchemaShow model={model} resource={r} />;
  }
}

const models = new Map<string, SchemaModel>();
/** The schema as the signed-in roles see it (access.ts), computed once per set of roles. */
function modelFor(permissions: unknown): SchemaModel {
  const roles = Array.isArray(permissions) ? (permissions as string[]) : [];
  const key = [...roles].sort().join(',');
  let model = models.get(key);
  if (!model) {
    model = modelForRoles(schemaModel, roles);
    models.set(key, model);
  }
  return model;
}

/**
 * The table of contents: one <Resource> per resource of the committed schema that the signed-in
 * roles may read, so resources the server adds appear once `npm run schema:emit` has updated
 * schema/schema.graphql (and access.ts knows them). Edit, create and delete exist only where the API
 * has the mutation and the roles may call it.
 */
/** The console's name in the chosen language (react-admin shows the default title untranslated). */
function AppName() {
  return <>{useTranslate()('app.title')}</>;
}

export function App() {
  return (
    <Admin
      title={<AppName />}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      {(permissions) => {
        const model = modelFor(permissions);
        const letters = model.resources.find((r) => r.name === 'Letter');
        const concentrated = letters && hasRole(permissions, READS_CONCENTRATED);
        return [
          <CustomRoutes key="custom">
            <Route path="/password" element={<ChangePasswordPage />} />
            {concentrated && <Route path="/concentrated" element={<ConcentratedIssuesPage model={model} letters={letters} />} />}
            <Route path="/statistics" element={<StatisticsPage />} />
            {managesSessions(permissions) && <Route path="/sessions" element={<SessionsPage />} />}
            {hasRole(permissions, OPENS_MAILBOXES) && <Route path="/Mailbox/:id/open" element={<OpenMailboxPage />} />}
            {hasRole(permissions, READS_MAILBOX_REGISTER) && <Route path="/mailbox-register" element={<MailboxRegisterPage />} />}
            {hasRole(permissions, RECORDS_RECEPTIONS) && <Route path="/Reception/record" element={<RecordReceptionPage />} />}
            {hasRole(permissions, READS_COMPLIANCE) && <Route path="/station-compliance" element={<StationCompliancePage />} />}
          </CustomRoutes>,
          <CustomRoutes key="print" noLayout><Route path="/Letter/:id/print/:kind" element={<PrintPage />} /></CustomRoutes>,
          ...menuOrder(model.resources).map((r) => (
            <Resource
              key={r.name}
              name={r.name}
              recordRepresentation={(record) => represent(r, record)}
              list={listOf(model, r)}
              show={showOf(model, r)}
              edit={r.updateArgs ? r.name === 'Letter' ? <LetterEdit model={model} letters={r} /> : <SchemaEdit model={model} resource={r} /> : undefined}
              create={r.createArgs ? r.name === 'Letter' ? <LetterCreate model={model} letters={r} /> : <SchemaCreate model={model} resource={r} /> : undefined}
            />
          )),
        ];
      }}
    </Admin>
  );
}
