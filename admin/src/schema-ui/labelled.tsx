import { cloneElement, type ReactElement } from 'react';
import { ReferenceArrayInput, ReferenceInput } from 'react-admin';

/**
 * An input of `inputFor` with a label and hint of the page's own (no rule codes); a reference input
 * passes them to its picker, and takes `filter` for the choices it offers.
 */
export function labelledInput(input: ReactElement<any>, { label, hint, filter }: { label: string; hint?: string | null; filter?: Record<string, unknown> }): ReactElement<any> {
  const props = { label, helperText: hint ?? false, fullWidth: true };
  if (input.type === ReferenceInput || input.type === ReferenceArrayInput) {
    return cloneElement(input, filter ? { filter } : {}, cloneElement(input.props.children as ReactElement<any>, props));
  }
  return cloneElement(input, props);
}
