import { Index, ManyToOne, type ManyToOneOptions } from '@mikro-orm/core';

/**
 * A to-one link: a reference (`Ref<T>`, no circular-import trouble), an index for its `xId` filter,
 * and `on delete restrict` so a record others depend on is never silently removed or nulled.
 */
export function Link(target: () => any, options: Partial<ManyToOneOptions<any, any>> = {}): PropertyDecorator {
  return (proto: object, prop: string | symbol) => {
    ManyToOne(target, { ref: true, deleteRule: 'restrict', ...options } as ManyToOneOptions<any, any>)(proto as any, prop as string);
    (Index() as any)(proto, prop);
  };
}
