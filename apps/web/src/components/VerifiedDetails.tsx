import { ProfileList } from './ProfileList';

/**
 * What the Ministry verified about an organisation (its name, website and, for a facilitator, its
 * territory), shown in its form as facts rather than fields, with how to have them changed.
 */
export function VerifiedDetails({ rows, note }: { rows: readonly [label: string, value: string][]; note: string }) {
  return (
    <div className="mb-4">
      <ProfileList rows={rows} />
      <p className="form-text">{note}</p>
    </div>
  );
}
