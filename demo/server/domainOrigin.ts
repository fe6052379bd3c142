/**
 * The origin of a Cognito hosted-UI domain given as a host name (`myapp.auth.eu-west-1.amazoncognito.com`,
 * `auth.example.com`) or a URL (`https://…`, `http://127.0.0.1:…` for the emulator).
 *
 * @example domainOrigin('auth.example.com') // 'https://auth.example.com'
 */
export function domainOrigin(domain: string): string {
  return new URL(/^https?:\/\//i.test(domain) ? domain : `https://${domain}`).origin;
}
