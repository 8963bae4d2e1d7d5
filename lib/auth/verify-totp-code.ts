import { verify } from "otplib";

/**
 * The 30-second time step of a 6-digit code that is right for `secret` now (or one step either
 * side, for a clock that is a little off), later than `afterStep`; null when it is not.
 */
export async function verifyTotpCode(opts: {
  secret: string;
  code: string;
  afterStep?: number | null;
}): Promise<number | null> {
  const code = opts.code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret: opts.secret,
    token: code,
    epochTolerance: 30,
    ...(opts.afterStep ? { afterTimeStep: opts.afterStep } : {}),
  });
  // otplib's functional verify types HOTP and TOTP results together; a TOTP match has its step.
  return result.valid && "timeStep" in result ? (result.timeStep as number) : null;
}
