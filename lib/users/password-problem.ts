// bcrypt only reads 72 bytes; a longer password is refused rather than silently truncated.
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 10;

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES)
    return `Password must be at most ${PASSWORD_MAX_BYTES} bytes long.`;
  if (password.length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 2) return "Password must mix at least two of: lower-case, upper-case, digits, symbols.";
  if (new Set(password).size < 5) return "Password repeats too few characters.";
  if (email && password.toLowerCase().includes(email.split("@")[0].toLowerCase()) && email.split("@")[0].length >= 4) {
    return "Password must not contain your email name.";
  }
  return null;
}
