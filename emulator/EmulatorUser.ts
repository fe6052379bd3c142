/**
 * A user of the emulated user pool.
 *
 * @example
 * ```ts
 * const bob: EmulatorUser = { username: 'bob', password: 'Bob-Pass-1', email: 'bob@example.com',
 *   groups: ['editors'], attributes: { 'custom:team': 'data', name: 'Bob Builder' } };
 * ```
 */
export interface EmulatorUser {
  /** Sign-in name, matched case-insensitively like a default Cognito pool; becomes `cognito:username`. */
  username: string;
  /** Plain-text password typed into the hosted-UI form. Development data only. */
  password: string;
  /** The `email` attribute. */
  email: string;
  /** The `email_verified` attribute (default: true). */
  emailVerified?: boolean;
  /** Group names, issued as `cognito:groups` (omitted from tokens when empty) (default: none). */
  groups?: string[];
  /** The `sub` claim (default: a stable UUID derived from the username). */
  sub?: string;
  /**
   * Further attributes issued in the ID token and by userInfo, as strings: `custom:*` names or standard
   * OIDC attribute names such as `name`, `given_name`, `locale` (default: none).
   */
  attributes?: Record<string, string>;
}
