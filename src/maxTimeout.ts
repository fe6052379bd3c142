/** setTimeout's longest wait, in ms (2^31 − 1, about 24.8 days): a longer one fires at once (internal). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
