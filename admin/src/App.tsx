import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import { buildI18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { dataProvider, schemaModel } from './providers/dataProvider';
import { menuOrder } from './providers/menuOrder';
import { represent } from './providers/schema';
import { SchemaCreate, SchemaEdit, SchemaList, SchemaShow } from './schema-ui/views';

const i18nProvider = buildI18nProvider(schemaModel);
const resources = menuOrder(schemaModel.resources);

/**
 * The table of contents: one <Resource> per resource of the committed schema, so resources the
 * server adds appear once `npm run schema:emit` has updated schema/schema.graphql. Edit and create
 * pages exist only where the API has `update<Type>` / `create<Type>`.
 */
export function App() {
  return (
    <Admin
      title="联络"
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      dashboard={() => <Dashboard resources={resources} />}
      disableTelemetry
    >
      {resources.map((r) => (
        <Resource
          key={r.name}
          name={r.name}
          recordRepresentation={(record) => represent(r, record)}
          list={<SchemaList model={schemaModel} resource={r} />}
          show={<SchemaShow model={schemaModel} resource={r} />}
          edit={r.updateArgs ? <SchemaEdit model={schemaModel} resource={r} /> : undefined}
          create={r.createArgs ? <SchemaCreate model={schemaModel} resource={r} /> : undefined}
        />
      ))}
    </Admin>
  );
}
