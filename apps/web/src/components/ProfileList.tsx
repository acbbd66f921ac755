import type { ReactNode } from 'react';

/** Facts as a definition list, one row each: an organisation's details, a match's, what the Ministry verified. */
export function ProfileList({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="profile-list">
      {rows.map(([label, value]) => (
        <div key={label} className="profile-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
