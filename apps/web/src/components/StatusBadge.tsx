import type { ReactNode } from 'react';

export type Tone = 'pending' | 'approved' | 'rejected' | 'neutral' | 'info';

/** A status in words with a tone; the colour only repeats what the words say. */
export function StatusBadge({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <span className={`status-badge status-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
