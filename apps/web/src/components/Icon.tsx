import sprites from 'bootstrap-italia/dist/svg/sprites.svg?url';

/** A Bootstrap Italia icon from its SVG sprite; decorative, so hidden from assistive technology. */
export function Icon({ name, className = '' }: { name: string; className?: string }) {
  return (
    <svg className={`icon ${className}`.trim()} aria-hidden="true" focusable="false">
      <use href={`${sprites}#${name}`} />
    </svg>
  );
}
