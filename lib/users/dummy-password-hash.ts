import { hashPassword } from "./hash-password";

// A hash of a random password, compared against when the email is unknown so that
// sign-in takes the same time whether or not the account exists.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  return dummyHash;
}
