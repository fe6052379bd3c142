/** Components of the bench apps' 100-component tree that read the access token. */
export const TOKEN_READERS = 10;

/** Components of the tree that read only `isAuthenticated`. */
export const NON_READERS = 90;
