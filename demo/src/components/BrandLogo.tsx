/** The catalog's logo and name; `large` on the sign-in card, small in the top bar. */
export function BrandLogo({ size = 'small' }: { size?: 'small' | 'large' }) {
  return (
    <span className={`brand brand-${size}`}>
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" />
        <path d="M9 11.5c0-1.4 3.1-2.5 7-2.5s7 1.1 7 2.5-3.1 2.5-7 2.5-7-1.1-7-2.5Zm0 0v9c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-9m-14 4.5c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
      </svg>
      <span className="brand-name">Data Catalog</span>
    </span>
  );
}
