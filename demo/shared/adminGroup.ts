/**
 * The Cognito group whose members are OpenMetadata admins in the demo: the API gives them the Admin role and the
 * UI shows them Settings. The emulator's demo user `admin` is in it.
 */
export const ADMIN_GROUP = 'admin';
