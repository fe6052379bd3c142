/** The signed-in content of a bench app (`<main>` with the email and the 100-component tree). */
export const SIGNED_IN = '[data-bench="signed-in"]';

/** A bench app's "Sign in" button, shown when signed out. */
export const SIGN_IN_BUTTON = '[data-bench="sign-in"]';

/** How long to keep recording after signed-in content appears, to catch trailing requests and renders. */
export const SETTLE_MS = 500;
