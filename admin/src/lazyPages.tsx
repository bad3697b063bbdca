import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/**
 * The console's heavier pages load on first use, so the login page and the dashboard fetch little
 * (issue 11 item 6). `const { LetterList } = lazyPages(() => import('./letters/LetterList'))` reads
 * like the import it replaces: each component named is loaded from the module when first rendered,
 * under a loading indicator; the module is fetched once for all of its components.
 */
export function lazyPages<M extends object>(load: () => Promise<M>): M {
  let module: Promise<M> | undefined;
  const once = () => (module ??= load());
  const pages = new Map<PropertyKey, ComponentType<any>>();
  return new Proxy({} as M, {
    get(_target, name) {
      let page = pages.get(name);
      if (!page) {
        const Page = lazy(() => once().then((m) => ({ default: (m as Record<PropertyKey, ComponentType<any>>)[name] })));
        page = function LazyPage(props: object) {
          return (
            <Suspense fallback={<Loading />}>
              <Page {...props} />
            </Suspense>
          );
        };
        page.displayName = `Lazy(${String(name)})`;
        pages.set(name, page);
      }
      return page;
    },
  });
}
