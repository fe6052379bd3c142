import { Link } from 'react-router';

/** Any path the catalog does not know. */
export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Data Catalog</title>
      <h1>Page not found</h1>
      <p className="lead">There is nothing at this address.</p>
      <Link to="/" className="button secondary">
        Back to My Data
      </Link>
    </>
  );
}
