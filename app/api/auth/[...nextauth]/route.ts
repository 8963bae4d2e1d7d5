import NextAuth from "next-auth";

import { authOptions } from "@/lib/auth/auth-options";
import { clientIp } from "@/lib/auth/client-ip";

const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(authOptions({ userAgent: req.headers.get("user-agent"), ip: clientIp(req.headers) }))(req, ctx);

export { handler as GET, handler as POST };
