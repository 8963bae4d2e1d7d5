// mjml 5 ships no type declarations (and @types/mjml describes v4's synchronous API); this is
// the one call lib/mail/render-email.ts makes.
declare module "mjml" {
  type MjmlError = { line: number; message: string; tagName: string; formattedMessage: string };
  export default function mjml2html(
    mjml: string,
    options?: { validationLevel?: "strict" | "soft" | "skip"; minify?: boolean; keepComments?: boolean },
  ): Promise<{ html: string; errors: MjmlError[] }>;
}
