interface Props {
  label: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}

/** One choice among a few filters, as toggle buttons (the pattern of the verification queue). */
export function FilterButtons({ label, options, value, onChange }: Props) {
  return (
    <div className="status-filter mb-4" role="group" aria-label={label}>
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
