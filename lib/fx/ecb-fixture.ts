// The ECB daily file's shape, written for tests and the local fixture server (tools/ecb-rates):
// the same envelope, namespaces and single-quoted attributes the real file has.
export function ecbDailyXml(day: string, perEur: Record<string, string>): string {
  const rows = Object.entries(perEur)
    .map(([currency, rate]) => `\t\t\t<Cube currency='${currency}' rate='${rate}'/>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
\t\t<Cube time='${day}'>
${rows}
\t\t</Cube>
\t</Cube>
</gesmes:Envelope>
`;
}
