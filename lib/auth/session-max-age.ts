/** A session cookie lives 30 days, and a session row unused for as long is ended too. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
