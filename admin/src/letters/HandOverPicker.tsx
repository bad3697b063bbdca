import { useEffect, useState } from 'react';
import { SelectInput, required } from 'react-admin';
import { graphql } from '../providers/authProvider';

const CANDIDATES = `query ($id: ID!) { handOverCandidates(id: $id) { id displayName organizationName } }`;

/** The hand-over's new owner (PV4): the accounts the server would accept, by name and unit. */
export function HandOverPicker({ source, label, letterId }: { source: string; label: string; letterId: string }) {
  const [choices, setChoices] = useState<Array<{ id: string; name: string }> | null>(null);
  useEffect(() => {
    graphql<any>(CANDIDATES, { id: letterId }).then(
      (d) => setChoices(d.handOverCandidates.map((a: any) => ({ id: a.id, name: `${a.displayName}（${a.organizationName}）` }))),
      () => setChoices([]),
    );
  }, [letterId]);
  return (
    <SelectInput
      source={source}
      label={label}
      choices={choices ?? []}
      isPending={choices === null}
      validate={required()}
      translateChoice={false}
      helperText={choices?.length === 0 ? 'app.letters.no_other_staff' : undefined}
      fullWidth
    />
  );
}
