interface Props<V extends string> {
  label: string;
  options: { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  /** The group's layout: spaced buttons above a list by default, joined ones beside a heading. */
  className?: string;
}

/** One choice among a few filters, as toggle buttons (the pattern of the verification queue). */
export function FilterButtons<V extends string>({ label, options, value, onChange, className = 'status-filter mb-4' }: Props<V>) {
  return (
    <div className={className} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className={`btn btn-sm ${option.value === value ? 'btn-primary' : 'btn-outline-primary'}`}
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
