/** A reference to a team or role, as OpenMetadata embeds them in a user. */
export interface EntityReference {
  id: string;
  name: string;
  type: 'team' | 'role';
}

/**
 * The answer of `GET /api/v1/users/loggedInUser`: OpenMetadata's `User`, derived from the verified token.
 *
 * @see https://docs.open-metadata.org/latest/main-concepts/metadata-standard/schemas/entity/teams/user
 */
export interface LoggedInUser {
  id: string;
  name: string;
  fullyQualifiedName: string;
  displayName: string;
  email: string | null;
  isAdmin: boolean;
  isBot: false;
  teams: EntityReference[];
  roles: EntityReference[];
}
