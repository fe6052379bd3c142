import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { CatalogPage, CatalogTable } from '../../shared/CatalogTable.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { Spinner } from '../components/Spinner.js';
import { TableList } from '../components/TableList.js';
import { useApi } from '../hooks/useApi.js';

/** "Explore": search the catalog (`?q=`, so a search is a link that survives sign-in). */
export function ExplorePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const tables = useApi<CatalogPage<CatalogTable>>(`/api/v1/tables?q=${encodeURIComponent(query)}`);

  const search = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const next = new FormData(event.currentTarget).get('q');
    setSearchParams(typeof next === 'string' && next.trim() !== '' ? { q: next.trim() } : {});
  };

  return (
    <>
      <title>{query ? `${query} · Explore · Data Catalog` : 'Explore · Data Catalog'}</title>
      <h1>Explore</h1>
      <form role="search" className="search-form" onSubmit={search}>
        <label htmlFor="explore-search">Search data assets</label>
        <div className="search-row">
          <input
            id="explore-search"
            name="q"
            type="search"
            defaultValue={query}
            key={query}
            placeholder="e.g. orders"
          />
          <button type="submit" className="button primary">
            Search
          </button>
        </div>
      </form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">
          {tables.status === 'success'
            ? `${tables.data.paging.total} ${tables.data.paging.total === 1 ? 'result' : 'results'}${query ? ` for “${query}”` : ''}`
            : 'Results'}
        </h2>
        {tables.status === 'loading' && <Spinner label="Searching…" />}
        {tables.status === 'error' && <ErrorPanel message={tables.message} />}
        {tables.status === 'success' && <TableList tables={tables.data.data} />}
      </section>
    </>
  );
}
