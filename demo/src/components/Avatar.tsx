/** A round avatar with the name's initials (decorative: the name is always written next to it or in a label). */
export function Avatar({ name, size = 'small' }: { name: string; size?: 'small' | 'large' }) {
  const initials = name
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true">
      {initials}
    </span>
  );
}
