import "server-only";

import bcrypt from "bcryptjs";

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
