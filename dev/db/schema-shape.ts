// A database schema reduced to what must agree between prisma/schema/*.prisma and the
// SQL migrations: tables, column types and nullability, DB-level defaults, enums,
// primary keys, unique and plain indexes, and foreign keys. Built from Prisma's DMMF on
// one side and from the live PostgreSQL catalog on the other, so a test can compare them
// without Prisma's schema engine (which cannot be downloaded here; see OFFLINE.md).
import type { Client } from "pg";

export type ColumnShape = { type: string; nullable: boolean; hasDefault: boolean };
export type ForeignKeyShape = { columns: string[]; refTable: string; refColumns: string[]; onDelete: string };
export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: ForeignKeyShape[];
};
export type SchemaShape = { tables: Record<string, TableShape>; enums: Record<string, string[]> };

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
};
type DmmfIndex = { model: string; type: string; fields: { name: string }[] };
export type Datamodel = {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
};

const SCALAR_SQL: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

const NATIVE_SQL: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  VarChar: (a) => `character varying(${a[0]})`,
  Char: (a) => `character(${a[0]})`,
  SmallInt: () => "smallint",
  Text: () => "text",
  Timestamptz: (a) => `timestamp(${a[0] ?? 3}) with time zone`,
  Date: () => "date",
  Decimal: (a) => `numeric(${a[0]},${a[1]})`,
};

/** Defaults Prisma computes in the client rather than in the database. */
function isClientSideDefault(field: DmmfField): boolean {
  const d = field.default as { name?: string } | undefined;
  return (
    typeof d === "object" &&
    d !== null &&
    !Array.isArray(d) &&
    ["uuid", "cuid", "nanoid", "ulid"].includes(d.name ?? "")
  );
}

export function columnSqlType(field: DmmfField, enumDbName: (name: string) => string): string {
  let base: string;
  if (field.kind === "enum") base = enumDbName(field.type);
  else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_SQL[name];
    if (!render) throw new Error(`schema-shape: native type @db.${name} is not mapped yet`);
    base = render(args);
  } else {
    const sql = SCALAR_SQL[field.type];
    if (!sql) throw new Error(`schema-shape: type ${field.type} is not mapped yet`);
    base = sql;
  }
  return field.isList ? `${base}[]` : base;
}

export function shapeFromDatamodel(dm: Datamodel): SchemaShape {
  const enumNames = new Map(dm.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumDbName = (name: string) => enumNames.get(name) ?? name;
  const tableOf = new Map(dm.models.map((m) => [m.name, m.dbName ?? m.name]));
  const shape: SchemaShape = { tables: {}, enums: {} };

  for (const e of dm.enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);

  for (const model of dm.models) {
    const col = (fieldName: string) => {
      const f = model.fields.find((x) => x.name === fieldName);
      if (!f) throw new Error(`schema-shape: ${model.name}.${fieldName} not found`);
      return f.dbName ?? f.name;
    };
    const table: TableShape = { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
    for (const f of model.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          const target = dm.models.find((m) => m.name === f.type);
          if (!target) throw new Error(`schema-shape: relation target ${f.type} not found`);
          table.foreignKeys.push({
            columns: f.relationFromFields.map(col),
            refTable: tableOf.get(f.type) ?? f.type,
            refColumns: (f.relationToFields ?? []).map((n) => {
              const tf = target.fields.find((x) => x.name === n);
              return tf?.dbName ?? n;
            }),
            onDelete: (f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"))
              .toUpperCase()
              .replace("SETNULL", "SET NULL")
              .replace("NOACTION", "NO ACTION")
              .replace("SETDEFAULT", "SET DEFAULT"),
          });
        }
        continue;
      }
      const name = f.dbName ?? f.name;
      table.columns[name] = {
        type: columnSqlType(f, enumDbName),
        nullable: !f.isRequired,
        hasDefault: f.hasDefaultValue && !isClientSideDefault(f),
      };
      if (f.isId) table.primaryKey = [name];
      if (f.isUnique) table.uniques.push([name]);
    }
    if (model.primaryKey) table.primaryKey = model.primaryKey.fields.map(col);
    for (const u of model.uniqueFields) table.uniques.push(u.map(col));
    for (const idx of dm.indexes) {
      if (idx.model === model.name && idx.type === "normal") table.indexes.push(idx.fields.map((x) => col(x.name)));
    }
    shape.tables[model.dbName ?? model.name] = table;
  }
  return shape;
}

const FK_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Reads the shape of one schema (default `public`) from the PostgreSQL catalog. */
export async function shapeFromDatabase(
  client: Client,
  schema = "public",
  ignoreTables = ["_prisma_migrations"],
): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, enums: {} };
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  for (const e of enums.rows) shape.enums[e.name] = e.values;

  const cols = await client.query<{
    table: string;
    column: string;
    type: string;
    notnull: boolean;
    hasdefault: boolean;
  }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, a.atthasdef AS hasdefault
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const handWritten = new Set<string>();
  for (const r of cols.rows) {
    // Full-text search vectors and transaction ids (analytics' rollup watermark) are hand-written
    // extras: schema.prisma cannot type them, and neither can their indexes.
    if (r.type === "xid8") handWritten.add(`${r.table}.${r.column}`);
    if (ignoreTables.includes(r.table) || r.type === "tsvector" || r.type === "xid8") continue;
    const t = (shape.tables[r.table] ??= { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] });
    t.columns[r.column] = { type: r.type.replace(/"/g, ""), nullable: !r.notnull, hasDefault: r.hasdefault };
  }

  const idx = await client.query<{
    table: string;
    primary: boolean;
    unique: boolean;
    columns: string[];
    partial: boolean;
    expression: boolean;
    method: string;
  }>(
    `SELECT c.relname AS table, i.indisprimary AS primary, i.indisunique AS unique,
            i.indpred IS NOT NULL AS partial, i.indexprs IS NOT NULL AS expression,
            (SELECT am.amname FROM pg_class ic JOIN pg_am am ON am.oid = ic.relam WHERE ic.oid = i.indexrelid) AS method,
            array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1`,
    [schema],
  );
  for (const r of idx.rows) {
    const t = shape.tables[r.table];
    // Partial, expression and GIN/GiST indexes (search, trigram) are hand-written extras
    // that schema.prisma does not declare; they are not drift.
    if (!t || r.partial || r.expression || r.method !== "btree") continue;
    if (r.columns.some((c) => handWritten.has(`${r.table}.${c}`))) continue;
    if (r.primary) t.primaryKey = r.columns;
    else if (r.unique) t.uniques.push(r.columns);
    else t.indexes.push(r.columns);
  }

  const fks = await client.query<{
    table: string;
    columns: string[];
    reftable: string;
    refcolumns: string[];
    action: string;
  }>(
    `SELECT c.relname AS table, rc.relname AS reftable, con.confdeltype AS action,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS refcolumns
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND con.contype = 'f'`,
    [schema],
  );
  for (const r of fks.rows) {
    const t = shape.tables[r.table];
    if (!t) continue;
    t.foreignKeys.push({
      columns: r.columns,
      refTable: r.reftable,
      refColumns: r.refcolumns,
      onDelete: FK_ACTIONS[r.action] ?? r.action,
    });
  }
  return shape;
}

/** Human-readable differences; empty when the two shapes agree. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  const key = (cols: string[]) => cols.join(",");
  for (const [name, values] of Object.entries(expected.enums)) {
    const got = actual.enums[name];
    if (!got) out.push(`enum ${name} is missing in the database`);
    else if (key(got) !== key(values)) out.push(`enum ${name}: schema has [${values}], database has [${got}]`);
  }
  for (const name of Object.keys(actual.enums))
    if (!expected.enums[name]) out.push(`enum ${name} exists only in the database`);

  for (const [name, t] of Object.entries(expected.tables)) {
    const a = actual.tables[name];
    if (!a) {
      out.push(`table ${name} is missing in the database`);
      continue;
    }
    for (const [c, col] of Object.entries(t.columns)) {
      const ac = a.columns[c];
      if (!ac) out.push(`${name}.${c} is missing in the database`);
      else {
        if (ac.type !== col.type) out.push(`${name}.${c}: schema type ${col.type}, database type ${ac.type}`);
        if (ac.nullable !== col.nullable)
          out.push(
            `${name}.${c}: schema ${col.nullable ? "nullable" : "NOT NULL"}, database ${ac.nullable ? "nullable" : "NOT NULL"}`,
          );
        if (ac.hasDefault !== col.hasDefault)
          out.push(
            `${name}.${c}: schema ${col.hasDefault ? "has" : "has no"} database default, database ${ac.hasDefault ? "has" : "has none"}`,
          );
      }
    }
    for (const c of Object.keys(a.columns)) if (!t.columns[c]) out.push(`${name}.${c} exists only in the database`);
    if (key(a.primaryKey) !== key(t.primaryKey))
      out.push(`${name}: primary key (${t.primaryKey}) in schema, (${a.primaryKey}) in database`);
    const compareSets = (label: string, exp: string[][], act: string[][]) => {
      const e = new Set(exp.map(key));
      const g = new Set(act.map(key));
      for (const k of e) if (!g.has(k)) out.push(`${name}: ${label} (${k}) is missing in the database`);
      for (const k of g) if (!e.has(k)) out.push(`${name}: ${label} (${k}) exists only in the database`);
    };
    compareSets("unique index", t.uniques, a.uniques);
    compareSets("index", t.indexes, a.indexes);
    const fk = (f: ForeignKeyShape) =>
      `${key(f.columns)} -> ${f.refTable}(${key(f.refColumns)}) ON DELETE ${f.onDelete}`;
    compareSets(
      "foreign key",
      t.foreignKeys.map((f) => [fk(f)]),
      a.foreignKeys.map((f) => [fk(f)]),
    );
  }
  for (const name of Object.keys(actual.tables))
    if (!expected.tables[name]) out.push(`table ${name} exists only in the database`);
  return out;
}

/**
 * Loads the DMMF of the schema folder (prisma/schema: one .prisma file per domain, read as one
 * schema, as prisma.config.ts tells the CLI) offline; Prisma's parser is WebAssembly.
 */
export async function loadDatamodel(schemaDir = "prisma/schema"): Promise<Datamodel> {
  const { readdir, readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const internals = (await import("@prisma/internals")) as unknown as {
    default?: { getDMMF: GetDmmf };
    getDMMF?: GetDmmf;
  };
  const getDMMF = internals.getDMMF ?? internals.default?.getDMMF;
  if (!getDMMF) throw new Error("schema-shape: @prisma/internals has no getDMMF");
  const names = (await readdir(schemaDir, { recursive: true })).filter((n) => n.endsWith(".prisma")).sort();
  if (names.length === 0) throw new Error(`schema-shape: no .prisma files under ${schemaDir}`);
  const files = await Promise.all(
    names.map(async (n): Promise<[string, string]> => [n, await readFile(join(schemaDir, n), "utf8")]),
  );
  const dmmf = await getDMMF({ datamodel: files });
  return dmmf.datamodel as unknown as Datamodel;
}
type GetDmmf = (opts: { datamodel: string | [filename: string, content: string][] }) => Promise<{ datamodel: unknown }>;
