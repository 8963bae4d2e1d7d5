import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  diffShapes,
  loadDatamodel,
  shapeFromDatabase,
  shapeFromDatamodel,
  type Datamodel,
} from "../../dev/db/schema-shape";

describe("schema.prisma and the SQL migrations", () => {
  let client: pg.Client;
  let datamodel: Datamodel;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    datamodel = await loadDatamodel();
  });
  afterAll(() => client.end());

  it("describe the same tables, columns, enums, indexes and foreign keys", async () => {
    const drift = diffShapes(shapeFromDatamodel(datamodel), await shapeFromDatabase(client));
    expect(
      drift,
      `prisma/schema and prisma/migrations disagree; write a migration (npm run db:draft helps):\n${drift.join("\n")}`,
    ).toEqual([]);
  });

  it("reports a model field that no migration created", async () => {
    const edited = structuredClone(datamodel);
    const product = edited.models.find((m) => m.name === "Product")!;
    product.fields.push({ ...product.fields.find((f) => f.name === "title")!, name: "subtitle", dbName: null });
    const drift = diffShapes(shapeFromDatamodel(edited), await shapeFromDatabase(client));
    expect(drift).toEqual(["products.subtitle is missing in the database"]);
  });

  it("reports a column type, nullability and index that differ", async () => {
    await client.query(
      `ALTER TABLE "addresses" ALTER COLUMN "line2" TYPE VARCHAR(300), ALTER COLUMN "city" DROP NOT NULL`,
    );
    await client.query(`CREATE INDEX "addresses_city_idx" ON "addresses"("city")`);
    const drift = diffShapes(shapeFromDatamodel(datamodel), await shapeFromDatabase(client));
    expect(drift).toEqual(
      expect.arrayContaining([
        "addresses.line2: schema type character varying(200), database type character varying(300)",
        "addresses.city: schema NOT NULL, database nullable",
        "addresses: index (city) exists only in the database",
      ]),
    );
  });
});
