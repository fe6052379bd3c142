import type { CognitoIdTokenClaims } from 'react-cognito-sso';

const TIME_CLAIMS = new Set(['exp', 'iat', 'auth_time']);

const show = (claim: string, value: unknown): string => {
  if (TIME_CLAIMS.has(claim) && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toLocaleString()})`;
  }
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** Every claim of the ID token in name order, times also as local dates. */
export function ClaimsTable({ claims }: { claims: CognitoIdTokenClaims }) {
  return (
    <table className="claims-table">
      <caption className="visually-hidden">ID token claims</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(claims)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([claim, value]) => (
            <tr key={claim}>
              <th scope="row">
                <code>{claim}</code>
              </th>
              <td>{show(claim, value)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
