// Drafts the SQL for a new migration: compares prisma/schema/*.prisma with a database that
// has every existing migration applied, and prints CREATE/ALTER statements for what is
// missing, named as Prisma Migrate names them. It only adds; review the draft, add the
// invariants (CHECKs, triggers) by hand, and save it as
// prisma/migrations/<timestamp>_<name>/migration.sql.
//   npm run db:draft            (uses DATABASE_URL, else the embedded PostgreSQL)
import pg from "pg";

import { columnSqlType, loadDatamodel, shapeFromDatabase, type Datamodel } from "../dev/db/schema-shape";
import { startEmbeddedPostgres } from "../dev/services/embedded-postgres";
import { migrate } from "../lib/db/migrate";

type Field = Datamodel["models"][number]["fields"][number];

const q = (name: string) => `"${name}"`;

function defaultSql(field: Field, enumDb: (n: string) => string): string | null {
  const d = field.default as unknown;
  if (d === undefined) return null;
  if (typeof d === "object" && d !== null && !Array.isArray(d)) {
    const fn = (d as { name: string }).name;
    if (fn === "now") return "CURRENT_TIMESTAMP";
    if (fn === "autoincrement" || ["uuid", "cuid", "nanoid", "ulid"].includes(fn)) return null;
    if (fn === "dbgenerated") return String((d as { args: string[] }).args[0]);
    throw new Error(`db-draft: default ${fn}() is not handled`);
  }
  const literal = (v: unknown): string => {
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  };
  if (Array.isArray(d)) {
    const base = columnSqlType({ ...field, isList: false }, enumDb).toUpperCase();
    return d.length ? `ARRAY[${d.map(literal).join(", ")}]::${base}[]` : `ARRAY[]::${base}[]`;
  }
  return literal(d);
}

function columnDef(field: Field, enumDb: (n: string) => string): string {
  const def = field.default as { name?: string } | undefined;
  const serial = typeof def === "object" && def?.name === "autoincrement";
  let type = columnSqlType(field, enumDb);
  if (serial) type = field.type === "BigInt" ? "BIGSERIAL" : "SERIAL";
  else if (field.kind === "enum") type = q(type) + (field.isList ? "[]" : "");
  else
    type = type
      .replace("timestamp(3) without time zone", "TIMESTAMP(3)")
      .replace("character varying", "VARCHAR")
      .replace("character(", "CHAR(")
      .toUpperCase();
  const dflt = serial ? null : defaultSql(field, enumDb);
  return `    ${q(field.dbName ?? field.name)} ${type}${field.isRequired ? " NOT NULL" : ""}${dflt ? ` DEFAULT ${dflt}` : ""}`;
}

export async function draftMigration(client: pg.Client, dm: Datamodel): Promise<string> {
  const actual = await shapeFromDatabase(client);
  const enumDb = (n: string) => dm.enums.find((e) => e.name === n)?.dbName ?? n;
  const tableOf = (m: string) => dm.models.find((x) => x.name === m)?.dbName ?? m;
  const out: string[] = [];
  const later: string[] = [];

  for (const e of dm.enums) {
    const name = e.dbName ?? e.name;
    const values = e.values.map((v) => v.dbName ?? v.name);
    const got = actual.enums[name];
    if (!got) out.push(`-- CreateEnum\nCREATE TYPE ${q(name)} AS ENUM (${values.map((v) => `'${v}'`).join(", ")});\n`);
    else
      for (const v of values) if (!got.includes(v)) out.push(`-- AlterEnum\nALTER TYPE ${q(name)} ADD VALUE '${v}';\n`);
  }

  for (const m of dm.models) {
    const table = m.dbName ?? m.name;
    const col = (f: string) => {
      const field = m.fields.find((x) => x.name === f)!;
      return field.dbName ?? field.name;
    };
    const existing = actual.tables[table];
    const scalars = m.fields.filter((f) => f.kind !== "object");
    if (!existing) {
      const pk = m.primaryKey?.fields.map(col) ?? scalars.filter((f) => f.isId).map((f) => f.dbName ?? f.name);
      const lines = scalars.map((f) => columnDef(f, enumDb));
      if (pk.length) lines.push(`\n    CONSTRAINT ${q(`${table}_pkey`)} PRIMARY KEY (${pk.map(q).join(",")})`);
      out.push(`-- CreateTable\nCREATE TABLE ${q(table)} (\n${lines.join(",\n")}\n);\n`);
    } else {
      for (const f of scalars) {
        if (!existing.columns[f.dbName ?? f.name])
          out.push(`-- AlterTable\nALTER TABLE ${q(table)} ADD COLUMN${columnDef(f, enumDb).replace(/^ {4}/, " ")};\n`);
      }
    }
    const has = (list: string[][] | undefined, cols: string[]) => list?.some((x) => x.join(",") === cols.join(","));
    const uniques = [
      ...scalars.filter((f) => f.isUnique).map((f) => [f.dbName ?? f.name]),
      ...m.uniqueFields.map((u) => u.map(col)),
    ];
    for (const u of uniques) {
      if (!has(existing?.uniques, u))
        later.push(
          `-- CreateIndex\nCREATE UNIQUE INDEX ${q(`${table}_${u.join("_")}_key`)} ON ${q(table)}(${u.map(q).join(", ")});\n`,
        );
    }
    for (const idx of dm.indexes.filter((i) => i.model === m.name && i.type === "normal")) {
      const cols = idx.fields.map((x) => col(x.name));
      if (!has(existing?.indexes, cols))
        later.push(
          `-- CreateIndex\nCREATE INDEX ${q(`${table}_${cols.join("_")}_idx`)} ON ${q(table)}(${cols.map(q).join(", ")});\n`,
        );
    }
    for (const f of m.fields.filter((x) => x.kind === "object" && x.relationFromFields?.length)) {
      const cols = f.relationFromFields!.map(col);
      if (existing?.foreignKeys.some((fk) => fk.columns.join(",") === cols.join(","))) continue;
      const target = dm.models.find((x) => x.name === f.type)!;
      const refCols = (f.relationToFields ?? []).map((n) => target.fields.find((x) => x.name === n)?.dbName ?? n);
      const onDelete = (f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"))
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toUpperCase();
      later.push(
        `-- AddForeignKey\nALTER TABLE ${q(table)} ADD CONSTRAINT ${q(`${table}_${cols.join("_")}_fkey`)} FOREIGN KEY (${cols.map(q).join(", ")}) REFERENCES ${q(tableOf(f.type))}(${refCols.map(q).join(", ")}) ON DELETE ${onDelete} ON UPDATE CASCADE;\n`,
      );
    }
  }
  return [...out, ...later].join("\n");
}

async function main() {
  let url = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const pgServer = await startEmbeddedPostgres({ dataDir: ".data/postgres-draft", database: "draft" });
    url = pgServer.url;
    stop = pgServer.stop;
  }
  await migrate({ connectionString: url, log: () => {} });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sql = await draftMigration(client, await loadDatamodel());
    process.stdout.write(sql || "-- prisma/schema and the migrations agree; nothing to draft\n");
  } finally {
    await client.end();
    await stop?.();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
